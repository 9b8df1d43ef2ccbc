"""Sentence splitting and sections on real pages."""
from __future__ import annotations

from timeline.readers import read_path
from timeline.segment import split_sentences, wrap_width


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


# an e-paper article printed in lines of one width: sentences run across the line breaks
_WRAPPED = ("印尼总统将展开上任后的首次出访，接下来两周访问包括中国和美国\n"
            "在内的多个国家。访华期间，他还将分别与中国总理李强和全国人大\n"
            "常委会委员长赵乐际会面。随后他将前往华盛顿，与美国总统举行会\n"
            "谈，并出席在秘鲁举行的亚太经合组织领导人非正式会议和在巴西举\n"
            "行的二十国集团峰会。")


def test_a_hard_wrapped_text_keeps_its_sentences_whole():
    text = "印尼总统首次出访\n" + _WRAPPED  # a headline, shorter than the lines, still ends there
    spans = [text[a:b] for a, b in sentences_spans(text)]
    assert spans[0] == "印尼总统首次出访"
    assert "访华期间，他还将分别与中国总理李强和全国人大\n常委会委员长赵乐际会面。" in spans
    assert spans[-1].endswith("二十国集团峰会。") and spans[-1].startswith("随后他将前往华盛顿")


def test_lines_that_are_paragraphs_are_not_wrapped():
    # short lines without a stop (headline, byline) beside paragraphs much longer than they are
    text = "\n".join(["两国外长期待合作机制发挥更大作用", "中新社努尔苏丹5月5日电 记者张硕",
                      "编辑 李明 时间 2021年5月5日 星期三", "来源 中国新闻网 作者 张硕 责编 王芳",
                      "当地时间4日，中国驻哈萨克斯坦大使张霄与哈萨克斯坦外长举行会谈，双方就两国关系和共同关心的国际和地区问题深入交换意见。"] * 2)
    assert wrap_width(text) == 0
    assert len(sentences_spans(text)) == 10


def sentences_spans(text: str) -> list[tuple[int, int]]:
    return split_sentences(text, 0, len(text), wrap_width(text))
