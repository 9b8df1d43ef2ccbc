"""The actor graph: structure, aggregation, and every writer read back (networkx, PNG header, HTML)."""
from __future__ import annotations

import html
import json
import warnings
from pathlib import Path

import networkx as nx
import pytest

from cli_helpers import run_cli
from timeline import Timeline
from timeline.graph_export import cjk_font, scalar_graph, write_graph

FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"


@pytest.fixture(scope="module")
def tl() -> Timeline:
    return Timeline.from_jsonl(FIXTURE)


def test_multigraph_one_edge_per_event_pair(tl):
    g = tl.graph()
    assert isinstance(g, nx.MultiGraph)
    assert g.number_of_nodes() == 13
    assert g.number_of_edges() == 16  # every fixture event has exactly two actors
    assert g.number_of_edges("习近平", "特朗普") == 4
    xi = g.nodes["习近平"]
    assert (xi["kind"], xi["country"], xi["role"], xi["name_en"]) == ("person", "CHN", "国家主席", "Xi Jinping")
    busan = g.edges["习近平", "特朗普", "ev_fixture09"]
    assert busan == {"type": "meeting", "date": "2025-10-30", "date_start": "2025-10-30", "date_end": "2025-10-30",
                     "status": "occurred", "place": "釜山", "evidence": busan["evidence"], "event_id": "ev_fixture09"}
    assert "釜山" in busan["evidence"]
    assert g.nodes["特朗普"]["n_events"] == 8 and g.nodes["特朗普"]["n_call"] == 3


def test_single_actor_event_counts_on_node_without_edge():
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    solo = dict(records[13], event_id="solo", actors=[records[13]["actors"][0]])  # 特朗普 visits 北京, alone
    g = Timeline(records + [solo]).graph()
    assert g.number_of_edges() == 16
    assert g.nodes["特朗普"]["n_events"] == 9 and g.nodes["特朗普"]["n_visit"] == 2


def test_three_actor_event_links_every_pair():
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    actors = records[9]["actors"] + [records[3]["actors"][0]]  # 习近平, 高市早苗, 特朗普
    g = Timeline([dict(records[9], actors=actors)]).graph()
    assert sorted(tuple(sorted(e)) for e in g.edges()) == sorted(
        [("习近平", "高市早苗"), ("特朗普", "高市早苗"), ("习近平", "特朗普")])


def test_aggregate_graph(tl):
    g = tl.graph(aggregate=True)
    assert type(g) is nx.Graph
    assert g.number_of_edges() == 11
    e = g.edges["习近平", "特朗普"]
    assert e["weight"] == 4 and e["n_call"] == 3 and e["n_meeting"] == 1 and e["n_visit"] == 0
    assert e["first"] == "2025-01-17" and e["last"] == "2025-10-30"
    t = g.edges["特朗普", "普京"]
    assert t["weight"] == 2 and (t["first"], t["last"]) == ("2025-08-15", "2025-10-31")
    undated = g.edges["王毅", "鲁比奥"]
    assert undated["weight"] == 1 and undated["first"] is None
    assert sum(d["weight"] for *_, d in g.edges(data=True)) == 16


@pytest.mark.parametrize("aggregate", [False, True])
def test_graphml_and_gexf_read_back(tl, tmp_path, aggregate):
    for ext, read in (("graphml", nx.read_graphml), ("gexf", nx.read_gexf)):
        path = tmp_path / f"g.{ext}"
        tl.write_graph(path, aggregate=aggregate)
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

    import timeline.graph_export as ge

    monkeypatch.setattr(ge, "CJK_FONTS", ("No Such Font",))
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
    assert nx.read_gexf(tmp_path / "g.gexf").number_of_edges() == 11
    code, _, err = run_cli("graph", FIXTURE, "-o", tmp_path / "g.svg")
    assert code != 0
