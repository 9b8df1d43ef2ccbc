"""Meetings named by the leaders' initials: 特金会 (Trump-Kim), 习拜会, 普习会, 川金会.

Chinese news names a summit by the first character of each leader's name and 会. A pair counts
when each character is the initial of a country's leader in office on the document's day
(`data/actors`, `data/leaders.tsv`), the two are of different countries, and the word stands as a
name: in quotes (“特金会”), after 举行/此次/首次/第N次 …, or framed as a time (在习川会后, 自普习会以来);
so 基金会, 协会, 大会 never qualify.
An initial shared by two leaders stands for the one the text names; beside a leader, an initial may
stand for any person of the tables the text names in full (连习会: 连战 and 习近平).
"""
from __future__ import annotations

import re
from datetime import date
from functools import lru_cache

from timeline.groups import get_groups
from timeline.lexicon import PERSON, Entry, Office, Person, get_lexicon
from timeline.record import Actor

_PAIR = re.compile(r"([\u4e00-\u9fff])([\u4e00-\u9fff])会(?![议谈见晤面长员场所址馆计堂])")
_QUOTED = re.compile(r"[“「\"‘『]")
# a time clause that names the meeting (在习川会后, 自普习会以来)
_FRAME_BEFORE = re.compile(r"[在自于]$")
_FRAME_AFTER = re.compile(r"之?[后前]|期间|以来|上|时")
_NAMING = re.compile(r"(?:举行|此次|这次|首次|上次|下次|再次|新一轮|第[一二三四五六七八九十0-9]{1,2}次)\s*$")


def nickname_meetings(text: str, day: date | None) -> list[tuple[int, int, tuple[Actor, ...]]]:
    """(start, end, the two leaders) of every leaders'-initials meeting name in `text`."""
    if day is None:
        return []
    out = []
    for m in _PAIR.finditer(text):
        a, b = m.start(), m.end()
        quoted = a > 0 and _QUOTED.match(text, a - 1) is not None
        framed = _FRAME_BEFORE.search(text, max(0, a - 1), a) is not None and _FRAME_AFTER.match(text, b) is not None
        if not quoted and not framed and not _NAMING.search(text, max(0, a - 6), a):
            continue
        first, second = _pick(_leaders(m.group(1), day), text), _pick(_leaders(m.group(2), day), text)
        if (first is None) != (second is None):  # (连习会: a leader and a person the story names, 连战)
            first, second = first or _named(m.group(1), text), second or _named(m.group(2), text)
        if first is None or second is None or first.country == second.country:
            continue
        out.append((a, b, (_actor(first, day), _actor(second, day))))
    return out


def _pick(candidates: tuple[Person, ...], text: str) -> Person | None:
    """The one leader an initial can stand for: the only one, else the only one the text names."""
    if len(candidates) == 1:
        return candidates[0]
    named = [p for p in candidates if p.name in text]
    return named[0] if len(named) == 1 else None


def _named(initial: str, text: str) -> Person | None:
    """The one person of the tables whose name begins with `initial` and whom `text` names in full."""
    found = {p.name: p for p in get_lexicon().persons.values()
             if p.name.startswith(initial) and len(p.name) > 1 and p.name in text}
    return next(iter(found.values())) if len(found) == 1 else None


def _leaders(initial: str, day: date) -> tuple[Person, ...]:
    """The leaders in office on `day` one of whose name forms begins with `initial`."""
    return tuple(dict.fromkeys(p for p, office in _index().get(initial, ()) if office.held_on(day)))


@lru_cache(maxsize=1)
def _index() -> dict[str, list[tuple[Person, Office]]]:
    """Every (person, leading office) by the first character of each of the person's name forms
    (each country's leading office, `data/leaders.tsv`)."""
    lex, leading = get_lexicon(), get_groups().leader_office
    out: dict[str, list[tuple[Person, Office]]] = {}
    for (iso, office), holders in lex.holders.items():
        if office != leading.get(iso, "head_of_state"):
            continue
        for person in holders:
            forms = lex.forms.get(Entry(PERSON, person.name), set()) | lex.forms.get(
                Entry(PERSON, f"{person.name}@{person.country}"), set()) | {person.name}
            for form in forms:
                if form and "\u4e00" <= form[0] <= "\u9fff":
                    out.setdefault(form[0], []).extend((person, o) for o in person.offices if o.key == office)
    return out


def _actor(person: Person, day: date) -> Actor:
    office = person.office_on(day)
    return Actor(person.name, person.name_en, "person", person.country, office.key if office else None)
