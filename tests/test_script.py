"""Simplified view (same length) and script detection."""
from __future__ import annotations

from timeline.readers import read_path
from timeline.script import detect_script, to_simplified


def test_same_length_and_converted():
    trad = "日本首相高市早苗與美國總統川普通電話，雙方同意安排訪美。"
    simp = to_simplified(trad)
    assert len(simp) == len(trad)
    assert "与美国总统" in simp and "访美" in simp


def test_detect_script():
    assert detect_script("日本首相與美國總統通電話，雙方同意安排訪問。") == "zh-Hant"
    assert detect_script("日本首相与美国总统通电话，双方同意安排访问。") == "zh-Hans"
    assert detect_script("Trump and Xi held a phone call on Monday.") == "en"


def test_traditional_dev_file(dev_paths):
    doc = next(read_path(dev_paths[10]))  # d11: Traditional
    assert doc.lang == "zh-Hant"
    assert len(doc.simplified) == len(doc.text)
    assert doc.simplified != doc.text
