"""Plain text and Markdown (.txt, .md) with optional YAML front matter."""
from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import yaml

from timeline.document import Document
from timeline.readers.build import build_document

# the keys feeds and scrapers give the publication time under, in order of preference
# libyaml's safe loader where PyYAML was built with it (the wheels are): the same mapping, ten times faster
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
PUBLISHED_KEYS = ("published", "published_at", "publish_date", "pubdate", "date", "datetime", "time", "created_at",
                  "created", "dct")
_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_BREAK_TAG = re.compile(r"<\s*(?:br|/?p|/div|/h\d|/li|/tr|hr)\b[^>]*>", re.IGNORECASE)
_MARKUP = re.compile(
    r"<!--.*?-->"                       # comments (epoch stamps)
    r"|<[A-Za-z/!][^<>]*>"               # tags
    r"|^[^\S\n]*(?:-{3,}|={3,}|\*{3,})[^\S\n]*$"   # rules (blanks of that line only: `\s*` is quadratic on blank runs)
    r"|!?\[([^\]\n]*)\]\([^)\n]*\)",     # links and images: keep the label
    re.DOTALL | re.MULTILINE)
# a saved page whose headline links to the article: `[headline](https://…)` on the first line
_HEADLINE_LINK = re.compile(r"\A(?:\s|<!--.*?-->)*\[[^\]\n]+\]\((https?://[^)\s]+)\)", re.DOTALL)


def parse_front_matter(text: str) -> tuple[dict, int, str | None]:
    """(front-matter mapping, offset where the body starts, why the front matter is not valid
    YAML or None); ({}, 0, None) when there is none. Front matter that is not valid YAML is left
    out of the body too: the document is read without it."""
    m = _FRONT.match(text)
    if not m:
        return {}, 0, None
    try:
        meta = yaml.load(m.group(1), Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        return {}, m.end(), _yaml_problem(exc)
    return (meta, m.end(), None) if isinstance(meta, dict) else ({}, 0, None)


def _yaml_problem(exc: yaml.YAMLError) -> str:
    """What is wrong and where, on one line: `mapping values are not allowed here, line 3, column 14`
    (the line of the file: the front matter starts on line 2)."""
    problem = getattr(exc, "problem", None) or " ".join(str(exc).split())
    mark = getattr(exc, "problem_mark", None)
    return problem if mark is None else f"{problem}, line {mark.line + 2}, column {mark.column + 1}"


def mask_markup(text: str, start: int = 0) -> str:
    """`text` with HTML/Markdown markup after `start` replaced by spaces (same length).

    Tags that break a line (<br>, <p>, </div>) become a newline so sentences end there;
    a link keeps its label in place.
    """
    def blank(s: str, newline: bool) -> str:
        return ("\n" + " " * (len(s) - 1)) if newline and s else re.sub(r"[^\n]", " ", s)

    def repl(m: re.Match[str]) -> str:
        s = m.group(0)
        if m.group(1) is not None:
            i = s.index("[") + 1
            return blank(s[:i], False) + m.group(1) + blank(s[i + len(m.group(1)):], False)
        return blank(s, bool(_BREAK_TAG.fullmatch(s)) or s.lstrip().startswith(("---", "===", "***")))

    masked_front = re.sub(r"[^\n]", " ", text[:start])
    return masked_front + _MARKUP.sub(repl, text[start:])


def read_text(text: str, path: Path, dct: datetime | None = None) -> Document:
    """A Document from the decoded text of a .txt/.md file."""
    meta, body_start, problem = parse_front_matter(text)
    warnings = [] if problem is None else [f"front matter is not valid YAML ({problem}); read without it"]
    return build_document(
        str(meta.get("id") or path.stem), text, body=mask_markup(text, body_start),
        body_start=body_start, dct=dct, published=next((meta[k] for k in PUBLISHED_KEYS if meta.get(k)), None),
        url=meta.get("url") or headline_url(text[body_start:]), lang=meta.get("lang"), path=str(path),
        warnings=warnings)


def headline_url(body: str) -> str | None:
    """The address the first line links to, when it is a Markdown link (a page saved with its source)."""
    m = _HEADLINE_LINK.match(body)
    return m.group(1) if m else None
