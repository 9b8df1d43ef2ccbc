"""Groups of countries: the membership table, the finder (Simplified, Traditional, English) and resolution."""
from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from timeline.groups import LEADER, Groups, find_groups, get_groups, holders, members
from timeline.lexicon import Country, Person, get_lexicon
from timeline.tsv import DATA, read_tsv


def spans(text: str) -> list[tuple[str, str | None, str | None, int | None]]:
    """(surface, key, office, count) of each mention, checking that the offsets give the surface."""
    out = []
    for m in find_groups(text):
        assert text[m.start:m.end] == m.text
        out.append((m.text, m.key, m.office, m.count))
    return out


def names(found: list[Person | Country]) -> list[str]:
    return [x.name if isinstance(x, Person) else x.iso3 for x in found]


# -- the table ------------------------------------------------------------------
def test_table_codes_are_known_countries_and_organisations() -> None:
    lex = get_lexicon()
    table = get_groups().groups
    assert len(table) >= 30
    for group in table.values():
        assert group.memberships, group.key
        for spell in group.memberships:
            assert spell.iso3 in lex.countries, (group.key, spell.iso3)
            assert spell.start is None or spell.end is None or spell.start <= spell.end, (group.key, spell)
        if group.org:
            assert lex.countries[group.org].kind == "org", group.key


def test_office_words_use_office_keys_of_the_titles_table() -> None:
    offices = {row["office"] for row in read_tsv(DATA / "titles.tsv")} | {LEADER}
    words = [row for row in read_tsv(DATA / "group_words.tsv") if row["kind"] == "office"]
    assert words and all(row["office"] in offices for row in words)


# -- finding: Simplified -------------------------------------------------------------
def test_group_followed_by_an_office_word() -> None:
    text = "7日，七国集团外长会议在加拿大尼亚加拉举行，美国国务卿鲁比奥出席。"
    [m] = find_groups(text)
    assert (m.text, m.start, m.end, m.key, m.office) == ("七国集团外长", 3, 9, "G7", "foreign_minister")
    assert spans("国家主席习近平23日在喀山出席金砖国家领导人第十六次会晤。") == [
        ("金砖国家领导人", "BRICS", LEADER, None)]
    assert spans("北欧五国首相当天在奥斯陆会晤，讨论波罗的海三国的安全局势。") == [
        ("北欧五国首相", "NORDIC5", "head_of_government", None), ("波罗的海三国", "BALTIC3", None, None)]
    assert spans("中亚五国元首与中方共同签署了《西安宣言》。") == [("中亚五国元首", "CA5", "head_of_state", None)]


def test_member_counts_and_member_words_stay_inside_the_mention() -> None:
    assert spans("美日韩三国领导人18日在戴维营举行首次单独峰会。") == [("美日韩三国领导人", "US_JP_KR", LEADER, None)]
    assert spans("欧盟27国领导人当晚在布鲁塞尔就援乌资金达成一致。") == [("欧盟27国领导人", "EU", LEADER, None)]
    assert spans("北约成员国国防部长会议在布鲁塞尔召开。") == [("北约成员国国防部长", "NATO", "defence_minister", None)]
    assert spans("李在明将出席二十国集团（G20）领导人峰会。") == [("二十国集团（G20）领导人", "G20", LEADER, None)]


def test_the_longest_name_wins() -> None:
    text = "王毅在万象出席东盟地区论坛外长会，并同东盟十国外长集体会见。"
    assert spans(text) == [("东盟地区论坛外长", "ARF", "foreign_minister", None),
                           ("东盟十国外长", "ASEAN", "foreign_minister", None)]
    assert spans("金砖国家峰会闭幕。") == [("金砖国家", "BRICS", None, None)]
    assert spans("东盟与中日韩领导人会议在吉隆坡举行。") == [("东盟与中日韩领导人", "APT", LEADER, None)]
    assert spans("太平洋岛国论坛领导人会议在汤加开幕。") == [("太平洋岛国论坛领导人", "PIF", LEADER, None)]
    assert spans("美日印澳外长在东京会晤。") == [("美日印澳外长", "QUAD", "foreign_minister", None)]


def test_a_number_of_countries_with_an_office_has_no_key() -> None:
    text = "会谈结束后，三国外长共同会见记者。此前中俄两国元首通了电话，并同荷兰等5国领导人会谈。"
    assert spans(text) == [("三国外长", None, "foreign_minister", 3), ("两国元首", None, "head_of_state", 2),
                           ("5国领导人", None, LEADER, 5)]
    assert spans("二十国集团领导人峰会") == [("二十国集团领导人", "G20", LEADER, None)]  # a name, not 20 countries


def test_ordinary_text_gives_no_group() -> None:
    assert spans("德国总理表示，将继续同北欧盟友和南非盟友保持密切沟通。") == []
    assert spans("欧盟委员会主席冯德莱恩当天抵达北京。") == []
    assert spans("双方同意在此基础上合作推进项目。") == []
    assert spans("第三国外长未出席会议。") == []
    assert spans("三国演义是一部小说。") == []
    assert spans("五常市大米在展会上受到欢迎。") == []


# -- finding: Traditional and English --------------------------------------------------
def test_traditional_text() -> None:
    text = "七國集團外長會議在義大利卡布里島舉行，東協外長隨後與中日韓外長會談。"
    assert spans(text) == [("七國集團外長", "G7", "foreign_minister", None), ("東協外長", "ASEAN", "foreign_minister", None),
                           ("中日韓外長", "CJK", "foreign_minister", None)]
    assert spans("總統將赴秘魯出席亞太經合會領袖會議，並參加四方安全對話。") == [
        ("亞太經合會領袖", "APEC", LEADER, None), ("四方安全對話", "QUAD", None, None)]
    # 四方會談 is any talks of four parties (德法俄烏舉行四方會談), not the Quad
    assert spans("德法俄烏四國外長在柏林舉行四方會談。") == [("四國外長", None, "foreign_minister", 4)]
    assert spans("雙方會談後，兩國元首共同見證簽約。") == [("兩國元首", None, "head_of_state", 2)]


def test_english_text() -> None:
    text = ("G7 foreign ministers met on Capri on Thursday, while the leaders of the BRICS countries gathered "
            "in Kazan and NATO defence ministers met in Brussels.")
    assert spans(text) == [("G7 foreign ministers", "G7", "foreign_minister", None),
                           ("leaders of the BRICS countries", "BRICS", LEADER, None),
                           ("NATO defence ministers", "NATO", "defence_minister", None)]
    assert spans("The EU and the Pacific Islands Forum signed a statement.") == [
        ("EU", "EU", None, None), ("Pacific Islands Forum", "PIF", None, None)]
    assert spans("The G77 and China; EURO 2024; a deal worth AU$5 billion; https://example.com/a%E3%80%8C") == []


# -- members -------------------------------------------------------------------------
def test_members_on_a_day() -> None:
    assert set(members("BRICS", date(2023, 6, 1))) == {"BRA", "RUS", "IND", "CHN", "ZAF"}
    assert set(members("BRICS", date(2024, 6, 1))) == {"BRA", "RUS", "IND", "CHN", "ZAF", "EGY", "ETH", "IRN", "ARE"}
    assert "IDN" not in members("BRICS", date(2025, 1, 5)) and "IDN" in members("BRICS", date(2025, 1, 6))
    nato_2022, nato_2024 = members("NATO", date(2022, 6, 1)), members("NATO", date(2024, 6, 1))
    assert (len(nato_2022), len(nato_2024)) == (30, 32)
    assert set(nato_2024) - set(nato_2022) == {"FIN", "SWE"}
    eu_2019, eu_2021 = members("EU", date(2019, 6, 1)), members("EU", date(2021, 1, 1))
    assert "GBR" in eu_2019 and "GBR" not in eu_2021 and (len(eu_2019), len(eu_2021)) == (28, 27)
    assert "TLS" not in members("ASEAN", date(2025, 10, 25)) and len(members("ASEAN", date(2025, 10, 26))) == 11


def test_current_members_and_a_member_that_left_and_came_back() -> None:
    assert len(members("EU")) == 27 and "GBR" not in members("EU")
    assert "KIR" not in members("PIF", date(2022, 10, 1)) and "KIR" in members("PIF", date(2023, 6, 1))
    assert members("PIF").count("KIR") == 1
    assert "RUS" in members("G8", date(2010, 1, 1)) and "RUS" not in members("G8", date(2015, 1, 1))


# -- holders -------------------------------------------------------------------------
def test_g7_leaders_and_foreign_ministers_on_a_day() -> None:
    # 领导人: the prime minister in Japan and Britain (leaders.tsv), the president in the US and France
    leaders = dict(zip(members("G7", date(2024, 6, 14)), names(holders("G7", LEADER, date(2024, 6, 14)))))
    assert {k: leaders[k] for k in ("USA", "JPN", "DEU", "FRA", "GBR")} == {
        "USA": "拜登", "JPN": "岸田文雄", "DEU": "朔尔茨", "FRA": "马克龙", "GBR": "苏纳克"}
    assert names(holders("G7", LEADER, date(2025, 6, 16)))[:5] == ["特朗普", "石破茂", "默茨", "马克龙", "斯塔默"]
    ministers = names(holders("G7", "foreign_minister", date(2024, 4, 18)))
    assert ministers[:5] == ["布林肯", "上川阳子", "贝尔伯克", "塞茹尔内", "卡梅伦"]
    assert len(holders("BRICS", LEADER, date(2024, 10, 23))) == 9


def test_a_member_without_a_known_holder_is_the_country(tmp_path: Path) -> None:
    (tmp_path / "groups.tsv").write_text(
        "key\tname\ttrad\taliases\tname_en\ten_aliases\torg\tmembers\tsource\n"
        "X2\t南极美国\t\t\tX2\t\t\tATA::;USA:2020:\tx\n", encoding="utf-8")
    (tmp_path / "group_words.tsv").write_text(
        "word\ttrad\ten\tkind\toffice\n领导人\t\tleaders\toffice\tleader\n", encoding="utf-8")
    (tmp_path / "leaders.tsv").write_text("iso3\tleader_office\n", encoding="utf-8")
    (tmp_path / "summit_leaders.tsv").write_text("group\tiso3\toffice\tsource\n", encoding="utf-8")
    groups = Groups(tmp_path)
    found = groups.holders("X2", LEADER, date(2024, 6, 1))
    assert isinstance(found[0], Country) and found[0].iso3 == "ATA"
    assert isinstance(found[1], Person) and found[1].name == "拜登"
    assert names(groups.holders("X2", LEADER, date(2019, 6, 1))) == ["ATA"]
    with pytest.raises(KeyError):
        groups.members("G7")
