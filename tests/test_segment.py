"""Sentence splitting and sections on real pages."""
from __future__ import annotations

from timeline.readers import read_path
from timeline.segment import split_sentences


def _texts(text):
    return [text[a:b] for a, b in split_sentences(text)]


def test_chinese_quotes_and_titles():
    text = "他说：“我们同意。”随后离开。《关于合作。的声明》已签署！"
    assert _texts(text) == ["他说：“我们同意。”", "随后离开。", "《关于合作。的声明》已签署！"]


def test_english_abbreviations_and_decimals():
    text = "Mr. Smith met U.S. officials on Jan. 5 and grew 2.5 percent. Then he left."
    assert _texts(text) == ["Mr. Smith met U.S. officials on Jan. 5 and grew 2.5 percent.", "Then he left."]


def test_offsets_exact_everywhere(seed_paths, dev_paths):
    for path in [*seed_paths.values(), *dev_paths]:
        doc = next(read_path(path))
        assert doc.sentences, path
        for s in doc.sentences:
            assert doc.text[s.start:s.end] == s.text
            assert s.text == s.text.strip() and "<" not in s.text


def test_seed_000_sections_and_boilerplate(seed_paths):
    doc = next(read_path(seed_paths["000"]))
    assert len(doc.sections) >= 5
    texts = [s.text for s in doc.sentences]
    assert not any("cookie" in t or "由 AI 报道" in t or t == "拒绝" for t in texts)
    blurb = next(s for s in doc.sentences if s.text.startswith("2月5日，") or s.text.startswith("2月5日,"))
    assert blurb.section > 0
    main = next(s for s in doc.sentences if "2026年1月2日" in s.text)
    assert main.section == 0
