"""Event extraction on hand-written short news texts: tests/data/event_cases.yaml.

Each case (event_cases.yaml, and event_cases_blind.yaml written blind by a second annotator)
is a short text in the style of Xinhua / CCTV / CNA / English wires, with
its DCT and the events it states. An expected event is found when a record of the same type
has all expected actors among its actors (canonical names; a country name in the case also
matches any actor of that country, as in SPEC scoring; with `only: true`, no other actor) and, when the case gives dates
(`date_start`/`date_end` keys present, null = "the text gives no time"), the same interval.
The found record must then have the expected status and, if given, location (same canonical
place, the city of an expected venue, or the country the expected place lies in). Unless the case says `extra_ok: true`, no
record of a core type (call/meeting/visit) may be left over beyond the expected ones; with
`extra_ok: true`, `absent:` lists records (matched the same way) that must not be among them.

Cases the pipeline is known to fail carry `known_gap: "<what goes wrong>"` and run as
xfail(strict=True): when a fix makes one pass, it shows as XPASS and the mark must go.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from timeline.extractor import extract_records
from timeline.lexicon import get_lexicon

CASES_PATH = Path(__file__).parent / "data" / "event_cases.yaml"
CASES = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))
# written blind by a second annotator (see its header): a held-out check of the rules
BLIND = yaml.safe_load((Path(__file__).parent / "data" / "event_cases_blind.yaml").read_text(encoding="utf-8"))
# the mechanisms of issue 14: written blind before they were built (grammar), and by their builder (mechanisms)
GRAMMAR = yaml.safe_load((Path(__file__).parent / "data" / "event_cases_grammar.yaml").read_text(encoding="utf-8"))
MECHANISMS = yaml.safe_load((Path(__file__).parent / "data" / "event_cases_mechanisms.yaml").read_text(encoding="utf-8"))
CORE = {"call", "meeting", "visit"}
TYPES = {"call", "meeting", "visit", "agreement", "statement"}
STATUSES = {"occurred", "planned", "cancelled"}


def _params() -> list:
    return [pytest.param(case, id=f"{case['id']}-{case['lang']}",
                         marks=[pytest.mark.xfail(strict=True, reason=case["known_gap"])] if case.get("known_gap") else [])
            for case in CASES + BLIND + GRAMMAR + MECHANISMS]


def _iso_of_country_names() -> dict[str, str]:
    lex = get_lexicon()
    return {c.name: iso for iso, c in lex.countries.items()}


def _records(case: dict, tmp_path: Path) -> list[dict]:
    path = tmp_path / f"{case['id']}.txt"
    url = f"url: {case['url']}\n" if case.get("url") else ""  # (an outlet's address: its home country)
    path.write_text(f"---\npublished: {case['dct']}\n{url}---\n{case['text']}\n", encoding="utf-8")
    return extract_records(path)


def _actor_ok(name: str, record: dict, isos: dict[str, str]) -> bool:
    if any(a["name"] == name for a in record["actors"]):
        return True
    iso = isos.get(name)
    return iso is not None and any(a.get("country") == iso for a in record["actors"])


def _matches(exp: dict, record: dict, isos: dict[str, str]) -> bool:
    if record["type"] != exp["type"]:
        return False
    if not all(_actor_ok(n, record, isos) for n in exp["actors"]):
        return False
    if exp.get("only") and len(record["actors"]) != len(exp["actors"]):
        return False  # `only: true`: these sides and no other
    if "date_start" in exp and (record["date_start"], record["date_end"]) != (exp["date_start"], exp["date_end"]):
        return False
    return True


def _location_ok(exp_place: str, record: dict, isos: dict[str, str]) -> bool:
    """Same canonical place, or the expected place lies in the country the record gives (SPEC scoring)."""
    loc = record.get("location") or {}
    if loc.get("name") == exp_place:
        return True
    place = get_lexicon().places.get(exp_place)
    if place is not None and place.city and loc.get("name") == place.city:  # a venue given as its city
        return True
    if loc.get("name") in isos:  # the record names a country only
        return (isos.get(exp_place) or get_lexicon().country_of_place(exp_place)) == isos[loc["name"]]
    return False


def _show(records: list[dict]) -> str:
    return "\n".join(f"  {r['type']} {r['status']} {[a['name'] for a in r['actors']]} "
                     f"{r['date_start']}..{r['date_end']} @{(r.get('location') or {}).get('name')}"
                     for r in records) or "  (no records)"


def test_case_file_covers_the_brief() -> None:
    assert len(CASES) >= 70
    assert len({c["id"] for c in CASES}) == len(CASES)
    expected = [e for c in CASES for e in c["expect"]]
    assert {e["type"] for e in expected} == TYPES
    assert {e.get("status") for e in expected} >= STATUSES
    assert sum(1 for c in CASES if not c["expect"]) >= 8
    assert {c["lang"] for c in CASES} == {"zh-Hans", "zh-Hant", "en"}
    assert {c["lang"] for c in BLIND} == {"zh-Hans", "zh-Hant", "mixed"}
    everything = CASES + BLIND + GRAMMAR + MECHANISMS
    assert len({c["id"] for c in everything}) == len(everything)
    for e in expected:
        assert e["type"] in TYPES and e.get("status", "occurred") in STATUSES and e["actors"]


@pytest.mark.parametrize("case", _params())
def test_events(case: dict, tmp_path: Path) -> None:
    records = _records(case, tmp_path)
    problems = problems_of(case, records)
    assert not problems, "\n".join(problems) + "\nrecords:\n" + _show(records)


def problems_of(case: dict, records: list[dict]) -> list[str]:
    """What is wrong with `records` as the answer to `case` (nothing: the case passes)."""
    isos = _iso_of_country_names()
    left = list(records)
    problems = []
    for exp in case["expect"]:
        # (a record at the expected place first: a trip to a country and its city legs share sides and days)
        hit = next((r for r in left if _matches(exp, r, isos) and exp.get("location")
                    and _location_ok(exp["location"], r, isos)), None) or \
            next((r for r in left if _matches(exp, r, isos)), None)
        if hit is None:
            problems.append(f"missing {exp}")
            continue
        left.remove(hit)
        if "status" in exp and hit["status"] != exp["status"]:
            problems.append(f"status {hit['status']} != {exp['status']} for {exp['type']} {exp['actors']}")
        if exp.get("location") and not _location_ok(exp["location"], hit, isos):
            problems.append(f"location {(hit.get('location') or {}).get('name')} != {exp['location']} "
                            f"for {exp['type']} {exp['actors']}")
    for exp in case.get("absent", ()):
        wrong = [r for r in left if _matches(exp, r, isos)]
        if wrong:
            problems.append(f"records that should not be there ({exp}):\n" + _show(wrong))
    if not case.get("extra_ok"):
        extra = [r for r in left if r["type"] in CORE]
        if extra:
            problems.append("unexpected core records:\n" + _show(extra))
    return problems
