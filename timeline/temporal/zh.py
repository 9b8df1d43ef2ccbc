"""Chinese time expressions: the patterns of news Chinese and how each resolves to a Span.

Each pattern is a named regex of the grammar of dates in Chinese news (年/月/日 with Arabic
or Chinese numerals, 上旬/中旬/下旬, 今年/明年, 周五/上周五, 当天/次日, 三天前, 今春, 春节 …);
the words come from `temporal.yaml`. A match is resolved by the function of its kind.
"""
from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache
from typing import Callable

from timeline.temporal import expr
from timeline.temporal.context import Context, weekday_near
from timeline.temporal.expr import Span
from timeline.temporal.holidays import holiday
from timeline.temporal.numerals import to_int
from timeline.temporal.words import alternation, words

_YEAR = r"(?P<y>(?<![0-9])(?:19|20)[0-9]{2}|[〇零○一二][〇零○一二三四五六七八九]{3})年"
_MONTH = r"(?P<m>(?<![0-9])(?:1[0-2]|0?[1-9])|十[一二]?|(?<![十])[一二三四五六七八九])月份?"
# a day number ends with 日, or without it when a range to a day follows (本月7至10日)
_ZH_DAY_NUM = r"(?:三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])"
_TO_DAY = rf"(?=\s*[至到~\-－—]\s*(?:3[01]|[12][0-9]|0?[1-9]|{_ZH_DAY_NUM})[日号])"  # (廿四至廿八日)
_DAY_END = rf"(?:[日号]|{_TO_DAY})"
_DAY = r"(?P<d>(?:3[01]|[12][0-9]|0?[1-9])(?![0-9])|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?|[一二三四五六七八九])" + _DAY_END
_MPART = r"(?P<mp>上旬|中旬|下旬|初|底|末|第[一二三四]周|中(?=[，。、；,;\s)）]|$))"
_WEEKDAYS = {"一": 0, "二": 1, "三": 2, "四": 3, "五": 4, "六": 5, "日": 6, "天": 6,
             "1": 0, "2": 1, "3": 2, "4": 3, "5": 4, "6": 5, "7": 6}
_WEEK_PREFIX = {"上上": -2, "下下": 2, "上": -1, "上个": -1, "下": 1, "下个": 1, "本": 0, "这": 0, "这个": 0}


@lru_cache(maxsize=1)
def patterns() -> list[tuple[str, re.Pattern[str]]]:
    """(kind, regex) for every expression shape, built from the word lists."""
    w = words()
    ry = alternation([*w["relative_years"], *w["anchored_years"]])
    yparts = alternation([k for k in w["year_parts"] if not k.startswith("年")] + ["年初", "年底", "年末", "年中"])
    yp = rf"(?P<yp>{yparts}|年?内|(?P<se>[春夏秋冬])(?:季|天))"
    year = rf"(?:{_YEAR}|(?P<ry>{ry}))"
    hol = alternation(w["holidays"])
    rdays = alternation([*w["relative_days"], *w["anchored_days"]])
    rmonths = alternation([*w["relative_months"], *w["anchored_months"]])
    rweeks = alternation(w["relative_weeks"])
    bare = w["bare_days"]
    table = [
        ("num", r"(?<![0-9])(?P<y>(?:19|20)[0-9]{2})[-/.](?P<m>1[0-2]|0?[1-9])[-/.](?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9])"),
        ("md", rf"{year}?{_MONTH}(?:{_DAY}|{_MPART})?"),
        # 4月12已经抵达, 3月1至3日: a day number without 日 before a range mark, a comma or a verb
        ("md", rf"{year}?{_MONTH}(?P<d>3[01]|[12][0-9]|0?[1-9])(?=\s*(?:[至到~－—,，、]|-(?:[^0-9]|[0-9]{{1,2}}日))|[已将在于抵访到与同会起晚早上下凌])"),
        # 1、2月, 3至4月, 明年1或2月: a month number that the next month's 月 completes (a list or a range)
        ("md", rf"{year}?(?P<m>(?<![0-9第.])(?:1[0-2]|0?[1-9])(?![0-9])|十[一二]?|(?<![十第])[一二三四五六七八九])"
               rf"(?=\s*(?:[、和或及至到~－—-]|或者)\s*(?:1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九])月)"),
        # (落实2030年可持续发展议程: an agenda's name; 2021年后/以后: any time after it, not that year; but
        # 2019年后半年 is its second half)
        ("year", rf"{year}{yp}?(?!可持续|议程|愿景|远景|规划|目标|战略|后(?!半)|以后|之后)"),
        # 今（16）日, 昨（15）日: Taiwan and Hong Kong papers give the day in brackets
        ("bday", r"[今昨明][（(](?P<d>3[01]|[12][0-9]|0?[1-9])[）)]日"),
        ("bday", r"(?<![0-9第个])(?P<d>(?:3[01]|[12][0-9]|0?[1-9])|三十一?|二十[一二三四五六七八九]?|十[一二三四五六七八九]|廿[一二三四五六七八九]?|卅一?)日(?![内间]|来(?![华台访京沪港澳到])|以[内来])"),  # (3日来: these days; 21日来华, 21日来到: on the 21st)
        ("bday", rf"(?<![0-9第个.])(?P<d>3[01]|[12][0-9]|0?[1-9])(?![0-9]){_TO_DAY}"),  # 7至10日: its first day
        ("bday", rf"(?<![0-9第个.一二三四五六七八九十廿卅])(?P<d>三十一?|二十[一二三四五六七八九]?|廿[一二三四五六七八九]?|卅一?)"
                 rf"(?=\s*[至到]\s*{_ZH_DAY_NUM}[日号])"),  # 廿四至廿八日: its first day
        # 6月28、29两日, 12、13两日: the days of a list that counts them
        ("bday", r"(?<![0-9])(?P<d>3[01]|[12][0-9]|0?[1-9])(?=[、和及](?:3[01]|[12][0-9]|0?[1-9])\s*(?:[两二2][日天]|日))"),
        # 12号，13号下午, 8号出发: a day written with 号 in speech-like copy (not 第2231号决议, 2号楼, 12号线)
        ("bday", r"(?<![0-9第A-Za-z])(?P<d>3[01]|[12][0-9]|0?[1-9])号(?=\s*(?:[,，、和及至到起当]|[上下中晚早凌傍]午?|晚间|凌晨|傍晚|出发|启程|抵达|前往|飞往|访问|举行|会见|会晤|在|将|与|同))"),
        ("bday", r"(?<=[、和及])(?P<d>3[01]|[12][0-9]|0?[1-9])(?=\s*[两二2][日天])"),
        # 十日, 五日 are the tenth, the fifth when a verb or a preposition follows (五日与…通电话), not days
        # counted (为期十日, 十日内, 访华五日)
        ("bday", r"(?<![0-9第个一二三四五六七八九十期续连达访华日美韩])(?P<d>十|[一二三四五六七八九])日(?=[与同和在于晚上下将抵会表起前宣致通出发举赴飞刚已再])"),
        # 前日/同日 before 本 are 前日本 (former Japanese …), 同日本 (with Japan).
        ("twodays", r"(?P<w>今[、，,]?明|明[、，,]?后)(?:两|二|2)[天日]"),  # 今明两天, 明、后两天: two days
        ("twodays", r"(?P<w>今|明)[天日]或者?(?:明|后)[天日]"),  # 今天或者明天: one of the two
        # (not the 次日 of 上一次日朝磋商, 这一次日本之行: a count of times, then 日 of Japan)
        ("rday", rf"(?<!最)(?!(?<=[一上下这每首多几两再])次日)(?P<w>{rdays})(?!(?<=日)本)(?!(?<=前晚)[宴餐会])"),  # (访问的最后一天: the last day, not the day after; 峰会前晚宴: before a dinner)
        ("bare", rf"(?<![{bare['after_not']}])(?P<w>[昨今](?=[{bare['before']}])|明(?=起))"),
        ("until", rf"(?P<w>{alternation(w['until_end'])})"),
        # (not 最后一天前往大阪: the last day, then 前往 "go to")
        ("ago", r"(?<![0-9后近隔逾约一二两三四五六七八九十])(?P<n>[0-9]{1,2}|[一二两三四五六七八九十]{1,3})个?(?P<u>天|周|星期|礼拜|(?<=个)月|年)(?P<dir>前(?!往)|后|以前|以后|之前|之后)"),  # (5月之前 is before May: months count with 个)
        ("wday", r"(?<![0-9每上下本这个])(?P<wp>上上|下下|上个?|下个?|本|这个?)?(?:周|星期|礼拜)(?P<wd>[一二三四五六日天1-7])(?![次天])"),
        ("wend", r"(?P<wp>上|下|本|这)?个?周末"),
        ("week", rf"(?P<w>{rweeks})(?P<wpart>早些时候|稍早时候|稍早|晚些时候|稍晚时候|稍晚|稍后)?(?![一二三四五六日天1-7末年])"),
        ("rmonth", rf"(?P<w>{rmonths})(?:(?<=月)月(?P<mp2>中)|(?:(?<=月)月)?{_MPART}|{_DAY})?"),  # (本月中，: its middle; 上个月月底)
        ("mpart", r"(?<![岁日年个0-9一二三四五六七八九十])(?P<w>月初|月中|月底|月末)|(?<![月])(?P<w2>上旬|中旬|下旬)"),
        ("ypart", rf"(?<![0-9今去明前后本当同次翌])(?P<w>年初|年底|年末|年内|上半年|下半年|{alternation([k for k in w['year_parts'] if '季度' in k])})"),
        ("season", r"(?P<sp>今年|明年|去年|今|明|去)?(?P<s>[春夏秋冬])(?P<ss>季|天)?(?![奥运达攻风会学时令装节])"),
        ("hol", rf"{year}?(?P<hol>{hol})(?![第首])"),  # not 新年第一个出访地 (the first of the year)
    ]
    return [(k, re.compile(p)) for k, p in table]


@lru_cache(maxsize=1)
def needs() -> dict[str, frozenset[str]]:
    """For each kind of pattern, characters one of which any of its matches contains: a sentence
    with none of them is not searched for that kind (most kinds match few sentences)."""
    w = words()
    first = lambda *lists: frozenset(word[0] for ws in lists for word in ws)  # noqa: E731
    digits = frozenset("0123456789一二两三四五六七八九十〇零○")
    return {"num": frozenset("0123456789"), "md": frozenset("月"), "year": frozenset("年"), "bday": frozenset("日号"),
            "twodays": frozenset("今明"), "rday": first(w["relative_days"], w["anchored_days"]), "bare": frozenset("昨今明"),
            "until": frozenset("月年"), "ago": frozenset("前后"), "wday": frozenset("周星礼"),
            "wend": frozenset("周"), "week": first(w["relative_weeks"]), "rmonth": first(w["relative_months"], w["anchored_months"]),
            "mpart": frozenset("月旬"), "ypart": frozenset("年季半"), "season": frozenset("春夏秋冬"),
            "hol": first(w["holidays"]) | digits}


def _year_of(g: dict[str, str | None], ctx: Context) -> tuple[int | None, bool]:
    """The year the match names (2025年, 今年, 当年), and whether it came from the anchor."""
    w = words()
    if g.get("y"):
        return to_int(g["y"]), False  # type: ignore[arg-type]
    ry = g.get("ry")
    if ry in w["relative_years"] and ctx.dct:
        return ctx.dct.year + w["relative_years"][ry], False
    if ry in w["anchored_years"]:
        base = ctx.year or (ctx.base(True).year if ctx.base(True) else None)
        return (base + w["anchored_years"][ry], True) if base else (None, True)
    return None, False


def _month_part(y: int, m: int, mp: str | None) -> Span | None:
    if not 1 <= m <= 12:
        return None
    if not mp:
        return expr.month(y, m)
    mod, first, last = words()["month_parts"][mp]
    return expr.month(y, m, mod, first, last)


# two parts of one month told together: 四月中、下旬, 4月上、中旬, 5月中下旬
COORDINATED_PARTS = re.compile(r"(?P<a>[上中下])?旬?\s*[、和及至到]?\s*(?P<b>[上中下])旬")


def coordinated_parts(month: Span, first: str | None, second: str) -> Span | None:
    """The days from the `first` part (上/中/下) of `month` to the end of its `second` part, in either
    order (9月中上旬 is its first twenty days, as 9月上中旬)."""
    a = _month_part(month.first.year, month.first.month, f"{first}旬") if first else month
    b = _month_part(month.first.year, month.first.month, f"{second}旬")
    if a is None or b is None or a.first == b.first:
        return None
    return expr.join(a, b) if a.first < b.first else expr.join(b, a)


def _day(y: int, m: int, d: int) -> Span | None:
    try:
        return expr.day(date(y, m, d))
    except ValueError:
        return None


def _year_part(y: int, yp: str | None, se: str | None) -> Span | None:
    w = words()
    if not yp or yp.endswith("内"):
        return expr.year(y)
    if se:
        code, a, b = w["seasons"][se]
        return expr.months(y, a, b, f"{y:04d}-{code}")
    code, a, b = w["year_parts"][yp]
    if code in ("START", "MID", "END"):
        return expr.months(y, a, b, f"{y:04d}", code)
    return expr.months(y, a, b, f"{y:04d}-{code}")


def _relative_month(g: dict[str, str | None], ctx: Context) -> tuple[Span | None, bool]:
    """上个月 / 下月初 / 上月11日 / 当月: a month counted from the DCT (or the anchor), its part or day."""
    w = words()
    word = g["w"] or ""
    anchored = word not in w["relative_months"]
    base = ctx.base(anchored)
    if base is None:
        return None, anchored
    delta = w["anchored_months"][word] if anchored else w["relative_months"][word]
    y, m = expr.shift_month(base.year, base.month, delta)
    if g.get("d"):
        d = to_int(g["d"] or "")
        return (_day(y, m, d) if d else None), anchored and ctx.anchor is not None
    return _month_part(y, m, g.get("mp") or g.get("mp2")), anchored and ctx.anchor is not None


def resolve(kind: str, g: dict[str, str | None], ctx: Context, at: int,
            inherit: Span | None = None) -> tuple[Span | None, bool]:
    """The interval a match of `kind` names, and whether it was resolved from the anchor.

    `inherit` is the first half of a range (5月26日至27日): a second half without a
    month or year takes them from it.
    """
    w = words()
    if kind == "num":
        return _day(int(g["y"]), int(g["m"]), int(g["d"])), False  # type: ignore[arg-type]
    if kind in ("md", "year", "hol"):
        y, anchored = _year_of(g, ctx)
        if kind == "year":
            return (_year_part(y, g.get("yp"), g.get("se")) if y else None), anchored
        if kind == "hol":
            cal, hm, hd = w["holidays"][g["hol"]]
            make: Callable[[int], Span | None] = lambda yy: (  # noqa: E731
                expr.day(h) if (h := holiday(cal, hm, hd, yy)) else None)
        else:
            m = to_int(g["m"] or "")
            if m is None:
                return None, False
            d = to_int(g["d"]) if g.get("d") else None
            make = (lambda yy: _day(yy, m, d)) if d else (lambda yy: _month_part(yy, m, g.get("mp")))  # noqa: E731
            if y is None and inherit is not None:
                y = inherit.first.year + (1 if m < inherit.first.month else 0)
        if y is not None:
            return make(y), anchored
        return ctx.around_years(make, at), False
    if kind == "bday":
        d = to_int(g["d"] or "")
        if d is None:
            return None, False
        if inherit is not None:
            return _day(inherit.first.year, inherit.first.month, d), False
        return ctx.around_months(lambda yy, mm: _day(yy, mm, d), at), ctx.anchor is not None
    if ctx.dct is None:
        return None, False
    dct = ctx.dct
    if kind == "rday":
        word = g["w"]
        if word in w["relative_days"]:
            return expr.day(dct + timedelta(days=w["relative_days"][word])), False
        base = ctx.base(True)
        return expr.day(base + timedelta(days=w["anchored_days"][word])), ctx.anchor is not None  # type: ignore[operator]
    if kind == "twodays":
        first_day = dct + timedelta(days=0 if g["w"][0] == "今" else 1)
        return expr.join(expr.day(first_day), expr.day(first_day + timedelta(days=1))), False
    if kind == "bare":
        return expr.day(dct + timedelta(days=w["bare_days"]["days"][g["w"]])), False
    if kind == "until":  # 月底前: from the reference day to the end of its month (or year)
        if w["until_end"][g["w"]] == "month":
            return expr.Span(f"{dct.year:04d}-{dct.month:02d}", dct, date(dct.year, dct.month, expr.last_day(dct.year, dct.month))), False
        return expr.Span(f"{dct.year:04d}", dct, date(dct.year, 12, 31)), False
    if kind == "ago":
        n = to_int(g["n"] or "")
        if not n:
            return None, False
        sign = -1 if "前" in (g["dir"] or "") else 1
        unit = g["u"]
        if unit == "天":
            return expr.day(dct + timedelta(days=sign * n)), False
        if unit in ("周", "星期", "礼拜"):
            return expr.day(dct + timedelta(weeks=sign * n)), False
        if unit == "月":
            return expr.month(*expr.shift_month(dct.year, dct.month, sign * n)), False
        return expr.year(dct.year + sign * n), False
    if kind == "wday":
        delta = _WEEK_PREFIX.get(g["wp"]) if g.get("wp") else None
        return expr.day(weekday_near(dct, _WEEKDAYS[g["wd"]], delta, ctx.tense_at(at))), False  # type: ignore[index]
    if kind == "wend":
        delta = _WEEK_PREFIX.get(g["wp"]) if g.get("wp") else 0
        span = expr.weekend(dct, delta or 0)
        tense = ctx.tense_at(at)
        # (told on a Monday or Tuesday without a future word: the weekend just past)
        if not g.get("wp") and span.first > dct and (tense == "past" or (tense != "future" and dct.weekday() <= 1)):
            span = expr.weekend(dct, -1)
        return span, False
    if kind == "week":
        delta = w["relative_weeks"][g["w"]]
        if delta == 0 and dct.weekday() == 6 and ctx.tense_at(at) == "future":
            delta = 1  # 本周将赴… written on a Sunday: the week it opens (a Chinese week may start on Sunday)
        span = expr.week(dct, delta)
        part = g.get("wpart")
        if part and delta == 0 and part.startswith(("早", "稍早")) and span.first < dct:
            return Span(span.value, span.first, dct - timedelta(days=1), "START"), False  # 本周早些时候: before today
        if part and delta == 0 and not part.startswith(("早", "稍早")) and dct < span.last:
            return Span(span.value, dct + timedelta(days=1), span.last, "END"), False  # 本周晚些时候: after today
        return span, False
    if kind == "rmonth":
        return _relative_month(g, ctx)
    if kind == "mpart":
        part = (g.get("w") or "")[1:] or (g.get("w2") or "")
        base = inherit.first if inherit is not None else dct  # 9月中旬至下旬: the first half's month
        return _month_part(base.year, base.month, part), False
    if kind == "ypart":
        word = g["w"] or ""
        if word == "年内":
            return expr.year(dct.year), False
        return ctx.around_years(lambda yy: _year_part(yy, word, None), at), False
    if kind == "season":
        if not g.get("sp") and not g.get("ss"):
            return None, False
        code, a, b = w["seasons"][g["s"]]
        make = lambda yy: expr.months(yy, a, b, f"{yy:04d}-{code}")  # noqa: E731
        sp = g.get("sp")
        if sp:
            off = {"今": 0, "明": 1, "去": -1}[sp[0]]
            return make(dct.year + off), False
        return ctx.around_years(make, at), False
    return None, False
