"""The actor-interaction graph of a set of SPEC.md event records.

`build_graph(records)`: a networkx MultiGraph, one node per actor (kind, country, role,
name_en, n_events, n_<type>), one edge per event between each pair of its actors
(type, date, date_start, date_end, status, place, evidence, event_id, url). Events with a
single actor (a visit to a place) add no edge; they count on the node.

The graph holds the interactions (calls, meetings, visits, agreements): an actor that only
made statements is not in it. `statements=True` keeps statements too.

`build_graph(records, aggregate=True)`: a weighted Graph, one edge per pair: weight (the
number of events), n_call, n_meeting, n_visit, n_agreement, n_statement, first, last.
"""
from __future__ import annotations

from itertools import combinations

import networkx as nx

EVENT_TYPES = ("call", "meeting", "visit", "agreement", "statement")
INTERACTIONS = ("call", "meeting", "visit", "agreement")


def build_graph(records: list[dict], aggregate: bool = False, statements: bool = False) -> nx.Graph:
    multi = nx.MultiGraph()
    for r in records:
        if not statements and r.get("type") not in INTERACTIONS:
            continue
        actors: dict[str, dict] = {}
        for a in r.get("actors") or []:
            if a.get("name"):
                actors.setdefault(a["name"], a)
        etype = str(r.get("type") or "")
        for name, a in actors.items():
            if name not in multi:
                multi.add_node(name, name=name, name_en=a.get("name_en"), kind=a.get("kind"),
                               country=a.get("country"), role=a.get("role"), n_events=0,
                               **{f"n_{t}": 0 for t in EVENT_TYPES})
            node = multi.nodes[name]
            for key in ("name_en", "kind", "country", "role"):  # fill what an earlier record lacked
                if node.get(key) is None and a.get(key) is not None:
                    node[key] = a[key]
            node["n_events"] += 1
            node[f"n_{etype}"] = node.get(f"n_{etype}", 0) + 1
        loc = r.get("location") or {}
        for u, v in combinations(sorted(actors), 2):
            multi.add_edge(u, v, key=r.get("event_id"), type=etype, date=r.get("date") or r.get("date_start"),
                           date_start=r.get("date_start"), date_end=r.get("date_end"),
                           status=r.get("status"), place=loc.get("name"), evidence=r.get("sentence"),
                           event_id=r.get("event_id"), url=r.get("url"))
    return _aggregate(multi) if aggregate else multi


def _aggregate(multi: nx.MultiGraph) -> nx.Graph:
    g = nx.Graph()
    g.add_nodes_from(multi.nodes(data=True))
    for u, v, data in multi.edges(data=True):
        if not g.has_edge(u, v):
            g.add_edge(u, v, weight=0, first=None, last=None, event_ids=[],
                       **{f"n_{t}": 0 for t in EVENT_TYPES})
        e = g.edges[u, v]
        e["weight"] += 1
        e[f"n_{data['type']}"] = e.get(f"n_{data['type']}", 0) + 1
        e["event_ids"].append(data.get("event_id"))
        start, end = data.get("date_start"), data.get("date_end") or data.get("date_start")
        if start and (e["first"] is None or start < e["first"]):
            e["first"] = start
        if end and (e["last"] is None or end > e["last"]):
            e["last"] = end
    return g
