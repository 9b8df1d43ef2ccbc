"""HTML pages: the article text (no menus, scripts, cookie banners) via trafilatura."""
from __future__ import annotations

from datetime import datetime
from pathlib import Path

from timeline.document import Document
from timeline.readers.build import build_document
from timeline.readers.errors import ReadError


def read_html(html: str, path: Path, dct: datetime | None = None) -> Document | ReadError:
    """The article of an HTML page as a Document, or a ReadError when there is none."""
    import trafilatura  # here: a corpus without HTML does not pay for loading it

    text = trafilatura.extract(html, include_comments=False, include_tables=False,
                               favor_precision=True)
    if not text or len("".join(text.split())) < 20:
        return ReadError(str(path), "no article text found in the HTML page")
    meta = trafilatura.extract_metadata(html)
    title = meta.title if meta and meta.title else None
    if title and not text.startswith(title):
        text = f"{title}\n\n{text}"
    return build_document(path.stem, text, dct=dct, published=meta.date if meta else None,
                          url=meta.url if meta else None, path=str(path))
