"""English time expressions in English paragraphs: October 28, 2025 · late March · on Monday ·
next Tuesday · last month · this spring · yesterday. Parsed with our own patterns (fast and
exact about intervals); the month names come from `calendar`."""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from functools import lru_cache

from timeline.temporal import expr
from timeline.temporal.context import Context, weekday_near
from timeline.temporal.expr import Span
from timeline.temporal.words import words

_MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_DAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MON = (r"(?P<mon>(?:January|February|March|April|May|June|July|August|September|October|November|December)\b"
        r"|(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?)")  # the full stop only after an abbreviation
_PARTS = {"early": ("START", 1, 10), "beginning": ("START", 1, 10), "mid": ("MID", 11, 20),
          "middle": ("MID", 11, 20), "late": ("END", 21, 0), "end": ("END", 21, 0)}
_REL = {"last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0}


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) for the English shapes."""
    seasons = "|".join(words()["season_en"])
    table = [
        # June 24-25, May 22 to 24: a range of days within the month.
        ("mdy", rf"\b{_MON}\s+(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\b"
                rf"(?:\s*(?:[-–]|to|through|until|and)\s*(?P<d2>3[01]|[12][0-9]|0?[1-9])\b(?!\s*(?:%|percent|of\b)))?"
                rf"(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?"),
        ("dmy", rf"\b(?P<d>3[01]|[12][0-9]|0?[1-9])(?:st|nd|rd|th)?\s+(?:of\s+)?{_MON}(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?"),
        ("part", rf"\b(?:(?:the\s+)?(?P<p>early|mid|late|beginning|middle|end)(?:\s+of)?[\s-]+){_MON}(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b)?"),
        # not "from June" of "from June 11": a month followed by a day is mdy's.
        ("my", rf"\b(?:(?P<pre>in|since|by|until|during|from|last|next|this)\s+)?{_MON}"
               rf"(?:,?\s+(?P<y>(?:19|20)[0-9]{{2}})\b|(?!\.?\s*[0-9]))"),
        ("rday", r"\b(?P<w>yesterday|today|tomorrow|tonight|last night|this morning|this afternoon|this evening)\b"),
        ("wday", r"\b(?:(?P<wp>last|next|this|coming|on)\s+)?(?P<wd>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
        ("rel", r"\b(?P<wp>last|next|this|past|previous|coming)\s+(?P<u>week|month|year)\b"),
        ("ago", r"\b(?P<n>\d{1,2}|a|an|one|two|three|four|five|six|seven|eight|nine|ten)\s+(?P<u>day|week|month|year)s?\s+(?P<dir>ago|later|from now)\b"),
        ("season", rf"\b(?:(?P<wp>last|next|this)\s+)?(?P<s>{seasons})(?:\s+(?:of\s+)?(?P<y>(?:19|20)[0-9]{{2}}))?\b"),
        ("year", r"\b(?:(?P<p>early|mid|late|in|since|by|during|until|of)[\s-]+)(?P<y>(?:19|20)[0-9]{2})\b"),
    ]
    return [(k, re.compile(p, re.I)) for k, p in table]


_NUM = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
        "seven": 7, "eight": 8, "nine": 9, "ten": 10}


def _month(g: dict[str, str | None]) -> int:
    return _MONTHS[(g["mon"] or "").lower().rstrip(".")]


def resolve(kind: str, g: dict[str, str | None], ctx: Context, at: int,
            inherit: Span | None = None) -> tuple[Span | None, bool]:
    """The interval an English match names (the second value is always False: no anchoring)."""
    dct = ctx.dct
    y = int(g["y"]) if g.get("y") else None
    if kind in ("mdy", "dmy"):
        m, d = _month(g), int(g["d"] or 0)

        d2 = int(g["d2"]) if g.get("d2") else None

        def make(yy: int) -> Span | None:
            try:
                first = expr.day(date(yy, m, d))
                return expr.join(first, expr.day(date(yy, m, d2))) if d2 and d2 > d else first
            except ValueError:
                return None
        return (make(y) if y else ctx.around_years(make, at)), False
    if kind in ("part", "my"):
        if kind == "my" and (g["mon"] or "").lower().startswith("may") and not (y or g.get("pre")):
            return None, False  # the modal verb "may"
        m = _month(g)
        mod, first, last = _PARTS[(g.get("p") or "").lower()] if g.get("p") else (None, 1, 0)
        make = lambda yy: expr.month(yy, m, mod, first, last)  # noqa: E731
        if y:
            return make(y), False
        pre = (g.get("pre") or "").lower()
        if pre in ("last", "next", "this") and dct:
            cands = [make(dct.year + k) for k in (-1, 0, 1)]
            if pre == "last":
                return max((c for c in cands if c.last < dct), key=lambda c: c.first, default=None), False
            if pre == "next":
                return min((c for c in cands if c.first > dct), key=lambda c: c.first, default=None), False
            return make(dct.year), False
        return ctx.around_years(make, at), False
    if kind == "year":
        p = (g.get("p") or "").lower()
        if p in ("early", "mid", "late"):
            code, a, b = {"early": ("START", 1, 3), "mid": ("MID", 5, 8), "late": ("END", 10, 12)}[p]
            return expr.months(y, a, b, f"{y:04d}", code), False  # type: ignore[arg-type]
        return expr.year(y), False  # type: ignore[arg-type]
    if dct is None:
        return None, False
    if kind == "rday":
        w = (g["w"] or "").lower()
        off = -1 if w in ("yesterday", "last night") else 1 if w == "tomorrow" else 0
        return expr.day(dct + timedelta(days=off)), False
    if kind == "wday":
        wp = (g.get("wp") or "").lower()
        delta = {"last": -1, "next": 1, "this": 0, "coming": None, "on": None}.get(wp) if wp else None
        tense = "future" if wp == "coming" else ctx.tense_at(at)
        return expr.day(weekday_near(dct, _DAYS[(g["wd"] or "").lower()], delta, tense)), False
    if kind == "rel":
        delta = _REL[(g["wp"] or "").lower()]
        unit = (g["u"] or "").lower()
        if unit == "week":
            return expr.week(dct, delta), False
        if unit == "month":
            return expr.month(*expr.shift_month(dct.year, dct.month, delta)), False
        return expr.year(dct.year + delta), False
    if kind == "ago":
        n = _NUM.get((g["n"] or "").lower()) or int(g["n"] or 0)
        sign = -1 if (g["dir"] or "").lower() == "ago" else 1
        unit = (g["u"] or "").lower()
        if unit == "day":
            return expr.day(dct + timedelta(days=sign * n)), False
        if unit == "week":
            return expr.day(dct + timedelta(weeks=sign * n)), False
        if unit == "month":
            return expr.month(*expr.shift_month(dct.year, dct.month, sign * n)), False
        return expr.year(dct.year + sign * n), False
    if kind == "season":
        zh = words()["season_en"][(g["s"] or "").lower()]
        code, a, b = words()["seasons"][zh]
        make = lambda yy: expr.months(yy, a, b, f"{yy:04d}-{code}")  # noqa: E731
        if y:
            return make(y), False
        wp = (g.get("wp") or "").lower()
        if wp:
            return make(dct.year + {"last": -1, "next": 1, "this": 0}[wp]), False
        if (g["s"] or "").lower() == "fall":
            return None, False  # "fall" is mostly the verb
        return ctx.around_years(make, at), False
    return None, False
