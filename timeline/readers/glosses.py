"""Pinyin glosses that some copying sites wedge after characters (會(huì)談, 發(fā)表): taken out
before anything reads the text, so that the words they split (会谈, 发表) are whole again."""
from __future__ import annotations

import re

# a Han character, then its reading in brackets: lower-case pinyin with at least one tone mark
# (not 韩(10+3), nor 电(记者王波), nor an English gloss)
_PINYIN = re.compile(r"(?<=[\u3400-\u9fff])[(（][a-zü]*[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ][a-zü]*[)）]")


def drop_pinyin(text: str, body: str, body_start: int) -> tuple[str, str, int]:
    """`text` and its masked twin `body` (same length) without the pinyin glosses of `text`, and
    `body_start` moved back by the glosses taken out before it."""
    if "(" not in text and "（" not in text:
        return text, body, body_start
    cuts = [m.span() for m in _PINYIN.finditer(text)]
    if not cuts:
        return text, body, body_start

    def cut(s: str) -> str:
        out, pos = [], 0
        for a, b in cuts:
            out.append(s[pos:a])
            pos = b
        out.append(s[pos:])
        return "".join(out)

    return cut(text), cut(body), body_start - sum(b - a for a, b in cuts if b <= body_start)
