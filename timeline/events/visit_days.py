"""A visit told with no day of its own takes the days of its traveller's talks in the country it goes to.

A headline or a lead often tells the visit without a date (王毅访问柬埔寨) and the body the talks held
there with one (王毅昨天(13日)在金边会见洪森). The talks fall within the stay, so their days are the best
interval the document gives the visit: from the first to the last, when they lie within a fortnight.
Only visits told as made, by one person, to a country the talks are located in, and never told with a
day anywhere in the document (then the merge dates them).
"""
from __future__ import annotations

from datetime import date

from timeline.record import Event, When

MAX_DAYS = 14  # talks further apart than this are not one stay


def date_by_talks(mentions: list[Event]) -> list[Event]:
    """`mentions` with each undated visit made by one person dated by that person's single-day
    meetings located in the visit's country (from the first day to the last)."""
    days: dict[tuple[str, str], list[str]] = {}  # (traveller, country) -> the days of talks there
    for m in mentions:
        if m.type == "meeting" and m.location is not None and m.location.country and m.when.date_start \
                and m.when.date_start == m.when.date_end:
            for a in m.actors:
                if a.kind == "person":
                    days.setdefault((a.name, m.location.country), []).append(m.when.date_start)
    told = {(a.name, m.location.country) for m in mentions if m.type == "visit" and m.when.date_start
            and m.location is not None for a in m.actors}  # (a visit told with a day elsewhere: the merge dates it)
    out = []
    for m in mentions:
        held = days.get((m.actors[0].name, m.location.country)) \
            if _undated_visit(m) and (m.actors[0].name, m.location.country) not in told else None
        if held:
            first, last = min(held), max(held)
            if (date.fromisoformat(last) - date.fromisoformat(first)).days < MAX_DAYS:
                m = m.with_(when=When(first if first == last else None, None, first, last, None))
        out.append(m)
    return out


def _undated_visit(m: Event) -> bool:
    return m.type == "visit" and m.when.date_start is None and m.status == "occurred" and len(m.actors) == 1 \
        and m.actors[0].kind == "person" and m.location is not None and m.location.country is not None
