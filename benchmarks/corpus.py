"""A synthetic, news-like corpus for the throughput benchmarks, built from real sentences.

The sentences come from the real articles in `data/samples/*.txt` and the development set
`../shared/dev/raw/*.txt` (read in place, never copied into the repository): front matter,
HTML tags, comments and Markdown link targets are removed, the rest is split after 。！？!?
(keeping closing quotes) and at line ends, and only pieces with at least five Han characters
are kept. Sentences stay in the script they were written in, so the corpus mixes Simplified
and Traditional as the sources do.

Each document is a `.txt` file: YAML front matter with `published:` (a random time between
2000 and 2026) and 5-30 sentences drawn with replacement, grouped into paragraphs of 1-4
sentences. Everything comes from one `random.Random(seed)`, so the same seed and sources give
byte-identical files.

Usage: python benchmarks/corpus.py [-n 2000] [--seed 20260101] [-o DIR]
"""
from __future__ import annotations

import argparse
import random
import re
import shutil
import tempfile
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Iterator

ROOT = Path(__file__).resolve().parents[1]
SOURCES = (ROOT / "data" / "samples", ROOT.parent / "shared" / "dev" / "raw")  # ../shared beside the checkout
SEED = 20260101
N_DOCS = 2000

_FRONT = re.compile(r"\A\ufeff?---[ \t]*\r?\n.*?\r?\n---[ \t]*(?:\r?\n|\Z)", re.DOTALL)
_MARKUP = re.compile(r"<!--.*?-->|<[A-Za-z/!][^<>]*>", re.DOTALL)
_LINK = re.compile(r"!?\[([^\]\n]*)\]\([^)\n]*\)")
_RULE = re.compile(r"^\s*(?:-{3,}|={3,}|\*{3,})\s*$", re.MULTILINE)
_SENT = re.compile(r"[^。！？!?\n]+(?:[。！？!?]+[”」』\"）)]*|$)", re.MULTILINE)
_HAN = re.compile(r"[\u3400-\u9fff]")


def source_files(sources: tuple[Path, ...] = SOURCES) -> list[Path]:
    """The article files, sorted (missing folders are skipped)."""
    return sorted(p for d in sources if d.is_dir() for p in d.glob("*.txt"))


def article_sentences(text: str) -> list[str]:
    """The sentences of one article, markup removed, in order."""
    text = _FRONT.sub("", text)
    text = _MARKUP.sub("\n", text)
    text = _LINK.sub(r"\1", text)
    text = _RULE.sub("", text)
    out = []
    for m in _SENT.finditer(text):
        s = m.group(0).strip()
        if len(_HAN.findall(s)) >= 5:
            out.append(s)
    return out


def load_sentences(sources: tuple[Path, ...] = SOURCES) -> list[str]:
    """Every sentence of every source article, in file order (duplicates kept)."""
    out: list[str] = []
    for path in source_files(sources):
        out.extend(article_sentences(path.read_text(encoding="utf-8", errors="replace")))
    if not out:
        raise SystemExit(f"no sentences found under {', '.join(map(str, sources))}")
    return out


@dataclass
class Corpus:
    """The written corpus: its folder, its files, and their total body size."""

    root: Path
    paths: list[Path]
    chars: int          # characters of the whole files (front matter included)
    body_chars: int     # characters of the bodies only
    sentences: int      # sentences drawn
    pool: int           # distinct source sentences available


_START = datetime(2000, 1, 1, tzinfo=timezone(timedelta(hours=8)))
_SPAN_MIN = int((datetime(2026, 12, 31, tzinfo=timezone(timedelta(hours=8))) - _START).total_seconds() // 60)


def document_text(rng: random.Random, pool: list[str]) -> tuple[str, int, int]:
    """One document's text, its body length and how many sentences it has."""
    published = _START + timedelta(minutes=rng.randrange(_SPAN_MIN))
    n = rng.randint(5, 30)
    chosen = [rng.choice(pool) for _ in range(n)]
    paras, i = [], 0
    while i < n:
        k = rng.randint(1, 4)
        paras.append("".join(chosen[i:i + k]))
        i += k
    body = "\n\n".join(paras) + "\n"
    head = f"---\npublished: {published.isoformat()}\n---\n"
    return head + body, len(body), n


def build_corpus(out_dir: Path, n_docs: int = N_DOCS, seed: int = SEED,
                 sources: tuple[Path, ...] = SOURCES) -> Corpus:
    """Write `n_docs` documents `doc_00000.txt`... into `out_dir` (created if needed)."""
    pool = load_sentences(sources)
    rng = random.Random(seed)
    out_dir.mkdir(parents=True, exist_ok=True)
    paths, chars, body_chars, sents = [], 0, 0, 0
    for i in range(n_docs):
        text, body_len, n = document_text(rng, pool)
        path = out_dir / f"doc_{i:05d}.txt"
        path.write_text(text, encoding="utf-8")
        paths.append(path)
        chars += len(text)
        body_chars += body_len
        sents += n
    return Corpus(out_dir, paths, chars, body_chars, sents, len(set(pool)))


@contextmanager
def temp_corpus(n_docs: int = N_DOCS, seed: int = SEED) -> Iterator[Corpus]:
    """A corpus in a fresh temporary folder, removed afterwards."""
    tmp = Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    try:
        yield build_corpus(tmp, n_docs, seed)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=N_DOCS)
    ap.add_argument("--seed", type=int, default=SEED)
    ap.add_argument("-o", "--output", type=Path, default=None,
                    help="folder to write into (default: a new temporary folder, kept)")
    args = ap.parse_args()
    out = args.output or Path(tempfile.mkdtemp(prefix="timeline-bench-"))
    c = build_corpus(out, args.n, args.seed)
    print(f"{len(c.paths)} documents, {c.chars:,} characters ({c.body_chars:,} in bodies), "
          f"{c.sentences:,} sentences from {c.pool} distinct source sentences -> {c.root}")


if __name__ == "__main__":
    main()
