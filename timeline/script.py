"""Script handling: a Simplified view of the same length, and script detection."""
from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC

from timeline.transliteration import TRANSLIT_BASE


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    """The cached OpenCC Traditional-to-Simplified converter (OpenCC's own C++ library)."""
    return OpenCC("t2s")


_CJK = "".join(map(chr, range(0x3400, 0xA000)))  # CJK Extension A and the Unified Ideographs


@lru_cache(maxsize=1)
def _traditional_chars() -> frozenset[str]:
    """Characters that OpenCC's Traditional-to-Simplified conversion changes on their own.

    Found by converting every CJK character once, one a line (so no phrase joins two of them).
    """
    out = _converter().convert("\n".join(_CJK)).split("\n")
    return frozenset(c for c, s in zip(_CJK, out) if s != c)


_HAN = re.compile(r"[\u3400-\u9fff]+")


@lru_cache(maxsize=1)
def _traditional() -> tuple[re.Pattern[str], dict[int, None]]:
    """A pattern finding any Traditional character, and a table deleting them all (`str.translate`):
    both scan a text in C rather than one character at a time in Python."""
    trad = sorted(_traditional_chars())
    return re.compile("[" + "".join(map(re.escape, trad)) + "]"), dict.fromkeys(map(ord, trad))


# the other dots that join the parts of a transliterated name (雅伊尔・博尔索纳罗, 川普‧金)
_NAME_DOTS = str.maketrans("・‧•･∙⋅", "······")
# a full stop or a hyphen between two Han characters: a name's dot when the characters around it write
# sounds (穆罕默德.本.萨勒曼, 约翰.史密斯, 奥拉夫-朔尔茨 as French outlets write it), not where it ends a
# sentence (有回应报道.美国副国务卿) or joins two sides (中国-东盟)
_HAN_DOT = re.compile(r"(?<=[\u3400-\u9fff])[.．\-－](?=[\u3400-\u9fff])")


_JOINS = frozenset(".．-－·")  # (费萨尔-本-法尔汗: the next join of the same name counts as a sound)


def _name_dot(text: str) -> str:
    def repl(m: re.Match[str]) -> str:
        at = m.start()
        around = text[max(0, at - 2):at] + text[at + 1:at + 3]
        return "·" if sum(c in TRANSLIT_BASE or c in _JOINS for c in around) >= 3 else m.group()

    return _HAN_DOT.sub(repl, text) if any(c in text for c in ".．-－") else text


def to_simplified(text: str) -> str:
    """`text` in Simplified Chinese, character-aligned (same length as `text`).

    Each run of Han characters is converted as a phrase; where phrase conversion
    changes the length, that run falls back to per-character conversion. A name's
    parts are joined by the middle dot (·), whichever dot the text uses.
    """
    text = text.translate(_NAME_DOTS)
    any_traditional = _traditional()[0].search
    if not any_traditional(text):  # most news is Simplified already: nothing to convert
        return _name_dot(text)
    conv = _converter()

    def run(m: re.Match[str]) -> str:
        s = m.group(0)
        if not any_traditional(s):
            return s
        out = conv.convert(s)
        if len(out) == len(s):
            return out
        chars = [conv.convert(c) for c in s]
        return "".join(c if len(c) == 1 else o for c, o in zip(chars, s))

    return _name_dot(_HAN.sub(run, text))


def detect_script(text: str) -> str:
    """'zh-Hans', 'zh-Hant' or 'en' for the dominant script of `text`."""
    han = "".join(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if not han or latin > 4 * len(han):
        return "en" if latin or not han else "zh-Hans"
    changed = len(han) - len(han.translate(_traditional()[1]))
    return "zh-Hant" if changed * 50 >= len(han) else "zh-Hans"
