"""The events map in a real headless Chromium (Debian's, driven by Playwright), offline.

Every request leaving the machine is refused, as without a network: the markers must still
be drawn, in their legend's colours, with popups that list the events, and the page must say
that the background tiles need a connection.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest

from browser_helpers import MARKS, chromium, rgb
from cli_helpers import run_cli
from timeline.colors import TYPE_COLORS

FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"
EVIL = "<img src=x onerror=alert(1)>"

pytestmark = MARKS


@pytest.fixture(scope="module")
def browser():
    with chromium() as b:
        yield b


def test_map_offline_markers_colours_popups(tmp_path, browser):
    records = [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]
    records.append(dict(records[8], event_id="evil", location={"name": EVIL, "lat": 40.0, "lon": 100.0},
                        sentence=f"{EVIL}</script><script>alert(2)</script>"))
    events = tmp_path / "events.jsonl"
    events.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    out = tmp_path / "map.html"
    code, _, err = run_cli("map", events, "-o", out)
    assert code == 0, err

    page = browser.new_page(viewport={"width": 1200, "height": 800})
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    refused: list[str] = []

    def offline(route):
        refused.append(route.request.url)
        route.abort("internetdisconnected")

    page.route(lambda url: not url.startswith("file:"), offline)
    failed_files: list[str] = []
    page.on("requestfailed", lambda r: failed_files.append(r.url) if r.url.startswith("file:") else None)
    page.goto(out.as_uri())
    page.wait_for_selector("#tl-offline:not([hidden])", timeout=15000)  # a tile failed: the note shows
    assert "need an internet connection" in page.locator("#tl-offline").inner_text()

    markers = page.locator(".tl-marker")
    assert markers.count() == 12  # one per place and type: 奈良 has a meeting and a visit, 北京 a statement and a visit
    assert sum(int(m.get_attribute("data-count")) for m in markers.all()) == 12  # the events with a place
    for m in markers.all():
        etype = m.get_attribute("data-type")
        drawn = m.evaluate("el => getComputedStyle(el).backgroundColor")
        legend = page.locator(f'#tl-panel .tl-key[data-type="{etype}"] i').evaluate(
            "el => getComputedStyle(el).backgroundColor")
        assert drawn == legend == rgb(TYPE_COLORS[etype])
        assert m.is_visible()
    # a marker's popup lists its events: date, actors, the sentence; hostile text stays text
    popups = []
    for m in page.locator('.tl-marker[data-type="meeting"]').all():
        m.dispatch_event("click")  # markers of nearby places may overlap: click this one
        page.wait_for_timeout(200)
        popups.append(page.locator(".leaflet-popup-content").inner_text())
    busan = next(p for p in popups if p.startswith("釜山"))
    assert "2025-10-30 习近平、特朗普" in busan and "在韩国釜山同美国总统特朗普举行会晤" in busan
    assert any(p.startswith(EVIL) and "</script><script>alert(2)</script>" in p for p in popups)
    assert page.locator("img[src=x]").count() == 0
    assert dialogs == []
    assert refused and all("tile.openstreetmap.org" in u for u in refused)  # nothing else was asked for
    assert failed_files == []  # nor a file next to the page
    page.close()
