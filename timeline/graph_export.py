"""Write an actor graph by file extension: .graphml, .gexf (Gephi), .html (interactive), .png.

The HTML page (`timeline.graph_html`) and the PNG (`timeline.graph_png`) draw the same
`links`: one line per pair of actors and event type, its events listed, its width by their
number. All writes are atomic (a temporary file in the same directory, then a rename).
"""
from __future__ import annotations

import io
from dataclasses import dataclass, field
from pathlib import Path

import networkx as nx

from timeline.atomic import atomic_write
from timeline.colors import TYPE_COLORS

FORMATS = (".graphml", ".gexf", ".html", ".png")
EVIDENCE_CHARS = 160  # a tooltip quotes this much of the sentence


def write_graph(graph: nx.Graph, path: str | Path, title: str | None = None) -> None:
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".graphml":
        buf = io.BytesIO()
        nx.write_graphml(scalar_graph(graph), buf, encoding="utf-8")
        atomic_write(path, buf.getvalue())
    elif suffix == ".gexf":
        buf = io.BytesIO()
        nx.write_gexf(scalar_graph(graph), buf, encoding="utf-8")
        atomic_write(path, buf.getvalue())
    elif suffix in (".html", ".htm"):
        from timeline.graph_html import graph_html

        atomic_write(path, graph_html(graph, title=title or "Who met whom"))
    elif suffix == ".png":
        from timeline.graph_png import graph_png

        atomic_write(path, graph_png(graph, title=title))
    else:
        raise ValueError(f"{path}: unknown graph format {suffix or '(none)'}; use one of {', '.join(FORMATS)}")


# ---------------------------------------------------------------- what the pictures draw

@dataclass
class Link:
    """The events of one type between two actors: one line in the pictures."""

    u: str
    v: str
    type: str
    count: int = 0
    events: list[dict] = field(default_factory=list)  # the multigraph's edge data, one per event


def links(graph: nx.Graph) -> list[Link]:
    """The lines to draw, by pair and type; an aggregate graph gives counts without events."""
    found: dict[tuple[str, str, str], Link] = {}
    for u, v, data in graph.edges(data=True):
        a, b = sorted((str(u), str(v)))
        if graph.is_multigraph():
            t = str(data.get("type") or "")
            link = found.setdefault((a, b, t), Link(a, b, t))
            link.count += 1
            link.events.append(data)
        else:
            for key, n in data.items():
                if key.startswith("n_") and isinstance(n, int) and n:
                    found[(a, b, key[2:])] = Link(a, b, key[2:], n)
    order = {t: i for i, t in enumerate(TYPE_COLORS)}
    return sorted(found.values(), key=lambda k: (k.u, k.v, order.get(k.type, len(order)), k.type))


def line_width(count: int) -> int:
    """The width of a line of `count` events (points in the PNG, pixels on the page)."""
    return min(1 + 2 * count, 13)


def event_line(event: dict) -> str:
    """One event in a tooltip: date, type, place, status, and the sentence that states it."""
    head = " · ".join(str(x) for x in (event.get("date") or "undated", event.get("type"), event.get("place")) if x)
    if event.get("status") and event["status"] != "occurred":
        head += f" ({event['status']})"
    evidence = str(event.get("evidence") or "")
    if len(evidence) > EVIDENCE_CHARS:
        evidence = evidence[:EVIDENCE_CHARS - 1] + "…"
    return f"{head}\n  {evidence}" if evidence else head


# ---------------------------------------------------------------- GraphML / GEXF

def _scalar(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float, str)):
        return value
    if isinstance(value, (list, tuple, set)):
        return "; ".join("" if v is None else str(v) for v in value)
    return str(value)


def scalar_graph(graph: nx.Graph) -> nx.Graph:
    """A copy whose every attribute is a string or a number (None -> "", lists joined with `; `)."""
    g = graph.__class__()
    for n, data in graph.nodes(data=True):
        attrs = {k: _scalar(v) for k, v in data.items()}
        attrs.setdefault("label", str(n))
        g.add_node(n, **attrs)
    if graph.is_multigraph():
        for u, v, k, data in graph.edges(keys=True, data=True):
            g.add_edge(u, v, key=k, **{a: _scalar(x) for a, x in data.items()})
    else:
        for u, v, data in graph.edges(data=True):
            g.add_edge(u, v, **{a: _scalar(x) for a, x in data.items()})
    return g


def country_label(iso: str | None) -> str:
    """A legend entry for a country code: `中国 CHN`."""
    if not iso:
        return "no country"
    from timeline.lexicon import get_lexicon

    country = get_lexicon().countries.get(iso)
    return f"{country.name} {iso}" if country else iso


def legend_countries(graph: nx.Graph) -> list[str | None]:
    """The countries of the graph's actors, in legend order (None, for actors without one, last)."""
    codes = {d.get("country") for _, d in graph.nodes(data=True)}
    return sorted(c for c in codes if c) + ([None] if None in codes else [])
