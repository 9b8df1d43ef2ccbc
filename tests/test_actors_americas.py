"""The Americas office-holder table (timeline/data/actors/americas.tsv) as the lexicon sees it.

Checks that every row parses, that dated offices resolve to the right person for facts spread
over 2010-2026, that every sovereign state of the region has a head of state or government on
two sample days, that no name form of the table is also a country, place or title surface, and
that Taiwan's transliterations name the same people as Xinhua's.
"""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.lexicon import COUNTRY, PLACE, TITLE, Lexicon, Person, _offices
from timeline.tsv import DATA, read_tsv, split_cell

TABLE = DATA / "actors" / "americas.tsv"
ROWS = list(read_tsv(TABLE))

# The 35 sovereign states of North, Central and South America and the Caribbean.
AMERICAS = ("USA CAN MEX GTM BLZ SLV HND NIC CRI PAN CUB HTI DOM JAM TTO BHS BRB ATG DMA GRD KNA LCA VCT "
            "COL VEN ECU PER BOL BRA PRY URY ARG CHL GUY SUR").split()


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
            row.get("name_en", ""), *split_cell(row.get("en_aliases"))]


def test_every_row_parses(lex: Lexicon) -> None:
    keys = {r["office"] for r in read_tsv(DATA / "titles.tsv")}
    assert len(ROWS) > 250
    for row in ROWS:
        assert row["country"] in AMERICAS, row["name"]
        offices = _offices(row["offices"])
        assert offices and len(offices) == row["offices"].count(":") // 2, row["name"]
        assert all(o.key in keys for o in offices), row["name"]
        assert all(o.end is None or o.start <= o.end for o in offices), row["name"]
        assert row["source"].startswith("wikipedia:"), row["name"]
        person = lex.persons[row["name"]]
        assert person.country == row["country"]
        assert set(offices) <= set(person.offices), row["name"]


@pytest.mark.parametrize("iso, office, day, name", [
    ("GTM", "head_of_state", "2013-06-01", "佩雷斯·莫利纳"),
    ("GTM", "head_of_state", "2021-06-01", "贾马特"),
    ("GTM", "head_of_state", "2024-06-01", "阿雷瓦洛"),
    ("GTM", "foreign_minister", "2018-06-01", "桑德拉·霍韦尔"),
    ("PRY", "head_of_state", "2016-06-01", "卡特斯"),
    ("PRY", "head_of_state", "2020-06-01", "阿夫多"),
    ("PRY", "foreign_minister", "2024-06-01", "鲁文·拉米雷斯"),
    ("HND", "head_of_state", "2016-06-01", "胡安·奥兰多·埃尔南德斯"),
    ("HND", "head_of_state", "2026-03-01", "阿斯富拉"),
    ("HND", "foreign_minister", "2023-03-26", "爱德华多·恩里克·雷纳"),
    ("SLV", "head_of_state", "2016-06-01", "桑切斯·塞伦"),
    ("NIC", "foreign_minister", "2021-12-10", "德尼斯·蒙卡达"),
    ("CRI", "head_of_state", "2024-06-01", "罗德里戈·查韦斯"),
    ("PAN", "head_of_state", "2017-06-13", "巴雷拉"),
    ("PAN", "foreign_minister", "2010-06-01", "巴雷拉"),
    ("CUB", "head_of_government", "2015-06-01", "劳尔·卡斯特罗"),
    ("CUB", "head_of_government", "2024-06-01", "马雷罗"),
    ("HTI", "head_of_state", "2019-01-01", "莫伊兹"),
    ("HTI", "head_of_state", "2024-06-01", "埃德加·勒布朗·菲斯"),
    ("HTI", "head_of_government", "2023-01-01", "阿里埃尔·亨利"),
    ("HTI", "head_of_government", "2026-03-01", "菲斯-艾梅"),
    ("DOM", "head_of_state", "2018-05-01", "达尼洛·梅迪纳"),
    ("DOM", "foreign_minister", "2018-05-01", "米格尔·巴尔加斯"),
    ("JAM", "head_of_government", "2013-06-01", "辛普森-米勒"),
    ("TTO", "head_of_government", "2020-06-01", "基思·罗利"),
    ("TTO", "head_of_government", "2025-06-01", "佩尔萨德-比塞萨尔"),
    ("BRB", "head_of_state", "2024-06-01", "桑德拉·梅森"),
    ("BRB", "head_of_state", "2026-01-01", "杰弗里·博斯蒂克"),
    ("KNA", "head_of_government", "2013-06-01", "登齐尔·道格拉斯"),
    ("KNA", "head_of_government", "2018-06-01", "蒂莫西·哈里斯"),
    ("LCA", "head_of_government", "2018-06-01", "沙斯塔内"),
    ("VCT", "head_of_government", "2016-06-01", "拉尔夫·冈萨尔维斯"),
    ("VCT", "head_of_government", "2026-01-01", "戈德温·弗赖迪"),
    ("BLZ", "head_of_government", "2013-06-01", "迪安·巴罗"),
    ("BLZ", "foreign_minister", "2024-06-01", "弗朗西斯·丰塞卡"),
    ("COL", "foreign_minister", "2013-06-01", "玛丽亚·安赫拉·奥尔金"),
    ("COL", "vice_president", "2024-06-01", "弗朗西娅·马尔克斯"),
    ("VEN", "vice_president", "2014-06-01", "阿雷亚萨"),
    ("VEN", "defence_minister", "2024-06-01", "弗拉基米尔·帕德里诺"),
    ("PER", "head_of_government", "2023-06-01", "奥塔罗拉"),
    ("PER", "foreign_minister", "2024-11-15", "埃尔默·希亚莱尔"),
    ("PER", "head_of_state", "2026-03-01", "何塞·玛丽亚·巴尔卡萨尔"),
    ("BOL", "head_of_state", "2020-06-01", "阿涅斯"),
    ("BOL", "vice_president", "2024-06-01", "乔克万卡"),
    ("ECU", "foreign_minister", "2024-06-01", "加布里埃拉·索默费尔德"),
    ("MEX", "defence_minister", "2020-06-01", "路易斯·克雷森西奥·桑多瓦尔"),
    ("BRA", "defence_minister", "2024-06-01", "若泽·穆西奥"),
    ("ARG", "vice_president", "2024-06-01", "比利亚鲁埃尔"),
    ("ARG", "defence_minister", "2026-01-01", "卡洛斯·普雷斯蒂"),
    ("CHL", "foreign_minister", "2016-06-01", "埃拉尔多·穆尼奥斯"),
    ("URY", "foreign_minister", "2013-06-01", "路易斯·阿尔马格罗"),
    ("GUY", "head_of_state", "2016-06-01", "格兰杰"),
    ("SUR", "head_of_state", "2024-06-01", "单多吉"),
    ("CAN", "defence_minister", "2015-06-01", "杰森·肯尼"),
])
def test_holder_on_a_day(lex: Lexicon, iso: str, office: str, day: str, name: str) -> None:
    person = lex.holder(iso, office, date.fromisoformat(day))
    assert isinstance(person, Person) and person.name == name, (iso, office, day, person)


@pytest.mark.parametrize("day", ["2016-06-01", "2024-06-01"])
@pytest.mark.parametrize("iso", AMERICAS)
def test_every_state_has_a_leader(lex: Lexicon, iso: str, day: str) -> None:
    on = date.fromisoformat(day)
    assert lex.holder(iso, "head_of_state", on) or lex.holder(iso, "head_of_government", on), (iso, day)


def test_no_form_is_a_country_place_or_title(lex: Lexicon) -> None:
    clashes = [(row["name"], form, entry) for row in ROWS for form in _forms(row) if form
               for entry in lex.lookup(form) if entry.label in (COUNTRY, PLACE, TITLE)]
    assert not clashes, clashes
    assert not [f for row in ROWS for f in _forms(row) if len(f) == 1]


@pytest.mark.parametrize("surface, name", [
    ("賈麥岱", "贾马特"), ("阿雷巴洛", "阿雷瓦洛"), ("阿布鐸", "阿夫多"), ("卡提斯", "卡特斯"),
    ("魯哥", "卢戈"), ("龔薩福", "拉尔夫·冈萨尔维斯"), ("葛南德斯", "胡安·奥兰多·埃尔南德斯"),
    ("摩依士", "莫伊兹"), ("布里塞紐", "布里塞尼奥"), ("馬杜洛", "马杜罗"), ("裴卓", "佩特罗"), ("哈理斯", "蒂莫西·哈里斯"), ("Giammattei", "贾马特"),
    ("Persad-Bissessar", "佩尔萨德-比塞萨尔"),
])
def test_taiwan_and_english_forms(lex: Lexicon, surface: str, name: str) -> None:
    assert lex.canonical(surface) == name


def test_table_is_compiled_data() -> None:
    head = [line for line in Path(TABLE).read_text(encoding="utf-8").splitlines()[:10] if line.startswith("#")]
    assert any("source:" in line for line in head) and any("2026-12-06" in line for line in head)
