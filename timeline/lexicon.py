"""The lexicon: people, offices, titles, countries, places and non-actors from package data.

Every surface form (Simplified, Traditional converted to Simplified, English) maps to
the entries it may name. The recognizer matches these surfaces; the resolver asks who
held an office on a date; queries map any name form to its canonical name.
"""
from __future__ import annotations

import re

import unicodedata
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from functools import lru_cache
from pathlib import Path

from timeline.record import Actor
from timeline.script import to_simplified
from timeline.tsv import DATA, read_tsv, split_cell

PERSON, COUNTRY, ORG, PLACE, TITLE, NONACTOR = "PERSON", "COUNTRY", "ORG", "PLACE", "TITLE", "NONACTOR"


@dataclass(frozen=True)
class Office:
    """One office held over an interval; `host` is the receiving country of an envoy, `of`
    the country or organisation whose office it is when not the person's own (a Belgian
    president of the European Council: `org_head@EUU`)."""

    key: str
    start: date
    end: date | None
    host: str | None = None
    of: str | None = None

    def held_on(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@dataclass(frozen=True)
class Person:
    name: str
    name_en: str | None
    country: str | None
    offices: tuple[Office, ...] = ()

    def office_on(self, day: date | None) -> Office | None:
        """The most senior-looking office held on `day` (the latest started), else the last one."""
        if not self.offices:
            return None
        if day is not None:
            held = [o for o in self.offices if o.held_on(day)]
            if held:
                return max(held, key=lambda o: o.start)
        return max(self.offices, key=lambda o: o.start)


@dataclass(frozen=True)
class Country:
    iso3: str
    kind: str
    name: str
    name_en: str | None
    short: tuple[str, ...] = ()
    capital: str | None = None

    def actor(self, role: str | None = None) -> Actor:
        """The country (or organisation) as a side of an event."""
        if self.kind in ("org", "movement"):  # (a movement: 塔利班, 哈马斯, a side of talks that is no state)
            return Actor(self.name, self.name_en, "org", None, role)
        return Actor(self.name, self.name_en, "country", self.iso3, role)


@dataclass(frozen=True)
class Place:
    name: str
    name_en: str | None
    country: str | None
    kind: str
    city: str | None
    lat: float | None
    lon: float | None


@dataclass(frozen=True)
class Title:
    title: str
    office: str
    countries: tuple[str, ...]
    rank: str
    en: str | None


@dataclass(frozen=True)
class Entry:
    """What a surface form may name: a label from the module constants and the key of the entry."""

    label: str
    key: str


def norm(surface: str) -> str:
    """The matching key of a surface: NFKC, Simplified, no spaces, middle dots unified, casefolded."""
    s = unicodedata.normalize("NFKC", surface)
    s = s.translate(_DOTS)
    s = "".join(s.split())
    return to_simplified(s).casefold()


_DOTS = str.maketrans({c: "·" for c in "•・‧∙⋅･"})


def _day(text: str, *, end: bool = False) -> date | None:
    """`YYYY`, `YYYY-MM` or `YYYY-MM-DD` as a day (the first day, or the last with end=True)."""
    text = text.strip()
    if not text:
        return None
    parts = [int(p) for p in text.split("-")]
    if len(parts) == 1:
        return date(parts[0], 12, 31) if end else date(parts[0], 1, 1)
    if len(parts) == 2:
        y, m = parts
        if not end:
            return date(y, m, 1)
        nxt = date(y + (m == 12), m % 12 + 1, 1)
        return date.fromordinal(nxt.toordinal() - 1)
    return date(*parts[:3])


def _offices(cell: str) -> tuple[Office, ...]:
    out = []
    for item in filter(None, (x.strip() for x in cell.split(";"))):
        key, _, rest = item.partition(":")
        start, _, end = rest.partition(":")
        key, _, of = key.partition("@")
        key, _, host = key.partition("/")
        begun = _day(start)
        if begun is None:
            continue
        out.append(Office(key.strip(), begun, _day(end, end=True), host.strip() or None, of.strip() or None))
    return tuple(out)


@dataclass
class Lexicon:
    """All package data, indexed by surface form."""

    persons: dict[str, Person] = field(default_factory=dict)
    countries: dict[str, Country] = field(default_factory=dict)
    places: dict[str, Place] = field(default_factory=dict)
    titles: dict[str, Title] = field(default_factory=dict)
    nonactors: dict[str, str] = field(default_factory=dict)
    surfaces: dict[str, list[Entry]] = field(default_factory=lambda: defaultdict(list))
    forms: dict[Entry, set[str]] = field(default_factory=lambda: defaultdict(set))
    holders: dict[tuple[str, str], list[Person]] = field(default_factory=lambda: defaultdict(list))
    country_by_short: dict[str, list[str]] = field(default_factory=lambda: defaultdict(list))
    movements: frozenset[str] = frozenset()  # organisations that travel and meet as a side (塔利班, 哈马斯)

    def is_movement(self, name: str) -> bool:
        """True for a movement of the table, or a country's opposition (委内瑞拉反对派)."""
        return name in self.movements or name.endswith("反对派")

    # -- building -------------------------------------------------------------
    def _add(self, label: str, key: str, surfaces: list[str]) -> None:
        entry = Entry(label, key)
        for s in surfaces:
            if not s:
                continue
            k = norm(s)
            if k and entry not in self.surfaces[k]:
                self.surfaces[k].append(entry)
            self.forms[entry].add(s)
            simple = to_simplified(s)
            if simple != s:
                self.forms[entry].add(simple)

    @classmethod
    def load(cls, root: Path = DATA) -> Lexicon:
        lex = cls()
        for path in sorted((root / "actors").glob("*.tsv")):
            for row in read_tsv(path):
                name, country = row.get("name", ""), row.get("country") or None
                if not name:
                    continue
                # namesakes of different countries are different people (奥斯马尼 of Kosovo and of
                # North Macedonia): the first keeps the bare name as its key, the others name@ISO
                key = name if name not in lex.persons or lex.persons[name].country == country else f"{name}@{country}"
                known = lex.persons.get(key)
                offices = _offices(row.get("offices", ""))
                if known is not None:  # the same person in several tables: one person, all offices
                    offices = known.offices + tuple(o for o in offices if o not in known.offices)
                lex.persons[key] = Person(name, (known.name_en if known else None) or row.get("name_en") or None,
                                          country, offices)
                lex._add(PERSON, key, [name, *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
                                       row.get("name_en", ""), *split_cell(row.get("en_aliases"))])
        for person in lex.persons.values():
            for office in dict.fromkeys((o.of or person.country or "", o.key) for o in person.offices):
                lex.holders[office].append(person)
        if (root / "countries.tsv").exists():
            for row in read_tsv(root / "countries.tsv"):
                iso = row.get("iso3", "")
                if not iso or iso in lex.countries:
                    continue
                kind = row.get("kind") or "country"
                country = Country(iso, kind, row["name"], row.get("name_en") or None,
                                  tuple(split_cell(row.get("short"))), row.get("capital") or None)
                lex.countries[iso] = country
                label = ORG if kind in ("org", "movement") else COUNTRY
                lex._add(label, iso, [row["name"], *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
                                      row.get("name_en", ""), *split_cell(row.get("en_aliases"))])
                for short in country.short:
                    lex.country_by_short[short].append(iso)
        lex.movements = frozenset(c.name for c in lex.countries.values() if c.kind == "movement")
        if (root / "places.tsv").exists():
            for row in read_tsv(root / "places.tsv"):
                name = row.get("name", "")
                if not name or name in lex.places:
                    continue
                lex.places[name] = Place(name, row.get("name_en") or None, row.get("country") or None,
                                         row.get("kind") or "city", row.get("city") or None,
                                         _float(row.get("lat")), _float(row.get("lon")))
                lex._add(PLACE, name, [name, *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
                                       row.get("name_en", ""), *split_cell(row.get("en_aliases"))])
        if (root / "titles.tsv").exists():
            for row in read_tsv(root / "titles.tsv"):
                surface = row.get("title", "")
                if not surface or surface in lex.titles:
                    continue
                title = Title(surface, row.get("office", ""), tuple(split_cell(row.get("countries"))),
                              row.get("rank", ""), row.get("en") or None)
                for s in [surface, *split_cell(row.get("trad"))]:
                    lex.titles.setdefault(to_simplified(s), title)
                lex._add(TITLE, surface, [surface, *split_cell(row.get("trad")), *split_cell(row.get("en"))])
        if (root / "nonactors.tsv").exists():
            for row in read_tsv(root / "nonactors.tsv"):
                name = row.get("name", "")
                if not name:
                    continue
                lex.nonactors[name] = row.get("kind", "")
                lex._add(NONACTOR, name, [name, *split_cell(row.get("trad")), *split_cell(row.get("name_en"))])
        return lex

    # -- looking up -----------------------------------------------------------
    def lookup(self, surface: str) -> list[Entry]:
        """Every entry a surface may name, in table order (persons first)."""
        return self.surfaces.get(norm(surface), [])

    def canonical(self, surface: str) -> str | None:
        """The canonical Simplified name for any form of a person, country, org or place."""
        for entry in self.lookup(surface):
            if entry.label == PERSON:
                return self.persons[entry.key].name
            if entry.label in (COUNTRY, ORG):
                return self.countries[entry.key].name
            if entry.label == PLACE:
                return entry.key
        return None

    def holder(self, country: str, office: str, on: date | None) -> Person | None:
        """Who held `office` of `country` on a day (None when nobody or the day is unknown); for an
        office still to be taken (总统当选人, 候任总理), who took the office it leads to next."""
        if on is None:
            return None
        if office in ELECT_OF:
            return self._next_holder(country, ELECT_OF[office], on)
        for person in self.holders.get((country, office), []):
            if any(o.key == office and (o.of or person.country) == country and o.held_on(on) for o in person.offices):
                return person
        return None

    def named_in(self, person: str, text: str) -> bool:
        """True when `text` writes one of the CJK forms of the table's `person` (潘尼亚 of 佩尼亚)."""
        return person in text or any(not f.isascii() and len(f) > 1 and f in text
                                     for f in self.forms.get(Entry(PERSON, person), ()))

    def _next_holder(self, country: str, office: str, on: date) -> Person | None:
        """The person whose term in `office` of `country` starts soonest after `on`, within
        `ELECT_DAYS` (an election's winner waits some weeks to months for the office)."""
        starts = [(o.start, person) for person in self.holders.get((country, office), []) for o in person.offices
                  if o.key == office and (o.of or person.country) == country and on < o.start <= on + ELECT_DAYS]
        return min(starts, key=lambda x: x[0])[1] if starts else None

    def country_of_place(self, name: str) -> str | None:
        place = self.places.get(name)
        return place.country if place else None


def _float(cell: str | None) -> float | None:
    try:
        return float(cell) if cell else None
    except ValueError:
        return None


# offices still to be taken (titles.tsv: 总统当选人, 候任总理) and the office each leads to
ELECT_OF = {"president_elect": "head_of_state", "head_of_government_elect": "head_of_government"}
ELECT_DAYS = timedelta(days=180)


@lru_cache(maxsize=1)
def get_lexicon() -> Lexicon:
    """The package lexicon, loaded once per process."""
    return Lexicon.load()


@lru_cache(maxsize=1)
def common_words() -> frozenset[str]:
    """Common two-character words (`data/not_names.txt`): no guessed name begins with one (时隔,
    当天, 随后) or runs into one (韩俊临时), no one-letter country ends or begins one (参加, 此访加深
    are no 加 = Canada), and no word glossed in English is a name (国是访问(State Visit))."""
    lines = (DATA / "not_names.txt").read_text(encoding="utf-8").splitlines()
    return frozenset(line for line in lines if line and not line.startswith("#"))


@lru_cache(maxsize=1)
def region_words() -> tuple[str, ...]:
    """Beginnings of world regions whose first letter is a one-letter country form (`data/region_words.txt`):
    中东, 美洲, 加勒比 after a visit word name the region, not China, the US or Canada."""
    lines = (DATA / "region_words.txt").read_text(encoding="utf-8").splitlines()
    return tuple(line for line in lines if line and not line.startswith("#"))


# characters that follow a one-letter country form (赴美与, 访日期间, 抵京后): it starts no word there
AFTER_LETTER = frozenset("与和同并会访出参进展举期时后前考洽，。、")  # (赴日考察, 赴美洽谈)


def ends_a_word(text: str, at: int) -> bool:
    """The character at `at` ends a common word begun right before it (the 加 of 参加: no Canada; but
    not the 日 of 上一次日朝磋商, a count of times before it)."""
    return at > 0 and text[at - 1:at + 1] in common_words() and not (
        text[at - 1] == "次" and at > 1 and text[at - 2] in _COUNTS)


_COUNTS = frozenset("一上下这每首几两再多三四五六七八九十")


_TAKING_AS = re.compile(r"[^，。；,;]{0,16}?为")  # 以…为契机: "taking … as"


def letters_start(text: str, a: int, b: int) -> int:
    """Where the one-letter country forms of text[a:b] (中俄, 美日韩) begin: past a letter that ends
    a common word (the 加 of 参加: no Canada) or the 以 of 以…为 (以日美韩首脑会谈为契机: no Israel)."""
    if ends_a_word(text, a) or (text[a] == "以" and b - a > 2 and _TAKING_AS.match(text, b)):
        return a + 1
    return a
