"""Sentence splitting (Chinese and English) and splitting a page into stories."""
from __future__ import annotations

import re

from timeline.document import Section, Sentence

_ZH_END = "。！？；!?;…"
# a hard-wrapped text: this many lines, at least _WRAP_MIN characters long, within _WRAP_SLACK of one
# width, end without a stop
_WRAP_LINES, _WRAP_MIN, _WRAP_SLACK = 4, 15, 3
_CLOSERS = "”」』’\"'）)】》"
_LINE_DONE = _ZH_END + "”」』’\"'）)】》：:."  # a line that ends so ends its sentence (a comma does not)
_OPEN_Q, _CLOSE_Q = "“「『《（(【", "”」』》）)】"
# the only characters the splitter acts on; it jumps from one to the next
_STOP_OR_QUOTE = re.compile("[" + re.escape("\n." + _ZH_END + _OPEN_Q + _CLOSE_Q) + "]")
_ABBREV = {"u.s", "u.k", "u.n", "mr", "mrs", "ms", "dr", "prof", "st", "jan", "feb", "mar",
           "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "no", "vs", "etc",
           "e.g", "i.e", "gen", "gov", "sen", "rep", "inc", "ltd", "co", "jr", "sr"}
_BOILERPLATE = re.compile(
    r"此网站使用\s*cookie|我们使用\s*cookie|我們使用\s*cookie|此網站使用\s*cookie|AI\s*生成的图像|AI\s*生成的圖像|由\s*AI\s*报道|由\s*AI\s*報導"
    r"|阅读我们的\s*隐私政策|閱讀我們的\s*隱私政策|^\s*(拒绝|拒絕|接受|Accept|Reject)\s*$",
    re.IGNORECASE)
# blanks within the line only (`[^\S\n]`): `^\s*` would run across every blank line of a long
# run of them at each line start, quadratic in the length of the run
_RELATED = re.compile(r"^[^\S\n]*(相关文章|相關文章|延伸阅读|延伸閱讀|相关阅读|相關閱讀|Related( articles| stories)?)"
                      r"[^\S\n]*[:：]?[^\S\n]*$", re.IGNORECASE | re.MULTILINE)


def is_boilerplate(line: str) -> bool:
    """True for cookie notices, image credits and bylines that are not article text."""
    return bool(_BOILERPLATE.search(line))


def _is_boundary(text: str, i: int, depth: int) -> bool:
    """Whether the character at `i` ends a sentence."""
    c = text[i]
    if c in _ZH_END:
        return depth == 0 or (c in "。！？!?" and i + 1 < len(text) and text[i + 1] in _CLOSERS)
    if c != ".":
        return False
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if nxt.isdigit() or nxt.isalpha():
        return False
    word = re.search(r"([A-Za-z.]+)$", text[max(0, i - 12):i])
    if word and (word.group(1).lower().strip(".") in _ABBREV or len(word.group(1)) == 1):
        return False
    return depth == 0 and (nxt.isspace() or nxt in _CLOSERS or "\u4e00" <= nxt <= "\u9fff")


def wrap_width(text: str) -> int:
    """The width of the lines of a text broken into lines of one width whatever the sentences (an
    e-paper or a PDF pasted as it is printed: at least four lines of nearly the same length end
    without a stop), else 0."""
    lines = text.split("\n")
    open_ends = sorted(len(line) for line in lines
                       if len(line.strip()) >= _WRAP_MIN and line.rstrip()[-1] not in _LINE_DONE)
    widths = [open_ends[k] for k in range(len(open_ends) - _WRAP_LINES + 1)
              if open_ends[k + _WRAP_LINES - 1] - open_ends[k] <= _WRAP_SLACK]
    width = widths[-1] if widths else 0
    # (and no paragraph runs on past that width: then the short lines are headlines and captions)
    longer = sum(len(line) > width + _WRAP_SLACK for line in lines)
    return width if width and longer <= max(1, sum(bool(line.strip()) for line in lines) // 10) else 0


def split_sentences(text: str, start: int = 0, end: int | None = None, width: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in `text[start:end]`, whitespace trimmed, offsets exact. With a
    wrap `width`, a line break inside a sentence (a full-width line without a stop, text right after
    it) is no end; a shorter line (a headline) still ends its sentence."""
    end = len(text) if end is None else end
    spans: list[tuple[int, int]] = []
    s, depth, i = start, 0, start
    line_start = start

    def emit(a: int, b: int) -> None:
        while a < b and text[a].isspace():
            a += 1
        while b > a and text[b - 1].isspace():
            b -= 1
        if a < b and not is_boilerplate(text[a:b]) and any(ch.isalnum() for ch in text[a:b]):
            spans.append((a, b))

    while (m := _STOP_OR_QUOTE.search(text, i, end)) is not None:
        i = m.start()
        c = text[i]
        if c == "\n" and width and i > s and text[i - 1] not in _LINE_DONE and i + 1 < end \
                and not text[i + 1].isspace() and i - line_start >= width - _WRAP_SLACK:
            line_start = i + 1  # 访华期间，普拉博沃还将分别与…赵乐\n际会面: one sentence printed on two lines
        elif c == "\n":
            emit(s, i)
            s, depth, line_start = i + 1, 0, i + 1
        elif c in _OPEN_Q:
            depth += 1
        elif c in _CLOSE_Q:
            depth = max(0, depth - 1)
        elif _is_boundary(text, i, depth):
            j = i + 1
            while j < end and (text[j] in _CLOSERS or text[j] in _ZH_END):
                if text[j] in _CLOSE_Q:
                    depth = max(0, depth - 1)
                j += 1
            emit(s, j)
            s, i = j, j
            continue
        i += 1
    emit(s, end)
    return spans


def sentences(text: str, sections: list[Section]) -> list[Sentence]:
    """Sentences of `text`, each tagged with the index of the section holding it."""
    out = []
    for k, sec in enumerate(sections):
        width = wrap_width(text[sec.start:sec.end])
        out += [Sentence(a, b, text[a:b], k) for a, b in split_sentences(text, sec.start, sec.end, width)]
    return out


def split_sections(text: str, body_start: int = 0) -> list[Section]:
    """Split a page into its main story and any related-article blurbs after a header."""
    from timeline.readers.dct import find_page_date

    m = _RELATED.search(text, body_start)
    if not m:
        return [Section(body_start, len(text))]
    sections = [Section(body_start, m.start())]
    pending: int | None = None
    for b in re.finditer(r"(?:[^\n]*\S[^\n]*(?:\n|$))+", text[m.end():]):
        a, z = m.end() + b.start(), m.end() + b.end()
        block = text[a:z]
        lines = [ln for ln in block.splitlines() if ln.strip()]
        headline = len(lines) == 1 and not re.search(r"[。！？.!?]\s*$", lines[0])
        start = a if pending is None else pending
        if headline or any(is_boilerplate(ln) for ln in lines) and len(lines) <= 2:
            pending = start
            continue
        pending = None
        found = find_page_date(text[start:z])
        title = next((ln.strip() for ln in text[start:z].splitlines()
                      if ln.strip() and not is_boilerplate(ln)), None)
        sections.append(Section(start, z, found[0] if found else None,
                                "page" if found else None, title))
    if pending is not None:
        sections.append(Section(pending, len(text)))
    return sections
