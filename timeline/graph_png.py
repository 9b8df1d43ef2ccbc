"""The actor graph as a PNG (matplotlib), legible as it is.

Actors are placed by `timeline.graph_layout` (no two circles or labels overlap; one inch of
layout is one inch of figure, so labels keep their size and a larger graph makes a larger
picture). One line per pair of actors and event type (`graph_export.links`), as wide as it
has events, their number written on it when more than one; nodes are filled with their
country's colour. The legends (types, countries, line width) are drawn from
`timeline.colors`, the table the lines and nodes take their colours from. A large graph
shows its `MAX_ACTORS` most active actors, and its title says so.
"""
from __future__ import annotations

import io

import networkx as nx

from timeline.colors import TYPE_COLORS, country_color, darker, type_color
from timeline.fonts import cjk_font
from timeline.graph_export import Link, country_label, legend_countries, line_width, links
from timeline.graph_layout import LABEL_PT, boxes, layout, radius_in

MAX_ACTORS = 60
LEGEND_IN = 2.3


def graph_png(graph: nx.Graph, title: str | None = None, dpi: int = 150) -> bytes:
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt
    from matplotlib.font_manager import FontProperties
    from matplotlib.patches import Circle, FancyArrowPatch

    font = cjk_font()
    total = graph.number_of_nodes()
    graph = _most_active(graph, MAX_ACTORS)
    drawn = links(graph)
    nodes = {str(n): d for n, d in graph.nodes(data=True)}
    prop = FontProperties(family=[font, "DejaVu Sans"], size=LABEL_PT)
    radius = {n: radius_in(int(d.get("n_events") or 1)) for n, d in nodes.items()}
    box = boxes(nodes)
    pos = layout(nodes, [(k.u, k.v) for k in drawn])

    xs = [pos[n][0] + s * box[n][0] for n in nodes for s in (-1, 1)] or [0.0]
    ys = [y for n in nodes for y in (pos[n][1] + box[n][1], pos[n][1] - box[n][2])] or [0.0]
    margin, head = 0.35, 0.55
    width, height = max(xs) - min(xs) + 2 * margin, max(ys) - min(ys) + 2 * margin
    legend = _legend_sections(graph, drawn)
    fig_h = max(height, sum(0.27 * len(entries) + 0.4 for _, entries in legend)) + head
    fig = plt.figure(figsize=(width + LEGEND_IN, fig_h))
    bottom = (fig_h - head - height) / 2  # the graph in the middle of the space under the title
    ax = fig.add_axes((0, bottom / fig_h, width / (width + LEGEND_IN), height / fig_h))
    ax.set_xlim(min(xs) - margin, max(xs) + margin)  # one data unit is one inch
    ax.set_ylim(min(ys) - margin, max(ys) + margin)
    ax.axis("off")
    try:
        by_pair: dict[tuple[str, str], list[Link]] = {}
        for link in drawn:
            by_pair.setdefault((link.u, link.v), []).append(link)
        for (u, v), group in by_pair.items():
            for k, link in enumerate(group):
                rad = 0.22 * (k - (len(group) - 1) / 2)  # lines of one pair side by side, curved apart
                (x1, y1), (x2, y2) = pos[u], pos[v]
                color = type_color(link.type)
                ax.add_patch(FancyArrowPatch((x1, y1), (x2, y2), arrowstyle="-", connectionstyle=f"arc3,rad={rad}",
                                             linewidth=line_width(link.count), color=color, alpha=0.85, zorder=1,
                                             shrinkA=radius[u] * 72, shrinkB=radius[v] * 72))
                if link.count > 1:  # the middle of the arc, where its number goes
                    mx, my = (x1 + x2) / 2 + rad * (y2 - y1) / 2, (y1 + y2) / 2 - rad * (x2 - x1) / 2
                    ax.text(mx, my, str(link.count), fontsize=8, ha="center", va="center", zorder=4,
                            bbox={"boxstyle": "circle,pad=0.2", "fc": "white", "ec": color, "lw": 1})
        for n, d in nodes.items():
            fill = country_color(d.get("country"))
            x, y = pos[n]
            ax.add_patch(Circle((x, y), radius[n], facecolor=fill, edgecolor=darker(fill), linewidth=1.2, zorder=2))
            ax.text(x, y - radius[n] - 0.02, n, fontproperties=prop, ha="center", va="top", zorder=3,
                    bbox={"boxstyle": "round,pad=0.12", "fc": "white", "ec": "none", "alpha": 0.85})
        n_events = len({e.get("event_id") for link in drawn for e in link.events}) or sum(k.count for k in drawn)
        heading = title or "Who met whom"
        shown = f"the {len(nodes)} most active of {total} actors" if len(nodes) < total else f"{len(nodes)} actors"
        fig.text(0.02 / (width + LEGEND_IN), 1 - 0.12 / fig_h, f"{heading} — {shown}, {n_events} events",
                 fontproperties=FontProperties(family=[font, "DejaVu Sans"], size=14), va="top")
        _draw_legends(fig, legend, width / (width + LEGEND_IN), 1 - head / fig_h, font)
        buf = io.BytesIO()
        fig.savefig(buf, format="png", dpi=dpi, facecolor="white")
    finally:
        plt.close(fig)
    return buf.getvalue()


def _legend_sections(graph: nx.Graph, drawn: list[Link]) -> list[tuple[str, list[tuple[object, str]]]]:
    """(heading, [(handle, label)]) for the types drawn, the actors' countries and line widths."""
    from matplotlib.lines import Line2D

    types = [(Line2D([0], [0], color=type_color(t), lw=4), t) for t in TYPE_COLORS if any(k.type == t for k in drawn)]
    countries = []
    for c in legend_countries(graph):
        fill = country_color(c)
        countries.append((Line2D([0], [0], marker="o", linestyle="none", markersize=12, markerfacecolor=fill,
                                 markeredgecolor=darker(fill)), country_label(c)))
    most = max((k.count for k in drawn), default=0)
    counts = sorted({1, most} | ({3} if most > 3 else set())) if most else []
    widths = [(Line2D([0], [0], color="#555555", lw=line_width(n)), str(n)) for n in counts]
    return [(h, e) for h, e in (("Event type", types), ("Country", countries), ("Events (line width)", widths)) if e]


def _draw_legends(fig, sections: list, x: float, top: float, font: str) -> None:
    """The legends one under the other, from `top` down, at `x` (figure fractions)."""
    from matplotlib.font_manager import FontProperties

    for heading, entries in sections:
        handles, labels = zip(*entries)
        legend = fig.legend(handles, labels, title=heading, loc="upper left", bbox_to_anchor=(x, top),
                            frameon=False, handlelength=2.2, alignment="left",
                            prop=FontProperties(family=[font, "DejaVu Sans"], size=10),
                            title_fontproperties=FontProperties(family="DejaVu Sans", weight="bold", size=10))
        fig.canvas.draw()  # the legend's height, to put the next one under it
        top = legend.get_window_extent().y0 / fig.bbox.height - 0.01


def _most_active(graph: nx.Graph, limit: int) -> nx.Graph:
    if graph.number_of_nodes() <= limit:
        return graph
    ranked = sorted(graph.nodes(data=True), key=lambda nd: (-int(nd[1].get("n_events") or 0), str(nd[0])))
    return graph.subgraph([n for n, _ in ranked[:limit]]).copy()
