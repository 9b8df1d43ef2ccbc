"""Guests who came for an occasion: 习近平分别会见来华出席峰会的多个国家元首 … 陆续会见A、B、C等9国总统.

When a sentence says that the people met came to the host (来华/访华/来访/到访 … 元首, 领导人, 外长 …)
without naming them, the meetings of that sentence and of the next `REACH` ones name them: each
foreign person met there by the host made a visit, dated and placed like the meeting (SPEC.md: a visit is a trip to another
country; 来访的X in one clause is `frames`' relative-clause visitor).
"""
from __future__ import annotations

import re

from timeline.events.places import country_location
from timeline.record import Event

# 来华出席峰会多个国家元首, 来访的各国领导人, 到访的外长们: a relative clause on people left unnamed
_GUESTS = re.compile(r"(?P<come>来华|访华|来访|到访)[^，。；,;]{0,12}?(?:元首|领导人|首脑|总统|总理|外长|贵宾|政要)")
_TO_CHINA = ("来华", "访华")
_CLAUSE_END = re.compile(r"[，,。；;：:]")
REACH = 3  # the sentences after the one that announces the guests that may still name them


def announces_guests(text: str, start: int, end: int, persons_at: set[int]) -> str | None:
    """The host country's code when the sentence text[start:end] (Simplified) tells of visitors it
    does not name ("" when the host is whoever meets them: 来访的各国领导人), else None
    (`persons_at`: where persons start)."""
    for m in _GUESTS.finditer(text, start, end):
        if _unnamed(text, m, persons_at):
            return "CHN" if m.group("come") in _TO_CHINA else ""
    return None


def unnamed_guests(text: str, at: int, persons_at: set[int]) -> bool:
    """True when a visit word at `at` opens a clause on visitors the text does not name there."""
    m = _GUESTS.match(text, at)
    return m is not None and _unnamed(text, m, persons_at)


def _unnamed(text: str, m: re.Match[str], persons_at: set[int]) -> bool:
    """No person after the visit word in its clause (来华出席峰会多个国家元首, but not 到访的乌克兰
    总统办公室主任叶尔马克, nor 到访的李总理, a person whose name ends in the office word)."""
    end = _CLAUSE_END.search(text, m.end())
    return not any(m.end("come") <= p < (end.start() if end else len(text)) for p in persons_at)


def guest_visit(e: Event, host: str) -> Event | None:
    """The visit of the foreign person met in meeting `e` by someone of the `host` country ("": the
    one who meets them), in that country: placed where the meeting was, else in the host country."""
    if e.type != "meeting" or len(e.actors) != 2:
        return None
    met, guest = e.actors
    home = host or met.country
    if guest.kind != "person" or not guest.country or guest.country == home or met.country != home \
            or (e.location is not None and e.location.country != home):
        return None  # (阿尔巴尼斯会见赵乐际: the guest meets the host; 在旧金山会晤: not in the host country)
    return Event("visit", "042", e.status, (guest,), e.when, e.location or country_location(home), e.doc_id,
                 e.sentence, e.char_start, e.char_end, confidence=e.confidence)
