"""Where each actor goes in the pictures of the graph (the PNG and the HTML page share it).

Positions are in inches. Each connected group of actors is laid out by force (networkx's
spring layout, seeded: the same graph gives the same picture), then pushed apart until no
two actors' boxes (the circle and the label under it) overlap, and the groups are packed in
rows, largest first.
"""
from __future__ import annotations

import unicodedata
from itertools import combinations

import networkx as nx

LABEL_PT = 11  # the labels' size: the pictures keep it whatever the graph, and grow instead
LINE_IN = 1.7  # the typical length of a line, inches
GAP_IN = 0.14  # the least space between two actors' boxes
ROW_IN = 9.0  # groups of actors are packed in rows about this wide


def radius_in(n_events: int) -> float:
    """A node's radius: the more events, the larger."""
    return (8 + 2.2 * min(n_events, 12)) / 72


def text_width_in(text: str, size_pt: float = LABEL_PT) -> float:
    """The width of a label: CJK and other wide characters one em, the others about half."""
    ems = sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.6 for c in text)
    return ems * size_pt / 72


def boxes(nodes: dict[str, dict]) -> dict[str, tuple[float, float, float]]:
    """Each actor's box around its centre: (half width, above, below); the label is under the circle."""
    out = {}
    for n, d in nodes.items():
        r = radius_in(int(d.get("n_events") or 1))
        out[n] = (max(r, text_width_in(n) / 2 + 0.05), r, r + LABEL_PT * 1.45 / 72)
    return out


def layout(nodes: dict[str, dict], pairs: list[tuple[str, str]]) -> dict[str, tuple[float, float]]:
    """Positions in inches (y up) in which no two actors' boxes overlap."""
    box = boxes(nodes)
    simple = nx.Graph()
    simple.add_nodes_from(sorted(nodes))
    simple.add_edges_from(pairs)
    groups = sorted((sorted(c) for c in nx.connected_components(simple)), key=lambda c: (-len(c), c))
    return _pack([_separate(_group_layout(_ordered(simple, g)), box) for g in groups], box)


def _ordered(graph: nx.Graph, names: list[str]) -> nx.Graph:
    """The group as a graph of its own, nodes and edges in sorted order: a subgraph view would
    list them in the order of a set, and the seeded layout would differ from run to run."""
    group = nx.Graph()
    group.add_nodes_from(names)
    group.add_edges_from(sorted(tuple(sorted(e)) for e in graph.subgraph(names).edges))
    return group


def overlaps(pos: dict[str, tuple[float, float]], box: dict) -> list[tuple[str, str]]:
    """The pairs of actors whose boxes overlap (none, after `layout`)."""
    return [(a, b) for a, b in combinations(sorted(pos), 2) if _overlap(pos[a], pos[b], box[a], box[b]) is not None]


def _overlap(pa, pb, ba, bb) -> tuple[float, float] | None:
    over_x = ba[0] + bb[0] - abs(pb[0] - pa[0])
    over_y = min(pa[1] + ba[1], pb[1] + bb[1]) - max(pa[1] - ba[2], pb[1] - bb[2])
    return (over_x, over_y) if over_x > 0 and over_y > 0 else None


def _group_layout(group: nx.Graph) -> dict[str, list[float]]:
    names = sorted(group)
    if len(names) == 1:
        return {names[0]: [0.0, 0.0]}
    pos = nx.spring_layout(group, seed=7, k=1.0, iterations=200)
    lengths = [((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5 for u, v in group.edges]
    scale = LINE_IN / max(sum(lengths) / len(lengths), 1e-6)
    return {n: [float(pos[n][0]) * scale, float(pos[n][1]) * scale] for n in names}


def _separate(pos: dict[str, list[float]], box: dict, rounds: int = 400) -> dict[str, list[float]]:
    """Push overlapping boxes apart along the axis where they overlap least, until none do."""
    names = sorted(pos)
    padded = {n: (b[0] + GAP_IN / 2, b[1] + GAP_IN / 2, b[2] + GAP_IN / 2) for n, b in box.items()}
    for _ in range(rounds):
        moved = False
        for a, b in combinations(names, 2):
            over = _overlap(pos[a], pos[b], padded[a], padded[b])
            if over is None:
                continue
            moved = True
            axis = 0 if over[0] < over[1] else 1
            step = over[axis] / 2 * (1 if pos[b][axis] >= pos[a][axis] else -1)
            pos[a][axis] -= step
            pos[b][axis] += step
        if not moved:
            break
    return pos


def _pack(groups: list[dict[str, list[float]]], box: dict) -> dict[str, tuple[float, float]]:
    """Groups side by side in rows, top to bottom, three gaps apart."""
    out: dict[str, tuple[float, float]] = {}
    x = y = row_h = 0.0
    for pos in groups:
        left = min(p[0] - box[n][0] for n, p in pos.items())
        right = max(p[0] + box[n][0] for n, p in pos.items())
        top = max(p[1] + box[n][1] for n, p in pos.items())
        bottom = min(p[1] - box[n][2] for n, p in pos.items())
        if x > 0 and x + right - left > ROW_IN:
            x, y, row_h = 0.0, y - row_h - 3 * GAP_IN, 0.0
        for n, (px, py) in pos.items():
            out[n] = (px - left + x, py - top + y)
        x += right - left + 3 * GAP_IN
        row_h = max(row_h, top - bottom)
    return out
