"""The African office holders (actors/africa.tsv together with the African rows of south.tsv).

Who held an office on a date across 2010-2025, that every African state has a leader on two dates,
that rows repeating a person of another table add offices to that person, that the Taiwan forms
reach the mainland canonical name, and that no form of the new table is also a country, place or
title or takes over a namesake of another table.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.lexicon import COUNTRY, NONACTOR, ORG, PLACE, TITLE, Lexicon
from timeline.tsv import DATA, read_tsv, split_cell

TABLE = DATA / "actors" / "africa.tsv"

REGION = ("DZA EGY LBY MAR TUN "  # North Africa
          "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO "  # West Africa
          "CMR CAF TCD COG COD GNQ GAB STP "  # Central Africa
          "BDI COM DJI ERI ETH KEN MDG MUS RWA SYC SOM SSD SDN TZA UGA "  # East Africa and the islands
          "AGO BWA SWZ LSO MWI MOZ NAM ZAF ZMB ZWE").split()  # Southern Africa

FACTS = [
    ("DZA", "head_of_state", "2019-06-01", "本萨拉赫"),
    ("DZA", "head_of_government", "2015-06-01", "塞拉勒"),
    ("DZA", "foreign_minister", "2018-06-01", "迈萨赫勒"),
    ("EGY", "defence_minister", "2016-06-01", "苏卜希"),
    ("EGY", "defence_minister", "2024-10-01", "萨格尔"),
    ("EGY", "foreign_minister", "2012-06-01", "穆罕默德·卡迈勒·阿姆鲁"),
    ("LBY", "head_of_state", "2013-01-01", "迈贾里亚夫"),
    ("LBY", "head_of_government", "2018-06-01", "萨拉杰"),
    ("LBY", "head_of_state", "2024-06-01", "门菲"),
    ("MAR", "head_of_government", "2013-06-01", "本基兰"),
    ("MAR", "foreign_minister", "2024-06-01", "布里达"),
    ("TUN", "head_of_state", "2013-06-01", "马尔祖基"),
    ("TUN", "head_of_government", "2011-06-01", "埃塞卜西"),  # added here to the south.tsv row
    ("TUN", "head_of_government", "2022-06-01", "纳杰拉·布登"),
    ("MLI", "head_of_state", "2016-06-01", "凯塔"),
    ("MLI", "head_of_state", "2020-09-01", "戈伊塔"),  # the junta months, added to the south.tsv row
    ("MLI", "head_of_government", "2024-06-01", "乔格尔·科卡拉·马伊加"),
    ("BFA", "head_of_state", "2013-06-01", "孔波雷"),
    ("BFA", "head_of_state", "2016-06-01", "卡博雷"),
    ("NER", "head_of_state", "2016-06-01", "伊素福"),
    ("NER", "head_of_state", "2022-06-01", "巴祖姆"),
    ("NER", "head_of_government", "2024-06-01", "泽内"),
    ("SEN", "head_of_government", "2023-06-01", "阿马杜·巴"),
    ("SEN", "foreign_minister", "2024-06-01", "亚辛·法勒"),
    ("CIV", "head_of_government", "2016-06-01", "丹尼尔·卡布兰·邓肯"),
    ("GIN", "head_of_state", "2016-06-01", "孔戴"),
    ("GMB", "head_of_state", "2013-06-01", "叶海亚·贾梅"),
    ("NGA", "defence_minister", "2021-06-01", "马加希"),
    ("NGA", "foreign_minister", "2012-06-01", "阿希鲁"),
    ("GHA", "vice_president", "2020-06-01", "巴武米亚"),
    ("CMR", "head_of_government", "2016-06-01", "菲勒蒙·杨"),
    ("CAF", "head_of_state", "2015-01-01", "桑巴-潘扎"),
    ("CAF", "head_of_state", "2024-06-01", "图瓦德拉"),
    ("COD", "head_of_government", "2013-06-01", "马塔塔·波尼奥"),
    ("COD", "foreign_minister", "2025-01-01", "卡伊夸姆巴·瓦格纳"),
    ("GAB", "head_of_government", "2024-06-01", "恩东·西马"),
    ("ETH", "defence_minister", "2022-06-01", "亚伯拉罕·贝莱"),
    ("ETH", "foreign_minister", "2020-01-01", "格杜·安达尔加丘"),
    ("KEN", "vice_president", "2023-06-01", "加查瓜"),
    ("KEN", "defence_minister", "2016-06-01", "奥马莫"),
    ("TZA", "head_of_government", "2016-06-01", "马贾利瓦"),
    ("UGA", "head_of_government", "2016-06-01", "鲁贡达"),
    ("UGA", "foreign_minister", "2013-06-01", "库泰萨"),
    ("RWA", "head_of_government", "2020-06-01", "恩吉伦特"),
    ("SOM", "head_of_government", "2011-01-01", "法马约"),  # his months as prime minister, added to south.tsv
    ("SDN", "head_of_government", "2020-06-01", "哈姆杜克"),
    ("SSD", "vice_president", "2021-06-01", "里克·马沙尔"),
    ("MDG", "head_of_state", "2016-06-01", "拉乔纳里马曼皮亚尼纳"),
    ("MUS", "head_of_government", "2020-06-01", "普拉温德·贾格纳特"),
    ("MUS", "head_of_state", "2010-06-01", "阿内罗德·贾格纳特"),
    ("SYC", "head_of_state", "2013-06-01", "詹姆斯·米歇尔"),
    ("CPV", "head_of_state", "2024-06-01", "内韦斯"),
    ("STP", "head_of_government", "2016-06-01", "特罗瓦达"),
    ("COM", "head_of_state", "2024-06-01", "阿扎利"),
    ("LSO", "head_of_state", "2016-06-01", "莱齐耶三世"),
    ("LSO", "head_of_government", "2024-06-01", "马特卡内"),
    ("SWZ", "head_of_government", "2016-06-01", "巴纳巴斯·德拉米尼"),
    ("MWI", "head_of_state", "2013-06-01", "乔伊斯·班达"),
    ("MOZ", "head_of_government", "2016-06-01", "多罗萨里奥"),
    ("NAM", "head_of_government", "2016-06-01", "库根格尔瓦-阿马迪拉"),
    ("ZAF", "defence_minister", "2022-06-01", "莫迪塞"),
    ("ZWE", "foreign_minister", "2019-06-01", "西布西索·莫约"),
    ("ZMB", "head_of_state", "2014-12-01", "盖·斯科特"),
]

TAIWAN_FORMS = [("孔保雷", "孔波雷"), ("卡波雷", "卡博雷")]

# African Union Commission chairpersons: in south.tsv under their own country, office org_head
AU_CHAIRS = [("让·平", "2011-06-01"), ("德拉米尼-祖马", "2015-06-01"), ("法基", "2020-06-01"), ("优素福", "2025-06-01")]


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.mark.parametrize(("iso", "office", "day", "name"), FACTS, ids=[f"{f[0]}-{f[1]}-{f[2]}" for f in FACTS])
def test_holder_on_a_date(lex: Lexicon, iso: str, office: str, day: str, name: str) -> None:
    holder = lex.holder(iso, office, date.fromisoformat(day))
    assert holder is not None and holder.name == name, (iso, office, day, holder)


@pytest.mark.parametrize("day", ["2016-06-01", "2024-06-01"])
def test_every_state_of_the_region_has_a_leader(lex: Lexicon, day: str) -> None:
    on = date.fromisoformat(day)
    assert len(REGION) == 54
    missing = [iso for iso in REGION
               if lex.holder(iso, "head_of_state", on) is None and lex.holder(iso, "head_of_government", on) is None]
    assert not missing


def test_a_person_of_two_tables_keeps_the_offices_of_both(lex: Lexicon) -> None:
    goita = lex.persons["戈伊塔"]
    assert {o.key for o in goita.offices} == {"head_of_state", "vice_president"}
    assert lex.holder("MLI", "head_of_state", date(2024, 6, 1)) is goita  # from south.tsv


@pytest.mark.parametrize(("name", "day"), AU_CHAIRS)
def test_au_commission_chairs(lex: Lexicon, name: str, day: str) -> None:
    office = lex.persons[name].office_on(date.fromisoformat(day))
    assert office is not None and office.key == "org_head"


@pytest.mark.parametrize(("form", "name"), TAIWAN_FORMS)
def test_taiwan_forms_name_the_same_person(lex: Lexicon, form: str, name: str) -> None:
    assert lex.canonical(form) == name


def test_forms_are_people_only(lex: Lexicon) -> None:
    """No form of the table is a country, place, title or non-actor, none has one character,
    and no name is also a person of another country in another table (this table loads first)."""
    elsewhere = {row["name"]: row["country"] for path in (DATA / "actors").glob("*.tsv") if path != TABLE
                 for row in read_tsv(path)}
    problems = []
    for row in read_tsv(TABLE):
        name = row["name"]
        if elsewhere.get(name, row["country"]) != row["country"]:
            problems.append(f"{name}: namesake of {elsewhere[name]} in another table")
        for form in [name, *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
                     row.get("name_en", ""), *split_cell(row.get("en_aliases"))]:
            if not form:
                continue
            if len(form) < 2:
                problems.append(f"{name}: one-character form {form}")
            labels = {e.label for e in lex.lookup(form)}
            if labels & {COUNTRY, ORG, PLACE, TITLE, NONACTOR}:
                problems.append(f"{name}: {form} is also {sorted(labels)}")
    assert not problems


def test_offices_are_title_keys() -> None:
    keys = {row["office"] for row in read_tsv(DATA / "titles.tsv")}
    bad = [(row["name"], item) for row in read_tsv(TABLE) for item in row["offices"].split(";")
           if item.split(":")[0].split("/")[0] not in keys]
    assert not bad
