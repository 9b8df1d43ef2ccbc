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
_URL = re.compile(r"https?://[^\s)\]>\"']+")
# /2024/12/26/, /2024-12-26, 20241226 at the start of a path segment or number (not inside a longer one)
_URL_DATE = re.compile(r"(?<![0-9])(20[0-9]{2}|19[0-9]{2})[/_-]?(0[1-9]|1[0-2])[/_-]?(0[1-9]|[12][0-9]|3[01])(?![0-9]{1,3}(?![0-9]))")
_DATELINE_MD = re.compile(r"(1[0-2]|0?[1-9])月(3[01]|[12][0-9]|0?[1-9])日(?:电|電|专电|專電|讯|訊)")
_YEAR = re.compile(r"(?<![0-9])((?:19|20)[0-9]{2})年")


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


def url_date(url: str | None, text: str = "") -> datetime | None:
    """A date written in the article's address (/2024/12/26/, 20241226, 2024-12-26), from `url`
    or, failing that, from the first address near the top of the text."""
    candidates = [url] if url else []
    candidates += _URL.findall(text[:600])
    for address in candidates:
        for m in _URL_DATE.finditer(address):
            y, mo, d = (int(g) for g in m.groups())
            if 1990 <= y <= 2099:
                try:
                    return datetime(y, mo, d)
                except ValueError:
                    continue
    return None


def dateline_date(text: str) -> datetime | None:
    """A dateline's month and day (中新网西班牙港5月31日电) in the latest year the text names."""
    m = _DATELINE_MD.search(text[:400])
    years = [int(y) for y in _YEAR.findall(text)]
    if m is None or not years:
        return None
    try:
        return datetime(max(years), int(m.group(1)), int(m.group(2)))
    except ValueError:
        return None


def resolve_dct(text: str, cli: datetime | None = None, metadata: object = None,
                url: str | None = None) -> tuple[datetime | None, str | None]:
    """(DCT, source) in order: `cli`, `metadata`, a date printed in the page, the address's date,
    the lead's latest full date, a dateline with the latest year the text names."""
    if cli is not None:
        return cli, "cli"
    if (when := parse_when(metadata)) is not None:
        return when, "metadata"
    if found := find_page_date(text):
        return found
    for source, find in (("url", lambda: url_date(url, text)), ("lead", lambda: lead_date(text)),
                         ("dateline", lambda: dateline_date(text))):
        if (when := find()) is not None:
            return when, source
    return None, None
