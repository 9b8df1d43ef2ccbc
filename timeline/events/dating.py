"""The interval an event takes (SPEC.md, "Dates").

The time expression of the trigger's clause (the last before the trigger, else the first
after it); else one of an earlier clause of the sentence, which scopes over the rest of it;
else, where the sentence points back (当天, 同日, 随后, 双方 after talks), the date in focus.
A journey told before talks (18日抵达柏林举行磋商) dates the journey, not the talks, unless the
journey is a stay of several days that holds them.
"""
from __future__ import annotations

import re
from datetime import date

from timeline.events.cues import Cues
from timeline.events.focus import Focus
from timeline.events.sentence import CORE, Sentence
from timeline.events.triggers import Trigger
from timeline.record import When
from timeline.temporal import TimeExpr

_REPORTED_THAT = re.compile(r"\b(?:said|says|announced|confirmed|stated|reported|told\s+[A-Za-z ]{1,30}?)\s+[^.;]{0,40}?\bthat\b", re.I)
_DEPARTURE = re.compile(r"离开|启程|动身|出发|包机|专机")
_ARRIVAL = re.compile(r"抵达|飞抵|抵京|前往|赴")
_SUBORDINATE = re.compile(r"(?:之后|之前|以后|以来|前夕|后|前)")


class Dating:
    """Dates events from the sentence's time expressions and the focus."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def when(self, s: Sentence, trig: Trigger, t_start: int, clause: tuple[int, int], focus: Focus) -> When:
        text, dates = s.text, s.dates
        c_start, c_end = clause
        # 2008年以来首位…: the start of a period the event ends, not the event's date
        dates = [d for d in dates if not text.startswith(("以来", "以後", "以后"), d.end)]
        # said on Tuesday that Biden was postponing his trip: Tuesday dates the words, not the trip
        dates = [d for d in dates if not (d.start < t_start and any(
            m.end() > d.end for m in _REPORTED_THAT.finditer(text, max(c_start, d.start - 25), t_start)))]
        trip: list[TimeExpr] = []
        if trig.frame != "visit":  # 18日抵达柏林举行磋商: the day of the journey is not the talks' date
            journey = [m for m in _ARRIVAL.finditer(text, c_start, t_start)
                       if m.group() not in ("前往", "赴") or _DEPARTURE.search(text, s.start, m.start())]
            arrival = max((m.end() for m in journey), default=None)  # (7日赴莫斯科与普京会谈: talks that day)
            if arrival is not None:
                # but talks during a trip of several days fall within it (将于20日至21日赴莫斯科举行会晤)
                trip = [d for d in dates if c_start <= d.start < arrival and days(d) > 1]
                c_start = arrival
                dates = [d for d in dates if d.start >= arrival]
        in_clause = [d for d in dates if c_start <= d.start < c_end]
        pick = [d for d in in_clause if d.start < t_start][-1:] or in_clause[:1]
        subordinate = _SUBORDINATE.match(text, t_start + len(trig.word))
        if not pick and not self.cues.has("invite", text[c_start:t_start]) and not subordinate:
            # a time adverbial of an earlier clause scopes over the rest of the sentence,
            # but not over a visit someone is invited to make, nor over an event that only
            # locates the time (正值…会谈之后)
            pick = [d for d in dates if d.start < c_start][-1:]
        pick = pick or trip[-1:]
        if pick:
            d = pick[0]
            return When(d.date, d.date_mod, d.date_start, d.date_end, d.text)
        sentence = text[s.start:s.end]
        carry = self.cues.has("carry", sentence) or (trig.type not in CORE and self.cues.has("carry_say", sentence)) or (
            trig.frame == "agree" and self.cues.anaphor("group", sentence))  # 两国元首一致同意: at the talks just told
        if focus.when is not None and carry:
            return focus.when
        return When()


def days(t: TimeExpr) -> int:
    """The length of a time expression's interval in days (0 when it has none)."""
    if not t.date_start or not t.date_end:
        return 0
    return (date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days + 1
