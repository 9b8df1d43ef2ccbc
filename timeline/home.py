"""The country an article is written from: its outlet's domain, or its news agency's dateline.

Taiwan, Japanese and Korean copy writes a bare 总统, 首相 or 外交部长 for its own country's office
holder (總統今天出訪, 首相表示); `actors` reads such a title as that country's when nothing in the
sentence names another. The outlets are data (`data/outlets.tsv`).
"""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import urlparse

from timeline.tsv import DATA, read_tsv

_DATELINE_REACH = 400  # the dateline stands near the top: (中央社记者…台北7日电)


@lru_cache(maxsize=1)
def _outlets() -> tuple[dict[str, str], re.Pattern[str] | None, dict[str, str]]:
    rows = list(read_tsv(DATA / "outlets.tsv"))
    domains = {r["key"]: r["iso3"] for r in rows if r["kind"] == "domain"}
    agencies = {r["key"]: r["iso3"] for r in rows if r["kind"] == "agency"}
    pattern = re.compile(rf"[（(](?P<agency>{'|'.join(map(re.escape, agencies))})") if agencies else None
    return domains, pattern, agencies


def home_country(url: str | None, text: str) -> str | None:
    """The ISO code of the country the article at `url` with (Simplified) `text` is written from,
    when its outlet or its dateline's agency says so; else None."""
    domains, dateline, agencies = _outlets()
    host = (urlparse(url).hostname or "") if url else ""
    for key, iso in domains.items():
        if host.endswith(key) and (key.startswith(".") or host == key or host.endswith("." + key)):
            return iso
    m = dateline.search(text, 0, _DATELINE_REACH) if dateline is not None else None
    return agencies[m.group("agency")] if m else None
