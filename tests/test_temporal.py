"""Time expressions: the hand-resolved cases of tests/data/dates_cases.jsonl, the CLI and tense.

Each case gives a sentence, its DCT and the inclusive day intervals of all its time
expressions in order (`[]` for sentences with numbers that are not dates); some also give
the TIMEX value and modifier of the first expression.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from cli_helpers import run_cli
from timeline.temporal import find_dates, sentence_tense

CASES_PATH = Path(__file__).parent / "data" / "dates_cases.jsonl"
CASES = [json.loads(line) for line in CASES_PATH.read_text(encoding="utf-8").splitlines() if line.strip()]


def _case_id(n: int, case: dict) -> str:
    """A readable (ASCII) test id: line number, category, language, DCT and the first value."""
    kind = case.get("cat") or ("neg" if not case["expect"] else case["lang"])
    first = case["expect"][0][0] if case["expect"] else "none"
    return f"L{n:03d}-{kind}-{case['lang']}-dct{case['dct']}-{first}"


def test_case_file_covers_the_brief() -> None:
    """At least 330 cases, 40 negatives, and both Traditional and English sentences."""
    assert len(CASES) >= 330
    assert sum(1 for c in CASES if not c["expect"]) >= 40
    langs = [c["lang"] for c in CASES]
    assert langs.count("zh-Hant") >= 0.15 * len(CASES)
    assert langs.count("en") >= 0.12 * len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[_case_id(n, c) for n, c in enumerate(CASES, 1)])
def test_intervals(case: dict) -> None:
    """Every expression's day interval, in order; the first one's value and modifier if given."""
    found = find_dates(case["text"], case["dct"])
    got = [[t.date_start, t.date_end] for t in found]
    assert got == case["expect"], [(t.text, t.date, t.date_start, t.date_end) for t in found]
    if "date" in case:
        assert found[0].date == case["date"]
    if "date_mod" in case:
        assert found[0].date_mod == case["date_mod"]


def test_clock_time_and_zone_are_detail() -> None:
    """当地时间…下午3时30分 stays one expression, with zone and clock time as detail."""
    [t] = find_dates("当地时间2日下午3时30分，两国外长举行会谈。", "2025-06-02")
    assert (t.date, t.text) == ("2025-06-02", "2日下午3时30分")
    assert t.detail == "当地时间 下午3时30分"


@pytest.mark.parametrize("text, anchor, expected", [
    ("22日，正对越南进行国事访问的总统访问了训练场。", date(2018, 1, 23), "2018-03-22"),  # not the story's January
    ("25日，越南队赢得了比赛。", date(2018, 1, 23), "2018-01-25"),  # the January story goes on
])
def test_bare_day_after_an_anchor_in_another_month(text: str, anchor: date, expected: str) -> None:
    """A bare day just after the anchor carries its story on; one that cannot follow it is read
    near the DCT (a March paper)."""
    [t] = find_dates(text, "2018-03-23", anchor=anchor)
    assert t.date_start == expected


def test_anchor_argument_resolves_same_day() -> None:
    """当天/次日 follow the `anchor` argument when the sentence itself gives no date."""
    found = find_dates("次日，双方发表联合声明。", "2025-06-02", anchor=date(2025, 5, 27))
    assert [t.date for t in found] == ["2025-05-28"]


def test_tense_argument_overrides_sentence() -> None:
    """`tense='past'` puts a bare month before the DCT."""
    [t] = find_dates("双方于12月举行会谈。", "2025-06-02", tense="past")
    assert t.date == "2024-12"


@pytest.mark.parametrize("text, at, expected", [
    ("外交部长王毅将于12月访问日本。", None, "future"),
    ("国家主席习近平曾于6月访问俄罗斯。", None, "past"),
    ("双方举行了会谈。", None, "past"),
    ("中方愿意为此作出努力，为了和平。", None, None),
    ("此前，双方曾多次磋商，将于12月5日再次会晤。", 20, "future"),
    ("此前，双方曾多次磋商，将于12月5日再次会晤。", 3, "past"),
    ("外交部長林佳龍將於下週出訪。", None, "future"),
    ("The two leaders will meet in Busan.", None, "future"),
    ("The two leaders met in Busan.", None, "past"),
    ("墨西哥总统5月28日前往秘鲁。", None, None),  # the 日 of a date before 前往 is not 日前 (days ago)
    ("墨西哥总统日前前往秘鲁。", None, "past"),
    # a cue before a report verb tenses the report, not what is reported after it
    ("此前，总统在推特上表示，他认为，9月3日在里约举行会谈依旧可能。", 16, None),
    ("此前，总统曾在推特上指出，9月3日的会谈很成功。", 13, None),
    ("总统曾在推特上表示，9月3日曾举行会谈。", 10, "past"),
])
def test_sentence_tense(text: str, at: int | None, expected: str | None) -> None:
    """Cue words point ahead or back; with an offset the nearest cue in its clause wins."""
    assert sentence_tense(text, at) == expected


def test_cli_single_text() -> None:
    """`timeline dates TEXT --dct` prints one JSON line per expression."""
    code, out, _ = run_cli("dates", "王毅将于下周一访问法国，周三抵达德国。", "--dct", "2025-06-05")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [(r["text"], r["date"]) for r in rows] == [("下周一", "2025-06-09"), ("周三", "2025-06-11")]


def test_cli_offsets_point_into_traditional_text() -> None:
    """Offsets index the original Traditional text, and `text` is its own substring."""
    text = "總統賴清德上週四在總統府接見訪問團，將於下週二出訪。"
    code, out, _ = run_cli("dates", text, "--dct", "2025-06-05")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["date"] for r in rows] == ["2025-05-29", "2025-06-10"]
    for r in rows:
        assert text[r["start"]:r["end"]] == r["text"]
    assert rows[0]["text"] == "上週四"


def test_cli_batch(tmp_path: Path) -> None:
    """`timeline dates --input FILE` gives one JSON line per input line, with its expressions."""
    batch = tmp_path / "cases.jsonl"
    lines = [{"text": "国务院总理李强5月28日会见安瓦尔。", "dct": "2025-06-02"},
             {"text": "中日韓領導人會議今天在首爾舉行。", "dct": "2024-05-27"},
             {"text": "两国元首通话持续了90分钟。", "dct": "2025-06-02"}]
    batch.write_text("".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines), encoding="utf-8")
    code, out, _ = run_cli("dates", "--input", batch)
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [[e["date"] for e in r["expressions"]] for r in rows] == [["2025-05-28"], ["2024-05-27"], []]
    assert rows[1]["expressions"][0]["text"] == "今天"


def test_cli_batch_bad_line(tmp_path: Path) -> None:
    """A line that is not JSON stops the batch with exit code 2 and names the line."""
    batch = tmp_path / "bad.jsonl"
    batch.write_text('{"text": "今天", "dct": "2025-06-02"}\nnot json\n', encoding="utf-8")
    code, _, err = run_cli("dates", "--input", batch)
    assert code == 2
    assert ":2:" in err
