"""DCT: cli > metadata > page > lead."""
from __future__ import annotations

from datetime import date, datetime, timezone

from timeline.readers import read_path


def test_seeds(seed_paths):
    d3 = next(read_path(seed_paths["003"]))
    assert (d3.dct.date(), d3.dct_source) == (date(2024, 12, 26), "page")
    d0 = next(read_path(seed_paths["000"]))
    assert (d0.dct.date(), d0.dct_source) == (date(2026, 1, 2), "lead")


def test_front_matter_keeps_zone(dev_paths):
    doc = next(read_path(dev_paths[0]))
    assert doc.dct_source == "metadata" and doc.dct.date() == date(2019, 12, 24)
    assert doc.dct.utcoffset() is not None


def test_cli_override(seed_paths):
    when = datetime(2030, 1, 1, tzinfo=timezone.utc)
    doc = next(read_path(seed_paths["003"], dct=when))
    assert (doc.dct, doc.dct_source) == (when, "cli")


def test_epoch_comment(tmp_path):
    (tmp_path / "a.txt").write_text("<!--1735253943000-->\n李强会见岩屋毅。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert doc.dct_source == "page" and doc.dct.date() == date(2024, 12, 26)


def test_byline(tmp_path):
    (tmp_path / "a.txt").write_text("标题\n发布时间：2024-12-26 10:30\n李强会见岩屋毅。\n", encoding="utf-8")
    doc = next(read_path(tmp_path / "a.txt"))
    assert doc.dct_source == "page" and doc.dct.date() == date(2024, 12, 26)


def test_free_form_metadata_dates():
    """Feed dates in other shapes are read (dateparser); relative words are not a publication time."""
    from datetime import datetime

    from timeline.readers.dct import parse_when

    assert parse_when("December 26, 2024 10:58 PM") == datetime(2024, 12, 26, 22, 58)
    assert parse_when("26.12.2024") == datetime(2024, 12, 26)
    assert parse_when("Thu, 26 Dec 2024 22:58:18 GMT").isoformat() == "2024-12-26T22:58:18+00:00"
    assert parse_when("yesterday") is None
    assert parse_when("Dec 2024") is None
