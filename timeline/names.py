"""Name matching for queries: any written form of an actor or a place to the names in the records.

A query name may be Simplified or Traditional, short (a surname) or full, Chinese or
English, in any case: 高市, 習近平, Trump, takaichi, 川普. It is normalized (NFKC,
casefold, Traditional -> Simplified) and compared with the records' `name` and
`name_en`; the project lexicon, when importable, adds every alias it knows.
"""
from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_PARTS = re.compile(r"[\s·•・‧.\-_,]+")


@lru_cache(maxsize=1)
def _t2s():
    try:
        from opencc import OpenCC
    except ImportError:  # pragma: no cover - a declared dependency
        return None
    return OpenCC("t2s")


def norm(text: str | None) -> str:
    """NFKC, casefold, Traditional -> Simplified, inner whitespace collapsed."""
    if not text:
        return ""
    s = unicodedata.normalize("NFKC", str(text)).casefold().strip()
    cc = _t2s()
    if cc is not None:
        s = cc.convert(s)
    return re.sub(r"\s+", " ", s)


def compact(text: str | None) -> str:
    """`norm` without separators: `Lee Jae-myung` == `leejaemyung`, `唐纳德·特朗普` == `唐纳德特朗普`."""
    return _PARTS.sub("", norm(text))


def parts(text: str | None) -> list[str]:
    return [p for p in _PARTS.split(norm(text)) if p]


def lexicon_canonical(surface: str) -> str | None:
    """The lexicon's canonical Simplified name for `surface`, or None (also when there is no lexicon)."""
    try:
        from timeline.lexicon import get_lexicon

        return get_lexicon().canonical(surface)
    except Exception:  # the lexicon is optional here: missing, half-written or failing to load
        return None


class NameNotFound(LookupError):
    """No known name matches the query (the message lists up to three suggestions)."""

    def __init__(self, query: str, suggestions: list[str], what: str = "actor", ambiguous: bool = False):
        self.query, self.suggestions, self.what = query, suggestions, what
        if ambiguous:
            msg = f"{what} name {query!r} is ambiguous: it could be {', '.join(suggestions)}"
        elif suggestions:
            msg = f"no {what} matches {query!r}; did you mean {', '.join(suggestions)}?"
        else:
            msg = f"no {what} matches {query!r}"
        super().__init__(msg)

    def __str__(self) -> str:  # LookupError would repr() the message
        return self.args[0]


class NameIndex:
    """Canonical names (as in the records) with their other forms, for one kind of thing."""

    def __init__(self, what: str = "actor") -> None:
        self.what = what
        self.forms: dict[str, set[str]] = {}   # canonical -> display forms (name, name_en)
        self._exact: dict[str, set[str]] = {}  # normalized / compacted form -> canonicals

    def add(self, canonical: str, *others: str | None) -> None:
        if not canonical:
            return
        forms = self.forms.setdefault(canonical, set())
        for form in (canonical, *others):
            if not form:
                continue
            forms.add(form)
            for key in {norm(form), compact(form)}:
                if key:
                    self._exact.setdefault(key, set()).add(canonical)

    def __contains__(self, canonical: str) -> bool:
        return canonical in self.forms

    def __len__(self) -> int:
        return len(self.forms)

    def resolve(self, query: str) -> set[str]:
        """The canonical names `query` stands for; raises NameNotFound (with suggestions) if none."""
        q, qc = norm(query), compact(query)
        if not q:
            raise NameNotFound(query, [], self.what)
        for key in (q, qc):
            if key in self._exact:
                return set(self._exact[key])
        part_hits = self._by_part(q)
        if len(part_hits) == 1:
            return part_hits
        if len(part_hits) > 1:
            raise NameNotFound(query, sorted(part_hits)[:5], self.what, ambiguous=True)
        canon = lexicon_canonical(query)
        if canon is None and q != query:
            canon = lexicon_canonical(q)
        if canon is not None:
            hits = self._exact.get(norm(canon)) or self._exact.get(compact(canon))
            if hits:
                return set(hits)
        raise NameNotFound(query, self.suggest(query), self.what)

    def _by_part(self, q: str) -> set[str]:
        """Canonicals one of whose forms has `q` as a whole name part, or (CJK) as prefix/suffix."""
        hits: set[str] = set()
        q_parts = parts(q)
        cjk = all(_is_cjk(ch) for ch in q.replace(" ", ""))
        for canonical, forms in self.forms.items():
            for form in forms:
                f_parts = parts(form)
                if q_parts and _contains_run(f_parts, q_parts):
                    hits.add(canonical)
                    break
                if cjk and len(q) >= 2:
                    full = compact(form)
                    if full != q and (full.startswith(q) or full.endswith(q)):
                        hits.add(canonical)
                        break
        return hits

    def suggest(self, query: str, n: int = 3) -> list[str]:
        """Up to `n` known names that look like `query` (difflib), as canonical names."""
        q = norm(query)
        by_form: dict[str, str] = {}
        for canonical, forms in self.forms.items():
            for form in forms:
                by_form.setdefault(norm(form), canonical)
        out: list[str] = []
        for cutoff in (0.6, 0.3):
            for form in difflib.get_close_matches(q, list(by_form), n=n * 3, cutoff=cutoff):
                name = by_form[form]
                if name not in out:
                    out.append(name)
            if out:
                break
        return out[:n]


def _is_cjk(ch: str) -> bool:
    return "\u3400" <= ch <= "\u9fff" or "\uf900" <= ch <= "\ufaff" or "\u3040" <= ch <= "\u30ff"


def _contains_run(haystack: list[str], needle: list[str]) -> bool:
    n = len(needle)
    return any(haystack[i:i + n] == needle for i in range(len(haystack) - n + 1))


def unique(items: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for x in items:
        seen.setdefault(x, None)
    return list(seen)
