"""The lexicon loader: one person across several tables, namesakes of other countries."""
from __future__ import annotations

from datetime import date
from pathlib import Path

from timeline.lexicon import Lexicon

HEADER = "name\ttrad\taliases\tname_en\ten_aliases\tcountry\toffices\tsource\n"


def test_rows_of_one_person_in_two_tables_are_merged(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "a.tsv").write_text(
        HEADER + "马哈马\t\t约翰·马哈马\tJohn Mahama\tMahama\tGHA\thead_of_state:2012-07-24:2017-01-07\tx\n"
        "辛格\t\t\tManmohan Singh\t\tIND\thead_of_government:2004-05-22:2014-05-26\tx\n", encoding="utf-8")
    (tmp_path / "actors" / "b.tsv").write_text(
        HEADER + "马哈马\t馬哈馬\t\tJohn Dramani Mahama\t\tGHA\thead_of_state:2025-01-07:\ty\n"
        "辛格\t\t\tSingh Other\t\tSGP\tforeign_minister:2020:\ty\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path)
    assert lex.holder("GHA", "head_of_state", date(2013, 1, 1)).name == "马哈马"
    assert lex.holder("GHA", "head_of_state", date(2025, 6, 1)).name == "马哈马"
    assert lex.holder("GHA", "head_of_state", date(2020, 1, 1)) is None
    assert lex.canonical("馬哈馬") == "马哈马"
    assert lex.persons["马哈马"].name_en == "John Mahama"
    # a namesake of another country is another person with the same name
    assert lex.persons["辛格"].country == "IND"
    other = lex.holder("SGP", "foreign_minister", date(2021, 1, 1))
    assert (other.name, other.country, other.name_en) == ("辛格", "SGP", "Singh Other")
    assert {lex.persons[e.key].country for e in lex.lookup("辛格")} == {"IND", "SGP"}


def test_an_office_of_another_country_or_organisation(tmp_path: Path) -> None:
    (tmp_path / "actors").mkdir()
    (tmp_path / "actors" / "a.tsv").write_text(
        HEADER + "米歇尔\t\t\tCharles Michel\t\tBEL\thead_of_government:2014-10-11:2019-10-27;"
        "org_head@EUCO:2019-12-01:2024-11-30\tx\n", encoding="utf-8")
    lex = Lexicon.load(tmp_path)
    assert lex.holder("EUCO", "org_head", date(2022, 5, 1)).name == "米歇尔"
    assert lex.holder("BEL", "head_of_government", date(2016, 5, 1)).name == "米歇尔"
    assert lex.holder("BEL", "org_head", date(2022, 5, 1)) is None
