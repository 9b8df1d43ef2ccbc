"""The time expression record and the calendar arithmetic that turns a unit into a day interval."""
from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date, timedelta


@dataclass(frozen=True)
class TimeExpr:
    """One time expression: where it is in the text and the inclusive day interval it names.

    `date` is the TIMEX3 value (2025-10, 2026-SP, 2025-W23, 2025-Q3), `date_mod` one of
    START/MID/END/APPROX; `detail` keeps clock time, part of day and zone (当地时间 下午3时);
    `anchored` says the value came from the discourse anchor rather than the DCT; `story`, the
    day a story told in another year than the DCT's is at after it (None: the present).
    """

    text: str
    start: int
    end: int
    date: str | None
    date_mod: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    detail: str | None = None
    anchored: bool = False
    story: date | None = None  # the day a story told in another year is at after this expression

    def to_dict(self) -> dict[str, object]:
        """The SPEC.md fields of this expression as a JSON-ready dict."""
        return {"text": self.text, "start": self.start, "end": self.end, "date": self.date,
                "date_mod": self.date_mod, "date_start": self.date_start, "date_end": self.date_end,
                "detail": self.detail}


@dataclass(frozen=True)
class Span:
    """A resolved interval with its TIMEX value, before it is tied to text."""

    value: str
    first: date
    last: date
    mod: str | None = None


def last_day(year: int, month: int) -> int:
    """The number of days in `month` of `year`."""
    return calendar.monthrange(year, month)[1]


def shift_month(year: int, month: int, delta: int) -> tuple[int, int]:
    """(year, month) moved by `delta` months."""
    n = year * 12 + (month - 1) + delta
    return n // 12, n % 12 + 1


def day(d: date) -> Span:
    """A single day."""
    return Span(d.isoformat(), d, d)


def month(year: int, mon: int, mod: str | None = None, first: int = 1, last: int = 0) -> Span:
    """A month, or the part of it from day `first` to `last` (0 = the month's last day)."""
    end = last_day(year, mon) if last == 0 else last
    return Span(f"{year:04d}-{mon:02d}", date(year, mon, first), date(year, mon, end), mod)


def months(year: int, first: int, last: int, value: str, mod: str | None = None) -> Span:
    """Months `first`..`last` of `year` (last may exceed 12 for winter), under one TIMEX value."""
    y2, m2 = shift_month(year, last, 0) if last <= 12 else (year + 1, last - 12)
    return Span(value, date(year, first, 1), date(y2, m2, last_day(y2, m2)), mod)


def week(d: date, delta: int = 0) -> Span:
    """The Monday–Sunday week holding `d`, moved by `delta` weeks."""
    monday = d - timedelta(days=d.weekday()) + timedelta(weeks=delta)
    iso = monday.isocalendar()
    return Span(f"{iso[0]:04d}-W{iso[1]:02d}", monday, monday + timedelta(days=6))


def weekend(d: date, delta: int = 0) -> Span:
    """Saturday and Sunday of the week holding `d`, moved by `delta` weeks."""
    w = week(d, delta)
    return Span(w.value + "-WE", w.first + timedelta(days=5), w.last)


def year(y: int, mod: str | None = None) -> Span:
    """A whole year."""
    return Span(f"{y:04d}", date(y, 1, 1), date(y, 12, 31), mod)


def shift_year(s: Span, n: int) -> Span | None:
    """`s` moved by `n` years (its TIMEX value too); None when a day does not exist then (29 Feb)."""
    try:
        first, last = s.first.replace(year=s.first.year + n), s.last.replace(year=s.last.year + n)
    except ValueError:
        return None
    return Span(f"{s.first.year + n:04d}{s.value[4:]}", first, last, s.mod)


def join(a: Span, b: Span) -> Span:
    """A range from the start of `a` to the end of `b`, valued as `a`."""
    return Span(a.value, a.first, max(a.last, b.last), a.mod)


def distance(s: Span, ref: date) -> int:
    """Days from `ref` to the nearest day of `s` (0 when `s` holds `ref`)."""
    if s.first <= ref <= s.last:
        return 0
    return min(abs((s.first - ref).days), abs((s.last - ref).days))
