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


def test_a_full_stop_inside_a_transliterated_name_is_its_dot():
    """穆罕默德.本.扎耶德 and 約翰.史密斯 are names written with full stops; 報道.美國 ends a sentence."""
    assert to_simplified("王儲穆罕默德.本.扎耶德會見總幹事約翰．史密斯") == "王储穆罕默德·本·扎耶德会见总干事约翰·史密斯"
    assert to_simplified("有報道.美國副國務卿將訪台") == "有报道.美国副国务卿将访台"
    assert to_simplified("馬克.吐溫") == "马克·吐温"
