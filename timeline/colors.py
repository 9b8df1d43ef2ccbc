"""The one colour table of every picture: event types (graph edges, map markers, charts) and
countries (graph nodes), so that what is drawn and what its legend says can never disagree.

Types take strong colours and countries light ones, so that an edge is never mistaken for
a node of the same hue.
"""
from __future__ import annotations

import zlib

TYPE_COLORS = {"call": "#1f77b4", "meeting": "#d62728", "visit": "#2ca02c", "agreement": "#9467bd",
               "statement": "#7f7f7f"}
UNKNOWN_TYPE = "#999999"
COUNTRY_COLORS = {"CHN": "#fdb462", "USA": "#80b1d3", "JPN": "#fccde5", "KOR": "#b3de69", "RUS": "#bebada",
                  "PRK": "#bc80bd", "TWN": "#ffed6f", "GBR": "#8dd3c7", "UKR": "#ccebc5", "IND": "#e5c494"}
PALETTE = ("#a6cee3", "#fdbf6f", "#cab2d6", "#ffffb3", "#d9ef8b", "#f4cae4", "#b3e2cd", "#fddaec", "#e6f5c9",
           "#decbe4")  # other countries: one of these, by a hash of the code (stable across runs)
NO_COUNTRY = "#dddddd"


def type_color(event_type: str | None) -> str:
    return TYPE_COLORS.get(event_type or "", UNKNOWN_TYPE)


def country_color(country: str | None) -> str:
    if not country:
        return NO_COUNTRY
    return COUNTRY_COLORS.get(country) or PALETTE[zlib.crc32(country.encode()) % len(PALETTE)]


def darker(color: str, factor: float = 0.6) -> str:
    """The same hue, darker: outlines of light fills."""
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return "#{:02x}{:02x}{:02x}".format(*(round(c * factor) for c in (r, g, b)))
