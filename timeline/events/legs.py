"""The legs of a journey: a stop lasts until the traveller leaves for the next.

A document that follows one traveller from place to place (在3日抵达第一站北京后，于4日晚间转往第二站
成都) dates each stop by its arrival only; the stop lasts until the day the text has the traveller leave
for the next place (北京 3–4), when that is a departure (转往, 前往, 飞往) on the same or the next day, or a
move on to the next stop (转往, 转赴) within three days (周四会转往蒙古). A
stop dated by an arrival or a stay elsewhere the next day (2月14日访问基辅…15日访问莫斯科) ends on its own
day, as does the last stop and one whose text gives its own length. A departure followed by the
stay itself, in its sentence or elsewhere in the document (8日启程前往中国，自9日起开始为期一周的访问),
is no stop of its own.
"""
from __future__ import annotations

import re
from datetime import date

from timeline.record import Event, Location, When
from timeline.script import to_simplified

MAX_GAP = 1  # a departure later than the next day: the traveller may have gone home between
MOVE_ON_GAP = 3  # but 转往 moves on from this stop: days between are spent here
_MOVES_ON = re.compile(r"转往|转赴|转到")


def stretch_legs(mentions: list[Event], departures: set[int]) -> list[Event]:
    """`mentions` with each single-day visit stop of a traveller ending on the day the traveller
    leaves for the next (`departures`: the indexes of the mentions told as a departure), and
    without a departure the same sentence follows with the stay itself (8日启程前往中国，自9日起
    开始为期一周的访问: the visit is the stay)."""
    kept = [i for i in range(len(mentions)) if not (i in departures and _stay_follows(mentions, i))]
    departures = {kept.index(i) for i in departures if i in kept}
    mentions = [mentions[i] for i in kept]
    stops: dict[str, dict[tuple[str, str], Location]] = {}  # traveller -> (day, place) of single-day visits
    leaving: dict[str, dict[tuple[str, str], int]] = {}  # traveller -> (day, place) they left for -> days allowed
    for i, m in enumerate(mentions):
        if _stop(m):
            stops.setdefault(m.actors[0].name, {})[(m.when.date_start, m.location.name)] = m.location
            if i in departures:
                gap = MOVE_ON_GAP if _MOVES_ON.search(to_simplified(m.sentence)) else MAX_GAP
                leaving.setdefault(m.actors[0].name, {})[(m.when.date_start, m.location.name)] = gap
    ends: dict[tuple[str, str, str], str] = {}  # (traveller, day, place) -> the day the stop ends
    for traveller, found in stops.items():
        ordered = sorted(found)
        for (day, place), (later, other) in zip(ordered, ordered[1:]):
            gap = leaving.get(traveller, {}).get((later, other))
            if later > day and gap is not None and _elsewhere(found[(day, place)], found[(later, other)]) \
                    and (date.fromisoformat(later) - date.fromisoformat(day)).days <= gap:
                ends.setdefault((traveller, day, place), later)
    out = []
    for m in mentions:
        end = ends.get((m.actors[0].name, m.when.date_start, m.location.name)) if _stop(m) else None
        out.append(m.with_(when=When(m.when.date, m.when.date_mod, m.when.date_start, end, m.when.date_text))
                   if end else m)
    return out


def _stay_follows(mentions: list[Event], i: int) -> bool:
    """True when mention `i`, a departure, has a stay of the same traveller in the same country
    that starts within MAX_GAP + 1 days after it, told in its sentence or anywhere in the document
    (将于8日至13日访华…7日启程前往中国), or an arrival at the same place a day or two after it
    (周三傍晚起飞前往北京，周四抵达北京), or a stay of several days at that place that starts on the day of
    the departure (定于6月30日启程前往布鲁塞尔、德国和法国访问…将于6月30日至7月6日访问…)."""
    m = mentions[i]
    if not m.when.date_start or m.location is None or not m.actors:
        return False
    day = date.fromisoformat(m.when.date_start)
    return any(o.type == "visit" and o is not m and o.actors and o.actors[0].name == m.actors[0].name
               and o.location is not None and o.location.country == m.location.country and o.when.date_start
               and (0 < (gap := (date.fromisoformat(o.when.date_start) - day).days) <= MAX_GAP + 1
                    or (gap == 0 and m.when.days == 1 < o.when.days and o.location.name == m.location.name))
               and (o.when.days > 1 or o.location.name == m.location.name)
               for o in mentions)


def _stop(m: Event) -> bool:
    """A visit of one person to a place, dated by one day."""
    return (m.type == "visit" and len(m.actors) == 1 and m.actors[0].kind == "person" and m.location is not None
            and m.when.date_start is not None and m.when.date_start == m.when.date_end
            and len(m.when.date or "") == 10)


def _elsewhere(a: Location, b: Location) -> bool:
    """Another stop: another city, or another country (not a country and a city inside it)."""
    if a.name == b.name:
        return False
    return not ((a.kind in ("country", "region") or b.kind in ("country", "region")) and a.country == b.country)
