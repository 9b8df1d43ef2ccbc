"""The regional office-holder tables (actors/africa.tsv, americas.tsv, asia_oceania.tsv, europe.tsv) in the lexicon.

One set of tests parametrized over the regions, with each region's facts in tests/data/office_holders.yaml
(these were four near-identical modules, one per table). For every region: each row parses and its offices are
title keys; who held an office on a date (2010-2026); each state of the region has a head of state or of
government on two days; Taiwan (and English) forms name the same person as the mainland canonical name; no form
is a country, organisation, place, title or non-actor, and no name takes over a namesake of another country;
the table says where its data comes from. Plus the checks one region's data asks for: the African Union
Commission chairs, a person of two tables keeping both offices, namesakes and shared forms.
"""
from __future__ import annotations

from collections import defaultdict
from datetime import date
from itertools import takewhile
from pathlib import Path
from typing import Any

import pytest
import yaml
from _pytest.mark import ParameterSet

from timeline.lexicon import COUNTRY, NONACTOR, ORG, PLACE, TITLE, Lexicon, Person, _offices
from timeline.tsv import DATA, read_tsv, split_cell

CASES_PATH = Path(__file__).parent / "data" / "office_holders.yaml"
CASES: dict[str, Any] = yaml.safe_load(CASES_PATH.read_text(encoding="utf-8"))
REGIONS: dict[str, dict[str, Any]] = CASES["regions"]
NAMESAKES: dict[str, list[str]] = CASES["namesakes"]

# How many sovereign states each region lists: a check of the data file, kept apart from it.
STATE_COUNTS = {"africa": 54, "americas": 35, "asia_oceania": 54, "europe": 50}
LEADER_DAYS = [date(2016, 6, 1), date(2024, 6, 1)]
COLUMNS = {"name", "trad", "aliases", "name_en", "en_aliases", "country", "offices", "source"}
BARRED = {COUNTRY, ORG, PLACE, TITLE, NONACTOR}  # labels no form of a person may also carry


def _table(region: str) -> Path:
    return DATA / "actors" / REGIONS[region]["table"]


def _rows(region: str) -> list[dict[str, str]]:
    return list(read_tsv(_table(region)))


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
            row.get("name_en", ""), *split_cell(row.get("en_aliases"))]


def _key(lex: Lexicon, row: dict[str, str]) -> str:
    """The lexicon key of a row's person: its name, or name@ISO for a listed namesake whose bare name
    a person of another country took first."""
    name, country = row["name"], row["country"]
    if name in NAMESAKES and lex.persons[name].country != country:
        return f"{name}@{country}"
    return name


def _each(key: str) -> list[tuple[str, list[Any]]]:
    """(region, item) for every item of the list `key` of every region that has one."""
    return [(region, item) for region, spec in REGIONS.items() for item in spec.get(key) or []]


FACTS: list[ParameterSet] = [pytest.param(region, iso, office, day, name, id=f"{region}-{iso}-{office}-{day}")
                             for region, (iso, office, day, name) in _each("facts")]
LEADERS: list[ParameterSet] = [pytest.param(region, iso, day, id=f"{region}-{iso}-{day}")
                               for region, spec in REGIONS.items() for iso in spec["states"] for day in LEADER_DAYS]
FORMS: list[ParameterSet] = [pytest.param(form, name, id=f"{region}-{form}") for region, (form, name) in _each("forms")]
AU_CHAIRS: list[ParameterSet] = [pytest.param(name, day, id=f"{region}-{name}")
                                 for region, (name, day) in _each("au_chairs")]
TWO_TABLES: list[ParameterSet] = [pytest.param(case, id=f"{region}-{case['name']}")
                                  for region, case in _each("two_tables")]
NAMESAKE_CASES: list[ParameterSet] = [pytest.param(name, countries, id=name) for name, countries in NAMESAKES.items()]
SHARED_FORMS: list[ParameterSet] = [pytest.param(form, keys, id=f"{region}-{form}") for region, spec in REGIONS.items()
                                    for form, keys in (spec.get("shared_forms") or {}).items()]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def test_the_data_file_covers_the_four_regions() -> None:
    assert set(REGIONS) == set(STATE_COUNTS)
    for region, spec in REGIONS.items():
        assert {"table", "states", "min_rows", "compiled", "facts", "forms"} <= set(spec), region
        assert isinstance(spec["compiled"], date), region
        assert all(isinstance(day, date) for _, _, day, _ in spec["facts"]), region
    assert len(FACTS) >= 207 and len(FORMS) >= 31 and len(AU_CHAIRS) >= 4


@pytest.mark.parametrize("region", REGIONS)
def test_region_lists_its_states(lex: Lexicon, region: str) -> None:
    states = REGIONS[region]["states"]
    assert len(states) == STATE_COUNTS[region]
    assert len(set(states)) == len(states)
    assert all(iso in lex.countries and lex.countries[iso].kind == "country" for iso in states)
    others = {iso for name, spec in REGIONS.items() if name != region for iso in spec["states"]}
    assert not set(states) & others


@pytest.mark.parametrize("region", REGIONS)
def test_every_row_parses(lex: Lexicon, region: str) -> None:
    spec = REGIONS[region]
    rows = _rows(region)
    keys = {r["office"] for r in read_tsv(DATA / "titles.tsv")}
    forms_only = set(spec.get("forms_only") or [])
    assert len(rows) > spec["min_rows"]
    assert forms_only <= {row["name"] for row in rows}
    for row in rows:
        assert set(row) == COLUMNS, row["name"]
        assert row["country"] in spec["states"] or row["country"] in spec.get("also", []), row["name"]
        offices = _offices(row["offices"])
        if row["name"] in forms_only:  # offices in another table
            assert not row["offices"], row["name"]
        else:
            assert offices and len(offices) == row["offices"].count(":") // 2, row["name"]
        assert all(o.key in keys for o in offices), row["name"]
        assert all(o.end is None or o.start <= o.end for o in offices), row["name"]
        assert row["source"].startswith("wikipedia:"), row["name"]
        person = lex.persons[_key(lex, row)]
        assert person.country == row["country"], row["name"]
        assert person.offices and set(offices) <= set(person.offices), row["name"]


@pytest.mark.parametrize("region", REGIONS)
def test_offices_are_title_keys(region: str) -> None:
    keys = {row["office"] for row in read_tsv(DATA / "titles.tsv")}
    bad = [(row["name"], item) for row in _rows(region) for item in row["offices"].split(";")
           if row["offices"] and item.split(":")[0].split("/")[0] not in keys]
    assert not bad


@pytest.mark.parametrize(("region", "iso", "office", "day", "name"), FACTS)
def test_holder_on_a_date(lex: Lexicon, region: str, iso: str, office: str, day: date, name: str) -> None:
    holder = lex.holder(iso, office, day)
    assert isinstance(holder, Person) and holder.name == name, (region, iso, office, day, holder)


@pytest.mark.parametrize(("region", "iso", "day"), LEADERS)
def test_every_state_of_the_region_has_a_leader(lex: Lexicon, region: str, iso: str, day: date) -> None:
    assert lex.holder(iso, "head_of_state", day) or lex.holder(iso, "head_of_government", day), (region, iso, day)


@pytest.mark.parametrize(("form", "name"), FORMS)
def test_taiwan_and_english_forms_name_the_same_person(lex: Lexicon, form: str, name: str) -> None:
    assert lex.canonical(form) == name


@pytest.mark.parametrize("region", REGIONS)
def test_forms_are_people_only(lex: Lexicon, region: str) -> None:
    """No form of the table is a country, organisation, place, title or non-actor, none has one character,
    and no name is also a person of another country, in another table or loaded before it (this table's
    row would then take or lose the bare name), unless it is one of the listed namesakes."""
    table = _table(region)
    elsewhere: dict[str, set[str]] = defaultdict(set)
    for path in (DATA / "actors").glob("*.tsv"):
        if path != table:
            for row in read_tsv(path):
                elsewhere[row["name"]].add(row["country"])
    problems = []
    for row in read_tsv(table):
        name, country = row["name"], row["country"]
        if name in NAMESAKES:
            if country not in NAMESAKES[name]:
                problems.append(f"{name}: namesake of {country} not listed")
        else:
            if elsewhere.get(name, {country}) != {country}:
                problems.append(f"{name}: namesake of {sorted(elsewhere[name])} in another table")
            if lex.persons[name].country != country:
                problems.append(f"{name}: namesake of {lex.persons[name].country}")
        for form in _forms(row):
            if not form:
                continue
            if len(form) < 2:
                problems.append(f"{name}: one-character form {form}")
            labels = {e.label for e in lex.lookup(form)}
            if labels & BARRED:
                problems.append(f"{name}: {form} is also {sorted(labels)}")
    assert not problems, problems


@pytest.mark.parametrize("region", REGIONS)
def test_table_is_compiled_data(region: str) -> None:
    lines = _table(region).read_text(encoding="utf-8").splitlines()
    head = list(takewhile(lambda line: line.startswith("#"), lines))
    assert any("source:" in line for line in head)
    assert any(REGIONS[region]["compiled"].isoformat() in line for line in head)


@pytest.mark.parametrize(("name", "day"), AU_CHAIRS)
def test_au_commission_chairs(lex: Lexicon, name: str, day: date) -> None:
    office = lex.persons[name].office_on(day)
    assert office is not None and office.key == "org_head" and office.of == "AFU"


@pytest.mark.parametrize("case", TWO_TABLES)
def test_a_person_of_two_tables_keeps_the_offices_of_both(lex: Lexicon, case: dict[str, Any]) -> None:
    person = lex.persons[case["name"]]
    assert {o.key for o in person.offices} == set(case["offices"])
    iso, office, day = case["holds"]
    assert lex.holder(iso, office, day) is person


@pytest.mark.parametrize(("name", "countries"), NAMESAKE_CASES)
def test_namesakes_of_other_countries_stay_apart(lex: Lexicon, name: str, countries: list[str]) -> None:
    """A name written the same for people of several countries (奥斯马尼) names each of them; each keeps
    his own country and offices."""
    people = [lex.persons[e.key] for e in lex.lookup(name)]
    assert set(countries) <= {p.country for p in people}
    assert all(p.offices for p in people)


@pytest.mark.parametrize(("form", "keys"), SHARED_FORMS)
def test_shared_forms_are_one_person(lex: Lexicon, form: str, keys: list[str]) -> None:
    """A form several people share (萨尔基相 names three Armenians) names each; the country and date choose,
    and each keeps his own full name. A form of one person names only him."""
    assert sorted(e.key for e in lex.lookup(form)) == sorted(keys)
