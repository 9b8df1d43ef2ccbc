"""Score system event records against gold events, exactly as `shared/tools/score.py` does.

The matching and every figure mirror the reference scorer (SPEC.md, "Scoring"); on top of
them come a per-document view (`DocScore`) and a diagnosis of each missed gold event
(`Explanation`). Several gold files are concatenated; alias tables are read in order and
the first table that names a form wins, as in score.py.

    report = evaluate_files("system.jsonl", ["gold.jsonl"], ["actors.json"])
    print(format_report(report, verbose=True))
"""
from __future__ import annotations

import json
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from types import MappingProxyType
from typing import Any

CORE: frozenset[str] = frozenset({"call", "meeting", "visit"})
ALL_TYPES: frozenset[str] = CORE | {"agreement", "statement"}
DOTS: Mapping[int, str] = MappingProxyType(str.maketrans({c: "·" for c in "•・‧∙⋅･"}))
DEFAULT_COUNTRY_OF: Mapping[str, str] = MappingProxyType({
    "东京": "日本", "奈良": "日本", "横须贺": "日本", "北京": "中国", "上海": "中国",
    "华盛顿": "美国", "纽约": "美国", "釜山": "韩国", "首尔": "韩国"})
DEFAULT_ISO: Mapping[str, str] = MappingProxyType({"JPN": "日本", "CHN": "中国", "USA": "美国", "KOR": "韩国"})
SUFFIXES = (".txt", ".md", ".html", ".htm", ".jsonl")
GOLD_KEYS = ("doc", "type", "actors", "evidence")

# the causes `explain` can give, in pipeline order (the second and third need a trace:
# `timeline extract --trace`)
NO_TRIGGER = "no trigger found"
BLOCKED = "trigger blocked by a cue"
NO_SIDES = "frame without sides"
ACTOR_NOT_RECOGNIZED = "actor not recognized"
ACTOR_NOT_RESOLVED = "actor not resolved"
DATE_WRONG = "date missing or wrong"
MERGED = "merged into another event"
SPLIT = "split into two"
OTHER = "other"
CAUSES = (NO_TRIGGER, BLOCKED, NO_SIDES, ACTOR_NOT_RECOGNIZED, ACTOR_NOT_RESOLVED, DATE_WRONG, MERGED, SPLIT, OTHER)


class InputError(Exception):
    """An input file that cannot be read or is not what it should be; names the file."""

    def __init__(self, path: str | Path, reason: str) -> None:
        super().__init__(f"{path}: {reason}")
        self.path = str(path)
        self.reason = reason


def norm(s: Any) -> str | None:
    """NFKC, one kind of middle dot, no whitespace, lower case (score.py's `norm`)."""
    if s is None:
        return None
    s = unicodedata.normalize("NFKC", str(s)).translate(DOTS)
    return "".join(s.split()).lower()


@dataclass(frozen=True)
class Aliases:
    """Name form -> canonical name, plus the place -> country and ISO code -> country tables."""

    to_canon: Mapping[str, str]
    country_of: Mapping[str, str]
    iso: Mapping[str, str]

    @classmethod
    def from_tables(cls, tables: Iterable[Mapping[str, Any]]) -> Aliases:
        to_canon: dict[str, str] = {}
        country_of = dict(DEFAULT_COUNTRY_OF)
        iso = dict(DEFAULT_ISO)
        for table in tables:
            country_of.update(table.get("__country_of__", {}))
            iso.update(table.get("__iso__", {}))
            for canon, names in table.items():
                if canon.startswith("__"):
                    continue
                for n in [canon] + list(names):
                    to_canon.setdefault(norm(n), canon)
        return cls(MappingProxyType(to_canon), MappingProxyType(country_of), MappingProxyType(iso))

    def canon(self, *names: Any) -> str | None:
        """The canonical name of the first known form, else the first non-empty form normalised."""
        for n in names:
            if n and norm(n) in self.to_canon:
                return self.to_canon[norm(n)]
        for n in names:
            if n:
                return norm(n)
        return None

    def forms(self, canon: str) -> set[str]:
        """Every normalised form that names `canon` (the canonical name included)."""
        return {f for f, c in self.to_canon.items() if c == canon} | {norm(canon) or ""}


def doc_key(d: Any) -> str:
    """A document id without directory and known extension (score.py's `doc_key`)."""
    d = str(d)
    for suf in SUFFIXES:
        if d.endswith(suf):
            d = d[: -len(suf)]
    return d.rsplit("/", 1)[-1]


# ---------------------------------------------------------------- loading


def read_jsonl(path: str | Path) -> tuple[list[dict[str, Any]], list[int]]:
    """The JSON objects of a JSONL file and the numbers of the lines that are not one."""
    out: list[dict[str, Any]] = []
    bad: list[int] = []
    try:
        with open(path, encoding="utf-8") as f:
            for number, line in enumerate(f, 1):
                line = line.strip()
                if not line:
                    continue
                try:
                    obj = json.loads(line)
                except json.JSONDecodeError:
                    bad.append(number)
                    continue
                if isinstance(obj, dict):
                    out.append(obj)
                else:
                    bad.append(number)
    except UnicodeDecodeError as exc:
        raise InputError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise InputError(path, exc.strerror or str(exc)) from exc
    return out, bad


def load_system(path: str | Path) -> tuple[list[dict[str, Any]], int]:
    """System records and the count of malformed lines (score.py counts them and goes on).

    A file with malformed lines and not a single record is refused as not JSONL at all."""
    records, bad = read_jsonl(path)
    if bad and not records:
        raise InputError(path, f"no JSON object on any line (first bad line: {bad[0]})")
    return records, len(bad)


def load_gold(paths: Sequence[str | Path]) -> list[dict[str, Any]]:
    """The gold events of several files, concatenated; a malformed line or record is an error."""
    gold: list[dict[str, Any]] = []
    for path in paths:
        records, bad = read_jsonl(path)
        if bad:
            raise InputError(path, f"line {bad[0]} is not a JSON object")
        for k, g in enumerate(records, 1):
            missing = [key for key in GOLD_KEYS if key not in g]
            if missing:
                raise InputError(path, f"gold record {k} lacks {', '.join(missing)}")
            if not isinstance(g["actors"], list) or not isinstance(g["evidence"], str):
                raise InputError(path, f"gold record {k}: actors must be a list and evidence a string")
        gold.extend(records)
    return gold


def load_aliases(paths: Sequence[str | Path]) -> Aliases:
    """The alias tables of several JSON files, earlier files first."""
    tables: list[Mapping[str, Any]] = []
    for path in paths:
        try:
            with open(path, encoding="utf-8") as f:
                table = json.load(f)
        except UnicodeDecodeError as exc:
            raise InputError(path, f"not UTF-8 ({exc.reason} at byte {exc.start})") from exc
        except json.JSONDecodeError as exc:
            raise InputError(path, f"not JSON ({exc.msg}, line {exc.lineno})") from exc
        except OSError as exc:
            raise InputError(path, exc.strerror or str(exc)) from exc
        if not isinstance(table, dict) or not all(
                k.startswith("__") or isinstance(v, list) for k, v in table.items()):
            raise InputError(path, "not an alias table (canonical name -> list of names)")
        tables.append(table)
    return Aliases.from_tables(tables)


# ---------------------------------------------------------------- matching (score.py)


@dataclass(frozen=True)
class SysEvent:
    """A system record as judged in one of its documents."""

    index: int  # position in the judged list
    type: Any
    actors: frozenset[str]
    sides: frozenset[str]  # actors plus the countries of the actors
    doc: str
    start: Any
    end: Any
    status: Any
    loc: str | None
    loc_country: Any
    raw: Mapping[str, Any]

    @property
    def sentence(self) -> str:
        return str(self.raw.get("sentence") or "")


@dataclass(frozen=True)
class GoldEvent:
    index: int
    actors: frozenset[str | None]
    doc: str
    raw: Mapping[str, Any]

    @property
    def type(self) -> Any:
        return self.raw["type"]

    @property
    def optional(self) -> bool:
        return bool(self.raw.get("optional"))

    @property
    def evidence(self) -> str:
        return self.raw["evidence"]


def _sys_events(e: Mapping[str, Any], al: Aliases) -> list[dict[str, Any]]:
    actors: set[str] = set()
    countries: set[str] = set()
    for a in e.get("actors") or []:
        if isinstance(a, dict):
            c = al.canon(a.get("name"), a.get("name_en"))
            if al.iso.get(a.get("country") or ""):
                countries.add(al.iso[a["country"]])
        else:
            c = al.canon(a)
        if c:
            actors.add(c)
    loc = e.get("location")
    if isinstance(loc, dict):
        loc_c = al.canon(loc.get("name"), loc.get("name_en"))
        loc_country = loc.get("country")
    else:
        loc_c, loc_country = al.canon(loc), None
    docs = e.get("doc_ids") or [e.get("doc_id")]
    base = {"type": e.get("type"), "actors": frozenset(actors), "sides": frozenset(actors | countries),
            "start": e.get("date_start"), "end": e.get("date_end"), "status": e.get("status"),
            "loc": loc_c, "loc_country": loc_country, "raw": e}
    # an event counts once in each of its documents
    return [dict(base, doc=d) for d in sorted({doc_key(d) for d in docs if d})]


def overlap(a0: Any, a1: Any, b0: Any, b1: Any) -> bool:
    if not (a0 and a1 and b0 and b1):
        return False
    return a0 <= b1 and b0 <= a1


def _intervals(g: Mapping[str, Any]) -> list[tuple[Any, ...]]:
    return [(g.get("date_start"), g.get("date_end"))] + [tuple(x) for x in g.get("alt") or []]


def strict(s: SysEvent, g: Mapping[str, Any]) -> bool:
    """The system interval equals the gold interval or an `alt` (null = null counts)."""
    return any(s.start == a and s.end == b for a, b in _intervals(g))


def lenient(s: SysEvent, g: Mapping[str, Any]) -> bool:
    """Strict, or the intervals overlap."""
    return strict(s, g) or any(overlap(s.start, s.end, a, b) for a, b in _intervals(g))


def loc_ok(s: SysEvent, g: Mapping[str, Any], al: Aliases) -> bool | None:
    """Same canonical place, or the gold place lies in the system's country; None: gold has no place."""
    gl = al.canon(g.get("location")) if g.get("location") else None
    if gl is None:
        return None
    if s.loc == gl:
        return True
    sys_country = s.loc if s.loc in al.iso.values() else al.iso.get(s.loc_country or "")
    return al.country_of.get(gl) is not None and al.country_of.get(gl) == sys_country


@dataclass(frozen=True)
class Matching:
    """The judged system events, the gold events and score.py's greedy one-to-one matching."""

    sysev: list[SysEvent]
    gold: list[GoldEvent]
    pairs: list[tuple[int, int]]  # (system index, gold index), in matching order
    candidates: list[tuple[tuple[int, int, int], int, int]]

    @property
    def used_s(self) -> dict[int, int]:
        return {i: j for i, j in self.pairs}

    @property
    def used_g(self) -> dict[int, int]:
        return {j: i for i, j in self.pairs}


def match(system: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], al: Aliases) -> Matching:
    """score.py's matching: same document and type, gold actors among the system's sides; best first."""
    golds = [GoldEvent(j, frozenset(al.canon(a) for a in g["actors"]), doc_key(g["doc"]), g)
             for j, g in enumerate(gold)]
    docs_in_gold = {g.doc for g in golds}
    # only system events about documents in the gold set are judged
    flat = [s for e in system for s in _sys_events(e, al) if s["doc"] in docs_in_gold]
    sysev = [SysEvent(index=i, **s) for i, s in enumerate(flat)]
    cands = []
    for s in sysev:
        for g in golds:
            if s.type == g.type and g.doc == s.doc and g.actors <= s.sides:
                q = (2 if strict(s, g.raw) else 1 if lenient(s, g.raw) else 0,
                     1 if s.status == g.raw.get("status") else 0,
                     -len(s.actors - g.actors))
                cands.append((q, s.index, g.index))
    cands.sort(reverse=True)
    used_s: set[int] = set()
    used_g: set[int] = set()
    pairs: list[tuple[int, int]] = []
    for _, i, j in cands:
        if i in used_s or j in used_g:
            continue
        used_s.add(i)
        used_g.add(j)
        pairs.append((i, j))
    return Matching(sysev, golds, pairs, cands)


# ---------------------------------------------------------------- figures


@dataclass(frozen=True)
class GroupScore:
    """score.py's figures for one group of types ("core" or "all")."""

    gold: int
    system: int
    matched: int
    lenient_p: float
    lenient_r: float
    lenient_f1: float
    strict_p: float
    strict_r: float
    strict_f1: float
    date_lenient_acc: float
    status_acc: float
    location_acc: float
    duplicates: int

    def to_dict(self) -> dict[str, Any]:
        return dict(self.__dict__)


def _prf(tp: int, s_count: int, g_count: int) -> tuple[float, float, float]:
    p = tp / s_count if s_count else 0.0
    r = tp / g_count if g_count else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def group_score(m: Matching, types: frozenset[str], al: Aliases, doc: str | None = None) -> GroupScore:
    """The figures over `types`, for every document or only `doc`."""
    sysev = [s for s in m.sysev if doc is None or s.doc == doc]
    gold = m.gold
    pairs = [(i, j) for i, j in m.pairs if doc is None or gold[j].doc == doc]
    used_s = {i for i, _ in m.pairs}
    cand_s = {i for _, i, _ in m.candidates}
    g_count = sum(1 for g in gold if g.type in types and not g.optional and (doc is None or g.doc == doc))
    s_judged = [s.index for s in sysev if s.type in types]
    opt_matched = {i for i, j in pairs if gold[j].optional and gold[j].type in types}
    s_count = len([i for i in s_judged if i not in opt_matched])
    mp = [(i, j) for i, j in pairs if gold[j].type in types and not gold[j].optional]
    tp_l = len(mp)
    tp_s = sum(1 for i, j in mp if strict(m.sysev[i], gold[j].raw))
    dup = sum(1 for i in s_judged if i in cand_s and i not in used_s)
    pl, rl, fl = _prf(tp_l, s_count, g_count)
    ps, rs, fs = _prf(tp_s, s_count, g_count)
    locs = [loc_ok(m.sysev[i], gold[j].raw, al) for i, j in mp]
    locs = [x for x in locs if x is not None]
    return GroupScore(
        gold=g_count, system=s_count, matched=tp_l,
        lenient_p=pl, lenient_r=rl, lenient_f1=fl,
        strict_p=ps, strict_r=rs, strict_f1=fs,
        date_lenient_acc=(sum(1 for i, j in mp if lenient(m.sysev[i], gold[j].raw)) / tp_l) if tp_l else 0.0,
        status_acc=(sum(1 for i, j in mp if m.sysev[i].status == gold[j].raw.get("status")) / tp_l) if tp_l else 0.0,
        location_acc=(sum(locs) / len(locs)) if locs else 0.0,
        duplicates=dup,
    )


# ---------------------------------------------------------------- per document


@dataclass(frozen=True)
class Miss:
    """A gold event the system did not find."""

    type: str
    actors: list[str]
    date_start: str | None
    date_end: str | None
    sentence: str  # the gold `evidence`


@dataclass(frozen=True)
class FalseAlarm:
    """A system event matched to no gold event; `duplicate`: it could have matched one already taken."""

    type: Any
    actors: list[str]
    date_start: Any
    date_end: Any
    sentence: str
    duplicate: bool


@dataclass(frozen=True)
class DocScore:
    """One document's core-type figures, misses and false alarms."""

    doc: str
    gold: int
    found: int
    matched: int
    strict_f1: float
    lenient_f1: float
    misses: list[Miss] = field(default_factory=list)
    false_alarms: list[FalseAlarm] = field(default_factory=list)


def by_doc(m: Matching, al: Aliases, types: frozenset[str] = CORE) -> list[DocScore]:
    """Per gold document (in first-seen order): score.py's figures over `types` restricted to it.

    Matching only pairs events of the same document, so these add up to the global counts."""
    docs = list(dict.fromkeys(g.doc for g in m.gold))
    used_s, used_g = m.used_s, m.used_g
    cand_s = {i for _, i, _ in m.candidates}
    out = []
    for d in docs:
        sc = group_score(m, types, al, doc=d)
        misses = [Miss(g.type, list(g.raw["actors"]), g.raw.get("date_start"), g.raw.get("date_end"), g.evidence)
                  for g in m.gold if g.doc == d and g.type in types and not g.optional and g.index not in used_g]
        alarms = [FalseAlarm(s.type, sorted(s.actors), s.start, s.end, s.sentence, s.index in cand_s)
                  for s in m.sysev if s.doc == d and s.type in types and s.index not in used_s]
        out.append(DocScore(d, sc.gold, sc.system, sc.matched, sc.strict_f1, sc.lenient_f1, misses, alarms))
    return out


# ---------------------------------------------------------------- explain


@dataclass(frozen=True)
class Explanation:
    """Why a gold event was missed: the first pipeline stage that lost it."""

    doc: str
    type: str
    actors: list[str]
    sentence: str
    cause: str
    detail: str


def sentences_overlap(sentence: str, evidence: str, min_common: int = 8) -> bool:
    """Whether a system sentence states a gold evidence (which may join several excerpts with " / ").

    True when, after `norm`, one text contains the other or they share `min_common`
    consecutive characters (or all of the shorter one)."""
    return any(_texts_overlap(sentence, part, min_common) for part in str(evidence).split(" / "))


def _texts_overlap(a: str, b: str, min_common: int) -> bool:
    na, nb = norm(a) or "", norm(b) or ""
    if not na or not nb:
        return False
    if na in nb or nb in na:
        return True
    k = SequenceMatcher(None, na, nb, autojunk=False).find_longest_match(0, len(na), 0, len(nb)).size
    return k >= min(min_common, len(na), len(nb))


def _actor_names(s: SysEvent) -> list[str]:
    """The normalised surface names (name, name_en) of a system event's actors."""
    names = []
    for a in s.raw.get("actors") or []:
        for n in ([a.get("name"), a.get("name_en")] if isinstance(a, dict) else [a]):
            if n:
                names.append(norm(n) or "")
    return names


def _mentions(form: str, name: str) -> bool:
    return bool(form) and bool(name) and (form == name or (len(form) >= 2 and form in name)
                                          or (len(name) >= 2 and name in form))


def explain_miss(m: Matching, g: GoldEvent, al: Aliases, trace: Sequence[Mapping[str, Any]] = ()) -> Explanation:
    """The first stage that lost gold event `g`, by these rules, in order.

    Terms: candidates are the system events of the same document and type whose sides
    cover the gold actors (what score.py may pair with `g`; as `g` is unmatched, every one
    of them went to another gold event); related events are those of the same document and
    type whose `sentence` overlaps the gold `evidence` (`sentences_overlap`).

    - a candidate at this sentence: date missing or wrong if none of those has an interval
      that fits `g` (strict or overlapping), else merged into another event;
    - a candidate elsewhere in the document whose interval fits `g`: merged into another
      event (a merged record keeps the sentence of its first mention);
    - no related event: with a `trace` (the entries `timeline extract --trace` wrote), a trigger
      of the gold type at the evidence that was blocked gives "trigger blocked by a cue" (which
      cue), one whose frame found no sides "frame without sides" (which argument); else no
      trigger found (an event of another type at the sentence counts as not found: the trigger
      was missed or mistyped; the detail names the trigger words the trace saw there);
    - a gold actor on no related event: actor not recognized if none of its alias forms
      equals, contains or occurs in a system actor name (name, name_en) anywhere in the
      document; else actor not resolved (the name is there, but the scorer canonicalises
      it, or its `country`, to something else, or it sits on another event);
    - two same-type events of the document each cover part of the gold actors and
      together all of them: split into two;
    - anything else: other.
    """
    used_s = m.used_s
    in_doc = [s for s in m.sysev if s.doc == g.doc]
    same_type = [s for s in in_doc if s.type == g.type]
    cands = [s for s in same_type if g.actors <= s.sides]
    related = [s for s in same_type if sentences_overlap(s.sentence, g.evidence)]
    base = dict(doc=g.doc, type=g.type, actors=list(g.raw["actors"]), sentence=g.evidence)
    want = f"{g.raw.get('date_start')}..{g.raw.get('date_end')}"

    def taken_by(s: SysEvent) -> str:
        other = m.gold[used_s[s.index]] if s.index in used_s else None
        return f"the system event went to gold: {other.evidence[:40]}" if other else "left unmatched"

    here = [s for s in cands if s in related]
    if here:
        fitting = [s for s in here if lenient(s, g.raw)]
        if not fitting:
            got = ", ".join(f"{s.start}..{s.end}" for s in here)
            return Explanation(**base, cause=DATE_WRONG, detail=f"gold {want}; system {got}; {taken_by(here[0])}")
        return Explanation(**base, cause=MERGED, detail=taken_by(fitting[0]))
    fitting = [s for s in cands if lenient(s, g.raw)]
    if fitting:
        return Explanation(**base, cause=MERGED, detail=f"{taken_by(fitting[0])} (stated: {fitting[0].sentence[:40]})")
    if not related:
        seen = [t for t in trace if doc_key(t.get("doc_id")) == g.doc
                and sentences_overlap(str(t.get("sentence") or ""), g.evidence)]
        for outcome, cause in (("blocked by a cue", BLOCKED), ("frame without sides", NO_SIDES)):
            lost_here = [t for t in seen if t.get("type") == g.type and t.get("outcome") == outcome]
            if lost_here:
                return Explanation(**base, cause=cause, detail="; ".join(
                    f"{t.get('trigger')}: {t.get('detail')}" for t in lost_here))
        words = sorted({f"{t.get('trigger')} ({t.get('type')}, {t.get('outcome')})" for t in seen})
        return Explanation(**base, cause=NO_TRIGGER,
                           detail=f"no {g.type} event in {g.doc} at this sentence"
                                  + (f"; trigger words there: {', '.join(words)}" if words else "")
                                  + (f" (other {g.type} events with these actors, dated elsewhere: {len(cands)})"
                                     if cands else ""))
    covered = frozenset().union(*(s.sides for s in related))
    lost = sorted(str(a) for a in g.actors if a not in covered)
    if lost:
        names = [n for s in in_doc for n in _actor_names(s)]
        unseen = [a for a in lost if not any(_mentions(f, n) for f in al.forms(a) for n in names)]
        if unseen:
            return Explanation(**base, cause=ACTOR_NOT_RECOGNIZED,
                               detail=f"no system actor in {g.doc} named {', '.join(unseen)}")
        return Explanation(**base, cause=ACTOR_NOT_RESOLVED,
                           detail=f"named in {g.doc} but not resolved onto the event: {', '.join(lost)}")
    parts = [s for s in same_type if s.sides & g.actors and not g.actors <= s.sides]
    for x in range(len(parts)):
        for y in range(x + 1, len(parts)):
            if g.actors <= parts[x].sides | parts[y].sides:
                return Explanation(**base, cause=SPLIT, detail=f"{sorted(parts[x].actors)} + {sorted(parts[y].actors)}")
    return Explanation(**base, cause=OTHER, detail="related event(s) at this sentence but no single match")


def explain(m: Matching, al: Aliases, trace: Sequence[Mapping[str, Any]] = ()) -> list[Explanation]:
    """A diagnosis for every missed (non-optional) gold event, in gold order."""
    used_g = m.used_g
    return [explain_miss(m, g, al, trace) for g in m.gold if g.index not in used_g and not g.optional]


# ---------------------------------------------------------------- the report


@dataclass(frozen=True)
class Report:
    """score.py's result, plus the per-document view and the explanations of the misses."""

    core: GroupScore
    all: GroupScore
    missed: list[str]
    unmatched_system: list[tuple[Any, list[str], Any, str]]
    wrong_date: list[tuple[str, Any, Any, Any]]
    bad_lines: int
    by_doc: list[DocScore]
    explain: list[Explanation]

    def to_json(self, with_by_doc: bool = False, with_explain: bool = False) -> dict[str, Any]:
        """score.py's --json object (same keys, same order); optionally with by_doc and explain."""
        out: dict[str, Any] = {"core": self.core.to_dict(), "all": self.all.to_dict(),
                               "missed": list(self.missed),
                               "unmatched_system": [list(x) for x in self.unmatched_system],
                               "wrong_date": [list(x) for x in self.wrong_date],
                               "bad_lines": self.bad_lines}
        if with_by_doc:
            out["by_doc"] = [_asdict(d) for d in self.by_doc]
        if with_explain:
            out["explain"] = [_asdict(e) for e in self.explain]
        return out


def _asdict(obj: Any) -> Any:
    if hasattr(obj, "__dataclass_fields__"):
        return {k: _asdict(v) for k, v in obj.__dict__.items()}
    if isinstance(obj, list):
        return [_asdict(x) for x in obj]
    return obj


def evaluate(system: Sequence[Mapping[str, Any]], gold: Sequence[Mapping[str, Any]], al: Aliases,
             bad_lines: int = 0, trace: Sequence[Mapping[str, Any]] = ()) -> Report:
    """Score system records against gold records (already loaded); `trace` entries (from
    `timeline extract --trace`) let the explanations name the stage that lost an event."""
    m = match(system, gold, al)
    used_s, used_g = m.used_s, m.used_g
    sysev, golds = m.sysev, m.gold
    return Report(
        core=group_score(m, CORE, al),
        all=group_score(m, ALL_TYPES, al),
        missed=[g.evidence[:60] for g in golds if g.index not in used_g and not g.optional],
        unmatched_system=[(s.type, sorted(s.actors), s.start, s.sentence[:50])
                          for s in sysev if s.index not in used_s and s.type in CORE],
        wrong_date=[(golds[j].evidence[:40], golds[j].raw.get("date_start"), sysev[i].start, sysev[i].end)
                    for i, j in m.pairs if not strict(sysev[i], golds[j].raw)],
        bad_lines=bad_lines,
        by_doc=by_doc(m, al),
        explain=explain(m, al, trace),
    )


def evaluate_files(system: str | Path, gold: Sequence[str | Path], aliases: Sequence[str | Path],
                   trace: str | Path | None = None) -> Report:
    """Load the files (raising InputError naming a bad one) and score them."""
    al = load_aliases(aliases)
    golds = load_gold(gold)
    records, bad = load_system(system)
    entries = read_jsonl(trace)[0] if trace is not None else []
    return evaluate(records, golds, al, bad, entries)


# ---------------------------------------------------------------- text


def format_report(report: Report, verbose: bool = False) -> str:
    """score.py's default output (with --verbose, its verbose output), newline-terminated."""
    lines = []
    for group in ("core", "all"):
        r: GroupScore = getattr(report, group)
        lines.append(
            f"{group:5s} gold={r.gold} system={r.system} matched={r.matched} dup={r.duplicates} "
            f"lenient P/R/F1={r.lenient_p:.2f}/{r.lenient_r:.2f}/{r.lenient_f1:.2f} "
            f"strict P/R/F1={r.strict_p:.2f}/{r.strict_r:.2f}/{r.strict_f1:.2f} "
            f"date~={r.date_lenient_acc:.2f} status={r.status_acc:.2f} loc={r.location_acc:.2f}")
    if verbose:
        for name in ("missed", "unmatched_system", "wrong_date"):
            lines.append(name)
            lines.extend(f"   {x}" for x in getattr(report, name))
    if report.bad_lines:
        lines.append(f"bad lines: {report.bad_lines}")
    return "\n".join(lines) + "\n"


def format_by_doc(report: Report) -> str:
    """One line of core figures per document, then its misses (-) and false alarms (+, dup)."""
    lines = ["by document (core types)"]
    for d in report.by_doc:
        lines.append(f"{d.doc}  gold={d.gold} found={d.found} matched={d.matched} "
                     f"strict F1={d.strict_f1:.2f} lenient F1={d.lenient_f1:.2f}")
        for x in d.misses:
            lines.append(f"  - {x.type} {'/'.join(x.actors)} {x.date_start}..{x.date_end}  {x.sentence}")
        for y in d.false_alarms:
            tag = " (dup)" if y.duplicate else ""
            lines.append(f"  + {y.type} {'/'.join(y.actors)} {y.date_start}..{y.date_end}{tag}  {y.sentence}")
    return "\n".join(lines) + "\n"


def format_explain(report: Report) -> str:
    """One line per missed gold event: document, cause, event, detail; then a count per cause."""
    lines = ["explain (missed gold events)"]
    for e in report.explain:
        lines.append(f"{e.doc}  [{e.cause}] {e.type} {'/'.join(e.actors)}  {e.sentence[:60]}")
        lines.append(f"      {e.detail}")
    counts = {c: sum(1 for e in report.explain if e.cause == c) for c in CAUSES}
    lines.append("causes: " + ", ".join(f"{c}={n}" for c, n in counts.items() if n))
    return "\n".join(lines) + "\n"
