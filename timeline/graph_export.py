"""Write an actor graph by file extension: .graphml, .gexf (Gephi), .html (pyvis, offline), .png.

All writes are atomic (a temporary file in the same directory, then a rename).
"""
from __future__ import annotations

import html
import io
import re
import zlib
from pathlib import Path

import networkx as nx

from timeline.atomic import atomic_write

FORMATS = (".graphml", ".gexf", ".html", ".png")
TYPE_COLORS = {"call": "#1f77b4", "meeting": "#d62728", "visit": "#2ca02c", "agreement": "#9467bd",
               "statement": "#7f7f7f"}
COUNTRY_COLORS = {"CHN": "#e41a1c", "USA": "#377eb8", "JPN": "#f781bf", "KOR": "#4daf4a", "RUS": "#984ea3",
                  "PRK": "#a65628", "TWN": "#ff7f00"}
PALETTE = ("#66c2a5", "#fc8d62", "#8da0cb", "#e78ac3", "#a6d854", "#ffd92f", "#e5c494", "#b3b3b3",
           "#1b9e77", "#d95f02", "#7570b3", "#e7298a")
CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "Source Han Serif SC",
             "AR PL UMing CN", "AR PL UKai CN", "Droid Sans Fallback")
CJK_FONT_FILES = re.compile(r"(noto.*cjk|sourcehan|source-han|wqy|wenquanyi|droidsansfallback|uming|ukai)", re.I)
FONT_PACKAGE = "fonts-wqy-microhei"
INSTALL_HINT = ("no CJK font found for the PNG graph (Chinese names would show as boxes); "
                f"install one: apt-get install -y {FONT_PACKAGE}  (or fonts-noto-cjk)")


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
        atomic_write(path, graph_html(graph, title=title or "Who met whom"))
    elif suffix == ".png":
        atomic_write(path, graph_png(graph, title=title))
    else:
        raise ValueError(f"{path}: unknown graph format {suffix or '(none)'}; use one of {', '.join(FORMATS)}")


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


# ---------------------------------------------------------------- HTML (pyvis)

def country_color(country: str | None) -> str:
    if not country:
        return "#cccccc"
    return COUNTRY_COLORS.get(country) or PALETTE[zlib.crc32(country.encode()) % len(PALETTE)]


def _edge_events(graph: nx.Graph):
    """(u, v, data) per event: a multigraph's edges, or an aggregate edge as itself."""
    if graph.is_multigraph():
        yield from graph.edges(data=True)
    else:
        for u, v, data in graph.edges(data=True):
            yield u, v, data


def _node_tooltip(name: str, data: dict) -> str:
    lines = [name]
    if data.get("name_en"):
        lines.append(str(data["name_en"]))
    lines.append(" · ".join(str(x) for x in (data.get("role"), data.get("country")) if x))
    lines.append(f"{data.get('n_events', 0)} events")
    return "\n".join(line for line in lines if line)


def _edge_tooltip(u: str, v: str, data: dict) -> str:
    if "weight" in data:  # aggregate edge
        counts = ", ".join(f"{k[2:]} {data[k]}" for k in sorted(data) if k.startswith("n_") and data[k])
        return f"{u} — {v}\n{data['weight']} events: {counts}\n{data.get('first') or '?'} … {data.get('last') or '?'}"
    head = f"{data.get('type')} ({data.get('status')}) {data.get('date') or 'undated'}"
    place = f" @ {data['place']}" if data.get("place") else ""
    return f"{u} — {v}\n{head}{place}\n{data.get('evidence') or ''}"


def graph_html(graph: nx.Graph, title: str = "Who met whom", height: str = "700px") -> str:
    """A self-contained page (vis-network inlined, no network access needed).

    Labels and tooltips reach the page as JSON inside a script (Jinja's `tojson` escapes
    `<`, `>`, `&`, `'`), vis-network draws labels on a canvas and shows string tooltips as
    text (innerText); every text put into the HTML itself is escaped with html.escape.
    """
    from pyvis.network import Network

    net = Network(height=height, width="100%", cdn_resources="in_line", notebook=False, heading="")
    net.toggle_physics(True)
    for n, data in graph.nodes(data=True):
        size = 10 + 4 * min(int(data.get("n_events") or 1), 10)
        net.add_node(str(n), label=str(n), title=_node_tooltip(str(n), data), color=country_color(data.get("country")),
                     size=size, shape="dot", group=data.get("country") or "")
    for i, (u, v, data) in enumerate(_edge_events(graph)):
        etype = data.get("type") or _main_type(data)
        net.edges.append({"from": str(u), "to": str(v), "id": f"e{i}", "title": _edge_tooltip(str(u), str(v), data),
                          "color": TYPE_COLORS.get(etype, "#999999"), "width": 1 + min(int(data.get("weight") or 1), 8),
                          "smooth": {"type": "curvedCW", "roundness": 0.1 * (i % 5)}})
    page = net.generate_html(notebook=False)
    page = _drop_remote(page)
    return page.replace("<body>", "<body>\n" + _header(graph, title), 1)


def _main_type(data: dict) -> str:
    counts = {k[2:]: v for k, v in data.items() if k.startswith("n_") and isinstance(v, int)}
    return max(counts, key=counts.get) if counts and max(counts.values()) else ""


def _drop_remote(page: str) -> str:
    """Remove the template's CDN <link>/<script> tags (bootstrap): the page must work offline."""
    page = re.sub(r"<link[^>]*href=\"https?://[^\"]*\"[^>]*/?>", "", page, flags=re.S)
    page = re.sub(r"<script[^>]*src=\"https?://[^\"]*\"[^>]*>\s*</script>", "", page, flags=re.S)
    return page


def _header(graph: nx.Graph, title: str) -> str:
    """Title, colour legends and a text list of the actors (all escaped)."""
    esc = html.escape
    types = "".join(f'<span style="color:{c}">&#9644; {esc(t)}</span> ' for t, c in TYPE_COLORS.items())
    countries = sorted({d.get("country") for _, d in graph.nodes(data=True) if d.get("country")})
    legend = "".join(f'<span style="color:{country_color(c)}">&#9679; {esc(c)}</span> ' for c in countries)
    rows = "".join(
        f"<li>{esc(str(n))}" + (f" ({esc(str(d['name_en']))})" if d.get("name_en") else "")
        + f" — {esc(str(d.get('n_events', 0)))} events</li>" for n, d in graph.nodes(data=True))
    return (f'<h2 id="tl-title" style="font-family:sans-serif">{esc(title)}</h2>\n'
            f'<div id="tl-legend" style="font-family:sans-serif;font-size:90%">{types}<br>{legend}</div>\n'
            f'<details id="tl-actors" style="font-family:sans-serif;font-size:90%"><summary>'
            f'{graph.number_of_nodes()} actors, {graph.number_of_edges()} links</summary><ul>{rows}</ul></details>\n')


# ---------------------------------------------------------------- PNG (matplotlib)

def cjk_font() -> str:
    """The family name of an installed CJK font; RuntimeError naming the package to install if none."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONTS:
        if family in names:
            return family
    # fonts installed after matplotlib built its cache: scan the system font files
    for path in font_manager.findSystemFonts():
        if CJK_FONT_FILES.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except Exception:
                continue
    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONTS:
        if family in names:
            return family
    raise RuntimeError(INSTALL_HINT)


def graph_png(graph: nx.Graph, title: str | None = None, dpi: int = 150) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.lines import Line2D

    font = cjk_font()
    simple = nx.Graph()
    simple.add_nodes_from(graph.nodes(data=True))
    for u, v, data in _edge_events(graph):
        w = int(data.get("weight") or 1)
        if simple.has_edge(u, v):
            simple.edges[u, v]["weight"] += w
        else:
            simple.add_edge(u, v, weight=w, type=data.get("type") or _main_type(data))
    with plt.rc_context({"font.family": [font, "DejaVu Sans"], "axes.unicode_minus": False}):
        fig, ax = plt.subplots(figsize=(10, 8))
        try:
            pos = nx.spring_layout(simple, seed=42, k=1.2 / max(1, len(simple)) ** 0.5) if len(simple) else {}
            nx.draw_networkx_edges(simple, pos, ax=ax, width=[1 + simple.edges[e]["weight"] for e in simple.edges],
                                   edge_color=[TYPE_COLORS.get(simple.edges[e]["type"], "#999999") for e in simple.edges],
                                   alpha=0.7)
            nx.draw_networkx_nodes(simple, pos, ax=ax, node_color=[country_color(d.get("country"))
                                                                   for _, d in simple.nodes(data=True)],
                                   node_size=[300 + 120 * int(d.get("n_events") or 1) for _, d in simple.nodes(data=True)])
            nx.draw_networkx_labels(simple, pos, ax=ax, font_family=font, font_size=11)
            handles = [Line2D([0], [0], color=c, lw=3, label=t) for t, c in TYPE_COLORS.items()]
            ax.legend(handles=handles, loc="lower right", fontsize=9)
            ax.set_title(title or "Who met whom", fontfamily=font)
            ax.axis("off")
            buf = io.BytesIO()
            fig.savefig(buf, format="png", dpi=dpi, bbox_inches="tight")
        finally:
            plt.close(fig)
    return buf.getvalue()
