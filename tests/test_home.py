"""The country an article is written from (timeline.home): by its outlet's domain or its dateline."""
from __future__ import annotations

import pytest

from timeline.home import home_country


@pytest.mark.parametrize("url, text, expected", [
    ("https://www.cna.com.tw/news/aipl/202401010001.aspx", "总统今天出访。", "TWN"),
    ("https://www.storm.mg/article/123", "总统今天出访。", "TWN"),
    ("https://cn.nikkei.com/politicsaeconomy/1.html", "首相表示。", "JPN"),
    ("https://cn.yna.co.kr/view/1", "总统表示。", "KOR"),
    (None, "（中央社记者台北18日电）总统今天出访。", "TWN"),
    ("https://www.xinhuanet.com/world/1.htm", "新华社北京5日电 外交部长会见…", None),
    ("https://www.zaobao.com.sg/news/1", "总理表示。", None),
    (None, "总统今天出访。", None),
])
def test_home_country(url: str | None, text: str, expected: str | None) -> None:
    assert home_country(url, text) == expected


def test_a_lookalike_domain_is_not_the_outlet() -> None:
    assert home_country("https://notudn.com/x", "总统表示。") is None
    assert home_country("https://news.udn.com/x", "总统表示。") == "TWN"
