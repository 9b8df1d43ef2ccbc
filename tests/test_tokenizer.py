"""The character/word tokenizer: one token a CJK character, Latin words and numbers whole, and the
text given back exactly (token offsets are character offsets)."""
from __future__ import annotations

import pytest

from timeline.pipeline import get_nlp


@pytest.mark.parametrize("text", [
    "王毅同布林肯通电话。",
    "王毅与Antony Blinken通电话，并于2024年6月3.5日会谈。",
    "第一段。\n\n  第二段  有两个空格 and  two   spaces\t\t结束\n",
    " 开头是空格",
])
def test_tokens_give_the_text_back_at_character_offsets(text: str) -> None:
    doc = get_nlp().make_doc(text)
    assert doc.text == text
    for token in doc:
        assert text[token.idx:token.idx + len(token.text)] == token.text


def test_cjk_characters_latin_words_and_numbers() -> None:
    doc = get_nlp().make_doc("习近平会见Xi Jinping的客人，2024年")
    assert [t.text for t in doc] == ["习", "近", "平", "会", "见", "Xi", "Jinping", "的", "客", "人", "，",
                                     "2024", "年"]
    assert doc[5].whitespace_ == " " and doc[6].whitespace_ == ""


def test_a_possessive_is_a_token_of_its_own_and_a_name_with_an_apostrophe_is_not_split() -> None:
    doc = get_nlp().make_doc("Prime Minister Luxon's visit, O'Brien and China’s")
    assert [t.text for t in doc if not t.is_space] == ["Prime", "Minister", "Luxon", "'s", "visit", ",", "O'Brien",
                                                        "and", "China", "’s"]
