"""A CJK font for matplotlib pictures (the PNG graph, the timeline chart), or a clear error naming
the package to install: without one, Chinese names are drawn as boxes."""
from __future__ import annotations

import re
from pathlib import Path

CJK_FONTS = ("Noto Sans CJK SC", "Noto Sans CJK JP", "Noto Sans CJK TC", "Source Han Sans SC", "Source Han Sans CN",
             "WenQuanYi Micro Hei", "WenQuanYi Zen Hei", "Noto Serif CJK SC", "Source Han Serif SC",
             "AR PL UMing CN", "AR PL UKai CN", "Droid Sans Fallback")
CJK_FONT_FILES = re.compile(r"(noto.*cjk|sourcehan|source-han|wqy|wenquanyi|droidsansfallback|uming|ukai)", re.I)
FONT_PACKAGE = "fonts-wqy-microhei"
INSTALL_HINT = ("no CJK font found for the PNG graph (Chinese names would show as boxes); "
                f"install one: apt-get install -y {FONT_PACKAGE}  (or fonts-noto-cjk)")


def cjk_font() -> str:
    """The family name of an installed CJK font; RuntimeError naming the package to install if none."""
    from matplotlib import font_manager

    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONTS:
        if family in names:
            return family
    # fonts installed after matplotlib built its cache: scan the system font files
    for path in font_manager.findSystemFonts():
        if CJK_FONT_FILES.search(Path(path).name):
            try:
                font_manager.fontManager.addfont(path)
            except Exception:
                continue
    names = {f.name for f in font_manager.fontManager.ttflist}
    for family in CJK_FONTS:
        if family in names:
            return family
    raise RuntimeError(INSTALL_HINT)
