"""Merging mentions into events, on news text: one trip told over days, two trips a week apart,
one meeting told by two articles, a country-level wording folded into the people who met, and
undated mentions that are not glued to another article's meeting (the generated corpus of
tests/test_corpus_merge.py holds the rule at scale)."""
from __future__ import annotations

from pathlib import Path

from timeline.extractor import extract_records


def _write(folder: Path, name: str, published: str, text: str) -> None:
    (folder / name).write_text(f"---\npublished: {published}\n---\n{text}\n", encoding="utf-8")


def _of(records: list[dict], kind: str) -> list[dict]:
    return [r for r in records if r["type"] == kind]


def test_consecutive_days_of_one_visit_are_one_event(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-08", "西班牙首相桑切斯6日抵达北京，开始对中国进行正式访问。"
           "7日，桑切斯继续在北京访问，参观了中国国家博物馆。")
    visits = _of(extract_records(tmp_path), "visit")
    assert [(v["date_start"], v["date_end"]) for v in visits] == [("2024-05-06", "2024-05-06")]
    assert visits[0]["mentions"] >= 2  # the arrival and the next day's visiting


def test_visits_a_week_apart_stay_two_events(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-05-20", "西班牙首相桑切斯6日抵达北京，开始对中国进行正式访问。"
           "19日，桑切斯又抵达北京，进行工作访问。")
    visits = _of(extract_records(tmp_path), "visit")
    assert sorted(v["date_start"] for v in visits) == ["2024-05-06", "2024-05-19"]


def test_one_meeting_in_two_articles_is_one_event(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2023-11-16", "美国总统拜登15日在旧金山会见了中国国家主席习近平。")
    _write(tmp_path, "b.txt", "2023-11-17", "11月15日，习近平同拜登在旧金山举行会晤，双方就两国关系交换了意见。")
    meetings = _of(extract_records(tmp_path), "meeting")
    assert len(meetings) == 1
    assert meetings[0]["date_start"] == "2023-11-15" and meetings[0]["mentions"] == 2
    assert sorted(meetings[0]["doc_ids"]) == ["a", "b"]


def test_country_wording_folds_into_the_people_who_met(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2024-06-19", "6月18日，国务院总理李强在堪培拉同澳大利亚总理阿尔巴尼斯举行第九轮中澳总理年度会晤。"
           "中澳会晤期间，双方签署了多项合作文件。")
    meetings = _of(extract_records(tmp_path), "meeting")
    assert len(meetings) == 1
    assert {a["name"] for a in meetings[0]["actors"]} == {"李强", "阿尔巴尼斯"}


def test_undated_mentions_join_no_meeting_of_another_article_they_do_not_state(tmp_path: Path) -> None:
    """Issue 15: c and d, published ten months after a's meeting, do not say which meeting they
    mean (d most likely reports a new one); e, published the day after a's, reports it."""
    _write(tmp_path, "a.txt", "2024-03-06", "习近平2024年3月5日在北京会见普京。")
    _write(tmp_path, "b.txt", "2023-05-06", "习近平2023年5月5日在莫斯科会见普京。")
    _write(tmp_path, "c.txt", "2025-01-06", "分析人士指出，习近平曾在北京会见普京。")
    _write(tmp_path, "d.txt", "2025-01-06", "习近平在北京会见普京，双方同意加强合作。")
    meetings = _of(extract_records(tmp_path), "meeting")
    assert [(m["date_start"], m["doc_ids"]) for m in meetings] == [
        ("2023-05-05", ["b"]), ("2024-03-05", ["a"]), (None, ["c"]), (None, ["d"])]
    _write(tmp_path, "e.txt", "2024-03-07", "习近平在北京会见普京，双方就双边关系交换意见。")
    meetings = _of(extract_records(tmp_path), "meeting")
    assert [(m["date_start"], m["doc_ids"]) for m in meetings] == [
        ("2023-05-05", ["b"]), ("2024-03-05", ["a", "e"]), (None, ["c"]), (None, ["d"])]


def test_within_an_article_an_undated_mention_joins_the_dated_meeting(tmp_path: Path) -> None:
    _write(tmp_path, "a.txt", "2025-01-06", "习近平2024年3月5日在北京会见普京。会谈后，习近平与普京共同会见记者。")
    [meeting] = _of(extract_records(tmp_path), "meeting")
    assert (meeting["date_start"], meeting["doc_ids"], meeting["mentions"]) == ("2024-03-05", ["a"], 2)


def test_a_visit_to_an_organisation_joins_the_visit_to_its_member(tmp_path: Path) -> None:
    # 访欧 names the EU; Vilnius is in Lithuania, a member: one trip, dated by the body
    _write(tmp_path, "a.txt", "2023-07-11", "李在明开启访欧之旅\n\n李在明10日抵达立陶宛首都维尔纽斯，开始为期三天的访问。")
    visits = _of(extract_records(tmp_path), "visit")
    assert [(v["date_start"], v["location"]["name"]) for v in visits] == [("2023-07-10", "维尔纽斯")]


def test_a_status_the_mentions_disagree_on_follows_the_day() -> None:
    """A headline's 赴美访问 (told as done) and the body's 将…访问 (a plan) of one trip: the trip starts
    after the story was published, so it is planned; a trip that ended before it, done."""
    from timeline.merge import merge
    from timeline.record import Actor, Event, Location, When

    lee = (Actor("李显龙", "Lee Hsien Loong", "person", "SGP", None),)
    usa = Location("美国", "United States", "USA", None, None, None, "country")

    def mention(status: str, when: When, at: int, published: str) -> Event:
        return Event("visit", "042", status, lee, when, usa, "a", "", at, at + 10, published=published)

    week = When(None, None, "2022-03-26", "2022-04-02", "26日…4月2日")
    ahead = merge([mention("occurred", When(), 0, "2022-03-20T10:00:00+08:00"),
                   mention("planned", week, 20, "2022-03-20T10:00:00+08:00")])
    past = merge([mention("planned", When(), 0, "2022-04-10T10:00:00+08:00"),
                  mention("occurred", week, 20, "2022-04-10T10:00:00+08:00")])
    assert [(e.status, e.when.date_start) for e in ahead] == [("planned", "2022-03-26")]
    assert [(e.status, e.when.date_start) for e in past] == [("occurred", "2022-03-26")]
