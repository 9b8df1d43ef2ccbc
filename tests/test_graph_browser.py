"""The interactive graph page in a real headless Chromium (Debian's, driven by Playwright).

No network: the page must draw from its inlined vis-network, and an actor named
`<script>alert(1)</script>` must show as text, never run.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from cli_helpers import run_cli

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
EVIL = "<script>alert(1)</script>"

pytestmark = [pytest.mark.browser,
              pytest.mark.skipif(not Path(CHROMIUM).exists(),
                                 reason="needs Debian's chromium: apt-get install -y chromium")]


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
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS, headless=True)
        yield b
        b.close()


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
    page.wait_for_function("() => typeof network !== 'undefined' && network !== null", timeout=15000)
    page.wait_for_timeout(500)

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
