"""The document creation time (DCT), found in SPEC.md's order: cli, metadata, page, lead."""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime

_CST = timezone(timedelta(hours=8))
_RFC = re.compile(r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{1,2} [A-Z][a-z]{2} \d{4} \d{2}:\d{2}:\d{2} (?:GMT|UTC|[+-]\d{4})")
_RFC_LIKE = re.compile(r"^(?:[A-Z][a-z]{2}, )?\d{1,2} [A-Z][a-z]{2} \d{4}")
_EPOCH = re.compile(r"<!--\s*(1\d{12})\s*-->")
_BYLINE = re.compile(
    r"(?:(?:发布时间|發佈時間|發布時間|更新时间|更新時間|Published|Updated|Posted)\s*[:：]?\s*)?"
    r"(\d{4})\s*[年/-]\s*(\d{1,2})\s*[月/-]\s*(\d{1,2})\s*日?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?")
_LABELLED = re.compile(r"(?:发布时间|發佈時間|發布時間|Published|Posted)\s*[:：]\s*(.{6,40})", re.IGNORECASE)
_FULL_DATE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")


def parse_when(value: object) -> datetime | None:
    """A datetime from a metadata value (ISO 8601, date, datetime, RFC 2822, a byline date,
    else any form dateparser reads); None when it names no full date."""
    if isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if not isinstance(value, str) or not value.strip():
        return None
    v = value.strip()
    try:
        return datetime.fromisoformat(v.replace("Z", "+00:00"))
    except ValueError:
        pass
    if _RFC_LIKE.match(v):  # email.utils is lenient: only RFC 2822 shapes go to it
        try:
            return parsedate_to_datetime(v)
        except (TypeError, ValueError):
            pass
    m = _BYLINE.search(v)
    if m:
        return _from_match(m)
    return _free_form(v)


def _free_form(value: str) -> datetime | None:
    """Any other way a feed writes a date ("December 26, 2024 10:58 PM", "26.12.2024"), read by
    dateparser (imported only here: it is slow to load, and most inputs never need it)."""
    import dateparser

    settings = {"REQUIRE_PARTS": ["day", "month", "year"],  # a full date, and never a relative one
                "PARSERS": ["timestamp", "custom-formats", "absolute-time"]}
    return dateparser.parse(value, settings=settings)


def _from_match(m: re.Match[str]) -> datetime | None:
    y, mo, d, hh, mm, ss = m.groups()
    try:
        return datetime(int(y), int(mo), int(d), int(hh or 0), int(mm or 0), int(ss or 0))
    except ValueError:
        return None


def find_page_date(text: str, head_chars: int = 600) -> tuple[datetime, str] | None:
    """A publication date printed near the top of a page: RFC 2822, epoch comment, byline."""
    head = text[:head_chars]
    if m := _RFC.search(head):
        return parsedate_to_datetime(m.group(0)), "page"
    if m := _EPOCH.search(head):
        return datetime.fromtimestamp(int(m.group(1)) / 1000, tz=timezone.utc), "page"
    if m := _LABELLED.search(head):
        if (when := parse_when(m.group(1))) is not None:
            return when, "page"
    for line in head.splitlines()[:6]:
        m = _BYLINE.search(line)
        if m and m.group(4) and len(line.strip()) < 60:
            if (when := _from_match(m)) is not None:
                return when, "page"
    return None


def lead_date(text: str) -> datetime | None:
    """The latest fully written date (year, month, day) in the lead paragraph."""
    paras = [p for p in re.split(r"\n\s*\n", text) if p.strip()]
    for para in paras[:3]:
        found = [d for m in _FULL_DATE.finditer(para) if (d := _from_match_ymd(m))]
        if found:
            return max(found)
    return None


def _from_match_ymd(m: re.Match[str]) -> datetime | None:
    try:
        return datetime(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None


def resolve_dct(text: str, cli: datetime | None = None,
                metadata: object = None) -> tuple[datetime | None, str | None]:
    """(DCT, source) in order: `cli`, `metadata`, a date in the page, the lead's date."""
    if cli is not None:
        return cli, "cli"
    if (when := parse_when(metadata)) is not None:
        return when, "metadata"
    if found := find_page_date(text):
        return found
    if (when := lead_date(text)) is not None:
        return when, "lead"
    return None, None
