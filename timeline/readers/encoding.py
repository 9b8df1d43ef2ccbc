"""Bytes to text: detect the encoding instead of assuming it."""
from __future__ import annotations

import codecs

from charset_normalizer import from_bytes


class UndecodableError(ValueError):
    """The bytes are binary or in no encoding we can identify."""


def _strict(data: bytes, enc: str) -> str | None:
    try:
        return data.decode(enc)
    except (UnicodeDecodeError, LookupError):
        return None


def _plausible(text: str) -> float:
    """Share of characters that ordinary Chinese/English news is made of."""
    ok = sum(1 for c in text if c in "\r\n\t" or (c.isprintable() and (
        c < "\u0100" or "\u2000" <= c <= "\u206f" or "\u3000" <= c <= "\u303f"
        or "\u4e00" <= c <= "\u9fff" or "\uff00" <= c <= "\uffef")))
    return ok / max(len(text), 1)


def decode_bytes(data: bytes) -> tuple[str, str]:
    """Decode `data`, returning (text, encoding name); raise UndecodableError."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"),
                     (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            text = _strict(data, enc)
            if text is not None:
                return text, enc
    if b"\x00" in data and len(data) % 2 == 0:
        for enc in ("utf-16-le", "utf-16-be"):
            text = _strict(data, enc)
            if text is not None and _plausible(text) > 0.95:
                return text, enc
    if b"\x00" in data:
        raise UndecodableError("binary file (contains NUL bytes)")
    if (t := _strict(data, "utf-8")) is not None:
        return t, "utf-8"
    candidates = ["gb18030", "big5"]
    best = from_bytes(data).best()
    if best is not None and "big5" in best.encoding.lower().replace("_", ""):
        candidates.reverse()
    scored = []
    for enc in candidates:
        text = _strict(data, enc)
        if text is not None and _plausible(text) >= 0.9:
            scored.append((_plausible(text), enc == candidates[0], enc, text))
    if not scored:
        raise UndecodableError("cannot decode: not UTF-8, UTF-16, GB18030 or Big5 text")
    _, _, enc, text = max(scored)
    return text, enc
