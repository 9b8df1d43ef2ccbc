"""Actor and place recognition on hand-written sentences: tests/data/actor_cases.yaml.

Runs the pipeline up to (not including) the events component on each case and reads
`doc.spans["actors"]` (each span's `._.actors`) and `doc.spans["places"]` (`._.location`).
Every expected actor must be among the resolved ones with the same canonical name, kind and
country; every expected place among the places, and no `not_places` place among them; no `not_actors`
name may be resolved as an actor; with `exact: true` the resolved actor names are exactly the
expected ones.

Cases the pipeline is known to fail carry `known_gap: "<what goes wrong>"` and run as
xfail(strict=True): when a fix makes one pass, it shows as XPASS and the mark must go.
"""
from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from pipeline_helpers import recognized

CASES_PATH = Path(__file__).parent / "data" / "actor_cases.yaml"
CASES = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))


def _params() -> list:
    return [pytest.param(case, id=f"{case['id']}-{case['lang']}",
                         marks=[pytest.mark.xfail(strict=True, reason=case["known_gap"])] if case.get("known_gap") else [])
            for case in CASES]


def resolve(text: str, dct: str, tmp_path: Path) -> tuple[list[tuple[str, str, str | None]], list[str]]:
    """(actors as (name, kind, country), place names) that the pipeline resolves in `text`."""
    doc = recognized(text, dct, tmp_path)
    actors = [(a.name, a.kind, a.country) for span in doc.spans.get("actors", []) for a in (span._.actors or ())]
    places = [span._.location.name for span in doc.spans.get("places", []) if span._.location is not None]
    return actors, places


def test_case_file_covers_the_brief() -> None:
    assert len(CASES) >= 110
    assert len({c["id"] for c in CASES}) == len(CASES)
    langs = [c["lang"] for c in CASES]
    assert {"zh-Hans", "zh-Hant", "en"} == set(langs)
    assert sum(1 for c in CASES if c.get("not_actors")) >= 8
    for c in CASES:
        for a in c["actors"]:
            assert len(a) == 3 and a[1] in ("person", "country", "org"), (c["id"], a)


@pytest.mark.parametrize("case", _params())
def test_actors(case: dict, tmp_path: Path) -> None:
    actors, places = resolve(case["text"], case["dct"], tmp_path)
    found = set(actors)
    names = {a[0] for a in actors}
    problems = [f"actor {tuple(e)} not found" for e in case["actors"] if tuple(e) not in found]
    problems += [f"place {p} not found" for p in case.get("places", []) if p not in places]
    problems += [f"{p} taken as a place" for p in case.get("not_places", []) if p in places]
    problems += [f"{n} taken as an actor" for n in case.get("not_actors", []) if n in names]
    if case.get("exact"):
        extra = names - {e[0] for e in case["actors"]}
        if extra:
            problems.append(f"unexpected actors {sorted(extra)}")
    assert not problems, "\n".join(problems) + f"\nactors: {actors}\nplaces: {places}"
