"""A story's dateline: the day it was filed, which is the day its 今天/昨天/周五 count from.

Agency copy opens with where and when it was filed: 新华社开罗15日电, 【共同社3日电】,
中央社／華盛頓3日綜合外電報導, 中新网西班牙港5月31日电. A story filed abroad is often published at
home the next day (SPEC.md, "Dates"), so the dateline's day, not the publication date, is the
reference for the story's relative dates. The day is the latest one on or before the
publication date that has the dateline's day number (within a month), or its month and day (within a year);
a dateline that writes its year is that day.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date, datetime, timedelta

from timeline.document import Section

# a source and place (up to 24 characters, no sentence punctuation), then [month] day and a filing word
_DATELINE = re.compile(
    r"(?:^|[\n（(【\[／/]\s*)[^\n，。,；]{0,24}?(?:(?P<y>(?:19|20)[0-9]{2})年)?(?:(?P<m>1[0-2]|0?[1-9])月)?(?P<d>3[01]|[12][0-9]|0?[1-9])日"
    r"(?:专电|專電|电|電|讯|訊|综合外电报道|綜合外電報導|外电报道|外電報導)")
_HEAD = 400  # a dateline stands at the top of a story


def dateline_day(text: str, published: date) -> date | None:
    """The day of the dateline at the top of `text`, resolved against the publication day."""
    m = _DATELINE.search(text[:_HEAD])
    if m is None:
        return None
    day, month = int(m.group("d")), int(m.group("m")) if m.group("m") else None
    if m.group("y") and month is not None:  # (【新唐人北京时间2023年05月25日讯】: that day, a day ahead of a
        try:                                 # page dated in another time zone at most)
            told = date(int(m.group("y")), month, day)
        except ValueError:
            return None
        return told if told <= published + timedelta(days=1) else None
    # (a dateline with its month may be a story reposted long after it was filed: 伊斯坦布尔3月8日电 on a
    # page of November is March's)
    for back in range(0, 32 if month is None else 366):
        d = published - timedelta(days=back)
        if d.day == day and (month is None or d.month == month):
            return d
    return None


def with_datelines(text: str, sections: list[Section], dct: datetime | None) -> list[Section]:
    """Sections whose dateline names a day other than the publication day take that day as
    their reference time (source ``dateline``)."""
    out = []
    for sec in sections:
        published = sec.dct or dct
        day = dateline_day(text[sec.start:sec.end], published.date()) if published is not None else None
        if day is not None and published is not None and day != published.date():
            sec = replace(sec, dct=datetime.combine(day, published.timetz()), dct_source="dateline")
        out.append(sec)
    return out
