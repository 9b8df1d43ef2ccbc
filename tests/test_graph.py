"""The actor graph: structure, aggregation, statements left out by default, the shared layout
(no overlaps), and every writer read back (networkx, PNG, HTML)."""
from __future__ import annotations

import html
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest

from cli_helpers import run_cli
from timeline import Timeline
from timeline.colors import TYPE_COLORS, country_color
from timeline.fonts import cjk_font
from timeline.graph_export import links, scalar_graph, write_graph
from timeline.graph_layout import boxes, layout, overlaps

FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return Timeline.from_jsonl(FIXTURE)


def test_multigraph_one_edge_per_event_pair(tl):
    g = tl.graph()
    assert isinstance(g, nx.MultiGraph)
    assert g.number_of_nodes() == 11  # 林剑 and 日本 only made statements
    assert g.number_of_edges() == 14  # every fixture event has exactly two actors; two are statements
    assert g.number_of_edges("习近平", "特朗普") == 4
    xi = g.nodes["习近平"]
    assert (xi["kind"], xi["country"], xi["role"], xi["name_en"]) == ("person", "CHN", "国家主席", "Xi Jinping")
    busan = g.edges["习近平", "特朗普", "ev_fixture09"]
    assert busan == {"type": "meeting", "date": "2025-10-30", "date_start": "2025-10-30", "date_end": "2025-10-30",
                     "status": "occurred", "place": "釜山", "evidence": busan["evidence"], "event_id": "ev_fixture09",
                     "url": None}
    assert "釜山" in busan["evidence"]
    assert g.nodes["特朗普"]["n_events"] == 8 and g.nodes["特朗普"]["n_call"] == 3


def test_single_actor_event_counts_on_node_without_edge():
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    solo = dict(records[13], event_id="solo", actors=[records[13]["actors"][0]])  # 特朗普 visits 北京, alone
    g = Timeline(records + [solo]).graph()
    assert g.number_of_edges() == 14
    assert g.nodes["特朗普"]["n_events"] == 9 and g.nodes["特朗普"]["n_visit"] == 2


def test_three_actor_event_links_every_pair():
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    actors = records[9]["actors"] + [records[3]["actors"][0]]  # 习近平, 高市早苗, 特朗普
    g = Timeline([dict(records[9], actors=actors)]).graph()
    assert sorted(tuple(sorted(e)) for e in g.edges()) == sorted(
        [("习近平", "高市早苗"), ("特朗普", "高市早苗"), ("习近平", "特朗普")])


def test_statements_are_kept_on_request(tl):
    g = tl.graph(statements=True)
    assert g.number_of_nodes() == 13 and g.number_of_edges() == 16
    assert g.nodes["林剑"]["n_statement"] == 1 and g.nodes["高市早苗"]["n_statement"] == 1
    assert tl.graph().nodes["高市早苗"]["n_statement"] == 0


def test_aggregate_graph(tl):
    g = tl.graph(aggregate=True)
    assert type(g) is nx.Graph
    assert g.number_of_edges() == 9
    e = g.edges["习近平", "特朗普"]
    assert e["weight"] == 4 and e["n_call"] == 3 and e["n_meeting"] == 1 and e["n_visit"] == 0
    assert e["first"] == "2025-01-17" and e["last"] == "2025-10-30"
    t = g.edges["特朗普", "普京"]
    assert t["weight"] == 2 and (t["first"], t["last"]) == ("2025-08-15", "2025-10-31")
    undated = g.edges["王毅", "鲁比奥"]
    assert undated["weight"] == 1 and undated["first"] is None
    assert sum(d["weight"] for *_, d in g.edges(data=True)) == 14


@pytest.mark.parametrize("aggregate", [False, True])
def test_graphml_and_gexf_read_back(tl, tmp_path, aggregate):
    for ext, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{ext}"
        tl.write_graph(path, aggregate=aggregate, statements=True)
        back = read(path)
        assert back.number_of_nodes() == 13, ext
        assert back.number_of_edges() == (11 if aggregate else 16), ext
        assert "高市早苗" in back.nodes
        node = back.nodes["林剑"]
        assert node.get("role") == "外交部发言人" or node.get("role") is None and ext == "gexf"
        if aggregate:
            edge = back.get_edge_data("习近平", "特朗普")
            assert int(edge["weight"]) == 4 and int(edge["n_call"]) == 3


def test_graphml_attributes_are_scalar_and_none_is_empty(tl, tmp_path):
    g = scalar_graph(tl.graph(aggregate=True))
    for _, data in g.nodes(data=True):
        assert all(isinstance(v, (str, int, float)) for v in data.values())
    assert g.nodes["中国"]["role"] == ""
    assert g.edges["习近平", "特朗普"]["event_ids"] == "ev_fixture02; ev_fixture03; ev_fixture06; ev_fixture09"
    path = tmp_path / "g.graphml"
    write_graph(tl.graph(), path)
    back = nx.read_graphml(path)
    edges = [d for *_, d in back.edges(data=True) if d.get("event_id") == "ev_fixture15"]
    assert edges and edges[0]["date"] == "" and edges[0]["place"] == ""


def test_html_is_offline_and_escaped(tl, tmp_path):
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    records[0]["actors"][0]["name"] = "<script>alert(1)</script>"
    path = tmp_path / "g.html"
    Timeline(records).write_graph(path, title="<b>title</b>")
    page = path.read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in page
    assert html.escape("<script>alert(1)</script>") in page
    assert "<b>title</b>" not in page and "&lt;b&gt;title&lt;/b&gt;" in page
    assert 'src="http' not in page and 'href="http' not in page  # nothing from a CDN
    assert "vis.Network" in page and "new vis.DataSet" in page


def test_png_uses_cjk_font(tl, tmp_path):
    font = cjk_font()
    assert "CJK" in font or "WenQuanYi" in font or "Han" in font or "Droid" in font
    path = tmp_path / "g.png"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        tl.write_graph(path)
    missing = [str(w.message) for w in caught if "missing from" in str(w.message) or "Glyph" in str(w.message)]
    assert missing == []  # no box instead of a Chinese character
    data = path.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n" and len(data) > 20_000


def test_png_without_cjk_font_names_the_package(tl, tmp_path, monkeypatch):
    from matplotlib import font_manager

    import timeline.fonts as fonts

    monkeypatch.setattr(fonts, "CJK_FONTS", ("No Such Font",))
    monkeypatch.setattr(font_manager, "findSystemFonts", lambda *a, **k: [])
    with pytest.raises(RuntimeError, match="apt-get install -y fonts-wqy-microhei"):
        tl.write_graph(tmp_path / "g.png")
    assert not (tmp_path / "g.png").exists()


def test_unknown_extension(tl, tmp_path):
    with pytest.raises(ValueError, match="graphml"):
        tl.write_graph(tmp_path / "g.svg")


def test_cli_graph_writes_by_extension(tmp_path):
    for ext in ("graphml", "gexf", "html", "png"):
        out = tmp_path / f"g.{ext}"
        code, _, err = run_cli("graph", FIXTURE, "-o", out, "--aggregate")
        assert code == 0, err
        assert out.stat().st_size > 0
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 9
    code, _, err = run_cli("graph", FIXTURE, "-o", tmp_path / "g.svg")
    assert code != 0
    # several outputs from one reading, statements kept on request
    code, _, err = run_cli("graph", FIXTURE, "-o", tmp_path / "s.gexf", "-o", tmp_path / "s.html", "--statements")
    assert code == 0, err
    assert nx.read_gexf(tmp_path / "s.gexf").number_of_nodes() == 13
    assert "林剑" in (tmp_path / "s.html").read_text(encoding="utf-8")


def _page_nodes(page: str) -> list[dict]:
    return json.loads(page.split("nodes = new vis.DataSet(", 1)[1].split(");", 1)[0])


def _page_edges(page: str) -> list[dict]:
    return json.loads(page.split("edges = new vis.DataSet(", 1)[1].split(");", 1)[0])


def test_html_nodes_legend_and_lines_from_one_table(tl, tmp_path):
    path = tmp_path / "g.html"
    tl.write_graph(path)
    page = path.read_text(encoding="utf-8")
    nodes = _page_nodes(page)
    for node in nodes:
        country = tl.graph().nodes[node["id"]]["country"]
        assert node["color"]["background"] == country_color(country)
        assert f'data-country="{country}"><i style="background:{country_color(country)};' in page
        assert "group" not in node  # a vis group would repaint the node in the group's colour
    edges = _page_edges(page)
    assert {e["color"]["color"] for e in edges} == {TYPE_COLORS[e["type"]] for e in edges}
    # one line per pair and type, listing its events; wider with more events
    calls = next(e for e in edges if e["pair"] == "习近平 — 特朗普 · call")
    assert [ev["start"] for ev in calls["events"]] == ["2025-01-17", "2025-06-05", "2025-09-19"]
    assert calls["width"] > next(e for e in edges if e["pair"] == "习近平 — 特朗普 · meeting")["width"]
    assert "2025-06-05 · call" in calls["title"]
    busan = next(e for e in edges if e["pair"] == "习近平 — 特朗普 · meeting")
    assert "2025-10-30 · meeting · 釜山" in busan["title"] and "釜山" in busan["title"].split("\n")[2]
    assert 'id="tl-from" min="2024-12-25"' in page and 'max="2026-05-31"' in page
    # the layout is the PNG's: every actor placed, none overlapping
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)


def test_layout_never_overlaps():
    """The fixture's graph, and a crowded one: a hub with 30 actors around it and a ring of 12."""
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    crowded = [{"event_id": f"e{i}", "type": "meeting", "actors": [{"name": "特朗普"}, {"name": f"外国领导人{i}号"}]}
               for i in range(30)]
    crowded += [{"event_id": f"r{i}", "type": "call", "actors": [{"name": f"R{i}"}, {"name": f"R{(i + 1) % 12}"}]}
                for i in range(12)]
    for recs in (records, crowded):
        g = Timeline(recs).graph(aggregate=True)
        nodes = {str(n): d for n, d in g.nodes(data=True)}
        pos = layout(nodes, [(str(u), str(v)) for u, v in g.edges])
        assert set(pos) == set(nodes)
        assert overlaps(pos, boxes(nodes)) == []


def test_png_legends_name_what_is_drawn(tl):
    from timeline.graph_png import _legend_sections

    sections = dict(_legend_sections(tl.graph(), links(tl.graph())))
    assert [label for _, label in sections["Event type"]] == ["call", "meeting", "visit", "agreement"]
    assert [h.get_color() for h, _ in sections["Event type"]] == [TYPE_COLORS[t] for t in
                                                                  ("call", "meeting", "visit", "agreement")]
    countries = {label: h.get_markerfacecolor() for h, label in sections["Country"]}
    assert countries == {"中国 CHN": country_color("CHN"), "日本 JPN": country_color("JPN"),
                         "韩国 KOR": country_color("KOR"), "俄罗斯 RUS": country_color("RUS"),
                         "美国 USA": country_color("USA")}
    assert [label for _, label in sections["Events (line width)"]] == ["1", "3"]


def test_layout_is_the_same_in_every_run():
    """Seeded, and never in the order of a set: the pictures do not change from run to run."""
    import os
    import subprocess
    import sys

    script = ("import json; from timeline import Timeline; from timeline.graph_layout import layout; "
              f"g = Timeline.from_jsonl({str(FIXTURE)!r}).graph(aggregate=True); "
              "print(json.dumps(layout({str(n): d for n, d in g.nodes(data=True)}, list(g.edges)), sort_keys=True))")
    runs = {subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed}).stdout for seed in ("1", "2", "3")}
    assert len(runs) == 1
