"""The Asia and Oceania office holders (actors/asia_oceania.tsv together with east_asia.tsv and south.tsv).

Who held an office on a date, that every state of the region has a leader on two dates, that the
Taiwan forms of Pacific leaders reach the mainland canonical name, and that no form of the new table
is also a country, place or title.
"""
from __future__ import annotations

from datetime import date

import pytest

from timeline.lexicon import COUNTRY, NONACTOR, ORG, PLACE, TITLE, Lexicon
from timeline.tsv import DATA, read_tsv, split_cell

TABLE = DATA / "actors" / "asia_oceania.tsv"

REGION = ("KAZ KGZ TJK TKM UZB MNG PRK "  # Central Asia, Mongolia, DPRK
          "AFG BGD BTN IND MDV NPL PAK LKA "  # South Asia
          "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM "  # Southeast Asia
          "IRN IRQ SYR LBN JOR ISR PSE SAU ARE QAT KWT BHR OMN YEM "  # West Asia
          "AUS NZL FJI PNG SLB VUT WSM TON KIR TUV NRU MHL PLW FSM").split()  # Oceania

FACTS = [
    ("KGZ", "head_of_government", "2013-06-01", "萨特巴尔季耶夫"),
    ("KGZ", "foreign_minister", "2011-06-01", "卡扎克巴耶夫"),
    ("MNG", "foreign_minister", "2013-06-01", "博尔德"),
    ("MNG", "foreign_minister", "2024-06-01", "巴特策策格"),
    ("PAK", "foreign_minister", "2015-06-01", "纳瓦兹·谢里夫"),
    ("PAK", "defence_minister", "2020-06-01", "哈塔克"),
    ("NPL", "foreign_minister", "2015-06-01", "马亨德拉·巴哈杜尔·潘迪"),
    ("BTN", "foreign_minister", "2016-06-01", "丹曲·多吉"),
    ("MDV", "foreign_minister", "2015-06-01", "杜尼娅·穆蒙"),
    ("MYS", "head_of_state", "2013-06-01", "阿卜杜勒·哈利姆"),
    ("MYS", "head_of_state", "2024-06-01", "易卜拉欣·伊斯坎达尔"),
    ("THA", "defence_minister", "2020-06-01", "巴育"),
    ("VNM", "vice_president", "2019-06-01", "邓氏玉盛"),
    ("VNM", "head_of_state", "2024-04-15", "武氏映春"),
    ("TLS", "head_of_government", "2016-06-01", "鲁伊·阿劳若"),
    ("TLS", "foreign_minister", "2024-06-01", "本迪托·弗雷塔斯"),
    ("IRN", "head_of_state", "2016-06-01", "鲁哈尼"),  # the president, not the Supreme Leader
    ("IRN", "head_of_state", "2024-06-01", "穆赫贝尔"),
    ("IRN", "vice_president", "2016-06-01", "贾汉吉里"),
    ("IRN", "defence_minister", "2015-06-01", "德赫甘"),
    ("ISR", "foreign_minister", "2016-06-01", "内塔尼亚胡"),
    ("SYR", "head_of_government", "2013-06-01", "哈勒吉"),
    ("SYR", "head_of_government", "2018-06-01", "伊马德·哈米斯"),
    ("LBN", "foreign_minister", "2016-06-01", "巴西勒"),
    ("LBN", "foreign_minister", "2024-06-01", "布哈比卜"),
    ("JOR", "head_of_government", "2013-06-01", "恩苏尔"),
    ("JOR", "head_of_government", "2019-06-01", "拉扎兹"),
    ("SAU", "defence_minister", "2010-06-01", "苏尔坦·本·阿卜杜勒阿齐兹"),
    ("QAT", "head_of_government", "2016-06-01", "阿卜杜拉·本·纳赛尔"),
    ("KWT", "head_of_government", "2016-06-01", "贾比尔·穆巴拉克"),
    ("KWT", "head_of_government", "2024-06-01", "艾哈迈德·阿卜杜拉"),
    ("BHR", "head_of_government", "2016-06-01", "哈利法·本·萨勒曼"),
    ("OMN", "head_of_government", "2024-06-01", "海赛姆"),
    ("YEM", "head_of_government", "2016-06-01", "本·达格尔"),
    ("YEM", "foreign_minister", "2024-06-01", "辛达尼"),
    ("FJI", "head_of_state", "2016-06-01", "孔罗特"),
    ("FJI", "head_of_state", "2025-06-01", "拉拉巴拉武"),
    ("SLB", "head_of_government", "2018-06-01", "霍尼普韦拉"),
    ("VUT", "head_of_state", "2016-06-01", "朗斯代尔"),
    ("WSM", "head_of_state", "2016-06-01", "塔马塞塞"),
    ("WSM", "foreign_minister", "2016-06-01", "图伊拉埃帕"),
    ("TON", "head_of_state", "2016-06-01", "图普六世"),
    ("TON", "head_of_government", "2016-06-01", "波希瓦"),
    ("KIR", "foreign_minister", "2016-06-01", "马茂"),
    ("TUV", "head_of_government", "2016-06-01", "索波阿加"),
    ("TUV", "head_of_government", "2024-06-01", "费莱蒂·特奥"),
    ("NRU", "head_of_state", "2016-06-01", "巴伦·瓦卡"),
    ("MHL", "head_of_state", "2016-06-01", "希尔达·海因"),
    ("MHL", "head_of_state", "2022-06-01", "戴维·卡布阿"),
    ("PLW", "head_of_state", "2016-06-01", "雷蒙杰索"),
    ("PLW", "head_of_state", "2024-06-01", "惠普斯"),
    ("FSM", "head_of_state", "2016-06-01", "彼得·克里斯琴"),
    ("FSM", "head_of_state", "2024-06-01", "西米纳"),
]

TAIWAN_FORMS = [("惠恕仁", "惠普斯"), ("陶瑞賓", "托里比翁"), ("雷蒙傑索", "雷蒙杰索"), ("柯布亞", "戴维·卡布阿"),
                ("海妮", "希尔达·海因"), ("羅亞克", "洛亚克"), ("戴斐立", "费莱蒂·特奥"), ("拿塔諾", "纳塔诺"),
                ("索本嘉", "索波阿加"), ("柯飛", "西蒙·科菲"), ("安格明", "安吉梅亚"), ("昆洛斯", "拉斯·昆"),
                ("蘇嘉瓦瑞", "索加瓦雷"), ("何瑞朗", "霍尼普韦拉"), ("湯安諾", "汤安诺")]


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
    missing = [iso for iso in REGION
               if lex.holder(iso, "head_of_state", on) is None and lex.holder(iso, "head_of_government", on) is None]
    assert not missing


@pytest.mark.parametrize(("form", "name"), TAIWAN_FORMS)
def test_taiwan_forms_name_the_same_person(lex: Lexicon, form: str, name: str) -> None:
    assert lex.canonical(form) == name


def test_forms_are_people_only(lex: Lexicon) -> None:
    """No form of the table is a country, place, title or non-actor, none has one character,
    and no name takes over a namesake of another country."""
    problems = []
    for row in read_tsv(TABLE):
        name = row["name"]
        if lex.persons[name].country != row["country"]:
            problems.append(f"{name}: namesake of {lex.persons[name].country}")
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
