"""The European office holders table (timeline/data/actors/europe.tsv) loads and answers who held an office.

Checks well-known facts spread over 2010-2025, that every European state has a head of state or of
government on two dates, that rows repeating a person of another table keep that person's name and
country (a different country would drop the other row), and that no name form is a country, place or title.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.lexicon import COUNTRY, ORG, PLACE, TITLE, Lexicon
from timeline.tsv import DATA, read_tsv, split_cell

EUROPE = DATA / "actors" / "europe.tsv"

STATES = ("ALB AND ARM AUT AZE BEL BGR BIH BLR CHE CYP CZE DEU DNK ESP EST FIN FRA GBR GEO GRC HRV HUN IRL ISL "
          "ITA LIE LTU LUX LVA MCO MDA MKD MLT MNE NLD NOR POL PRT ROU RUS SMR SRB SVK SVN SWE TUR UKR VAT XKX").split()


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize(("iso", "office", "day", "name"), [
    ("ALB", "head_of_government", "2016-06-01", "拉马"),
    ("ARM", "head_of_state", "2013-06-01", "谢尔日·萨尔基相"),
    ("ARM", "head_of_state", "2020-06-01", "阿尔缅·萨尔基相"),
    ("ARM", "head_of_government", "2024-06-01", "帕希尼扬"),
    ("AZE", "head_of_state", "2024-06-01", "阿利耶夫"),
    ("GEO", "head_of_state", "2013-06-01", "萨卡什维利"),
    ("GEO", "head_of_state", "2024-06-01", "祖拉比什维利"),
    ("GEO", "head_of_government", "2024-06-01", "科巴希泽"),
    ("XKX", "head_of_government", "2024-06-01", "库尔蒂"),
    ("XKX", "head_of_state", "2018-06-01", "萨奇"),
    ("MKD", "head_of_government", "2018-06-01", "扎埃夫"),
    ("BIH", "head_of_state", "2016-02-15", "德拉甘·乔维奇"),
    ("BIH", "head_of_state", "2016-06-01", "巴基尔·伊泽特贝戈维奇"),
    ("HRV", "head_of_state", "2017-06-01", "格拉巴尔-基塔罗维奇"),
    ("BGR", "head_of_government", "2022-06-01", "佩特科夫"),
    ("ROU", "head_of_government", "2013-06-01", "蓬塔"),
    ("ROU", "head_of_state", "2025-03-01", "博洛然"),
    ("MDA", "head_of_state", "2018-06-01", "多东"),
    ("EST", "head_of_state", "2013-06-01", "伊尔韦斯"),
    ("FIN", "head_of_government", "2012-06-01", "卡泰宁"),
    ("ISL", "head_of_government", "2020-06-01", "雅各布斯多蒂尔"),
    ("LUX", "head_of_state", "2024-06-01", "亨利大公"),
    ("MCO", "head_of_state", "2016-06-01", "阿尔贝二世"),
    ("BEL", "head_of_state", "2012-06-01", "阿尔贝二世国王"),
    ("SMR", "head_of_government", "2024-06-01", "贝卡里"),
    ("IRL", "foreign_minister", "2019-06-01", "科文尼"),
    ("NLD", "foreign_minister", "2021-07-01", "卡赫"),
    ("GRC", "head_of_government", "2023-06-10", "萨尔马斯"),
    ("GRC", "head_of_government", "2023-07-01", "米佐塔基斯"),
    ("ITA", "defence_minister", "2016-06-01", "皮诺蒂"),
    ("ESP", "defence_minister", "2013-06-01", "莫雷内斯"),
    ("POL", "defence_minister", "2016-06-01", "马切雷维奇"),
    ("TUR", "defence_minister", "2013-06-01", "伊斯梅特·耶尔马兹"),
    ("UKR", "defence_minister", "2019-10-01", "扎戈罗德纽克"),
    ("EUU", "legislature_speaker", "2020-06-01", "萨索利"),
    ("SVN", "head_of_government", "2010-06-01", "帕霍尔"),  # added to the west.tsv row of the later president
    ("SVN", "head_of_state", "2016-06-01", "帕霍尔"),
])
def test_holder(lex: Lexicon, iso: str, office: str, day: str, name: str) -> None:
    person = lex.holder(iso, office, date.fromisoformat(day))
    assert person is not None and person.name == name


@pytest.mark.parametrize("day", ["2016-06-01", "2024-06-01"])
def test_every_state_has_a_leader(lex: Lexicon, day: str) -> None:
    on = date.fromisoformat(day)
    missing = [iso for iso in STATES
               if lex.holder(iso, "head_of_state", on) is None and lex.holder(iso, "head_of_government", on) is None]
    assert not missing


def test_namesakes_of_other_countries_stay_apart(lex: Lexicon) -> None:
    """A name written the same for people of two countries (奥斯马尼) names both; each keeps
    his own country and offices."""
    countries = {lex.persons[e.key].country for e in lex.lookup("奥斯马尼")}
    assert {"XKX", "MKD"} <= countries


def test_shared_forms_are_one_person(lex: Lexicon) -> None:
    """萨尔基相 names three Armenians; the country and date choose, each keeps his own full name."""
    keys = {e.key for e in lex.lookup("萨尔基相")}
    assert keys == {"谢尔日·萨尔基相", "阿尔缅·萨尔基相", "季格兰·萨尔基相"}
    assert [e.key for e in lex.lookup("Borut Pahor")] == ["帕霍尔"]


def test_no_form_is_a_country_place_or_title(lex: Lexicon) -> None:
    clashes = []
    for row in read_tsv(EUROPE):
        for form in [row["name"], *split_cell(row["trad"]), *split_cell(row["aliases"]),
                     row["name_en"], *split_cell(row["en_aliases"])]:
            if any(e.label in (COUNTRY, ORG, PLACE, TITLE) for e in lex.lookup(form)):
                clashes.append(form)
    assert not clashes
