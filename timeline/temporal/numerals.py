"""Chinese and full-width numerals to integers (二十五 → 25, 廿五 → 25, 二〇二五 → 2025, ２５ → 25)."""
from __future__ import annotations

_DIGITS = {"零": 0, "〇": 0, "○": 0, "Ｏ": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5,
           "六": 6, "七": 7, "八": 8, "九": 9}
_TENS = {"廿": 20, "卅": 30}
_WIDE = str.maketrans("０１２３４５６７８９", "0123456789")


def to_int(s: str) -> int | None:
    """The value of a numeral in Arabic, full-width or Chinese digits, or None if it is not one."""
    s = s.translate(_WIDE)
    if s.isdigit():
        return int(s)
    if s and all(c in _DIGITS for c in s) and len(s) > 1:  # digit by digit: 二〇二五
        return int("".join(str(_DIGITS[c]) for c in s))
    total, current = 0, 0
    for c in s:
        if c in _DIGITS:
            current = _DIGITS[c]
        elif c in _TENS:  # 廿六, 卅一: the 20s and 30s of a month's days
            total += _TENS[c]
            current = 0
        elif c == "十":
            total += (current or 1) * 10
            current = 0
        elif c == "百":
            total += (current or 1) * 100
            current = 0
        else:
            return None
    return total + current
