"""Texts longer than spaCy's `max_length` are read in pieces, cut at section or sentence
boundaries, and every offset still points into the whole text."""
from __future__ import annotations

from pathlib import Path

import pytest

from timeline.extractor import extract_records
from timeline.pipeline import get_nlp, mentions, pieces
from timeline.readers import read_file

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "data" / "samples" / "000_ce345879cc19f8df.txt"  # a main story and related-article blurbs


def _cuts_are_boundaries(document, spans, limit):
    sections = {s.start for s in document.sections}
    sentences = {s.start for s in document.sentences}
    assert spans[0][0] == 0 and spans[-1][1] == len(document.text)
    for (a, b), (c, _) in zip(spans, spans[1:]):
        assert b == c  # contiguous: no character is skipped or read twice
    for a, b in spans:
        assert 0 < b - a <= limit
        if b == len(document.text):
            continue
        in_window = [p for p in sections if a < p <= b]
        assert b in (sections if in_window else sentences), (a, b)


@pytest.fixture(scope="module")
def sample():
    return next(iter(read_file(SAMPLE)))


def test_pieces_prefer_a_section_boundary(sample):
    assert len(sample.sections) >= 3
    second = sample.sections[1].start
    limit = second + 200  # the window reaches past the second story's start
    spans = pieces(sample, limit)
    assert spans[0] == (0, second)  # cut at the story boundary, not at the later sentence start
    _cuts_are_boundaries(sample, spans, limit)


def test_pieces_cut_at_sentence_starts_inside_a_section(sample):
    limit = 300
    spans = pieces(sample, limit)
    assert len(spans) > len(sample.text) // limit
    _cuts_are_boundaries(sample, spans, limit)
    assert pieces(sample, len(sample.text)) == [(0, len(sample.text))]


def test_mentions_in_pieces_point_into_the_whole_text(sample, monkeypatch):
    whole = mentions(sample)
    monkeypatch.setattr(get_nlp(), "max_length", 400)
    cut = mentions(sample)
    assert len(pieces(sample, 400)) > 5
    for m in cut:
        assert sample.text[m.char_start:m.char_end] == m.sentence
    # the same sentences state the same events, whichever piece holds them
    key = lambda m: (m.type, m.char_start, frozenset(a.name for a in m.actors))  # noqa: E731
    found = {key(m) for m in cut}
    assert len(found & {key(m) for m in whole}) >= 0.8 * len(whole)
    assert max(m.char_start for m in cut) > 2000  # events far into the text are found


def test_five_million_characters(tmp_path):
    """A 5,000,000-character dump: a real article every ~100,000 characters, blank lines between."""
    article = SAMPLE.read_text(encoding="utf-8").split("相关文章")[0].strip()
    gap = "\n" + (" " * 99 + "\n") * 999
    blocks = []
    while sum(map(len, blocks)) < 5_000_000 - len(article):
        blocks.append(article + gap)
    text = "".join(blocks)
    text = text[:5_000_000 - len(article)] + article
    assert len(text) == 5_000_000
    path = tmp_path / "long.txt"
    path.write_text(text, encoding="utf-8")
    document = next(iter(read_file(path)))
    limit = get_nlp().max_length
    assert len(document.text) > 4 * limit
    spans = pieces(document, limit)
    assert len(spans) >= 5
    _cuts_are_boundaries(document, spans, limit)

    found = mentions(document)
    starts = [text.find(article, i * len(blocks[0])) for i in range(len(blocks))] + [len(text) - len(article)]
    per_copy = {s: 0 for s in starts}
    for m in found:
        assert text[m.char_start:m.char_end] == m.sentence
        copy = max(s for s in starts if s <= m.char_start)
        per_copy[copy] += 1
    assert min(per_copy.values()) > 0  # every copy of the article was read, the last one too
    records = extract_records([path])
    assert records and all(text[r["char_start"]:r["char_end"]] == r["sentence"] for r in records)
