"""The time words of `timeline/data/temporal.yaml`, loaded once."""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

import yaml

from timeline.tsv import DATA

# Traditional characters of the time words and tense cues, mapped one to one (same length, so
# offsets stay valid); full-width digits and brackets to ASCII.
_TRAD = str.maketrans("週後個來時號點節曆農開間當內將劃擬於準備際兩餘幾這屆臨會與過紀剛聖誕慶歲預計經國舉禮請籌陽達運風學裝奧",
                      "周后个来时号点节历农开间当内将划拟于准备际两余几这届临会与过纪刚圣诞庆岁预计经国举礼请筹阳达运风学装奥")
_WIDE = str.maketrans("０１２３４５６７８９－～∼〜（）", "0123456789-~~~()")  # (∼ U+223C and 〜 U+301C: tildes too)


# the 间 "between" that closes a range (7月16日至17日间), blanked so that the last day is read as a day
# and not as a span of days (三日间)
_RANGE_BETWEEN = re.compile(r"(?<=[至到~-])(\s*[0-9]{1,2}日)间")


# a date with spaces between its numbers and units (2014 年 8 月 15 日, as some copy sets it): written
# compact, the spaces moved after it, so that offsets of what follows stay valid
_SPACED_DATE = re.compile(r"(?<![0-9])(?:[0-9]{4} ?年 ?)?[0-9]{1,2} ?月(?: ?[0-9]{1,2} ?[日号])?|(?<![0-9])[0-9]{4} 年"
                          r"|(?<![0-9])[0-9]{1,2} [日号]")


def _compact(m: re.Match[str]) -> str:
    """A spaced date written compact, its spaces after it (same length)."""
    return m.group().replace(" ", "") + " " * m.group().count(" ")


def normalize(text: str) -> str:
    """`text` with the Traditional time characters and full-width forms the grammars read
    replaced by their Simplified/ASCII forms, character for character."""
    text = _RANGE_BETWEEN.sub(r"\1 ", text.translate(_TRAD).translate(_WIDE))
    return _SPACED_DATE.sub(_compact, text) if " " in text else text


@lru_cache(maxsize=1)
def words() -> dict[str, Any]:
    """The parsed word lists (relative days, month parts, seasons, holidays, tense cues …)."""
    with open(DATA / "temporal.yaml", encoding="utf-8") as f:
        return yaml.safe_load(f)


def alternation(keys: object) -> str:
    """A regex alternation of `keys`, longest first so that 上个星期 wins over 上个."""
    return "|".join(re.escape(k) for k in sorted(keys, key=len, reverse=True))  # type: ignore[arg-type]
