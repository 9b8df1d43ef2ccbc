"""A character-level view for Chinese and a word-level view for Latin script.

Every CJK character is one token, so dictionary names are never lost to a wrong
segmentation; Latin words and numbers stay whole, so `Xi` never matches inside
`Xinhua`; a possessive 's is a token of its own (Trudeau's visit: the name is Trudeau,
as in spaCy's English tokenizer). Whitespace is kept exactly, so token offsets are character offsets.
"""
from __future__ import annotations

import re
from collections.abc import Callable

import spacy
from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

TOKEN = re.compile(r"\s+|[A-Za-z]+(?:['’](?![sS](?![A-Za-z]))[A-Za-z]+)*|['’][sS](?![A-Za-z])|\d+(?:\.\d+)?|\S")
_SPACE = re.compile(r"\s")


class CharWordTokenizer:
    """Tokenize into CJK characters, Latin words, numbers and punctuation."""

    def __init__(self, vocab: Vocab) -> None:
        self.vocab = vocab

    def __call__(self, text: str) -> Doc:
        words = TOKEN.findall(text)
        if not _SPACE.search(text):  # most Chinese text: one token a character, no spaces to attach
            return Doc(self.vocab, words=words, spaces=[False] * len(words))
        kept: list[str] = []
        spaces: list[bool] = []
        for piece in words:
            if piece.isspace():
                if piece == " " and kept and not spaces[-1] and not kept[-1].isspace():
                    spaces[-1] = True
                    continue
                if kept and not spaces[-1] and not kept[-1].isspace() and piece.startswith(" "):
                    spaces[-1] = True
                    piece = piece[1:]
            kept.append(piece)
            spaces.append(False)
        return Doc(self.vocab, words=kept, spaces=spaces)

    def to_bytes(self, **_: object) -> bytes:
        return b""

    def from_bytes(self, _data: bytes, **_: object) -> CharWordTokenizer:
        return self

    def to_disk(self, _path: object, **_: object) -> None:
        return None

    def from_disk(self, _path: object, **_: object) -> CharWordTokenizer:
        return self


@spacy.registry.tokenizers("timeline.char_word_tokenizer.v1")
def create_tokenizer() -> Callable[[Language], CharWordTokenizer]:
    def make(nlp: Language) -> CharWordTokenizer:
        return CharWordTokenizer(nlp.vocab)

    return make
