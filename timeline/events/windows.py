"""The window of a tour told with its length: 克里星期天离开华盛顿前往伦敦，这是他11天9国之行的第一站.

When a dated visit's sentence gives the length of the whole journey (N天M国之行, 为期六天的访欧之旅),
the journey runs from that visit's day for N days; the stops and meetings of its traveller told
after it, with no day of their own and no look back (曾, 此前, 结束本次访问), fall within that window (SPEC.md,
"Dates": a meeting during the trip takes the trip's interval when the text gives no day).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

from timeline.record import Event, When
from timeline.temporal.numerals import to_int

_N = r"([0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
# 11天9国之行, 为期六天的访欧之旅, 为期一周的亚洲之行 (the journey, not one stay: 为期三天的访问 is _stay's)
_WINDOW = re.compile(rf"{_N}天(?:[0-9一二两三四五六七八九十]{{1,2}}国)?之行|为期{_N}天的[\u4e00-\u9fff]{{0,6}}?(?:之行|之旅|行程)")
_LOOK_BACK = re.compile(r"曾|此前|上次|上一次|去年|以前|早前|先前|(?:本次|此次|这次)(?:访问|出访|行程)")
MAX_DAYS = 31


@dataclass(frozen=True)
class _Window:
    traveller: str
    doc_id: str
    after: int  # the offset of the sentence that told the window
    when: When


def within_windows(mentions: list[Event]) -> list[Event]:
    """`mentions` with the undated core events of a tour's traveller, told after the tour's length,
    dated by the tour's window."""
    windows = [w for w in map(_window, mentions) if w is not None]
    if not windows:
        return mentions
    out = []
    for m in mentions:
        w = next((w for w in reversed(windows) if w.doc_id == m.doc_id and w.after < m.char_start
                  and any(a.name == w.traveller for a in m.actors)), None)
        # (a stop names its place: 结束本次访问返回 is the tour itself)
        undated = m.when.date_start is None and m.status != "cancelled" and (
            m.type == "meeting" or (m.type == "visit" and m.location is not None))
        out.append(m.with_(when=w.when) if w is not None and undated and not _LOOK_BACK.search(m.sentence) else m)
    return out


def _window(m: Event) -> _Window | None:
    """The window a dated visit's sentence gives, if it gives the journey's length."""
    if m.type != "visit" or not m.when.date_start or m.when.date_start != m.when.date_end or not m.actors:
        return None
    found = _WINDOW.search(m.sentence)
    if found is None:
        return None
    n = to_int(next(g for g in found.groups() if g))
    if not n or n < 2 or n > MAX_DAYS:
        return None
    first = date.fromisoformat(m.when.date_start)
    last = (first + timedelta(days=n - 1)).isoformat()
    return _Window(m.actors[0].name, m.doc_id, m.char_start, When(m.when.date, None, m.when.date_start, last, found.group()))
