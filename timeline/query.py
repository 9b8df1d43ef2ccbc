"""Queries over a timeline's events table: who met whom, what an actor did, where, when.

Every function takes the `Timeline.events` DataFrame (one row per SPEC.md record) and
returns a filtered copy of it (`met` returns a compact "who met whom" view). Names are
resolved through `timeline.names`: an unknown name raises `NameNotFound`, never an
empty table.
"""
from __future__ import annotations

import math
from collections.abc import Iterable

import pandas as pd

from timeline.names import NameIndex, NameNotFound, compact, lexicon_canonical, norm

MEETING_TYPES = ("call", "meeting", "visit")

# A few countries by name, for `at("日本")` when no record names the country as an actor.
COUNTRIES = {
    "CHN": ("中国", "China"), "USA": ("美国", "United States"), "JPN": ("日本", "Japan"),
    "KOR": ("韩国", "South Korea"), "PRK": ("朝鲜", "North Korea"), "RUS": ("俄罗斯", "Russia"),
    "TWN": ("台湾", "Taiwan"), "GBR": ("英国", "United Kingdom"), "FRA": ("法国", "France"),
    "DEU": ("德国", "Germany"), "IND": ("印度", "India"), "VNM": ("越南", "Vietnam"),
    "PHL": ("菲律宾", "Philippines"), "AUS": ("澳大利亚", "Australia"), "UKR": ("乌克兰", "Ukraine"),
    "MYS": ("马来西亚", "Malaysia"), "HUN": ("匈牙利", "Hungary"), "SGP": ("新加坡", "Singapore"),
}
VENUE_RADIUS_KM = 40.0
# how venue names end (a venue near a city lies in it; a city near another does not)
VENUE_ENDINGS = ("宾馆", "大会堂", "宫", "机场", "酒店", "饭店", "中心", "大厦", "府", "馆", "厅", "堂", "楼", "基地",
                 "园", "广场", "码头", "house", "hall", "palace", "hotel", "airport", "center", "centre", "base")


# ---------------------------------------------------------------- indexes

def actor_index(events: pd.DataFrame) -> NameIndex:
    index = NameIndex("actor")
    for actors in events["actors"]:
        for a in actors or []:
            index.add(a.get("name") or "", a.get("name_en"))
    return index


def resolve_actor(events: pd.DataFrame, name: str) -> set[str]:
    """The canonical actor names (as in the records) that `name` stands for."""
    return actor_index(events).resolve(name)


def _has_actor(events: pd.DataFrame, names: set[str]) -> pd.Series:
    return events["actor_names"].map(lambda xs: any(x in names for x in xs)).astype(bool)


# ---------------------------------------------------------------- queries

def met(events: pd.DataFrame, a: str, b: str, types: Iterable[str] = MEETING_TYPES) -> pd.DataFrame:
    """Every call, meeting and hosted visit between `a` and `b` (any status), oldest first."""
    index = actor_index(events)
    na, nb = index.resolve(a), index.resolve(b)
    mask = (events["type"].astype(str).isin(list(types)) & _has_actor(events, na) & _has_actor(events, nb)
            & events["actor_names"].map(lambda xs: len(set(xs)) >= 2).astype(bool))
    rows = events[mask]
    out = pd.DataFrame({
        "date": rows["date"], "date_start": rows["date_start"], "date_end": rows["date_end"],
        "type": rows["type"], "status": rows["status"], "place": rows["place"],
        "actors": rows["actor_names"], "evidence": rows["sentence"], "doc_id": rows["doc_id"],
        "url": rows["url"], "event_id": rows["event_id"],
    })
    return out.reset_index(drop=True)


def of(events: pd.DataFrame, actor: str, start=None, end=None, types: Iterable[str] | str | None = None) -> pd.DataFrame:
    """Everything `actor` took part in, optionally within [start, end] (overlap) and of some types."""
    names = resolve_actor(events, actor)
    rows = events[_has_actor(events, names)]
    if start is not None or end is not None:
        rows = between(rows, start, end)
    if types is not None:
        rows = rows[rows["type"].astype(str).isin([types] if isinstance(types, str) else list(types))]
    return rows.reset_index(drop=True)


def between(events: pd.DataFrame, start=None, end=None) -> pd.DataFrame:
    """Events whose date interval overlaps [start, end] (inclusive; either side may be open).

    Undated events never overlap anything.
    """
    lo = _day(start, end=False)
    hi = _day(end, end=True)
    if lo is not None and hi is not None and lo > hi:
        raise ValueError(f"start {start} is after end {end}")
    mask = events["date_start"].notna() & events["date_end"].notna()
    if hi is not None:
        mask &= events["date_start"] <= hi
    if lo is not None:
        mask &= events["date_end"] >= lo
    return events[mask].reset_index(drop=True)


def at(events: pd.DataFrame, place: str) -> pd.DataFrame:
    """Events at `place`: a city also matches its venues; a country matches every place in it."""
    places = _place_table(events)
    index = NameIndex("place")
    for p in places.values():
        index.add(p["name"], p.get("name_en"))
    try:
        wanted = index.resolve(place)
    except NameNotFound as not_place:
        iso = _country_code(events, place)
        if iso is None:
            countries = NameIndex("place")
            for p in places.values():
                countries.add(p["name"], p.get("name_en"))
            for code, (zh, en) in _record_countries(events).items():
                countries.add(zh, en)
            raise NameNotFound(place, countries.suggest(place), "place") from not_place
        mask = events["location"].map(lambda loc: bool(loc) and loc.get("country") == iso).astype(bool)
        return events[mask].reset_index(drop=True)
    matching: set[str] = set()
    for name in wanted:
        matching.add(name)
        matching.update(_venues_of(places, places[name]))
    mask = events["place"].isin(matching)
    return events[mask].reset_index(drop=True)


# ---------------------------------------------------------------- places

def _place_table(events: pd.DataFrame) -> dict[str, dict]:
    """Each distinct location name with the most complete location object seen for it."""
    table: dict[str, dict] = {}
    for loc in events["location"]:
        if not loc or not loc.get("name"):
            continue
        known = table.get(loc["name"])
        if known is None or sum(v is not None for v in loc.values()) > sum(v is not None for v in known.values()):
            table[loc["name"]] = dict(loc)
    return table


def _venues_of(places: dict[str, dict], city: dict) -> set[str]:
    """Locations inside `city`: stated (`city` field, lexicon), named after it, or within a few km."""
    out: set[str] = set()
    cname = city["name"]
    for name, loc in places.items():
        if name == cname:
            continue
        if loc.get("city") == cname or _lexicon_city(name) == cname:
            out.add(name)
        elif name.startswith(cname) and len(name) > len(cname):
            out.add(name)
        elif (_is_venue(loc) and not _is_venue(city) and loc.get("country") in (None, city.get("country"))
              and _km(city, loc) is not None and _km(city, loc) <= VENUE_RADIUS_KM):
            out.add(name)
    return out


def _is_venue(loc: dict) -> bool:
    kind = (loc.get("kind") or "").casefold()
    if kind:
        return kind not in ("city", "country", "region", "province", "state")
    names = [loc.get("name") or "", (loc.get("name_en") or "").casefold()]
    return any(n.endswith(VENUE_ENDINGS) for n in names if n)


def _lexicon_city(name: str) -> str | None:
    try:
        from timeline.lexicon import get_lexicon

        lex = get_lexicon()
        for entry in lex.lookup(name):
            city = getattr(getattr(entry, "value", None), "city", None) or getattr(entry, "city", None)
            if city:
                return city
    except Exception:
        return None
    return None


def _km(a: dict, b: dict) -> float | None:
    try:
        lat1, lon1, lat2, lon2 = (float(a["lat"]), float(a["lon"]), float(b["lat"]), float(b["lon"]))
    except (KeyError, TypeError, ValueError):
        return None
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    h = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 2 * 6371.0 * math.asin(math.sqrt(h))


def _record_countries(events: pd.DataFrame) -> dict[str, tuple[str, str | None]]:
    out = {code: (zh, en) for code, (zh, en) in COUNTRIES.items()}
    for actors in events["actors"]:
        for a in actors or []:
            if a.get("kind") == "country" and a.get("country"):
                out[a["country"]] = (a.get("name") or a["country"], a.get("name_en"))
    return out


def _country_code(events: pd.DataFrame, query: str) -> str | None:
    """ISO alpha-3 code for a country named in any form (the code itself, 日本, Japan, 日本國)."""
    q, qc = norm(query), compact(query)
    canon = lexicon_canonical(query)
    for code, (zh, en) in _record_countries(events).items():
        keys = {norm(code), norm(zh), compact(zh), norm(en), compact(en)}
        if q in keys or qc in keys or (canon is not None and canon == zh):
            return code
    return None


def _day(value, *, end: bool) -> pd.Timestamp | None:
    """A date-ish value as a day; `2025` / `2025-10` widen to their first or last day."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, str):
        v = value.strip()
        if len(v) == 4 and v.isdigit():
            return pd.Timestamp(f"{v}-12-31" if end else f"{v}-01-01")
        if len(v) == 7 and v[4] == "-":
            first = pd.Timestamp(f"{v}-01")
            return (first + pd.offsets.MonthEnd(0)) if end else first
    return pd.Timestamp(value).normalize()
