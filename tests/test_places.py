"""The places table (timeline/data/places.tsv) and the locations it gives to events.

The table checks guard what the gazetteer relies on: unique names, venues that name a city
of the table, real countries, sane coordinates, and no place surface that also names a person,
a country, an organisation or a title (such a surface would turn an actor into a place or the
other way round). The sentences, written for this test, check that a meeting or visit in a
city, region or venue of the table gets that place, or the venue's city, as its location.
"""
from __future__ import annotations

import math
import re
from pathlib import Path

import pytest

from timeline.extractor import extract_records
from timeline.lexicon import PLACE, Lexicon, norm
from timeline.tsv import DATA, read_tsv, split_cell

# surfaces shared with a person or an organisation before the table was extended; the person
# (or organisation) wins in the gazetteer. Any other shared surface is a defect.
LEGACY_SHARED = {"zhongshan", "山口", "yamaguchi", "西哈努克", "伯明翰", "birmingham", "奥斯汀", "austin",
                 "hague", "lagos", "davos"}
# Taiwan writes both Santiago and San Diego 聖地牙哥
LEGACY_TWO_PLACES = {"圣地牙哥"}
# country houses outside any city of the table
VENUES_WITHOUT_CITY = {"契克斯", "埃尔毛城堡"}


@pytest.fixture(scope="module")
def lex() -> Lexicon:
    return Lexicon.load()


@pytest.fixture(scope="module")
def rows() -> list[dict[str, str]]:
    return list(read_tsv(DATA / "places.tsv"))


def _forms(row: dict[str, str]) -> list[str]:
    return [row["name"], *split_cell(row.get("trad")), *split_cell(row.get("aliases")),
            row.get("name_en", ""), *split_cell(row.get("en_aliases"))]


def test_names_are_unique_and_never_one_character(rows: list[dict[str, str]]) -> None:
    names = [r["name"] for r in rows]
    assert len(names) == len(set(names)), sorted({n for n in names if names.count(n) > 1})
    # one-character aliases (沪, 渝) are never matched on their own (gazetteer.MIN_CJK); a name must not be one
    assert not [r["name"] for r in rows if re.fullmatch(r"[\u4e00-\u9fff]", r["name"])]
    assert len(rows) > 2500  # capitals, cities, regions and venues of diplomacy


def test_every_row_has_a_country_kind_and_coordinates(rows: list[dict[str, str]], lex: Lexicon) -> None:
    for r in rows:
        country = lex.countries.get(r["country"])
        assert country is not None and country.kind == "country", r
        assert r["kind"] in ("capital", "city", "region", "venue"), r
        lat, lon = float(r["lat"]), float(r["lon"])
        assert -90 <= lat <= 90 and -180 <= lon <= 180, r
        assert r["name_en"], r


def test_every_country_has_its_capital(lex: Lexicon) -> None:
    capitals = {p.country for p in lex.places.values() if p.kind == "capital"}
    for iso, c in lex.countries.items():
        if c.kind == "country" and c.capital:
            assert c.capital in lex.places, (iso, c.capital)
    assert {"CHN", "USA", "JPN", "KOR", "PRK", "RUS", "TWN", "FJI", "QAT", "TZA"} <= capitals


def test_a_venue_names_a_city_of_the_table_nearby(rows: list[dict[str, str]], lex: Lexicon) -> None:
    venues = [r for r in rows if r["kind"] == "venue"]
    assert len(venues) > 150
    for v in venues:
        if v["name"] in VENUES_WITHOUT_CITY:
            continue
        city = lex.places.get(v["city"])
        assert city is not None and city.kind != "venue" and city.country == v["country"], v
        # within ~100 km: catches a venue given the wrong city or a mistyped coordinate
        assert math.dist((float(v["lat"]), float(v["lon"])), (city.lat, city.lon)) < 1.0, (v, city)
    assert lex.places["贝尔维尤宫"].city == "柏林" and lex.places["博恰罗夫溪"].city == "索契"


def test_no_place_surface_names_a_person_country_org_or_title(rows: list[dict[str, str]], lex: Lexicon) -> None:
    shared = set()
    for r in rows:
        for form in _forms(r):
            for e in lex.lookup(form):
                if e.label == PLACE:
                    continue
                if e.key == r["country"]:  # a city-state or territory named after itself (新加坡, 香港)
                    continue
                shared.add(norm(form))
    assert shared <= LEGACY_SHARED, sorted(shared - LEGACY_SHARED)
    two = {k for k, entries in lex.surfaces.items() if sum(e.label == PLACE for e in entries) > 1}
    assert two <= LEGACY_TWO_PLACES, sorted(two)


def test_common_phrases_hold_no_new_place(lex: Lexicon) -> None:
    # each phrase once held a place name of the draft table inside a common word or a country
    # name (对马 in 对马来西亚, 加勒 in 加勒比, 突厥斯坦 in 东突厥斯坦, 南定 in 越南定于)
    for phrase in ("对马来西亚进行国事访问", "拉美和加勒比国家", "东突厥斯坦伊斯兰运动", "越南定于下月",
                   "繁荣市场", "周边和平稳定", "巩固原有合作", "决定西方", "推广元宇宙", "中哈密切合作"):
        found = [phrase[i:j] for i in range(len(phrase)) for j in range(i + 2, len(phrase) + 1)
                 if any(e.label == PLACE for e in lex.lookup(phrase[i:j]))]
        assert not found, (phrase, found)


SENTENCES = {
    # a meeting in a second city
    "mombasa": ("2025-11-13", "肯尼亚总统鲁托12日在蒙巴萨会见到访的坦桑尼亚总统哈桑。", "meeting", "蒙巴萨"),
    # a meeting at a venue: the record gives the venue's city
    "sochi": ("2025-10-22", "俄罗斯总统普京21日在索契博恰罗夫溪官邸会见到访的土耳其总统埃尔多安。", "meeting", "索契"),
    "anchorage": ("2025-08-16", "美国总统特朗普15日在埃尔门多夫-理查森联合基地同俄罗斯总统普京举行会晤。",
                  "meeting", "安克雷奇"),
    # a region and the city right after it: the city
    "gandhinagar": ("2026-01-10", "印度总理莫迪9日在古吉拉特邦甘地讷格尔会见到访的德国总理默茨。", "meeting",
                    "甘地讷格尔"),
    "makhachkala": ("2025-06-03", "俄罗斯总统普京2日抵达达吉斯坦首府马哈奇卡拉进行工作访问。", "visit", "马哈奇卡拉"),
    # Traditional, Taiwan's forms: 喬治亞州 is the US state, not the country 喬治亞
    "atlanta": ("2025-05-20", "美國總統川普19日抵達喬治亞州亞特蘭大，展開為期兩天的訪問。", "visit", "亚特兰大"),
    "hue": ("2025-09-06", "越南国家主席梁强5日在顺化会见到访的老挝国家主席通伦。", "meeting", "顺化"),
    # a venue that speaks for its occupant is not where the call was made
    "white_house": ("2025-03-19", "白宫表示特朗普18日与普京通电话。", "call", None),
    # a place in a clause that describes the person after it is where he was, not where he is received
    "where_he_was": ("2023-02-09", "8日上午还在伊斯坦布尔的布林肯预计将于9日受到埃及总统塞西的接见。", "meeting", None),
}


@pytest.fixture(scope="module")
def located(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[dict]]:
    folder: Path = tmp_path_factory.mktemp("places")
    for key, (dct, text, _, _) in SENTENCES.items():
        (folder / f"{key}.txt").write_text(f"---\npublished: {dct}T08:00:00Z\n---\n{text}\n", encoding="utf-8")
    out: dict[str, list[dict]] = {}
    for r in extract_records(folder):
        out.setdefault(r["doc_id"], []).append(r)
    return out


@pytest.mark.parametrize("key", list(SENTENCES))
def test_the_event_is_located_in_the_place_named(key: str, located: dict[str, list[dict]]) -> None:
    _, _, kind, place = SENTENCES[key]
    events = [r for r in located.get(key, []) if r["type"] == kind]
    assert events, (key, located.get(key))
    where = (events[0].get("location") or {})
    assert where.get("name") == place, (key, where)
    if place is not None:
        known = Lexicon.load().places[place]
        assert (where["lat"], where["lon"], where["country"]) == (known.lat, known.lon, known.country)
