"""The tense of a sentence from its cue words: 将/计划/拟 point ahead, 曾/此前/了 back."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Callable

from timeline.temporal.words import alternation, normalize, words


@lru_cache(maxsize=1)
def _cues() -> tuple[re.Pattern[str], ...]:
    t = words()["tense"]
    # a participle after be/been is passive, not past: "will be held", "is to be signed".
    en = lambda k: re.compile(rf"(?<!\bbe )(?<!\bbeen )\b(?:{alternation(t[k])})\b", re.I)  # noqa: E731
    # 了 only as an aspect marker after a verb, not in 了解 / 为了 / 除了.
    past = [c for c in t["past"] if c != "了" and not c.startswith("日")]
    days_ago = [c for c in t["past"] if c.startswith("日")]
    return (re.compile(alternation(t["future"])),
            # 日前 (days ago), not the 日 of a date before 前往 (4月28日前往): no numeral before it
            re.compile(rf"{alternation(past)}|(?<![0-9０-９〇一二三四五六七八九十])(?:{alternation(days_ago)})"
                       r"|(?<![为除罢])了(?![解如结])"),
            en("future_en"), en("past_en"), re.compile(alternation(t["neutral"])))


# 抵达巴厘岛准备出席会议: a purpose after a journey, not the journey's tense
_PURPOSE = re.compile(r"(?:抵达|到达|飞抵|来到)[^，,。；;将]{0,8}$")
_CLAUSE = re.compile(r"[，,；;：:]")
_TIME_CLAUSE = 16  # the longest clause that can be a time phrase alone (年初， / 当地时间12月30日，)


# 继…会谈后 (following talks of 3月): what the event told follows is gone by
_FOLLOWING = re.compile(r"继(?![续承任而])[^，,。；;]{1,30}?(?:之后|以后|后)")
_INVITES = re.compile(r"邀请")
_INVITED_BY = re.compile(r"应|受|接受")


_REPORTING = re.compile(r"宣布|表示|说|称|指出|证实|透露|报道|announced|said")
# a clause opening with a subject of its own (…将访问阿根廷，他于周二抵达巴西): the tense before stops there
_OWN_SUBJECT = re.compile(r"\s*(?:他们|她们|他|她|双方|两人|这(?:也|还)?是)(?![们])")  # (…将会晤，这是9月9日通话后的…)
_SUBORDINATE_END = re.compile(r"(?:后|之后|以后|前|之前|时|期间|之际)[，,；;：:]?$")  # a clause that only tells when


def _leading_time_clause(text: str, lo: int, hi: int, pos: int) -> bool:
    """Whether the clause lo..hi holding an expression at `pos` is that time phrase alone
    (not 南非总统府19日宣布，: a clause that reports is a sentence of its own)."""
    return pos - lo <= 6 and hi - lo <= _TIME_CLAUSE and not _REPORTING.search(text, lo, hi)


def tense_finder(text: str) -> Callable[[int | None], str | None]:
    """A function giving the tense at a character offset of `text` (see `sentence_tense`)."""
    fut, past, fut_en, past_en, neutral = _cues()
    cues: list[tuple[int, int, str | None]] = [(m.start(), m.end(), None) for m in neutral.finditer(text)]
    nouns = words()["tense"].get("noun_after", {})
    cues += [(m.start(), m.end(), "future") for m in fut.finditer(text)
             if not (m.group() in nouns and m.start() > 0 and text[m.start() - 1] in nouns[m.group()])
             and not _PURPOSE.search(text, max(0, m.start() - 12), m.start())]
    cues += [(m.start(), m.end(), "past") for m in past.finditer(text)]
    following = [m.span() for m in _FOLLOWING.finditer(text)]
    # 已邀请莫迪9月访问: what someone is invited to do is still to come (not 应…邀请, 接受邀请: the guest came)
    invited = {(m.start(), m.end(), "future") for m in _INVITES.finditer(text)
               if not _INVITED_BY.search(text, max(text.rfind(c, 0, m.start()) for c in "，,；;。") + 1, m.start())}
    cues += sorted(invited)
    if not cues:
        cues = [(m.start(), m.end(), "future") for m in fut_en.finditer(text)]
        cues += [(m.start(), m.end(), "past") for m in past_en.finditer(text)]

    bounds = [0] + [m.end() for m in _CLAUSE.finditer(text)] + [len(text) + 1]

    def at(pos: int | None) -> str | None:
        if pos is None:
            return max(cues, key=lambda c: (c[0], c[1]))[2] if cues else None
        if any(a < pos < b for a, b in following):
            return "past"  # (也是继双方3月…会谈后: the time of what is followed)
        lo = max(b for b in bounds if b <= pos)
        hi = min(b for b in bounds if b > pos)
        # (a cue before a report verb dates the report, not what it reports: 此前川普表示，他认为，
        # 6月12日…举行峰会依旧可能)
        near = [c for c in cues if lo <= c[0] < hi] or [c for c in cues if c[1] <= lo and not _REPORTING.search(text, c[1], lo)
                                                           and not _OWN_SUBJECT.match(text, lo)]
        if not near and _leading_time_clause(text, lo, hi, pos):
            after = min((b for b in bounds if b > hi), default=hi)
            near = [c for c in cues if hi <= c[0] < after]
            if not near and _SUBORDINATE_END.search(text, hi, after):
                # 周四，结束访华行程后，克林拜尔将继续前往新加坡: past a time clause to the main one
                beyond = min((b for b in bounds if b > after), default=after)
                near = [c for c in cues if after <= c[0] < beyond]
        near = [c for c in near if c not in invited or c[1] <= pos]  # (3日邀请: the day of the invitation)
        if not near:
            return None
        return min(near, key=lambda c: (min(abs(c[0] - pos), abs(c[1] - pos)), c[0]))[2]

    return at


def sentence_tense(text: str, at: int | None = None) -> str | None:
    """'future', 'past' or None: the tense that `text` points to.

    With `at` (a character offset), the cue nearest that position within its clause wins
    (so that in "此前…，将于12月5日访问" the date takes 将), else the nearest cue in the
    clauses before it (此前，…); cues in later clauses do not count, except that a clause
    that is only the time phrase (年初，李强曾出席…) takes the tense of the clause after it. Without `at`, the
    last cue wins, since a Chinese sentence's main verb phrase usually comes last.
    An expression inside 继…之后 (也是继双方3月会谈后…) is past, whatever the cues. English cues count
    only where no Chinese cue is found. Traditional text is read as Simplified.
    """
    return tense_finder(normalize(text))(at)
