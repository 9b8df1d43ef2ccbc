"""Script handling: a Simplified view of the same length, and script detection."""
from __future__ import annotations

import re
from functools import lru_cache

from opencc import OpenCC


@lru_cache(maxsize=1)
def _converter() -> OpenCC:
    """The cached OpenCC Traditional-to-Simplified converter."""
    return OpenCC("t2s")


_HAN = re.compile(r"[\u3400-\u9fff]+")


def to_simplified(text: str) -> str:
    """`text` in Simplified Chinese, character-aligned (same length as `text`).

    Each run of Han characters is converted as a phrase; where phrase conversion
    changes the length, that run falls back to per-character conversion.
    """
    conv = _converter()

    def run(m: re.Match[str]) -> str:
        s = m.group(0)
        out = conv.convert(s)
        if len(out) == len(s):
            return out
        chars = [conv.convert(c) for c in s]
        return "".join(c if len(c) == 1 else o for c, o in zip(chars, s))

    return _HAN.sub(run, text)


def detect_script(text: str) -> str:
    """'zh-Hans', 'zh-Hant' or 'en' for the dominant script of `text`."""
    han = "".join(_HAN.findall(text))
    latin = len(re.findall(r"[A-Za-z]", text))
    if not han or latin > 4 * len(han):
        return "en" if latin or not han else "zh-Hans"
    changed = sum(a != b for a, b in zip(han, to_simplified(han)))
    return "zh-Hant" if changed * 50 >= len(han) else "zh-Hans"
