"""Summits named by the leaders' initials (特金会, 习拜会, 普习会): who they name, and when not."""
from __future__ import annotations

from datetime import date

import pytest

from timeline.events.nicknames import nickname_meetings


def sides(text: str, day: date) -> list[list[str]]:
    return [[a.name for a in actors] for _, _, actors in nickname_meetings(text, day)]


@pytest.mark.parametrize(("text", "day", "expected"), [
    ("双方同意举行“习拜会”。", date(2023, 11, 1), [["习近平", "拜登"]]),
    ("普京将访华，中方证实将举行「普习会」。", date(2024, 5, 1), [["普京", "习近平"]]),
    ("金正恩表示，新一轮川金会的日程仍未敲定。", date(2019, 1, 10), [["特朗普", "金正恩"]]),
])
def test_initials_name_the_leaders_in_office(text: str, day: date, expected: list[list[str]]) -> None:
    assert sides(text, day) == expected


def test_an_initial_shared_by_two_leaders_is_the_one_the_text_names() -> None:
    # 2018: 特 is the initial of Trump, Trudeau, Temer …; 金 of Kim Jong Un and Kim Yong Nam
    day = date(2018, 6, 8)
    assert sides("韩美首脑在“特金会”前一天通电话。", day) == []
    assert sides("特朗普将与金正恩会晤。韩美首脑在“特金会”前一天通电话。", day) == [["特朗普", "金正恩"]]


@pytest.mark.parametrize("text", [
    "亚洲协会和基金会举行大会。",  # not leaders' initials
    "习拜会晤的细节仍在商定。",  # 会晤 is a verb here, not the name's 会
    "两国元首会见了习拜的代表。",  # no 会 after the pair
    "此前的习习会",  # one country
])
def test_words_that_are_no_summit_name(text: str) -> None:
    assert sides(text, date(2023, 11, 1)) == []


def test_a_pair_not_quoted_nor_named_as_held_is_left_alone() -> None:
    assert sides("他说习拜会有成果。", date(2023, 11, 1)) == []
