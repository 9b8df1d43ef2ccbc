"""The events map: places from the records or the package's table, countries at their capital,
one marker per place and type, escaped popups, nothing fetched but the background tiles."""
from __future__ import annotations

import json
import re
from pathlib import Path

from cli_helpers import run_cli
from timeline import Timeline
from timeline.event_map import map_html, place_point

FIXTURE = Path(__file__).parent / "fixtures" / "events.jsonl"


def _records() -> list[dict]:
    return [json.loads(line) for line in FIXTURE.read_text("utf-8").splitlines()]


def test_place_points():
    assert place_point({"name": "釜山", "lat": 35.18, "lon": 129.08}) == (35.18, 129.08, None)
    lat, lon, at = place_point({"name": "东京"})  # a CSV record: the name only, the package knows it
    assert (round(lat), round(lon), at) == (36, 140, None)
    lat, lon, at = place_point({"name": "日本", "country": "JPN"})  # a country: shown at its capital
    assert at == "东京" and round(lon) == 140
    assert place_point({"name": "美国"})[2] == "华盛顿"
    assert place_point({"name": "某个不知道的地方"}) is None and place_point(None) is None


def test_map_page_markers_and_popups():
    records = _records()
    page = map_html(records, title="<b>t</b>")
    markers = re.findall(r'class=\\"tl-marker\\" data-type=\\"(\w+)\\" data-count=\\"(\d+)\\"', page)
    placed = [r for r in records if r.get("location")]
    assert sum(int(n) for _, n in markers) == len(placed) == 11
    assert ("meeting", "1") in markers and ("visit", "1") in markers
    assert "11 of 16 events have a place on the map" in page
    assert "&lt;b&gt;t&lt;/b&gt;" in page and "<b>t</b>" not in page
    assert "Background map tiles need an internet connection" in page
    remote = re.findall(r'<(?:script[^>]*\ssrc|link[^>]*\shref)=["\']?(https?://[^"\'\s>]+)', page)
    assert remote == []  # no script or style from a CDN: Leaflet is inlined
    assert "tile.openstreetmap.org" in page  # the tiles, and only they, come from the internet


def test_map_escapes_record_text():
    evil = '<img src=x onerror=alert(1)>'
    record = dict(_records()[8], sentence=f"{evil}</script><script>alert(2)</script>",
                  location={"name": evil, "lat": 35.18, "lon": 129.08}, url="javascript:alert(3)")
    page = map_html([record])
    assert evil not in page and "</script><script>alert(2)" not in page
    assert "javascript:alert(3)" not in page  # only http(s) addresses become links


def test_cli_and_api(tmp_path):
    out = tmp_path / "map.html"
    code, _, err = run_cli("map", FIXTURE, "-o", out)
    assert code == 0, err
    assert "tl-marker" in out.read_text(encoding="utf-8")
    code, _, err = run_cli("map", FIXTURE, "-o", tmp_path / "map.png")
    assert code != 0
    m = Timeline.from_jsonl(FIXTURE).map()
    assert "tl-marker" in m._repr_html_()  # what Jupyter shows
