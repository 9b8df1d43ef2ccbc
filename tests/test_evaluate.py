"""`timeline evaluate` against the reference scorer shared/tools/score.py, and its by-doc / explain views.

System files are built from the gold itself (perfect, records dropped, dates shifted, actors
renamed to aliases, duplicates, events in several documents, malformed lines) and both
scorers must print the same figures for them.
"""
from __future__ import annotations

import json
import random
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from cli_helpers import run_cli

from timeline.evaluate import (ACTOR_NOT_RECOGNIZED, ACTOR_NOT_RESOLVED, BLOCKED, CAUSES, DATE_WRONG, MERGED, NO_SIDES,
                               NO_TRIGGER, OTHER, SPLIT, Aliases, evaluate, evaluate_files, sentences_overlap)

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(__file__).resolve().parents[2] / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
SEEDS_GOLD = [SHARED / "gold" / "seeds.jsonl"]
SEEDS_ALIASES = [SHARED / "gold" / "actors.json"]
DEV_GOLD = sorted((SHARED / "dev" / "gold").glob("d*.jsonl"))
DEV_ALIASES = SEEDS_ALIASES + sorted((SHARED / "dev" / "gold").glob("aliases_*.json"))

needs_shared = pytest.mark.skipif(not SCORE_PY.exists() or not DEV_GOLD, reason=f"shared tree not found at {SHARED}")


# ---------------------------------------------------------------- running both scorers


def run_evaluate(*args: object) -> tuple[int, str, str]:
    """(exit code, stdout, stderr) of `timeline evaluate ARGS…`."""
    return run_cli("evaluate", *args)


def run_score_py(system: Path, gold: list[Path], aliases: list[Path], tmp: Path, *flags: str) -> str:
    """score.py's stdout; several gold files are concatenated into one first, as score.py takes one."""
    gold_file = tmp / "gold_concat.jsonl"
    gold_file.write_text("".join(p.read_text(encoding="utf-8").rstrip("\n") + "\n" for p in gold), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE_PY), str(system), str(gold_file), *map(str, aliases), *flags],
                         capture_output=True, text=True, encoding="utf-8", check=True)
    return out.stdout


def both(system: Path, gold: list[Path], aliases: list[Path], tmp: Path, *flags: str) -> tuple[str, str]:
    alias_args = [x for a in aliases for x in ("--aliases", a)]
    code, out, err = run_evaluate(system, *gold, *alias_args, *flags)
    assert code == 0, err
    return run_score_py(system, gold, aliases, tmp, *flags), out


# ---------------------------------------------------------------- system files made from the gold


def read_gold(paths: list[Path]) -> list[dict]:
    return [json.loads(line) for p in paths for line in p.read_text(encoding="utf-8").splitlines() if line.strip()]


def alias_of(aliases: list[Path]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for p in aliases:
        for canon, names in json.loads(p.read_text(encoding="utf-8")).items():
            if not canon.startswith("__"):
                out.setdefault(canon, [n for n in names if n != canon])
    return out


def record(g: dict, **changes) -> dict:
    r = {"type": g["type"], "actors": [{"name": a, "kind": "person", "country": None} for a in g["actors"]],
         "date_start": g["date_start"], "date_end": g["date_end"], "status": g["status"],
         "location": {"name": g["location"]} if g.get("location") else None,
         "doc_id": g["doc"], "doc_ids": [g["doc"]], "sentence": g["evidence"]}
    r.update(changes)
    return r


def shift(d: str | None, days: int) -> str | None:
    return None if d is None else (date.fromisoformat(d) + timedelta(days=days)).isoformat()


def variants(gold: list[dict], aliases: list[Path]) -> dict[str, list]:
    """Name -> list of system records (or raw lines, for malformed ones)."""
    al = alias_of(aliases)
    rng = random.Random(7)
    perfect = [record(g) for g in gold]
    dropped = [record(g) for k, g in enumerate(gold) if k % 3]
    shifted = [record(g, date_start=shift(g["date_start"], 1), date_end=shift(g["date_end"], 1)) if k % 2 else
               record(g, date_start=None, date_end=None) if k % 5 == 0 else record(g)
               for k, g in enumerate(gold)]
    renamed = []
    for k, g in enumerate(gold):
        r = record(g)
        for a in r["actors"]:
            forms = al.get(a["name"]) or []
            if forms and k % 4:
                a["name"] = forms[k % len(forms)]
            elif k % 4 == 0:
                a["name_en"], a["name"] = a["name"], None
            if k % 6 == 5:  # a form no alias table knows: the event is lost
                a["name"] = "总统" + (a["name"] or a["name_en"])
        renamed.append(r)
    duplicated = [record(g) for g in gold] + [record(g, status="planned") for g in gold if g["type"] == "meeting"]
    # countries met through the actors' `country`, extra actors, events stated in two documents (path + suffix)
    docs = sorted({g["doc"] for g in gold})
    mixed = []
    for k, g in enumerate(gold):
        r = record(g, actors=[{"name": f"某人{k}", "country": rng.choice(["CHN", "JPN", "USA", "KOR", None])}]
                   + [{"name": a} for a in g["actors"]])
        if k % 3 == 0:
            r["doc_ids"] = [f"some/dir/{g['doc']}.txt", rng.choice(docs) + ".html", "not-in-gold"]
        if k % 7 == 0:
            r["type"] = rng.choice(["call", "meeting", "visit", "agreement", "statement"])
        if k % 5 == 0:
            r["location"] = rng.choice([None, "北京", {"name": "东京", "country": "JPN"}, {"name": "x", "country": "USA"}])
        mixed.append(r)
    random_mix = []
    for g in gold:
        roll = rng.random()
        if roll < 0.15:
            continue
        r = record(g)
        if roll < 0.3:
            r["date_start"], r["date_end"] = shift(g["date_start"], -40), shift(g["date_end"], 3)
        if roll > 0.85:
            random_mix.append(dict(r, sentence="又一次：" + g["evidence"]))
        random_mix.append(r)
    malformed = [json.dumps(r, ensure_ascii=False) for r in dropped] + ["{not json", "[1, 2]", "42"]
    odd = []  # other shapes the record may take: plain-string actors and places, doc_id only, fields left out
    for k, g in enumerate(gold):
        r = record(g)
        if k % 2:
            r["actors"] = list(g["actors"]) + [""]
            r["location"] = g.get("location")
        if k % 3 == 0:
            del r["doc_ids"]
        if k % 4 == 1:
            r["doc_ids"] = []
        if k % 5 == 2:
            for key in ("date_start", "date_end", "status", "sentence"):
                r.pop(key)
        if k % 6 == 3:
            r["type"] = None
        odd.append(r)
    odd.append({"type": "meeting"})
    return {"perfect": perfect, "dropped": dropped, "shifted": shifted, "renamed": renamed,
            "duplicated": duplicated, "mixed": mixed, "random_mix": random_mix, "malformed": malformed, "odd": odd}


VARIANTS = ["perfect", "dropped", "shifted", "renamed", "duplicated", "mixed", "random_mix", "malformed", "odd"]
GOLD_SETS = {"seeds": (SEEDS_GOLD, SEEDS_ALIASES), "dev": (DEV_GOLD, DEV_ALIASES)}


def write_system(path: Path, rows: list) -> Path:
    path.write_text("".join((r if isinstance(r, str) else json.dumps(r, ensure_ascii=False)) + "\n" for r in rows),
                    encoding="utf-8")
    return path


# ---------------------------------------------------------------- (a) same figures as score.py


@needs_shared
@pytest.mark.parametrize("gold_set", list(GOLD_SETS))
@pytest.mark.parametrize("variant", VARIANTS)
def test_same_figures_as_score_py(tmp_path: Path, gold_set: str, variant: str) -> None:
    gold, aliases = GOLD_SETS[gold_set]
    system = write_system(tmp_path / "system.jsonl", variants(read_gold(gold), aliases)[variant])
    for flags in ((), ("--verbose",)):
        ref, ours = both(system, gold, aliases, tmp_path, *flags)
        assert ours == ref
    ref, ours = both(system, gold, aliases, tmp_path, "--json")
    assert json.loads(ours) == json.loads(ref)
    assert ours.strip() == ref.strip()


@needs_shared
@pytest.mark.parametrize("gold_set", list(GOLD_SETS))
def test_perfect_system_scores_one(tmp_path: Path, gold_set: str) -> None:
    gold, aliases = GOLD_SETS[gold_set]
    system = write_system(tmp_path / "system.jsonl", variants(read_gold(gold), aliases)["perfect"])
    report = evaluate_files(system, gold, aliases)
    for group in (report.core, report.all):
        assert group.strict_f1 == group.lenient_f1 == 1.0
        assert group.gold == group.system == group.matched > 0
        assert group.duplicates == 0
    assert report.missed == [] and report.explain == []
    assert all(d.strict_f1 == 1.0 and not d.misses and not d.false_alarms for d in report.by_doc if d.gold)


@needs_shared
@pytest.mark.parametrize("variant", ["dropped", "shifted", "duplicated", "random_mix"])
def test_by_doc_adds_up_and_every_miss_is_explained(tmp_path: Path, variant: str) -> None:
    system = write_system(tmp_path / "system.jsonl", variants(read_gold(DEV_GOLD), DEV_ALIASES)[variant])
    report = evaluate_files(system, DEV_GOLD, DEV_ALIASES)
    assert len(report.by_doc) == len(DEV_GOLD)
    assert sum(d.gold for d in report.by_doc) == report.core.gold
    assert sum(d.found for d in report.by_doc) == report.core.system
    assert sum(d.matched for d in report.by_doc) == report.core.matched
    assert sum(len(d.misses) for d in report.by_doc) == report.core.gold - report.core.matched
    assert len(report.explain) == len(report.missed)
    assert {e.cause for e in report.explain} <= set(CAUSES)
    if variant == "dropped":
        assert report.explain and NO_TRIGGER in {e.cause for e in report.explain}


@needs_shared
def test_dropped_records_show_as_misses(tmp_path: Path) -> None:
    gold = read_gold(SEEDS_GOLD)
    system = write_system(tmp_path / "system.jsonl", variants(gold, SEEDS_ALIASES)["dropped"])
    report = evaluate_files(system, SEEDS_GOLD, SEEDS_ALIASES)
    dropped = {g["evidence"] for k, g in enumerate(gold) if k % 3 == 0 and not g.get("optional")}
    assert report.core.matched < report.core.gold
    assert {m.sentence for d in report.by_doc for m in d.misses} <= dropped
    assert report.core.strict_p == 1.0 and report.core.strict_r < 1.0


# ---------------------------------------------------------------- (b) by-doc and explain on handmade cases

ALIASES = {"王大明": ["王大明", "Wang Daming"], "李小龙": ["李小龙", "Li Xiaolong"], "张三丰": ["张三丰", "Zhang Sanfeng"],
           "中国": ["中国", "中方"], "韩国": ["韩国"]}


def g(doc: str, typ: str, actors: list[str], start: str | None, end: str | None, evidence: str, **kw) -> dict:
    return {"doc": doc, "type": typ, "actors": actors, "date": start, "date_start": start, "date_end": end,
            "status": "occurred", "location": None, "evidence": evidence, **kw}


def s(doc: str, typ: str, names: list[str], start: str | None, end: str | None, sentence: str, **kw) -> dict:
    return {"type": typ, "actors": [{"name": n} for n in names], "date_start": start, "date_end": end,
            "status": "occurred", "location": None, "doc_id": doc, "doc_ids": [doc], "sentence": sentence, **kw}


S1 = "王大明与李小龙1月2日在北京举行会谈，双方讨论了双边关系。"
S2 = "王大明同张三丰通电话，就地区局势交换意见。"
S3 = "王大明、李小龙和张三丰3月出席三方峰会并发表联合声明。"


def explain_of(gold: list[dict], system: list[dict]) -> dict[str, str]:
    report = evaluate(system, gold, Aliases.from_tables([ALIASES]))
    return {e.sentence: e.cause for e in report.explain}


def test_explain_no_trigger() -> None:
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1)]
    assert explain_of(gold, [s("a", "statement", ["王大明", "李小龙"], None, None, S1)]) == {S1: NO_TRIGGER}
    assert explain_of(gold, [s("b", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1)]) == {S1: NO_TRIGGER}


def test_explain_actor_not_recognized() -> None:
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1)]
    system = [s("a", "meeting", ["王大明"], "2025-01-02", "2025-01-02", S1 + "（完）")]
    assert explain_of(gold, system) == {S1: ACTOR_NOT_RECOGNIZED}


def test_explain_actor_not_resolved() -> None:
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1)]
    # the name is there, inside a longer form the alias table does not know
    system = [s("a", "meeting", ["王大明", "韩国总统李小龙"], "2025-01-02", "2025-01-02", S1)]
    assert explain_of(gold, system) == {S1: ACTOR_NOT_RESOLVED}
    # a country the text names through a person whose `country` the system left empty
    gold = [g("a", "call", ["王大明", "韩国"], None, None, S2)]
    system = [s("a", "call", ["王大明", "张三丰"], None, None, S2), s("a", "visit", ["韩国"], None, None, "韩国")]
    assert explain_of(gold, system) == {S2: ACTOR_NOT_RESOLVED}
    system[0]["actors"][1]["country"] = "KOR"
    assert explain_of(gold, system) == {}


def test_explain_date_wrong_and_merged() -> None:
    later = "双方同意3月再次会晤。"
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
            g("a", "meeting", ["王大明", "李小龙"], "2025-03-01", "2025-03-31", later)]
    system = [s("a", "meeting", ["李小龙", "Wang Daming"], "2025-01-02", "2025-01-02", S1)]
    assert explain_of(gold, system) == {later: NO_TRIGGER}  # the later meeting was never stated by the system
    system = [s("a", "meeting", ["李小龙", "Wang Daming"], "2025-01-02", "2025-01-02", S1 + later)]
    assert explain_of(gold, system) == {later: DATE_WRONG}  # stated, but with the other meeting's date
    system[0].update(date_start=None, date_end=None)
    gold[0].update(date_start=None, date_end=None)
    assert explain_of(gold, system) == {later: DATE_WRONG}
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-03-01", "2025-03-31", S1),
            g("a", "meeting", ["王大明", "李小龙"], "2025-03-10", "2025-03-10", later)]
    system = [s("a", "meeting", ["王大明", "李小龙"], "2025-03-01", "2025-03-31", S1)]
    assert explain_of(gold, system) == {later: MERGED}


def test_sentences_overlap() -> None:
    assert sentences_overlap(S1, "王大明与李小龙1月2日在北京举行会谈")
    assert sentences_overlap(S1, "另一段摘录 / 王 大明与李小龙1月2日在北京")  # excerpts joined by " / ", spacing
    assert not sentences_overlap(S1, S2)
    assert not sentences_overlap("", S1)


def test_explain_split_and_other() -> None:
    gold = [g("a", "meeting", ["王大明", "李小龙", "张三丰"], "2025-03-01", "2025-03-31", S3)]
    split = [s("a", "meeting", ["王大明", "李小龙"], "2025-03-01", "2025-03-31", S3),
             s("a", "meeting", ["王大明", "张三丰"], "2025-03-01", "2025-03-31", S3)]
    assert explain_of(gold, split) == {S3: SPLIT}
    three = [s("a", "meeting", [n], "2025-03-01", "2025-03-31", S3) for n in ("王大明", "李小龙", "张三丰")]
    assert explain_of(gold, three) == {S3: OTHER}


def test_by_doc_counts_misses_and_false_alarms() -> None:
    gold = [g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
            g("a", "call", ["王大明", "张三丰"], None, None, S2),
            g("a", "agreement", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
            g("b", "meeting", ["王大明", "李小龙", "张三丰"], "2025-03-01", "2025-03-31", S3)]
    system = [s("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
              s("a", "meeting", ["王大明", "Li Xiaolong"], "2025-01-03", "2025-01-03", "重复：" + S1),
              s("b", "meeting", ["王大明", "李小龙", "张三丰"], "2025-03-05", "2025-03-05", S3),
              s("b", "visit", ["张三丰"], "2025-03-01", "2025-03-01", "张三丰访问韩国。")]
    report = evaluate(system, gold, Aliases.from_tables([ALIASES]))
    a, b = report.by_doc
    assert (a.doc, a.gold, a.found, a.matched) == ("a", 2, 2, 1)
    assert a.strict_f1 == a.lenient_f1 == 0.5
    assert [m.sentence for m in a.misses] == [S2]
    assert [(f.sentence, f.duplicate) for f in a.false_alarms] == [("重复：" + S1, True)]
    assert (b.doc, b.gold, b.found, b.matched) == ("b", 1, 2, 1)
    assert b.strict_f1 == 0.0 and b.lenient_f1 == pytest.approx(2 / 3)
    assert [(f.type, f.sentence, f.duplicate) for f in b.false_alarms] == [("visit", "张三丰访问韩国。", False)]
    assert report.core.duplicates == 1 and report.core.matched == 2
    assert [(e.type, e.cause) for e in report.explain] == [("call", NO_TRIGGER), ("agreement", NO_TRIGGER)]


def test_cli_by_doc_and_explain_text(tmp_path: Path) -> None:
    (tmp_path / "gold.jsonl").write_text(
        "\n".join(json.dumps(x, ensure_ascii=False) for x in [
            g("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
            g("a", "call", ["王大明", "张三丰"], None, None, S2)]) + "\n", encoding="utf-8")
    write_system(tmp_path / "sys.jsonl", [s("a", "meeting", ["王大明", "李小龙"], "2025-01-02", "2025-01-02", S1),
                                          s("a", "visit", ["张三丰"], None, None, "张三丰访问韩国。")])
    (tmp_path / "al.json").write_text(json.dumps(ALIASES, ensure_ascii=False), encoding="utf-8")
    code, out, _ = run_evaluate(tmp_path / "sys.jsonl", tmp_path / "gold.jsonl", "--aliases", tmp_path / "al.json",
                                "--by-doc", "--explain")
    assert code == 0
    assert out.startswith("core  gold=2 system=2 matched=1 dup=0 lenient P/R/F1=0.50/0.50/0.50")
    assert "a  gold=2 found=2 matched=1 strict F1=0.50 lenient F1=0.50" in out
    assert f"  - call 王大明/张三丰 None..None  {S2}" in out
    assert "  + visit 张三丰 None..None  张三丰访问韩国。" in out
    assert f"a  [{NO_TRIGGER}] call 王大明/张三丰  {S2}" in out
    code, out, _ = run_evaluate(tmp_path / "sys.jsonl", tmp_path / "gold.jsonl", "--aliases", tmp_path / "al.json",
                                "--json", "--by-doc", "--explain")
    data = json.loads(out)
    assert data["by_doc"][0]["misses"][0]["sentence"] == S2
    assert data["explain"][0]["cause"] == NO_TRIGGER


# ---------------------------------------------------------------- bad input


def test_bad_input_is_named_and_exits_2(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    gold.write_text(json.dumps(g("a", "call", ["王大明", "张三丰"], None, None, S2), ensure_ascii=False) + "\n",
                    encoding="utf-8")
    al = tmp_path / "al.json"
    al.write_text(json.dumps(ALIASES, ensure_ascii=False), encoding="utf-8")
    good = write_system(tmp_path / "sys.jsonl", [s("a", "call", ["王大明", "张三丰"], None, None, S2)])
    missing = tmp_path / "nope.jsonl"
    bad_json = tmp_path / "bad.json"
    bad_json.write_text("{oops", encoding="utf-8")
    bad_gold = tmp_path / "bad_gold.jsonl"
    bad_gold.write_text('{"doc": "a"}\n', encoding="utf-8")
    not_utf8 = tmp_path / "gbk.jsonl"
    not_utf8.write_bytes("王大明".encode("gbk") + b"\n")
    csv = write_system(tmp_path / "sys.csv", ["type,actors", "call,王大明"])
    for args, culprit in [((missing, gold, "--aliases", al), missing),
                          ((good, missing, "--aliases", al), missing),
                          ((good, gold, "--aliases", bad_json), bad_json),
                          ((good, gold, bad_gold, "--aliases", al), bad_gold),
                          ((not_utf8, gold, "--aliases", al), not_utf8),
                          ((csv, gold, "--aliases", al), csv)]:
        code, out, err = run_evaluate(*args)
        assert code == 2, (args, out)
        assert str(culprit) in err and out == ""
    code, out, err = run_evaluate(good, gold)  # no alias table: a usage error
    assert code == 2


# ---------------------------------------------------------------- (c) explain with a trace of the pipeline

TRACED_TEXT = ("---\npublished: 2024-05-10\n---\n"
               "据报道，加纳总统阿库福-阿多9日表示，他未与多哥总统福雷会晤。"
               "会晤随后在阿克拉举行。"
               "塞内加尔总统法耶9日在达喀尔会见冈比亚外长唐加拉。\n")


def test_explain_names_the_cue_and_the_missing_side_from_a_trace(tmp_path: Path) -> None:
    src = tmp_path / "t1.txt"
    src.write_text(TRACED_TEXT, encoding="utf-8")
    events, trace = tmp_path / "events.jsonl", tmp_path / "trace.jsonl"
    code, _, err = run_cli("extract", src, "-o", events, "--trace", trace)
    assert code == 0, err
    entries = [json.loads(line) for line in trace.read_text(encoding="utf-8").splitlines()]
    assert {(e["trigger"], e["outcome"]) for e in entries} >= {("会晤", "blocked by a cue"), ("会晤", "frame without sides"),
                                                             ("会见", "event")}
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(g, ensure_ascii=False) + "\n" for g in [
        {"doc": "t1", "type": "meeting", "actors": ["阿库福-阿多", "福雷"], "date_start": "2024-05-09",
         "date_end": "2024-05-09", "status": "occurred", "evidence": "他未与多哥总统福雷会晤"},
        {"doc": "t1", "type": "meeting", "actors": ["阿库福-阿多", "福雷"], "date_start": None, "date_end": None,
         "status": "occurred", "evidence": "会晤随后在阿克拉举行"},
        {"doc": "t1", "type": "call", "actors": ["法耶", "唐加拉"], "date_start": "2024-05-09",
         "date_end": "2024-05-09", "status": "occurred", "evidence": "塞内加尔总统法耶9日在达喀尔会见冈比亚外长唐加拉"},
    ]), encoding="utf-8")
    aliases = tmp_path / "aliases.json"
    aliases.write_text("{}", encoding="utf-8")
    code, out, _ = run_cli("evaluate", events, gold, "--aliases", aliases, "--explain", "--trace", trace, "--json")
    assert code == 0
    causes = {e["sentence"]: (e["cause"], e["detail"]) for e in json.loads(out)["explain"]}
    assert causes["他未与多哥总统福雷会晤"] == (BLOCKED, "会晤: negation")
    assert causes["会晤随后在阿克拉举行"] == (NO_SIDES, "会晤: second side")
    cause, detail = causes["塞内加尔总统法耶9日在达喀尔会见冈比亚外长唐加拉"]
    assert cause == NO_TRIGGER and "会见 (meeting, event)" in detail  # a trigger of another type was there
    # without the trace, the same misses are only "no trigger found"
    code, out, _ = run_cli("evaluate", events, gold, "--aliases", aliases, "--explain", "--json")
    assert {e["cause"] for e in json.loads(out)["explain"]} == {NO_TRIGGER}


def test_trace_needs_one_process(tmp_path: Path) -> None:
    src = tmp_path / "t1.txt"
    src.write_text(TRACED_TEXT, encoding="utf-8")
    code, _, err = run_cli("extract", src, "--trace", tmp_path / "t.jsonl", "--jobs", "2")
    assert code == 2 and "--trace" in err
