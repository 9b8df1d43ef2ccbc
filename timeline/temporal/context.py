"""The reference points an expression is resolved against: DCT, anchor and tense."""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from typing import Callable

from timeline.temporal.expr import Span, distance, shift_month


# a plan's day may have passed by up to this much when the paper prints it (reported the day before)
_LATE_REPORT = timedelta(days=2)
# a plan told of a day this close before the paper's is a plan that was (此前估计将于2月21日到访, printed on
# the 24th), not one for the same day next year, which a writer would give its year (明年2月21日)
_STALE_PLAN = timedelta(days=30)
# a day told done may fall this much after the paper's date: a story from a time zone ahead of the paper's
# (4日在北京会谈 in an American paper of the 3rd), not a month before
_AHEAD_ZONE = timedelta(days=1)
_FAR_AHEAD = timedelta(days=300)


_STORY_GOES_ON = 10  # days after the anchor a bare day may carry the story on
_THESE_DAYS = 7  # a month and day this close before the DCT are the paper's own days, whatever story came before


@dataclass(frozen=True)
class Context:
    """The DCT, the discourse anchor (last date talked about) and a tense finder for a sentence."""

    dct: date | None
    anchor: date | None
    tense_at: Callable[[int], str | None]
    sentence_anchor: date | None = None  # a day named earlier in the same sentence
    year: int | None = None  # the year the discourse was last about (2018年8月 … 同年10月)
    story: date | None = None  # the day a story told in another year than the DCT's is at (see `story_after`)
    month_named: bool = False  # the sentence anchor was written with its month (3月10日, not 周二)

    def base(self, anchored: bool) -> date | None:
        """The day relative words count from: the anchor for 当天/次日, else the DCT."""
        return (self.anchor or self.dct) if anchored else self.dct

    def pick(self, candidates: list[Span], at: int) -> Span | None:
        """Of candidate readings in neighbouring years or months, the one the tense points to.

        Past: the latest that starts on or before the DCT (a single day: or the day after it); future: the earliest
        that ends on or after it (or at most two days before it); no tense, or none fits: the one nearest
        the DCT.
        """
        if not candidates:
            return None
        if self.dct is None:
            return None
        ref = self.dct
        tense = self.tense_at(at)
        if tense == "past":
            fit = [c for c in candidates if c.first <= ref or (c.first == c.last and c.first <= ref + _AHEAD_ZONE)]
            if fit:
                return max(fit, key=lambda c: c.first)
        elif tense == "future":  # (将于12日出访 in a paper of the 13th: a plan reported a day late, not next month)
            fit = [c for c in candidates if c.last >= ref - _LATE_REPORT]
            stale = [c for c in candidates if ref - _STALE_PLAN <= c.last < ref - _LATE_REPORT]
            if fit and stale and min(c.first for c in fit) - ref > _FAR_AHEAD:
                return max(stale, key=lambda c: c.first)
            if fit:
                return min(fit, key=lambda c: c.first)
        return min(candidates, key=lambda c: (distance(c, ref), -c.first.toordinal()))

    def around_years(self, make: Callable[[int], Span | None], at: int) -> Span | None:
        """`make(year)` for the year before, of and after the reference, chosen by `pick`."""
        if self.dct is None:
            return None
        if self.story is not None and self.tense_at(at) != "future" and not self._these_days(make):
            # 2018年4月27日，两人首次会晤。5月26日，两人再次会晤: the year of the story, not of the DCT
            # (2020年12月30日……1月3日: the next one), and never after the DCT
            told = [s for s in (make(self.story.year + d) for d in (-1, 0, 1)) if s is not None]
            fit = [s for s in told if s.first <= self.dct]
            if fit:
                return min(fit, key=lambda c: (distance(c, self.story), -c.first.toordinal()))
        spans = [s for s in (make(self.dct.year + d) for d in (-1, 0, 1)) if s is not None]
        return self.pick(spans, at)

    def _these_days(self, make: Callable[[int], Span | None]) -> bool:
        """True when the reading in the DCT's year lies within a week before the DCT while the story
        is two or more years back (…创立于2014年6月。10月14日是“乌克兰保卫者日”, printed 15 October 2019):
        the paper's own days, not the story's."""
        current = make(self.dct.year) if self.dct is not None and self.story is not None else None
        return current is not None and 0 <= (self.dct - current.first).days <= _THESE_DAYS \
            and self.dct.year - self.story.year > 1

    def around_months(self, make: Callable[[int, int], Span | None], at: int) -> Span | None:
        """`make(year, month)` for the month before, of and after the reference (or anchor).

        An anchor in another month than the DCT's holds a day that follows it closely (1月23日…。25日:
        the story goes on); a day that cannot (1月23日…。22日 in a March paper) may be in the DCT's
        months too."""
        ref = self.anchor or self.dct
        if ref is None or self.dct is None:
            return None
        spans = [s for s in (make(*shift_month(ref.year, ref.month, d)) for d in (-1, 0, 1)) if s is not None]
        near = self.sentence_anchor
        if near is not None and spans:  # 2月14日访问基辅、15日前往莫斯科: the day nearest the one just named
            # (周二透露，将于23日访问: a plan is not before the day it is told on; but an itinerary may name
            # its days in any order: 11日出发，22日返抵，…13日前往中美洲)
            later = [c for c in spans if c.last >= self.dct - _LATE_REPORT] if self.tense_at(at) == "future" else []
            # (3月10日…当天…；25日下午: a writer names the month again when it changes, so a bare day
            # is in the month just named)
            same = [c for c in later or spans if self.month_named and (c.first.year, c.first.month) == (near.year, near.month)]
            return same[0] if same else min(later or spans, key=lambda c: (distance(c, near), -c.first.toordinal()))
        anchor = self.anchor
        if anchor is not None and (anchor.year, anchor.month) != (self.dct.year, self.dct.month):
            # (not a plan that would fall before the day it is told on: 10月22日…。为配合23∼25日举行的峰会)
            ahead = self.tense_at(at) == "future"
            # (3月10日…；25日下午: later in the month just told, however far)
            follows = [s for s in spans if (0 <= (s.first - anchor).days <= _STORY_GOES_ON
                                            or (s.first >= anchor and s.first.month == anchor.month))
                       and not (ahead and s.last < self.dct - _LATE_REPORT)]
            if follows:
                return follows[0]
            spans += [s for s in (make(*shift_month(self.dct.year, self.dct.month, d)) for d in (-1, 0))
                      if s is not None and s not in spans]
        return self.pick(spans, at)


def weekday_near(ref: date, weekday: int, delta_weeks: int | None, tense: str | None) -> date:
    """The day with `weekday` (0 = Monday) meant by 周五 / 上周五 / 下周五 written on `ref`.

    With a prefix (上/下/本) the week is fixed; a bare weekday is the one in the DCT's week,
    moved a week back for a past sentence that would otherwise land after the DCT, or a
    week ahead for a future one that would land before it; with no tense cue, the
    occurrence nearest the DCT.
    """
    monday = ref - timedelta(days=ref.weekday())
    d = monday + timedelta(days=weekday, weeks=delta_weeks or 0)
    if delta_weeks is None:
        if tense == "past" and d > ref:
            d -= timedelta(weeks=1)
        elif tense == "future" and d < ref:
            d += timedelta(weeks=1)
        elif tense is None:  # no cue: the occurrence nearest the DCT (周日 written on a Monday)
            d = min((d - timedelta(weeks=1), d, d + timedelta(weeks=1)), key=lambda x: abs((x - ref).days))
    return d


def story_after(story: date | None, span: Span, named_year: bool, deictic: bool, dct: date | None) -> date | None:
    """The day a story is at after an expression: a month or day that names another year than the
    DCT's (2018年4月27日, 去年3月, 次年2月) starts a story there; a date without a year (5月26日, 25日,
    当天) moves it on; one counted from the DCT (今天, 周五, 上月, 今年) brings the story back to the
    present (None)."""
    if dct is None or deictic:
        return None
    if named_year:  # a month or a day of it: a year alone (1912年赠送的樱花树, 2016年上任后) tells no story
        month = span.first.year == span.last.year and span.first.month == span.last.month
        return span.first if month and span.first.year != dct.year else None
    return span.first if story is not None else None
