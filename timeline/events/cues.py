"""The cue table (`data/cues.tsv`): words around a trigger that set its status or block it.

Kinds: planned, cancelled, negation, hypothetical, nonevent, group and one (anaphors), carry and
carry_say (the event happens on the date in focus), invite, joint and gathering, refer, reference + first,
look_back and look_back_near, message, people (unnamed people who act themselves); not_K lists words that hold a cue of kind K without
being one (其间 for one, 如果我没记错 for hypothetical). `data/cues.tsv` describes each.
"""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.tsv import DATA, read_tsv

_NEAR = 10  # how far into a sentence a look_back_near cue may stand
# what may stand between unnamed people and the verb they do (将组团, 也将, 随后率团)
_ADVERBS = r"(?:将|也|亦|还|会|已|曾|即|随后|近日|日前|组团|结团|率团|一同|共同|分别){0,4}"
_AT_INVITATION = re.compile(r"应邀|应[^，。；]{0,30}?邀请?")


class Cues:
    """Cue words by kind, with the three ways a kind is tested."""

    def __init__(self, table: dict[str, list[str]]) -> None:
        self.words = table
        # one regex per kind: a cue anywhere, English cues as whole words only (if, not the if of Sharif)
        self._any = {k: re.compile("|".join(
            rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])" if c.isascii() else re.escape(c) for c in ws), re.I)
            for k, ws in table.items()}
        self.look_back = tuple(table.get("look_back", ()))
        self._look_back_near = re.compile("|".join(map(re.escape, table.get("look_back_near", ("\0",)))))
        # words that hold a cue of a kind without being one (kind not_one: 其间, 尤其; not_hypothetical:
        # 如果我没记错): blanked before that kind is looked for
        self._not = {k[4:]: re.compile("|".join(map(re.escape, ws))) for k, ws in table.items() if k.startswith("not_")}
        people = table.get("people")
        self._people = re.compile(rf"(?:{'|'.join(map(re.escape, people))})们?\s*{_ADVERBS}$") if people else None

    def looks_back(self, text: str, start: int) -> bool:
        """The sentence at `start` looks back: it opens with a look_back cue (这是…以来首次出访), or
        a look_back_near cue comes within its first words (李总理上一次访华是在2017年9月)."""
        return text.startswith(self.look_back, start) or \
            self._look_back_near.search(text, start, start + _NEAR) is not None

    def looks_back_in(self, text: str, start: int, end: int) -> bool:
        """A look_back_near cue (上一次, 上一回) comes in text[start:end] (莫迪上一回访马是…)."""
        return self._look_back_near.search(text, start, end) is not None

    def _blank(self, kind: str, text: str) -> str:
        """`text` with the words that only look like cues of `kind` blanked (same length)."""
        other = self._not.get(kind)
        return other.sub(lambda m: " " * len(m.group()), text) if other is not None else text

    def has(self, kind: str, text: str) -> bool:
        """A cue of `kind` occurs in `text`, English cues as whole words only (he, not the), and
        not inside a word that is none (其间 is "meanwhile", not "his")."""
        pattern = self._any.get(kind)
        if pattern is None:
            return False
        return pattern.search(self._blank(kind, text) if kind in self._not else text) is not None

    def without(self, kind: str, text: str) -> str:
        """`text` with the cues of `kind` blanked (same length)."""
        pattern = self._any.get(kind)
        return pattern.sub(lambda m: " " * len(m.group()), text) if pattern is not None else text

    def first(self, kind: str, text: str, start: int, end: int) -> int | None:
        """The end of the first cue of `kind` in text[start:end], or None."""
        pattern = self._any.get(kind)
        m = pattern.search(text, start, end) if pattern is not None else None
        return m.end() if m else None

    def invites(self, text: str) -> bool:
        """`text` invites someone to come (邀请她访美), not reports a visit made at an
        invitation (应…邀请, 应邀)."""
        return self.has("invite", _AT_INVITATION.sub("", text))

    def people_at(self, text: str, start: int, end: int) -> int | None:
        """Where unnamed people begin who are the subject of the verb at `end` (公务员将组团访问,
        代表团也访问: at most a few adverbs and 组团 between), within text[start:end]; else None."""
        m = self._people.search(text, start, end) if self._people is not None else None
        return m.start() if m is not None else None

    def ends_with(self, kind: str, text: str) -> bool:
        """`text` ends with a cue of `kind`."""
        return any(text.endswith(c) for c in self.words.get(kind, ()))


@lru_cache(maxsize=1)
def get_cues() -> Cues:
    """The package cue table, longest cues first within each kind."""
    table: dict[str, list[str]] = {}
    for r in read_tsv(DATA / "cues.tsv"):
        table.setdefault(r["kind"], []).append(r["cue"])
    for words in table.values():
        words.sort(key=len, reverse=True)
    return Cues(table)
