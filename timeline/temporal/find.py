"""Find the time expressions of a sentence and resolve them, left to right.

Candidates from the Chinese and English grammars are chosen longest-first without overlap;
then a weekday and a date in brackets (星期三（12月25日）) become one expression, two joined
by 至/到/- become a range, and clock time, part of day and 当地时间 are kept as detail.
Each day-precise expression becomes the anchor for 当天/次日 after it.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable

from timeline.temporal import en, zh
from timeline.temporal.context import Context, story_after
from timeline.temporal.expr import Span, TimeExpr, join, shift_year
from timeline.temporal.tense import tense_finder
from timeline.temporal.words import alternation, normalize, words

# The kinds that can end a range: those with a day, month or year of their own.
_RANGE_ENDS = ("md", "bday", "year", "num", "mdy", "dmy", "part", "my", "wday", "mpart")
_RANGE_TO_WEEKDAY = re.compile(r"\s*(?:至|到)[一二三四五六日天]\s?\(")  # (…(15日)至二(17日))
_RANGE = re.compile(r"\s*(?:起|开始)?(?:至|到|—|–|-|~|－)\s*|\s+(?:to|through|until)\s+", re.I)
# two consecutive days joined by 和 make one interval (于周一和周二举行会谈: two days of talks)
_AND = re.compile(r"\s*(?:和|及|与|、|and)\s*", re.I)
_MONTH_OR = re.compile(r"\s*(?:、|和|及|或者|或)\s*")  # (1、2月, 1月或2月)
_DAY_KINDS = ("md", "bday", "wday", "rday", "num", "mdy", "dmy", "rmonth")  # (rmonth: 本月14日)
_SINCE_AFTER = re.compile(r"\s*(?:以来|以後|以后|起|开始|至今|迄今|后|之后|前|之前)")
_SINCE_BEFORE = ("自从", "自", "从", "since", "Since")
# a year that starts or ends a period (2016年上任以来, 2019年以后): it names no year for the months after it
_PERIOD_AFTER = re.compile(r"[^，,。；;]{0,8}?(?:以来|以後|以后|起|开始|至今|迄今|后|之后|前|之前)")
# kinds counted from the DCT when not from the anchor (今天, 周五, 上周, 下个月, 三天前): the present
_DEICTIC = frozenset({"rday", "twodays", "bare", "until", "ago", "wday", "wend", "week", "rmonth", "rel"})


@dataclass(frozen=True)
class _Match:
    start: int
    end: int
    kind: str
    lang: str
    groups: dict[str, str | None]


@lru_cache(maxsize=1)
def _detail_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    w = words()
    pod = alternation(w["parts_of_day"])
    num = r"[0-9]{1,2}|[一二两三四五六七八九十]{1,3}"
    clock = re.compile(rf"\s*(?:(?P<pod>{pod})\s*)?(?:(?P<h>{num})(?:时|点|:)(?:(?P<mi>{num}|[0-9]{{2}})分?|半|许)?)?")
    zone = re.compile(rf"(?P<zone>{alternation(w['zones'])})\s*$")
    return clock, zone


_LATIN = re.compile(r"[A-Za-z]")


@lru_cache(maxsize=1)
def _lengths() -> tuple[str, ...]:
    return tuple(words()["lengths"])


@lru_cache(maxsize=1)
def _gap() -> re.Pattern[str]:
    """A gap word and its qualifiers, ending where a count of years or days begins (时隔近)."""
    w = words()
    return re.compile(f"(?:{'|'.join(w['gaps'])})(?:{'|'.join(w['gap_qualifiers'])})?$")


# a count of countries right before a count of days, the days ending the phrase (出访中东4国5日，):
# the trip's length
_COUNTRIES_BEFORE = re.compile(r"[0-9一二三四五六七八九十两]国$")
# what follows a count of time after which something happens again (8年之后，马杜罗总统再次访问巴西)
_AGAIN_AFTER = re.compile(r"[^。；;！？]{0,20}?(?:再次|再度|首次|重返|重回|又一次|第一次)")
# a word looking ahead in the same sentence (两天后，…首次会议将在伦敦举行: a day ahead after all)
_AHEAD = re.compile(r"[^。；;！？]*?(?:将|计划|预计|拟)")
_AFTER_EVENT = re.compile(r"在[\u4e00-\u9fff]{1,6}$")  # 在断交7年之后: from the event named before the count
# what may stand right before a count of years from the DCT (将于两年后); any other letter ends a deed
# the count starts from
_BEFORE_A_COUNT = frozenset("于在将会至到再并又也还就约近已和或与及即早晚直等")
_STAY_AFTER = re.compile(r"(?:[，,。、；]|之旅|的行程|行程|游)")
# a title in book-title marks names a publication or document (《今日印度》, 《2030年议程》), not a time
_TITLE = re.compile(r"《[^《》\n]{1,40}》")
# 今日 that opens a medium's name (今日美国报, 今日俄罗斯电视台)
_MEDIUM_TODAY = re.compile(r"今日(?:(?:美国|俄罗斯|印度|日本|中国|新加坡)(?:报|》|”|电视|网|通讯社|国际|频道|杂志)|头条)")
_MEDIUM_TODAY_EN = re.compile(r"(?:USA|Russia|India|China|Japan|Singapore)\s$")  # USA Today, India Today


def _candidates(text: str) -> list[_Match]:
    found: list[_Match] = []
    latin = _LATIN.search(text) is not None  # the English shapes need Latin letters to match at all
    chars = set(text)
    needs = zh.needs()
    for lang, grammar in (("zh", zh.patterns()), ("en", en.patterns() if latin else [])):
        for kind, pattern in grammar:
            if lang == "zh" and chars.isdisjoint(needs[kind]):
                continue
            for m in pattern.finditer(text):
                if m.end() > m.start():
                    found.append(_Match(m.start(), m.end(), kind, lang, m.groupdict()))
    found.sort(key=lambda m: (m.start, -(m.end - m.start)))
    chosen: list[_Match] = []
    lengths = _lengths()
    titles = [t.span() for t in _TITLE.finditer(text)] if "《" in text else []
    for m in found:
        if any(a < m.start and m.end < b for a, b in titles) or _MEDIUM_TODAY.match(text, m.start) or (
                text.startswith("Today", m.start) and _MEDIUM_TODAY_EN.search(text, max(0, m.start - 10), m.start)):
            continue  # 据《今日印度》网站报道, 今日俄罗斯电视台: a name, not a day
        if m.kind == "bday" and text.endswith(lengths, 0, m.start):
            continue  # 为期4日的访问: how long, not which day
        if m.kind == "bday" and _COUNTRIES_BEFORE.search(text, max(0, m.start - 4), m.start) \
                and _STAY_AFTER.match(text, m.end):
            continue  # 访问东盟3国7日，昨日抵达: a trip of seven days, not the 7th
        if m.kind == "ago" and _gap().search(text, max(0, m.start - 6), m.start):
            continue  # 时隔近5年后再次访华: a gap between two visits, not a day from the DCT
        if m.kind == "ago" and "后" in (m.groups.get("dir") or "") and _AGAIN_AFTER.match(text, m.end) \
                and not _AHEAD.match(text, max(0, m.start - 4)):
            continue  # 8年之后，马杜罗再次访问巴西: after a gap since the last time, not a day from the DCT
        if m.kind == "ago" and _AFTER_EVENT.search(text, max(0, m.start - 8), m.start):
            continue  # 在断交7年之后, 在贝内特到访10天前: counted from an event the phrase names, not from the DCT
        if m.kind == "ago" and m.groups.get("u") == "年" and "后" in (m.groups.get("dir") or "") and m.start > 0 \
                and "\u4e00" <= text[m.start - 1] <= "\u9fff" and text[m.start - 1] not in _BEFORE_A_COUNT:
            continue  # 被拒入境10年后, 断交两年后: years counted from the deed written right before, not from the DCT
        if not chosen or m.start >= chosen[-1].end:
            chosen.append(m)
    return chosen


def _resolve(m: _Match, ctx: Context, inherit: Span | None = None) -> tuple[Span | None, bool]:
    module = zh if m.lang == "zh" else en
    return module.resolve(m.kind, m.groups, ctx, m.start, inherit)


def _has_year(m: _Match) -> bool:
    """Whether a match names its year (2025年, 今年, October 28, 2025)."""
    return bool(m.groups.get("y") or m.groups.get("ry"))


def _in_year_of(span: Span, prev: TimeExpr) -> Span:
    """`span` moved to the year of the item listed before it, unless that would put it before
    that item (12月25日和1月3日: the next year's January)."""
    if not prev.date_start or prev.date_start[:4] != (prev.date_end or "")[:4] or span.first.year != span.last.year:
        return span
    moved = shift_year(span, int(prev.date_start[:4]) - span.first.year)
    return moved if moved is not None and moved.first.isoformat() >= prev.date_start else span


def _year_before(first: Span, second: Span) -> Span:
    """The first half of a range without a year (12月25日至明年1月3日), moved to the latest year
    in which it still starts no later than the second half."""
    best = first
    for n in (-1, 1):
        moved = shift_year(first, n)
        if moved and moved.first <= second.first and (best.first > second.first or moved.first > best.first):
            best = moved
    return best


def _weekday_pair_end(norm: str, m: _Match, nxt: _Match, end: int) -> int | None:
    """Where a weekday and a written date that name one day end, or None if they are not a pair.

    Chinese brackets the second (星期三（12月25日）, 12月25日（星期三）) or writes the weekday right after
    the date (6月26日周日); English follows the weekday with a comma (Sunday, November 24).
    """
    if "wday" not in (m.kind, nxt.kind) or m.kind == nxt.kind:
        return None
    between = norm[end:nxt.start]
    if between in ("(", " (") and norm[nxt.end:nxt.end + 1] == ")":
        return nxt.end + 1
    if between in (",", ", ") and m.lang == nxt.lang == "en":
        return nxt.end
    if between in ("", " ") and nxt.kind == "wday" and m.lang == nxt.lang == "zh":
        return nxt.end  # 6月26日周日, 11月10日星期二: the weekday of the day just written
    return None


def _month_moved(day: date, months: int) -> date | None:
    """The same day of the month `months` months later (earlier when negative), or None if it has none."""
    m = day.month - 1 + months
    try:
        return day.replace(year=day.year + m // 12, month=m % 12 + 1)
    except ValueError:
        return None


def _weekday_date(a: _Match, b: _Match, ctx: Context) -> Span | None:
    """The written date of a weekday/date pair, in the year where its weekday agrees."""
    wday, written = (a, b) if a.kind == "wday" else (b, a)
    weekday = (zh._WEEKDAYS.get(wday.groups.get("wd") or "") if wday.lang == "zh"
               else en._DAYS.get((wday.groups.get("wd") or "").lower()))
    first, _ = _resolve(written, ctx)
    if first is None or weekday is None or first.first != first.last or written.groups.get("y"):
        return first
    if written.kind == "bday" and first.first.weekday() != weekday and ctx.dct is not None:
        # 29日（下周三） after a sentence of November: the 29th whose weekday agrees, nearest the DCT
        agree = [d for d in (_month_moved(first.first, k) for k in (-1, 1, -2, 2)) if d is not None and d.weekday() == weekday]
        if agree:
            d = min(agree, key=lambda d: abs((d - ctx.dct).days))
            return Span(d.isoformat(), d, d)
    for delta in (0, -1, 1):
        try:
            d = first.first.replace(year=first.first.year + delta)
        except ValueError:
            continue
        if d.weekday() == weekday:
            return Span(d.isoformat(), d, d)
    return first


_GLOSS_OPEN = re.compile(r"起?[(（]")
_GLOSS_REACH = 16  # the longest bracket that restates a date: (2025年11月21日至23日)


def _gloss(norm: str, end: int, matches: list[_Match], i: int, span: Span, ctx: Context) -> tuple[int, int]:
    """Past a bracket right after an expression that only restates its days (即日起(21日),
    今天起到星期天(21-23日)): the new end and the index of the next match; else `end`, `i`."""
    opened = _GLOSS_OPEN.match(norm, end)
    close = next((k for k in range(opened.end(), min(len(norm), opened.end() + _GLOSS_REACH)) if norm[k] in ")）"),
                 None) if opened else None
    if close is None:
        return end, i
    inner = [k for k in range(i, len(matches)) if matches[k].start >= opened.end() and matches[k].end <= close]
    if not inner or inner[0] != i or any(matches[k].end > close for k in range(i, inner[-1] + 1)):
        return end, i
    for k in inner:
        restated, _ = _resolve(matches[k], ctx, inherit=span)
        if restated is None or restated.first < span.first or restated.last > span.last:
            return end, i
    return close + 1, inner[-1] + 1


def as_date(dct: date | datetime | str | None) -> date | None:
    """The day of a DCT given as a date, a datetime or an ISO string; None stays None."""
    if dct is None or isinstance(dct, date) and not isinstance(dct, datetime):
        return dct  # type: ignore[return-value]
    if isinstance(dct, datetime):
        return dct.date()
    return date.fromisoformat(str(dct)[:10])


def find_dates(text: str, dct: date | datetime | str | None, *, anchor: date | None = None,
               year: int | None = None, story: date | None = None, tense: str | None = None,
               lang: str | None = None) -> list[TimeExpr]:
    """The time expressions of `text` (one sentence), resolved against `dct`.

    `anchor` is the day the discourse was last about (for 当天, 次日, 25日), `year` the year
    it was last about (for 同年, 次年: 2018年8月…同年10月), `story` the day a story told in another
    year is at (2018年4月27日…。5月26日…: 2018); `tense`
    ('past'/'future') overrides the tense read from the sentence; `lang` is accepted for
    symmetry with other finders — both grammars always run, each on its own script.
    """
    del lang
    norm = normalize(text)
    tense_at: Callable[[int], str | None] = (lambda _at: tense) if tense else tense_finder(norm)
    ctx = Context(as_date(dct), anchor, tense_at, year=year, story=story)
    matches = _candidates(norm)
    clock, zone = _detail_patterns()
    out: list[TimeExpr] = []
    named_year: TimeExpr | None = None
    i = 0
    while i < len(matches):
        m = matches[i]
        span, anchored = _resolve(m, ctx)
        start, end = m.start, m.end
        i += 1
        if span is None:
            continue
        if m.lang == "zh" and m.kind in ("md", "rmonth") and not m.groups.get("d"):
            parts = zh.COORDINATED_PARTS.match(norm, end)
            if parts and (parts.group("a") or m.groups.get("mp") in ("上旬", "中", "中旬", "初")):
                first = parts.group("a") or (m.groups.get("mp") or "")[:1].replace("初", "上")
                joined = zh.coordinated_parts(span, first, parts.group("b"))
                if joined is not None:  # 四月中、下旬: from the middle to the end of April
                    span, end = joined, parts.end()
                    while i < len(matches) and matches[i].start < end:
                        i += 1
        if out and not _has_year(m) and _AND.fullmatch(norm, out[-1].end, start):
            span = _in_year_of(span, out[-1])  # 去年3月、5月和6月: the year of the list's first
        elif named_year is not None and m.kind == "md" and not _has_year(m) and not anchored:
            span = _in_year_of(span, named_year)  # 是在1999年，当年…分别于3月与10月走访: that year's months
        # 星期三（12月25日） / 12月25日（星期三） / Sunday, November 24: one expression.
        if i < len(matches):
            nxt = matches[i]
            pair_end = _weekday_pair_end(norm, m, nxt, end)
            if pair_end is not None:
                other = _weekday_date(m, nxt, ctx)
                if other is not None:
                    span = other
                end = pair_end
                i += 1
        end, i = _gloss(norm, end, matches, i, span, ctx)  # 即日起(21日): the day in brackets restates it
        # 5月26日至27日 / 10月下旬至11月初 / 9月中旬至下旬 / June 11 to June 13: a range.
        if i < len(matches):
            nxt = matches[i]
            r = _RANGE.fullmatch(norm, end, nxt.start)
            if r is None and (tod := clock.match(norm, end)) is not None and tod.end() > end:
                r = _RANGE.fullmatch(norm, tod.end(), nxt.start)  # 13日晚间至16日: from that evening on
            # 下周日(15日)至二(17日): a weekday without 周 before the bracket that names the range's last day
            bare = r is None and _RANGE_TO_WEEKDAY.fullmatch(norm, end, nxt.start) is not None \
                and norm.startswith(")", nxt.end)
            if (r or bare) and nxt.kind in _RANGE_ENDS:
                second, _ = _resolve(nxt, ctx, inherit=span)
                nxt_end, glossed = nxt.end, None
                if i + 1 < len(matches):  # 周一至周六（4月1日）: the bracket names the range's last day
                    pair_end = _weekday_pair_end(norm, nxt, matches[i + 1], nxt.end)
                    if pair_end is not None:
                        glossed, nxt_end = _weekday_date(nxt, matches[i + 1], ctx), pair_end
                if glossed is not None:
                    second = glossed
                elif second is not None and m.kind == nxt.kind == "wday" and span.first == span.last:
                    # 周五至周日: the Sunday after that Friday
                    gap = (second.first.weekday() - span.first.weekday()) % 7
                    second = Span(second.value, span.first + timedelta(days=gap), span.first + timedelta(days=gap))
                elif second is not None and not _has_year(m):
                    span = _year_before(span, second)
                if second is not None and second.last >= span.first:
                    span = join(span, second)
                    end = nxt_end + (1 if bare else 0)  # (the bracket closed after a bare weekday's day)
                    i += 1 + (nxt_end != nxt.end)
            elif _MONTH_OR.fullmatch(norm, end, nxt.start) and m.lang == nxt.lang == "zh" and m.kind == nxt.kind == "md" \
                    and not m.groups.get("d") and not m.groups.get("mp") and not nxt.groups.get("d") \
                    and (not norm.startswith("月", end - 1) or "或" in norm[end:nxt.start]):
                # 1、2月, 明年1月或2月: one of two months told together, the span of both (not 3月和5月: two times)
                second, _ = _resolve(nxt, ctx, inherit=span)
                if second is not None and not _has_year(m):
                    span = _year_before(span, second)
                if second is not None and (second.first - span.last).days == 1:
                    span = join(span, second)
                    end = nxt.end
                    i += 1
            elif _AND.fullmatch(norm, end, nxt.start) and m.kind in _DAY_KINDS and nxt.kind in _DAY_KINDS \
                    and span.first == span.last:
                second, _ = _resolve(nxt, ctx, inherit=span)
                if second is not None and m.kind == nxt.kind == "wday" and not nxt.groups.get("wp"):
                    # 周四和周五: the Friday after that Thursday, not the one nearest the story
                    gap = (second.first.weekday() - span.first.weekday()) % 7
                    second = Span(second.value, span.first + timedelta(days=gap), span.first + timedelta(days=gap))
                if second is not None and second.first == second.last and (second.first - span.last).days == 1:
                    span = join(span, second)
                    end = nxt.end
                    i += 1
        end, i = _gloss(norm, end, matches, i, span, ctx)  # 今天起到星期天(21-23日)
        detail = []
        z = zone.search(norm, 0, start)
        if z and not norm[z.end():start].strip():
            detail.append(z.group("zone"))
        c = clock.match(norm, end)
        if c and c.group(0).strip() and span.first == span.last:
            detail.append(c.group(0).strip())
            end = c.end()
        # (是去年3月以来第四次访华: a period's start, where no story is told)
        named = _has_year(m) and not _SINCE_AFTER.match(norm, end) and not norm[:start].endswith(_SINCE_BEFORE)
        story = story_after(ctx.story, span, named, not anchored and m.kind in _DEICTIC, ctx.dct)
        if span.first == span.last:
            ctx = Context(ctx.dct, span.first, ctx.tense_at, span.first, span.first.year, story,
                          month_named=m.kind == "md" or ((m.kind == "bday" or anchored) and ctx.month_named))
        elif span.first.year == span.last.year:
            ctx = Context(ctx.dct, ctx.anchor, ctx.tense_at, ctx.sentence_anchor, span.first.year, story)
        else:
            ctx = Context(ctx.dct, ctx.anchor, ctx.tense_at, ctx.sentence_anchor, ctx.year, story)
        spaced = end
        while spaced < len(norm) and norm[spaced] == " ":
            spaced += 1
        if text[end:spaced].strip():  # (2014 年 8 月 15 日: the units the normalized text moved before its spaces)
            end = start + len(text[start:spaced].rstrip())
        out.append(TimeExpr(text[start:end], start, end, span.value, span.mod,
                            span.first.isoformat(), span.last.isoformat(),
                            " ".join(detail) or None, anchored, story))
        if m.kind == "year" and span.first.year == span.last.year and not _PERIOD_AFTER.match(norm, end) \
                and not norm[:start].endswith(_SINCE_BEFORE):
            named_year = out[-1]  # (a year the sentence names: its months are that year's)
    return out
