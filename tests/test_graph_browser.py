"""The interactive graph page in a real headless Chromium (Debian's, driven by Playwright).

No network: the page must draw from its inlined vis-network, and an actor named
`<script>alert(1)</script>` must show as text, never run. A node is drawn in the colour its
legend entry shows; the date range hides the lines of events outside it.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser_helpers import MARKS, chromium, rgb
from cli_helpers import run_cli
from timeline.colors import TYPE_COLORS

EVIL = "<script>alert(1)</script>"
FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"

pytestmark = MARKS


def _records() -> list[dict]:
    evil = {"name": EVIL, "name_en": "<img src=x onerror=alert(2)>", "kind": "person", "country": "XSS",
            "role": "<b>role</b>"}
    xi = {"name": "习近平", "name_en": "Xi Jinping", "kind": "person", "country": "CHN", "role": "国家主席"}
    trump = {"name": "特朗普", "name_en": "Donald Trump", "kind": "person", "country": "USA", "role": "总统"}
    base = {"cameo": "040", "status": "occurred", "date_mod": None, "date_text": None, "doc_id": "d1",
            "doc_ids": ["d1"], "char_start": 0, "char_end": 10, "mentions": 1, "confidence": 0.9}
    return [
        {**base, "event_id": "e1", "type": "meeting", "date": "2025-10-30", "date_start": "2025-10-30",
         "date_end": "2025-10-30", "actors": [xi, trump],
         "location": {"name": "釜山", "name_en": "Busan", "country": "KOR", "lat": 35.18, "lon": 129.08},
         "sentence": "习近平同特朗普在釜山举行会晤。"},
        {**base, "event_id": "e2", "type": "call", "date": "2025-06-05", "date_start": "2025-06-05",
         "date_end": "2025-06-05", "actors": [evil, trump], "location": None,
         "sentence": f"{EVIL}与特朗普通电话</script><script>alert(3)</script>"},
    ]


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


@pytest.mark.parametrize("aggregate", [False, True])
def test_graph_page_draws_and_shows_script_name_as_text(tmp_path, browser, aggregate):
    events = tmp_path / "evil.jsonl"
    events.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in _records()), encoding="utf-8")
    page_file = tmp_path / "graph.html"
    args = ["graph", events, "-o", page_file] + (["--aggregate"] if aggregate else [])
    code, _, err = run_cli(*args)
    assert code == 0, err
    source = page_file.read_text(encoding="utf-8")
    assert EVIL not in source  # never raw in the markup, only escaped
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in source

    page = browser.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.tlStable === true", timeout=30000)  # laid out, physics off
    page.wait_for_timeout(300)

    assert page.locator("#mynetwork canvas").count() == 1
    box = page.locator("#mynetwork canvas").bounding_box()
    assert box and box["width"] > 100 and box["height"] > 100
    assert page.evaluate("() => network.body.data.nodes.length") == 3
    assert page.evaluate("() => network.body.data.edges.length") == 2
    labels = page.evaluate("() => network.body.data.nodes.get().map(n => n.label)")
    assert sorted(labels) == sorted(["习近平", "特朗普", EVIL])  # the name as data, drawn as text on canvas
    positions = page.evaluate("() => Object.keys(network.getPositions())")
    assert len(positions) == 3

    # the escaped name shows as text in the page's actor list; no element was injected
    page.locator("#tl-actors summary").click()
    assert EVIL in page.locator("#tl-actors").inner_text()
    assert page.locator("img[src=x]").count() == 0
    assert page.evaluate("() => [...document.scripts].some(s => s.textContent.trim() === 'alert(1)')") is False
    # hovering the malicious node shows its tooltip as text
    pos = page.evaluate(f"() => network.canvasToDOM(network.getPositions()[{json.dumps(EVIL)}])")
    canvas = page.locator("#mynetwork canvas").bounding_box()
    page.mouse.move(canvas["x"] + pos["x"], canvas["y"] + pos["y"])
    page.wait_for_timeout(800)
    tooltip = page.locator("div.vis-tooltip")
    assert tooltip.count() == 1 and tooltip.is_visible()
    assert EVIL in tooltip.inner_text()
    assert tooltip.locator("script, img, b").count() == 0
    page.wait_for_timeout(300)
    assert dialogs == []
    assert [u for u in requests if not u.startswith("file:")] == []  # works offline: nothing fetched
    page.close()


def _open_fixture_graph(tmp_path, browser):
    page_file = tmp_path / "graph.html"
    code, _, err = run_cli("graph", FIXTURE, "-o", page_file)
    assert code == 0, err
    page = browser.new_page(viewport={"width": 1200, "height": 1000})
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url))
    page.goto(page_file.as_uri())
    page.wait_for_function("() => window.tlStable === true", timeout=30000)
    page.wait_for_timeout(300)
    return page, requests


def _pixel(page, x: float, y: float) -> str:
    """The colour drawn on the graph's canvas at a point of the page (CSS pixels); 'transparent' where nothing is."""
    return page.evaluate("""([x, y]) => {
        const canvas = document.querySelector('#mynetwork canvas');
        const box = canvas.getBoundingClientRect();
        const ratio = canvas.width / box.width;
        const d = canvas.getContext('2d').getImageData(Math.round((x - box.left) * ratio),
                                                       Math.round((y - box.top) * ratio), 1, 1).data;
        return d[3] === 0 ? 'transparent' : `rgb(${d[0]}, ${d[1]}, ${d[2]})`;
    }""", [x, y])


def _on_page(page, point: dict) -> tuple[float, float]:
    dom = page.evaluate("(p) => network.canvasToDOM(p)", point)
    box = page.locator("#mynetwork canvas").bounding_box()
    return box["x"] + dom["x"], box["y"] + dom["y"]


def test_node_is_drawn_in_its_legend_colour(tmp_path, browser):
    page, requests = _open_fixture_graph(tmp_path, browser)
    nodes = page.evaluate("() => network.body.data.nodes.get().map(n => n.id)")
    assert "林剑" not in nodes and "日本" not in nodes  # statements only: not in the graph by default
    countries = {"习近平": "CHN", "特朗普": "USA", "高市早苗": "JPN", "李在明": "KOR", "普京": "RUS"}
    for name, iso in countries.items():
        legend = page.locator(f'#tl-legend .tl-country[data-country="{iso}"] i')
        legend_colour = legend.evaluate("el => getComputedStyle(el).backgroundColor")
        x, y = _on_page(page, page.evaluate(f"() => network.getPositions([{json.dumps(name)}])[{json.dumps(name)}]"))
        assert _pixel(page, x, y) == legend_colour, name
    # the line colours are the type legend's
    for etype, colour in TYPE_COLORS.items():
        key = page.locator(f'#tl-legend .tl-type[data-type="{etype}"] i')
        if etype == "statement":
            assert key.count() == 0
            continue
        assert key.evaluate("el => getComputedStyle(el).backgroundColor") == rgb(colour)
    assert [u for u in requests if not u.startswith("file:")] == []
    page.close()


def test_date_range_hides_lines_outside_it(tmp_path, browser):
    page, _ = _open_fixture_graph(tmp_path, browser)
    edge = page.evaluate("""() => network.body.data.edges.get().find(
        e => e.pair === '普京 — 特朗普 · meeting')""")
    assert edge["hidden"] is False and [e["start"] for e in edge["events"]] == ["2025-08-15", "2025-10-01"]
    ends = page.evaluate("() => network.getPositions(['特朗普', '普京'])")
    mid = {"x": (ends["特朗普"]["x"] + ends["普京"]["x"]) / 2, "y": (ends["特朗普"]["y"] + ends["普京"]["y"]) / 2}
    x, y = _on_page(page, mid)
    assert _pixel(page, x, y) == rgb(TYPE_COLORS["meeting"])  # drawn: a straight meeting line
    # its tooltip lists both events with date, type, place and the sentence
    page.mouse.move(x, y)
    page.wait_for_timeout(800)
    tip = page.locator("div.vis-tooltip").inner_text()
    assert "2025-08-15 · meeting · 安克雷奇" in tip and "2025-10 · meeting · 布达佩斯 (cancelled)" in tip
    assert "阿拉斯加" in tip or "安克雷奇" in tip.split("\n", 2)[2]
    page.mouse.move(5, 5)
    shown_before = page.locator("#tl-shown").inner_text()
    assert shown_before == "14 of 14 events shown"

    page.fill("#tl-from", "2025-01-01")
    page.fill("#tl-to", "2025-06-30")
    page.locator("#tl-to").dispatch_event("change")
    page.wait_for_timeout(500)
    hidden = page.evaluate("() => network.body.data.edges.get().filter(e => e.hidden).map(e => e.pair)")
    assert "普京 — 特朗普 · meeting" in hidden
    assert "习近平 — 特朗普 · call" not in hidden  # calls of 17 January and 5 June are in the range
    assert _pixel(page, x, y) == "transparent"  # no longer drawn
    assert page.evaluate("() => network.body.data.nodes.get('普京').hidden") is True
    assert page.locator("#tl-shown").inner_text() == "3 of 14 events shown"  # two calls and the undated one
    page.locator("#tl-undated").uncheck()
    page.wait_for_timeout(300)
    assert page.locator("#tl-shown").inner_text() == "2 of 14 events shown"
    page.locator("#tl-all").click()
    page.wait_for_timeout(500)
    assert page.evaluate("() => network.body.data.edges.get().filter(e => e.hidden).length") == 0
    assert _pixel(page, x, y) == rgb(TYPE_COLORS["meeting"])
    page.close()
