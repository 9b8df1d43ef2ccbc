"""DCT: cli > metadata > page > lead."""
from __future__ import annotations

from datetime import date, datetime, timezone

from timeline.readers import read_path


def test_seeds(seed_paths):
    d3 = next(read_path(seed_paths["003"]))
    assert (d3.dct.date(), d3.dct_source) == (date(2024, 12, 26), "page")
    d0 = next(read_path(seed_paths["000"]))
    assert (d0.dct.date(), d0.dct_source) == (date(2026, 1, 2), "lead")


def test_front_matter_keeps_zone(dev_paths):
    doc = next(read_path(dev_paths[0]))
    assert doc.dct_source == "metadata" and doc.dct.date() == date(2019, 12, 24)
    assert doc.dct.utcoffset() is not None


def test_cli_override(seed_paths):
    when = datetime(2030, 1, 1, tzinfo=timezone.utc)
    doc = next(read_path(seed_paths["003"], dct=when))
    assert (doc.dct, doc.dct_source) == (when, "cli")


def test_epoch_comment(tmp_path):
    (tmp_path / "a.txt").write_text("<!--1735253943000-->\n李强会见岩屋毅。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert doc.dct_source == "page" and doc.dct.date() == date(2024, 12, 26)


def test_byline(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n发布时间：2024-12-26 10:30\n李强会见岩屋毅。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert doc.dct_source == "page" and doc.dct.date() == date(2024, 12, 26)


def test_free_form_metadata_dates():
    """Feed dates in other shapes are read (dateparser); relative words are not a publication time."""
    from datetime import datetime

    from timeline.readers.dct import parse_when

    assert parse_when("December 26, 2024 10:58 PM") == datetime(2024, 12, 26, 22, 58)
    assert parse_when("26.12.2024") == datetime(2024, 12, 26)
    assert parse_when("Thu, 26 Dec 2024 22:58:18 GMT").isoformat() == "2024-12-26T22:58:18+00:00"
    assert parse_when("yesterday") is None
    assert parse_when("Dec 2024") is None


def _story(tmp_path, published: str, body: str):
    (tmp_path / "s.txt").write_text(f"---\npublished: {published}\n---\n{body}\n", encoding="utf-8")
    return next(read_path(tmp_path / "s.txt"))


def test_a_dateline_of_the_day_before_is_the_reference_day(tmp_path):
    from timeline.extractor import extract_records

    doc = _story(tmp_path, "2024-05-16T07:30:00+08:00",
                 "埃及总统会见约旦国王\n新华社开罗15日电 埃及总统塞西今天在开罗会见约旦国王阿卜杜拉二世。")
    assert doc.dct.date() == date(2024, 5, 16)  # the record keeps the publication time
    assert (doc.sections[0].dct.date(), doc.sections[0].dct_source) == (date(2024, 5, 15), "dateline")
    meeting = next(r for r in extract_records(tmp_path / "s.txt") if r["type"] == "meeting")
    assert (meeting["date_start"], meeting["date_end"]) == ("2024-05-15", "2024-05-15")


def test_datelines_in_other_forms(tmp_path):
    cases = [("2023-03-04T10:00:00+09:00", "【共同社3日电】日本外相林芳正周五表示…", date(2023, 3, 3)),
             ("2024-11-04T12:00:00+08:00", "（中央社／華盛頓3日綜合外電報導）美國總統今天表示…", date(2024, 11, 3)),
             ("2013-06-01T07:01:00+08:00", "中新网西班牙港5月31日电（记者 张朔）当地时间31日晚7时许…", date(2013, 5, 31))]
    for published, body, day in cases:
        doc = _story(tmp_path, published, body)
        assert doc.sections[0].dct.date() == day, body


def test_a_reposted_story_keeps_the_month_of_its_dateline(tmp_path):
    """A page published in November carrying a story filed 伊斯坦布尔3月8日电: March 8 of that year, not
    of the next; a dateline without its month reaches back a month at most."""
    from timeline.extractor import extract_records

    doc = _story(tmp_path, "2024-11-17T01:25:00+08:00",
                 "新华社安卡拉3月8日电 土耳其总统埃尔多安8日在安卡拉会见来访的匈牙利总理欧尔班。")
    assert (doc.sections[0].dct.date(), doc.sections[0].dct_source) == (date(2024, 3, 8), "dateline")
    meeting = next(r for r in extract_records(tmp_path / "s.txt") if r["type"] == "meeting")
    assert (meeting["date_start"], meeting["date_end"]) == ("2024-03-08", "2024-03-08")
    doc = _story(tmp_path, "2024-11-17T01:25:00+08:00", "新华社安卡拉8日电 土耳其总统埃尔多安8日会见欧尔班。")
    assert (doc.sections[0].dct.date(), doc.sections[0].dct_source) == (date(2024, 11, 8), "dateline")
    # a dateline writing its year is that day, even a day after a page dated in another time zone
    doc = _story(tmp_path, "2023-05-24", "【某电视台北京时间2023年05月25日讯】印度总理周三(5月24日)会见了澳洲总理。")
    assert doc.sections[0].dct.date() == date(2023, 5, 25)


def test_a_dateline_of_the_publication_day_changes_nothing(tmp_path):
    doc = _story(tmp_path, "2024-05-15T20:00:00+08:00", "新华社开罗15日电 埃及总统塞西今天在开罗会见约旦国王。")
    assert doc.sections[0].dct is None and doc.dct.date() == date(2024, 5, 15)
    doc = _story(tmp_path, "2024-05-15T20:00:00+08:00", "据报道，会谈于本月3日举行，双方签署了5份文件，共12日电。")
    assert doc.sections[0].dct is None  # not at the top of the story: not a dateline


def test_the_address_dates_a_page_that_says_nothing_else(tmp_path):
    (tmp_path / "a.txt").write_text(
        "[肯尼亚总统会见坦桑尼亚总统](https://example.org/world/2024/05/21/story.html)\n"
        "肯尼亚总统鲁托周一在内罗毕会见到访的坦桑尼亚总统哈桑。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert (doc.dct.date(), doc.dct_source) == (date(2024, 5, 21), "url")
    (tmp_path / "b.txt").write_text("---\nurl: https://news.example.com/news/aipl/202311270393.aspx\n---\n"
                                    "总统今天接见来访的帕劳总统。\n", encoding="utf-8")
    assert next(read_path(tmp_path / "b.txt")).dct.date() == date(2023, 11, 27)


def test_other_front_matter_keys_for_the_publication_time(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished_at: 2026-01-02 00:00\n---\n李在明今天抵达北京。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.md"))
    assert (doc.dct.date(), doc.dct_source) == (date(2026, 1, 2), "metadata")


def test_a_dateline_with_the_year_the_story_names(tmp_path):
    (tmp_path / "a.txt").write_text("中新网开罗5月15日电 埃及总统塞西当天会见约旦国王。两国2024年将举行更多会晤。\n",
                                    encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert (doc.dct.date(), doc.dct_source) == (date(2024, 5, 15), "dateline")
