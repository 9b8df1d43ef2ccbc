"""The spaCy component `timeline_dates`: every sentence's time expressions on the Doc.

Sentences and their reference times come from `doc.user_data["sentences"]`
(start, end, dct), as `timeline.pipeline` sets them. The last day-precise date of a
sentence anchors 当天/次日 in the sentences after it (unless the sentence looks back: 这是…以来首次出访;
and a past sentence's 当天 is the last day told that is not after the DCT, not a day still to come),
and the last year written, looking back or not, 同年/次年; a story told in another year (2018年4月27日……5月26日) lends its year to the
dates without one until a date counts from the DCT again or a paragraph opens on no date. A bare day
that points back (5日当天) is the day written with its month before (12月5日), and so is its 当天.
Results: `doc.spans["dates"]`, each Span carrying its `TimeExpr` in `span._.timex`.
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from timeline.components.doctext import doc_text
from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.temporal.find import as_date, find_dates
from timeline.temporal.expr import TimeExpr
from timeline.temporal.tense import sentence_tense
from timeline.events.cues import get_cues

_OPENS_ON_A_DATE = re.compile(r"\s*(?:[0-9]{1,2}|[一二三四五六七八九十]{1,3})月")

if not Span.has_extension("timex"):
    Span.set_extension("timex", default=None)


class DateFinder:
    """Finds and resolves the dates of each sentence of a Doc."""

    def __init__(self) -> None:
        self.cues = get_cues()  # openings of a sentence that looks back (这是…以来首次出访)

    def __call__(self, doc: Doc) -> Doc:
        sentences = doc.user_data.get("sentences") or [(0, len(doc_text(doc)), doc.user_data.get("dct"))]
        spans: list[Span] = []
        anchor, year, story = None, None, None
        told = None  # the last day the story was at that is not after the DCT
        weekdays: dict[int, date] = {}  # the days a weekday was written with (周四（4月18日）), by weekday
        days: dict[int, date] = {}  # the days written with their month (12月5日), by day of the month
        moved = None  # a bare day just moved onto a day written before (its 当天 goes with it)
        last_end = 0
        for start, end, dct in sentences:
            # a story does not run on into a new paragraph, unless that opens on its next date (5月26日，…)
            if story is not None and "\n" in doc_text(doc)[last_end:start] and not _OPENS_ON_A_DATE.match(doc_text(doc), start):
                story = None
            last_end = end
            # 这是她10月1日就任以来首次出访: a look back, not the day the story is at
            look_back = self.cues.looks_back(doc_text(doc), start)
            sentence = doc_text(doc)[start:end]
            day = as_date(dct)
            # (…以10月31日举行的APEC会议为契机…。赵显当天…举行了会谈: a past 当天 is no day still to come)
            past = anchor is not None and day is not None and anchor > day and told is not None \
                and sentence_tense(sentence) == "past"
            for t in find_dates(sentence, dct, anchor=told if past else anchor, year=year, story=story):
                t = _same_weekday(replace(t, start=t.start + start, end=t.end + start), weekdays)
                if moved is not None and t.anchored and t.start == moved.end:
                    t = replace(t, date=moved.date, date_start=moved.date_start, date_end=moved.date_end)  # (5日当天)
                before, t = t, _same_day(t, doc_text(doc), days)
                moved = t if t.date_start != before.date_start else None
                span = doc.char_span(t.start, t.end, alignment_mode="expand")
                if span is None:
                    continue
                span._.timex = t
                spans.append(span)
                if t.date_start and t.date_end and t.date_start[:4] == t.date_end[:4]:
                    year = int(t.date_start[:4])  # (上次访问…是在2015年。同年，…: a look back writes the year too)
                if look_back:
                    continue
                story = t.story
                if t.date_start and t.date_start == t.date_end:
                    anchor = date.fromisoformat(t.date_start)
                    if day is None or anchor <= day:
                        told = anchor
        doc.spans["dates"] = spans
        return doc


def _same_weekday(t: TimeExpr, weekdays: dict[int, date]) -> TimeExpr:
    """A bare weekday (周四) as the day that weekday was written with a week before or after
    (本周四（4月18日）…毛里塔尼亚总统周四到机场迎接): the story's day, not the next one of that name.
    A weekday written with its date is remembered in `weekdays`."""
    if not t.date_start or t.date_start != t.date_end:
        return t
    day = date.fromisoformat(t.date_start)
    if _WEEKDAY.search(t.text) and any(c.isdigit() for c in t.text):
        weekdays[day.weekday()] = day
        return t
    told = weekdays.get(day.weekday())
    if told is None or told == day or abs((told - day).days) != 7 or not _BARE_WEEKDAY.fullmatch(t.text):
        return t
    iso = told.isoformat()
    return replace(t, date=iso, date_start=iso, date_end=iso)


def _same_day(t: TimeExpr, text: str, days: dict[int, date]) -> TimeExpr:
    """A bare day that points back (5日当天) as the day written with its month before (12月5日…。5日当天,
    …: that 5th, not the one after the last day the story was at). Days written with their month are
    remembered in `days`."""
    if not t.date_start or t.date_start != t.date_end:
        return t
    if _MONTH_DAY.search(t.text):
        days[date.fromisoformat(t.date_start).day] = date.fromisoformat(t.date_start)
        return t
    bare = _BARE_DAY.fullmatch(t.text)
    told = days.get(int(bare.group(1))) if bare is not None and _POINTS_BACK.match(text, t.end) else None
    if told is None:
        return t
    iso = told.isoformat()
    return replace(t, date=iso, date_start=iso, date_end=iso)


_MONTH_DAY = re.compile(r"[0-9一二三四五六七八九十]{1,3}月[0-9]{1,2}日")
_BARE_DAY = re.compile(r"([0-9]{1,2})日")
_POINTS_BACK = re.compile(r"\s*(?:当天|当日|那天)")  # (on the Simplified view)
_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")
_BARE_WEEKDAY = re.compile(r"(?:周|星期|礼拜)[一二三四五六日天]")


@Language.factory("timeline_dates")
def make_dates(nlp: Language, name: str) -> DateFinder:
    """spaCy factory for `DateFinder`."""
    return DateFinder()
