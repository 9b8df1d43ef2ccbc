"""A visit told with no day of its own takes the days of its traveller's talks in the country it goes to.

A headline or a lead often tells the visit without a date (王毅访问柬埔寨) and the body the talks held
there with one (王毅昨天(13日)在金边会见洪森). The talks fall within the stay, so their days are the best
interval the document gives the visit: from the first to the last, when they lie within a fortnight.
Only visits by one person, to a country the talks are located in, and never told with a day anywhere
in the document (then the merge dates them); a visit for talks still planned there, at most a month
wide and the only ones, takes their interval and is planned too. A visit told only by its week or
month (帕希尼扬本周将访问美国), where no day of it is told elsewhere, takes the days of the talks
inside that week or month the same way (将于7日至8日在华盛顿与…会晤).
"""
from __future__ import annotations

import re
from datetime import date

from timeline.record import Event, When

MAX_DAYS = 14  # talks further apart than this are not one stay
_PLAN_DAYS = 31  # a plan's talks told more coarsely than a month date no visit


def date_by_talks(mentions: list[Event]) -> list[Event]:
    """`mentions` with each undated visit made by one person dated by that person's single-day
    meetings located in the visit's country (from the first day to the last); one with no tense of its
    own or planned, by the interval of the one planned meeting there, at most a month wide
    (拟12月中旬在东京与柯林斯会谈。配合柯林斯访日: 12月中旬)."""
    days: dict[tuple[str, str], list[str]] = {}  # (traveller, country) -> the days of talks there
    plans: dict[tuple[str, str], set[When]] = {}  # (traveller, country) -> the intervals of talks planned there
    for m in mentions:
        if m.type != "meeting" or m.location is None or not m.location.country or not m.when.date_start:
            continue
        for a in m.actors:
            if a.kind != "person":
                continue
            if m.when.date_start == m.when.date_end:
                days.setdefault((a.name, m.location.country), []).append(m.when.date_start)
            if m.status == "planned" and m.when.days <= _PLAN_DAYS:
                plans.setdefault((a.name, m.location.country), set()).add(m.when)
    told: set[tuple[str, str]] = set()  # (a visit told with a day elsewhere: the merge dates it)
    finer: set[tuple[str, str]] = set()  # (…by more than its week or month)
    for m in mentions:
        if m.type == "visit" and m.when.date_start and m.location is not None:
            keys = {(a.name, m.location.country) for a in m.actors}
            told |= keys
            finer |= set() if _coarse_visit(m) else keys
    out = []
    for m in mentions:
        key = (m.actors[0].name, m.location.country) if m.location is not None else None
        coarse = _coarse_visit(m) and key not in finer
        held = days.get(key) if (_undated_visit(m, ("occurred",)) and key not in told) or coarse else None
        # (配合柯林斯访日 tells no tense of its own: the visit for talks still planned is planned too)
        planned = plans.get(key) if (_undated_visit(m, ("occurred", "planned")) and key not in told) or coarse else None
        if coarse:  # (本周将访问美国 … 将于7日至8日在华盛顿与…会晤: the talks' days, inside the week)
            held = [d for d in held or () if m.when.date_start <= d <= m.when.date_end] or None
            planned = {w for w in planned or () if w.date_start and m.when.date_start <= w.date_start
                       and w.date_end <= m.when.date_end and w.days < m.when.days} or None
        if held:
            first, last = min(held), max(held)
            if (date.fromisoformat(last) - date.fromisoformat(first)).days < MAX_DAYS:
                m = m.with_(when=When(first if first == last else None, None, first, last, None))
        elif planned is not None and len(planned) == 1:
            m = m.with_(when=next(iter(planned)), status=m.status if coarse else "planned")
        out.append(m)
    return out


def _undated_visit(m: Event, statuses: tuple[str, ...]) -> bool:
    return m.type == "visit" and m.when.date_start is None and m.status in statuses and len(m.actors) == 1 \
        and m.actors[0].kind == "person" and m.location is not None and m.location.country is not None


_COARSE_DAYS = 7  # a visit dated by a week or a month (本周, 下个月), not by its days
_WEEK_OR_MONTH = re.compile(r"^[^日号至到\-~～－—∼]*(?:周|星期|礼拜|月)[^日号至到\-~～－—∼]*$")  # (本周, 下个月, 5月下旬)


def _coarse_visit(m: Event) -> bool:
    """A visit by one person dated only by a week or a month (帕希尼扬本周将访问美国), not by a range
    of days written."""
    return m.type == "visit" and m.when.date_start is not None and m.when.days >= _COARSE_DAYS \
        and len(m.actors) == 1 and m.actors[0].kind == "person" and m.location is not None \
        and m.location.country is not None and _WEEK_OR_MONTH.match(m.when.date_text or "") is not None
