"""The extractor's quality on real articles, held as a floor so a regression fails CI.

Seeds: the two bundled samples against their gold. Dev set: real articles read in place
from ../shared/dev, scored the same way (SPEC.md). Articles written blind by a second
annotator (tests/data/articles). All through the reference scorer.
"""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from timeline.extractor import extract_records

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
SAMPLES = ROOT / "data" / "samples"
SCORER = SHARED / "tools" / "score.py"

# the figures reached; raise them when the extractor improves
SEEDS_CORE_STRICT_F1 = 0.92
SEEDS_CORE_DUPLICATES = 0
# the dev set: d01-d20 (read closely since 2026-12-01) and all 45 articles (d21-d45 arrived
# 2026-12-06 and scored 0.46 blind, the whole set 0.56 with 15 duplicates, 0.70 with 11 after the
# day's work); d01-d20 0.86 -> 0.90 and the whole set 0.70 -> 0.71 when undated mentions stopped
# joining other articles' events, 0.72 with 10 when an organisation before a person describes them;
# 0.76 with 9 after the mechanisms from 36 more real articles (tour legs, 分别, local offices …),
# 0.79 with 9 after guests named by the host's meetings and 24 more real articles; 0.80 with 8
# after the mechanisms from 48 more (stories told in another year, envoys, 访问日期 …); 0.81 with
# 10 after those from 48 more (attending an event abroad is a visit: two background trips now
# stand beside the keys' visits as duplicates); 0.83 with 6 after the mechanisms from 56 more
# (no meeting with an organisation for attending its summit: two duplicates fewer); 0.84 with 5 after
# those from 56 more in the tenth session (tours home on a told day, visits dated by their talks …);
# still 0.84 with 5 after the eleventh session's 56 (the 26 articles 0.82 with 6); 0.84 with 4 after
# the twelfth session's 56 (a city's head is no place travelled to; dated look-backs; the 26 articles 0.82 with 5);
# 0.847 with 4 after the thirteenth session's 56 (a copula pointing back tells the event when none of its kind was told);
# 0.845 with 4 after the fourteenth session's 84 (a headline's 两韩会谈 is the two Koreas' talks; the 26 articles 0.83 with 5)
# 0.850 (0.8495) with 3 after the seventeenth session's 28 (a gathering gone by as an occasion makes no visit)
# 0.859 with 3 after the eighteenth session's 28 (a day of setting off dates no talks still planned or possible)
# 0.868 with 1 after the nineteenth session's 56 (the premier at the China–Japan–Korea summit; a town in its city)
# 0.874 with 1 after the twentieth session's 28 (dated look-backs of another time; 继…之后: the talks followed)
DEV_OLD = [f"d{i:02d}" for i in range(1, 21)]
DEV_OLD_CORE_STRICT_F1 = 0.90
DEV_OLD_CORE_DUPLICATES = 0
DEV_CORE_STRICT_F1 = 0.87
DEV_CORE_DUPLICATES = 1
ARTICLES_CORE_STRICT_F1 = 0.81  # tests/data/articles, 26 articles (h*: 0.58 and k*: 0.79 when first scored blind)
ARTICLES_CORE_DUPLICATES = 5
ARTICLES = ROOT / "tests" / "data" / "articles"


def _score(records: list[dict], gold: list[Path], aliases: list[Path], tmp_path: Path) -> dict:
    system = tmp_path / "system.jsonl"
    system.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    gold_file = tmp_path / "gold.jsonl"
    gold_file.write_text("".join(p.read_text(encoding="utf-8") for p in gold), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORER), str(system), str(gold_file), *map(str, aliases), "--json"],
                         capture_output=True, text=True, check=True)
    return json.loads(out.stdout)


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score.py is not beside the repo")
def test_seeds_core_strict_f1_floor(tmp_path: Path) -> None:
    records = extract_records(SAMPLES)
    res = _score(records, [ROOT / "data" / "gold" / "seeds.jsonl"], [ROOT / "data" / "gold" / "actors.json"], tmp_path)
    assert res["core"]["duplicates"] <= SEEDS_CORE_DUPLICATES
    assert res["core"]["strict_f1"] >= SEEDS_CORE_STRICT_F1, res["missed"]


@pytest.fixture(scope="module")
def dev_records() -> list[dict]:
    return extract_records(SHARED / "dev" / "raw")


def _dev_aliases() -> list[Path]:
    return [SHARED / "gold" / "actors.json", *sorted((SHARED / "dev" / "gold").glob("aliases_*.json"))]


@pytest.mark.skipif(not (SHARED / "dev" / "gold").exists(), reason="../shared/dev is not beside the repo")
def test_dev_core_strict_f1_floor(dev_records: list[dict], tmp_path: Path) -> None:
    res = _score(dev_records, sorted((SHARED / "dev" / "gold").glob("d*.jsonl")), _dev_aliases(), tmp_path)
    assert res["core"]["duplicates"] <= DEV_CORE_DUPLICATES
    assert res["core"]["strict_f1"] >= DEV_CORE_STRICT_F1, res["missed"]


@pytest.mark.skipif(not (SHARED / "dev" / "gold").exists(), reason="../shared/dev is not beside the repo")
def test_dev_first_twenty_core_strict_f1_floor(dev_records: list[dict], tmp_path: Path) -> None:
    res = _score(dev_records, [SHARED / "dev" / "gold" / f"{d}.jsonl" for d in DEV_OLD], _dev_aliases(), tmp_path)
    assert res["core"]["duplicates"] <= DEV_OLD_CORE_DUPLICATES
    assert res["core"]["strict_f1"] >= DEV_OLD_CORE_STRICT_F1, res["missed"]


@pytest.mark.skipif(not SCORER.exists(), reason="../shared/tools/score.py is not beside the repo")
def test_articles_written_blind_core_strict_f1_floor(tmp_path: Path) -> None:
    records = extract_records(ARTICLES / "raw")
    res = _score(records, sorted((ARTICLES / "gold").glob("[hk]*.jsonl")),
                 [SHARED / "gold" / "actors.json", *sorted((ARTICLES / "gold").glob("aliases_*.json"))], tmp_path)
    assert res["core"]["duplicates"] <= ARTICLES_CORE_DUPLICATES
    assert res["core"]["strict_f1"] >= ARTICLES_CORE_STRICT_F1, res["missed"]
