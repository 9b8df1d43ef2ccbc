"""Events on a map (folium, i.e. Leaflet), readable offline.

Each event with a place is put at the place's coordinates: the record's, else the package's
table of places (`timeline/data/places.tsv`); an event placed only in a country is put at
its capital, and its popup says so. One round marker per place and event type, coloured from
`timeline.colors` (the table the legend is drawn from), as large as it has events, their
number written in it; the markers of one place sit in a small ring around it, and the place
is named beside them. A popup lists the events (date, type, status, actors, the sentence,
a link to the source); hovering tells the place, type and count.

Leaflet's script and style are inlined from the `xstatic-leaflet` package and folium's other
CDN files are left out, so the page draws its markers without a network; only the background
tiles come from the internet, and when they cannot be loaded the page says so.

Every text from the records is escaped with html.escape and reaches the page's scripts as
JSON (Jinja's `tojson`, which escapes `<`, `>`, `&`, `'`).
"""
from __future__ import annotations

import html
import math
import re
from pathlib import Path

from timeline.atomic import atomic_write
from timeline.colors import TYPE_COLORS, darker, type_color

TILES_NOTE = "Background map tiles need an internet connection; every event marker is shown without them."
STYLE = """<style>
.tl-marker { border-radius: 50%; border: 2px solid #ffffff; box-shadow: 0 0 0 1px rgba(0,0,0,.45);
             color: #ffffff; font: bold 11px/1 sans-serif; display: flex; align-items: center;
             justify-content: center; box-sizing: border-box; width: 100%; height: 100%; }
.tl-place { font: 13px sans-serif; white-space: nowrap; color: #222;
            text-shadow: 0 0 3px #fff, 0 0 3px #fff, 0 0 3px #fff; pointer-events: none; }
#tl-panel { position: absolute; top: 10px; right: 10px; z-index: 1000; background: rgba(255,255,255,.93);
            padding: 8px 12px; border-radius: 6px; box-shadow: 0 1px 5px rgba(0,0,0,.35);
            font: 13px/1.5 sans-serif; max-width: 250px; }
#tl-panel h3 { margin: 0 0 4px 0; font-size: 15px; }
#tl-panel .tl-key { display: block; }
#tl-panel .tl-key i { display: inline-block; width: 12px; height: 12px; border-radius: 50%;
                      margin-right: 6px; vertical-align: -1px; }
#tl-offline { margin-top: 6px; padding: 4px 6px; background: #fff3cd; border: 1px solid #e0c060;
              border-radius: 4px; }
.tl-popup ul { margin: 4px 0 0 0; padding-left: 16px; max-height: 260px; overflow-y: auto; }
.tl-popup li { margin-bottom: 6px; }
.leaflet-container { background: #dfe6ec; }
</style>"""


def _leaflet_assets() -> str:
    """Leaflet's script and style, inlined (no CDN: the page must draw offline)."""
    import xstatic.pkg.leaflet as leaflet

    data = Path(leaflet.BASE_DIR)
    script = re.sub(r"//# sourceMappingURL=\S+", "", (data / "leaflet.js").read_text(encoding="utf-8"))
    # folium makes each marker with Leaflet's default icon before giving it ours: an empty one
    # instead, so that the default icon's images (files next to a CDN copy) are never asked for
    default_icon = '<script>L.Marker.prototype.options.icon = L.divIcon({className: "tl-icon", html: ""});</script>'
    style = (data / "leaflet.css").read_text(encoding="utf-8")
    return f"<style>{style}</style>\n<script>{script}</script>\n{default_icon}"


def place_point(location: dict | None) -> tuple[float, float, str | None] | None:
    """(lat, lon, the capital a country is shown at, or None) for a record's location."""
    if not location or not location.get("name"):
        return None
    if location.get("lat") is not None and location.get("lon") is not None:
        return float(location["lat"]), float(location["lon"]), None
    from timeline.lexicon import get_lexicon

    lex = get_lexicon()
    place = lex.places.get(location["name"])
    if place is not None and place.lat is not None and place.lon is not None:
        return place.lat, place.lon, None
    iso = location.get("country") or next((c.iso3 for c in lex.countries.values() if c.name == location["name"]), None)
    country = lex.countries.get(iso) if iso else None
    capital = lex.places.get(country.capital) if country and country.capital else None
    if capital is None or capital.lat is None or capital.lon is None:
        return None
    return capital.lat, capital.lon, capital.name


def build_map(records: list[dict], title: str = "Where it happened"):
    """A folium.Map of the records (shows itself in Jupyter; `map_html` gives the page)."""
    import folium
    from branca.element import Element, MacroElement
    from jinja2 import Template

    class Bind(MacroElement):
        """A marker's popup and tooltip, passed to Leaflet as JSON strings of escaped HTML."""

        _template = Template("""{% macro script(this, kwargs) %}
{{ this._parent.get_name() }}.bindPopup({{ this.popup|tojson }}, {maxWidth: 380})
    .bindTooltip({{ this.tooltip|tojson }});
{% endmacro %}""")

        def __init__(self, popup: str, tooltip: str) -> None:
            super().__init__()
            self.popup, self.tooltip = popup, tooltip

    class Declutter(MacroElement):
        """Hides a place's name where it would cover a marker or a busier place's name (zoom in to see it)."""

        _template = Template("""{% macro script(this, kwargs) %}
(function (map) {
  function boxes(selector) {
    return Array.prototype.map.call(document.querySelectorAll(selector), function (el) {
      return el.getBoundingClientRect();
    });
  }
  function hit(r, o) { return r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom; }
  function declutter() {
    var taken = boxes(".tl-marker");
    var names = Array.prototype.slice.call(document.querySelectorAll(".tl-place"));
    names.sort(function (a, b) { return b.dataset.events - a.dataset.events; });
    names.forEach(function (el) {
      el.style.visibility = "visible";
      var r = el.getBoundingClientRect();
      if (taken.some(function (o) { return hit(r, o); })) { el.style.visibility = "hidden"; } else { taken.push(r); }
    });
  }
  map.on("zoomend moveend", declutter);
  map.whenReady(function () { setTimeout(declutter, 0); });
})({{ this._parent.get_name() }});
{% endmacro %}""")

    class TilesNote(MacroElement):
        """Shows the note on tiles when one fails to load (no network) or the browser is offline."""

        _template = Template("""{% macro script(this, kwargs) %}
(function () {
  var note = document.getElementById("tl-offline");
  function show() { note.hidden = false; }
  {{ this._parent.get_name() }}.on("tileerror", show);
  if (navigator.onLine === false) { show(); }
})();
{% endmacro %}""")

    groups = _groups(records)
    m = folium.Map(location=[30, 120], zoom_start=3, tiles=None, control_scale=True, zoom_snap=0.25)
    m.default_js, m.default_css = [], []  # folium's CDN files; Leaflet comes inlined below
    root = m.get_root()
    root.header.add_child(Element(_leaflet_assets()), name="leaflet")
    root.header.add_child(Element(STYLE), name="timeline_style")
    tiles = folium.TileLayer("OpenStreetMap").add_to(m)
    tiles.add_child(TilesNote())
    by_point: dict[tuple[float, float], list[dict]] = {}
    for g in groups:
        by_point.setdefault(g["point"], []).append(g)
    for (lat, lon), here in by_point.items():
        ring = 0 if len(here) == 1 else max(g["size"] for g in here) * 0.75
        for i, g in enumerate(here):
            angle = -math.pi / 2 + 2 * math.pi * i / len(here)
            dx, dy = ring * math.cos(angle), ring * math.sin(angle)
            size = g["size"]
            color = type_color(g["type"])
            icon = folium.DivIcon(
                html=f'<div class="tl-marker" data-type="{html.escape(g["type"])}" data-count="{len(g["events"])}" '
                     f'style="background:{color}">{len(g["events"]) if len(g["events"]) > 1 else ""}</div>',
                icon_size=(size, size), icon_anchor=(size / 2 - dx, size / 2 - dy), class_name="tl-icon")
            marker = folium.Marker([lat, lon], icon=icon).add_to(m)
            marker.add_child(Bind(_popup(g), html.escape(f"{g['place']} · {g['type']} · {len(g['events'])}")))
        label = html.escape(here[0]["place"])
        count = sum(len(g["events"]) for g in here)
        folium.Marker([lat, lon], interactive=False, icon=folium.DivIcon(
            html=f'<div class="tl-place" data-events="{count}">{label}</div>', icon_size=(0, 0),
            icon_anchor=(-(ring + max(g["size"] for g in here) / 2 + 4), 9), class_name="tl-icon")).add_to(m)
    if by_point:
        lats, lons = [p[0] for p in by_point], [p[1] for p in by_point]
        # room on the right for the legend panel, which must never hide a marker
        m.fit_bounds([[min(lats), min(lons)], [max(lats), max(lons)]], padding_top_left=(40, 40),
                     padding_bottom_right=(290, 40), max_zoom=7)
    m.add_child(Declutter())
    root.html.add_child(Element(_panel(records, groups, title)))
    return m


def map_html(records: list[dict], title: str = "Where it happened") -> str:
    return build_map(records, title).get_root().render()


def write_map(records: list[dict], path: str | Path, title: str = "Where it happened") -> None:
    atomic_write(path, map_html(records, title))


def _groups(records: list[dict]) -> list[dict]:
    """The events by place and type: {point, place, type, events, size}, in the order of TYPE_COLORS."""
    found: dict[tuple, dict] = {}
    for r in records:
        where = place_point(r.get("location"))
        if where is None:
            continue
        lat, lon, capital = where
        key = (round(lat, 4), round(lon, 4), str(r.get("type") or ""))
        place = r["location"]["name"] if capital is None else capital
        g = found.setdefault(key, {"point": key[:2], "place": place, "type": key[2], "events": []})
        g["events"].append((r, None if capital is None else r["location"]["name"]))
    order = {t: i for i, t in enumerate(TYPE_COLORS)}
    out = sorted(found.values(), key=lambda g: (g["point"], order.get(g["type"], len(order)), g["type"]))
    lons = [g["point"][1] for g in out]
    east = [lon + 360 if lon < 0 else lon for lon in lons]
    if lons and max(east) - min(east) < max(lons) - min(lons):  # across the Pacific is shorter (Washington–Tokyo)
        for g in out:
            g["point"] = (g["point"][0], g["point"][1] + 360 if g["point"][1] < 0 else g["point"][1])
    for g in out:
        g["size"] = 14 + 3 * min(len(g["events"]), 8)
    return out


def _popup(group: dict) -> str:
    """The events of one marker, newest last; every text escaped."""
    esc = html.escape
    items = []
    for r, country in group["events"]:
        names = "、".join(a.get("name") or "" for a in r.get("actors") or [])
        status = "" if r.get("status") in (None, "occurred") else f" ({esc(str(r['status']))})"
        where = f"<br><small>place: {esc(country)}, shown at its capital</small>" if country else ""
        source = (f' <a href="{esc(r["url"])}" target="_blank" rel="noopener">source</a>'
                  if str(r.get("url") or "").startswith(("http://", "https://")) else "")
        items.append(f"<li><b>{esc(str(r.get('date') or 'undated'))}</b> {esc(names)}{status}{where}<br>"
                     f"“{esc(str(r.get('sentence') or ''))}”{source}</li>")
    head = f"<b>{esc(group['place'])}</b> · {esc(group['type'])} · {len(group['events'])}"
    return f'<div class="tl-popup">{head}<ul>{"".join(items)}</ul></div>'


def _panel(records: list[dict], groups: list[dict], title: str) -> str:
    """Title, the legend of types (from the colour table), how many events are placed, the tiles note."""
    esc = html.escape
    types = [t for t in TYPE_COLORS if any(g["type"] == t for g in groups)]
    keys = "".join(f'<span class="tl-key" data-type="{esc(t)}"><i style="background:{type_color(t)};'
                   f'box-shadow:0 0 0 1px {darker(type_color(t))}"></i>{esc(t)}</span>' for t in types)
    placed = sum(len(g["events"]) for g in groups)
    return (f'<div id="tl-panel"><h3 id="tl-title">{esc(title)}</h3>{keys}'
            f'<div id="tl-count">{placed} of {len(records)} events have a place on the map; '
            f'the number in a marker counts its events</div>'
            f'<div id="tl-offline" hidden>{esc(TILES_NOTE)}</div></div>')
