"""Groups of countries as one side of diplomacy: a dated membership table, a finder and resolution.

News often names a side by a group rather than by people: 七国集团外长, 北欧五国首相, 美日韩,
东盟十国领导人, NATO defence ministers, or by a number of countries just named (三国外长). This module finds
such mentions (Simplified, Traditional or English) and resolves a group to its members on a day and to
the persons who held an office in each member then. Data: groups.tsv (groups, names, dated members)
and group_words.tsv (office words after a group's name, words that contain a name but name no group).

    find_groups(text)          -> [GroupMention]  every mention, longest first, non-overlapping
    members(key, on)           -> ["USA", ...]    ISO3 codes of the members on a day (None: current)
    holders(key, office, on)   -> [Person | Country]  each member's holder of `office`, else the member
"""
from __future__ import annotations

import re
import string
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from timeline.lexicon import Country, Person, _day, get_lexicon
from timeline.record import Actor
from timeline.script import to_simplified
from timeline.temporal.numerals import to_int
from timeline.tsv import DATA, read_tsv, split_cell

LEADER = "leader"  # 领导人/首脑: the head of government where leaders.tsv says so, else the head of state
MAX_SPELLED = 12  # a group larger than this stands for itself, never member by member

# one character for one, so that offsets in the view are offsets in the text
_FOLD = str.maketrans({**{chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)},
                       **{c: "-" for c in "—–‐‑−"}})
_LOWER = str.maketrans(string.ascii_uppercase, string.ascii_lowercase)
_WORDISH = frozenset(string.ascii_letters + string.digits + "%_/=&@#$")  # no E3 in %E3%80, no AU in AU$5
_NUM = r"[0-9]{1,3}|[一二两三四五六七八九十]{1,3}"


@dataclass(frozen=True)
class Membership:
    """One spell of membership; no start = a founding member, no end = still a member."""

    iso3: str
    start: date | None
    end: date | None

    def on(self, day: date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Group:
    key: str
    name: str
    name_en: str | None
    org: str | None  # the group's code in countries.tsv when it is an organisation there
    memberships: tuple[Membership, ...]

    def members(self, on: date | None = None) -> list[str]:
        """ISO3 codes of the members on a day (all current members when `on` is None), in table order."""
        spells = (m for m in self.memberships if (m.end is None if on is None else m.on(on)))
        return list(dict.fromkeys(m.iso3 for m in spells))


@dataclass(frozen=True)
class GroupMention:
    """A group named in a text. `key` is None for a number of countries (三国外长: count=3), which
    the caller resolves against the countries just named. `office` is an office key of titles.tsv
    or `leader`, when an office word follows (七国集团外长) or, in English, precedes ("leaders of the G7")."""

    text: str
    start: int
    end: int
    key: str | None
    office: str | None = None
    count: int | None = None


def _view(text: str) -> str:
    """Simplified, full-width ASCII and dashes folded; the same length as `text`."""
    return to_simplified(text).translate(_FOLD)


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


def _bounded(view: str, i: int, j: int) -> bool:
    """No Latin letter or digit runs on across either end of view[i:j] (G7 in G77, EU in EURO)."""
    return not ((view[i] in _WORDISH and i > 0 and view[i - 1] in _WORDISH)
                or (view[j - 1] in _WORDISH and j < len(view) and view[j] in _WORDISH))


class Groups:
    """The group table and the finder over its names."""

    def __init__(self, root: Path = DATA) -> None:
        self.groups: dict[str, Group] = {}
        self._keys: dict[tuple[str, bool], str] = {}  # (surface, case kept) -> group key, the first table row wins
        for row in read_tsv(root / "groups.tsv"):
            key = row["key"]
            self.groups[key] = Group(key, row["name"], row.get("name_en") or None, row.get("org") or None,
                                     _memberships(row.get("members", "")))
            forms = [row["name"], *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
                     row.get("name_en", ""), *split_cell(row.get("en_aliases"))]
            for form in filter(None, forms):
                self._add(form, key)
        self._by_org = {g.org: g for g in self.groups.values() if g.org}
        # one alternation of the case-kept surfaces (matched in the view), one of the case-folded
        # phrases (matched in the lower-cased view), longest first
        self._exact = re.compile(_alternation([w for w, e in self._keys if e]))
        self._folded = re.compile(_alternation([w for w, e in self._keys if not e]) or "(?!)")
        self._offices: dict[str, str] = {}
        blocks: list[str] = []
        some: list[str] = []
        en: list[str] = []
        for row in read_tsv(root / "group_words.tsv"):
            zh = [row["word"], *split_cell(row.get("trad"))]
            if row.get("kind") in ("block", "some"):
                (blocks if row["kind"] == "block" else some).extend(_view(w) for w in zh)
                continue
            for word in zh:
                self._offices[_view(word)] = row["office"]
            for word in split_cell(row.get("en")):
                self._offices[word.casefold()] = row["office"]
                en.append(word)
        self._blocks = sorted(set(blocks))
        # 多个东盟成员国领袖: some of the members, not the group (a quantifier right before its name)
        self._some = re.compile(rf"(?:{_alternation(some)})$") if some else None
        zh_offices = _alternation([w for w in self._offices if not w.isascii()])
        en_offices = _alternation(en)
        # after a name: 27国 / 成员国 / 国家 / countries, then an office word (a bracketed alias may come between)
        space = r"[^\S\n]+"
        bracket = r"(?:\s?\([^()]{1,40}\))?"  # an alias or the members in brackets: （MIKTA，墨西哥、…）
        self._tail = re.compile(
            rf"{bracket}(?:(?:{_NUM})个?(?:成员)?国|各?成员国|各国|国家"
            rf"|{space}(?i:member states|member countries|countries|nations))?"
            rf"(?:{bracket}(?:的|{space})?"
            rf"(?P<office>{zh_offices}|(?i:{en_offices})(?![A-Za-z])))?")
        # English also puts the office first: "leaders of the G7"
        self._before = re.compile(rf"(?i:(?P<office>{en_offices})\s+of\s+(?:the\s+)?)$")
        # 三国外长, 两国元首: a number of countries (not 第三国, a third country)
        self._numeral = re.compile(
            rf"(?<![第0-9一二两三四五六七八九十])(?P<n>{_NUM})个?国家?的?(?P<office>{zh_offices})")
        self.leader_office = {r["iso3"]: r["leader_office"] for r in read_tsv(root / "leaders.tsv")}
        self.summit_leader = {(r["group"], r["iso3"]): r["office"] for r in read_tsv(root / "summit_leaders.tsv")}
        self._summit_groups = sorted({key for key, _ in self.summit_leader})

    def leader_of(self, iso3: str, key: str | None = None) -> str:
        """The office that leads `iso3` where news says 领导人: at the leaders' meetings of group `key`
        the one summit_leaders.tsv names (中日韩领导人会议: China's premier), else leaders.tsv's."""
        return self.summit_leader.get((key, iso3)) or self.leader_office.get(iso3, "head_of_state")

    def exactly(self, isos: set[str], on: date | None) -> str | None:
        """The group with leaders' meetings of its own whose members on `on` are exactly `isos`
        (韩中日 is 中日韩), else None."""
        for key in self._summit_groups:
            if set(self.members(key, on)) == isos:
                return key
        return None

    def _add(self, form: str, key: str) -> None:
        exact = " " not in form  # acronyms and one-word names keep their case (EU, Quad); phrases do not
        for variant in {_view(form), "".join(_view(c) for c in form)}:
            self._keys.setdefault((variant if exact else variant.translate(_LOWER), exact), key)

    # -- finding ----------------------------------------------------------------
    def find(self, text: str, simplified: bool = False) -> list[GroupMention]:
        """Every group mention in `text` (already Simplified when `simplified`): longest first,
        non-overlapping, in text order."""
        view = text.translate(_FOLD) if simplified else _view(text)
        low = view.translate(_LOWER)
        exact, folded = self._exact, self._folded
        found = []
        for pattern, seen in ((exact, view), (folded, low)):
            pos = 0
            while (m := pattern.search(seen, pos)) is not None:  # every start, not only non-overlapping ones
                i, j = m.span()
                found.append((i, j, self._keys[(m.group(), pattern is exact)]))
                pos = i + 1
        blocked = [(i, i + len(w)) for w in self._blocks if w in view for i in _occurrences(view, w)]
        found = [(i, j, key) for i, j, key in found
                 if _bounded(view, i, j) and not any(a < j and i < b for a, b in blocked)]
        chosen: list[GroupMention] = []
        for m in sorted((self._mention(text, view, i, j, key) for i, j, key in found), key=lambda m: (m.start - m.end, m.start)):
            if not any(c.start < m.end and m.start < c.end for c in chosen):
                chosen.append(m)
        if self._some is not None:
            chosen = [m for m in chosen if not self._some.search(view, max(0, m.start - 4), m.start)]
        for n in self._numeral.finditer(view):
            if not any(c.start < n.end() and n.start() < c.end for c in chosen):
                chosen.append(GroupMention(text[n.start():n.end()], n.start(), n.end(), None,
                                           self._offices[n.group("office")], to_int(n.group("n"))))
        return sorted(chosen, key=lambda m: m.start)

    def _mention(self, text: str, view: str, i: int, j: int, key: str) -> GroupMention:
        tail = self._tail.match(view, j)
        start, end, word = i, tail.end(), tail.group("office")
        if word is None:
            before = self._before.search(view, max(0, i - 40), i)
            if before is not None:
                start, word = before.start(), before.group("office")
        office = None if word is None else self._offices.get(" ".join(word.split()).casefold())
        return GroupMention(text[start:end], start, end, key, office)

    # -- resolving --------------------------------------------------------------
    def org_has(self, org: str, iso3: str, on: date | None) -> bool:
        """True when the organisation with code `org` in countries.tsv (EUU) had `iso3` as a member
        on `on` (any time when `on` is None)."""
        group = self._by_org.get(org)
        return group is not None and any(m.iso3 == iso3 and (on is None or m.on(on)) for m in group.memberships)

    def members(self, key: str, on: date | None = None) -> list[str]:
        return self.groups[key].members(on)

    def as_actors(self, key: str, office: str | None, on: date | None) -> list[tuple[Actor, str, str | None]]:
        """The group as actors on a day: each member's holder of `office` (else the member country),
        or with no office the member countries; with the country and office each stands for."""
        out: list[tuple[Actor, str, str | None]] = []
        for iso in self.members(key, on):
            held = (self.leader_of(iso, key) if office == LEADER else office) if office else None
            person = get_lexicon().holder(iso, held, on) if held and on is not None else None
            if person is not None:
                out.append((Actor(person.name, person.name_en, "person", person.country, held), iso, held))
            elif iso in get_lexicon().countries:
                out.append((get_lexicon().countries[iso].actor(), iso, None))
        return out

    def holders(self, key: str, office: str, on: date | None) -> list[Person | Country]:
        """For each member on `on`, who held `office` there (`leader`: see LEADER), else the member itself."""
        lex = get_lexicon()
        out: list[Person | Country] = []
        for iso in self.members(key, on):
            held = self.leader_of(iso, key) if office == LEADER else office
            person = lex.holder(iso, held, on)
            out.append(person if person is not None else lex.countries[iso])
        return out


def _memberships(cell: str) -> tuple[Membership, ...]:
    out = []
    for item in filter(None, (x.strip() for x in cell.split(";"))):
        iso, start, end = (item.split(":") + ["", ""])[:3]
        out.append(Membership(iso.strip(), _day(start), _day(end, end=True)))
    return tuple(out)


def _occurrences(text: str, word: str) -> list[int]:
    out, i = [], text.find(word)
    while i >= 0:
        out.append(i)
        i = text.find(word, i + 1)
    return out


@lru_cache(maxsize=1)
def get_groups() -> Groups:
    """The package's group table, loaded once per process."""
    return Groups()


def find_groups(text: str) -> list[GroupMention]:
    return get_groups().find(text)


def members(group_key: str, on: date | None = None) -> list[str]:
    return get_groups().members(group_key, on)


def holders(group_key: str, office: str, on: date | None) -> list[Person | Country]:
    return get_groups().holders(group_key, office, on)
