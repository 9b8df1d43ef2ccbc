"""Where an event happens: the destination of a visit, the 在/于 place of a clause, a venue's city."""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.events.sentence import (CEREMONY, CONJ, LOCAL_OFFICE, TO_DISCUSS, TOPIC, Named, Sentence, after_dyad, before_sides,
                                      locative)
from timeline.events.triggers import Trigger
from timeline.lexicon import AFTER_LETTER, get_lexicon
from timeline.record import Location
from timeline.tsv import DATA, read_tsv


def _where_someone_was(s: Sentence, p: Named) -> bool:
    """True for a place in a clause that describes the person right after it (6日上午还在伊拉克的拉夫罗夫
    预计将于7日受到…接见: where he was, not where he is received)."""
    return s.text.startswith("的", p.end_char) and any(
        a.start_char == p.end_char + 1 and any(x.kind == "person" for x in a.actors or ()) for a in s.actors)


_ANOTHER_EVENT = re.compile(r"会晤|会谈|会见|会面|峰会|通话")


def _of_a_later_event(text: str, p: Named, t_end: int, c_end: int) -> bool:
    """True for a place after the trigger with another event word after it in the clause: that event's
    place (此次会面能推动…重回两国元首去年在巴厘岛会晤时达成的共识: the summit's, not this meeting's)."""
    return p.start_char > t_end and _ANOTHER_EVENT.search(text, p.end_char, c_end) is not None


def where(s: Sentence, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int]) -> Location | None:
    """The place of the event the trigger states."""
    text, places = s.text, s.places
    c_start, c_end = clause
    if trig.type in ("meeting", "call"):  # (a place in the matter talked about is that matter's: 会面将商议总理8月
        # 访问越南的事宜; 就岸田访问台湾一事致电)
        if (topic := TO_DISCUSS.search(text, t_end, c_end)) is not None:
            c_end = topic.start()
        if (topic := TOPIC.search(text, c_start, t_start)) is not None:
            places = [p for p in places if not topic.start() <= p.start_char < topic.end()]
    if trig.frame == "visit":
        # (not past another journey: 结束对哥伦比亚的访问后抵达利马 was in Colombia; not the visitor's
        # country after 来访的: 同来访的叙利亚外长会谈 was where the talks were)
        after = [p for p in places if t_end <= p.start_char <= min(t_end + 8, c_end)
                 and not _ANOTHER_JOURNEY.search(text, t_end, p.start_char) and not text.startswith("的", t_end)
                 and not _ALLY_OF.match(text, p.end_char)]  # (访问美国盟友泰国: Thailand, an ally of the US)
        if trig.dest:
            c = get_lexicon().countries.get(_dest(s, trig))
            inside = [p for p in after if c is not None and p.location.country == c.iso3]
            if inside:
                return inside[0].location
            if c is not None:
                return country_location(c.iso3)
            if (named := place_location(trig.dest)) is not None:
                return named  # 访川: a province's one letter
        if (named := named_stop(s, t_start, t_end, clause)) is not None:
            return specific(named.location)
        stop = _STOP.search(text, t_end, min(c_end, t_end + 12))  # 抵达访澳行程的第二站、澳洲首府堪培拉: the stop named after it
        if stop is not None and (beyond := [p for p in places if stop.end() <= p.start_char < c_end]):
            return specific(_narrowed(text, beyond[0], places))
        if after:
            return specific(_narrowed(text, after[0], places))
        letter = one_letter_country(text, t_end)
        if letter is not None:  # 赴美, 抵日: the country of the letter
            return letter
        dui = [p for p in places if c_start <= p.start_char < t_start and (
            text[p.start_char - 1:p.start_char] in ("对", "赴") or p.end_char == t_start)]  # (结束日本访问后)
        if dui:
            return specific(dui[-1].location)
    located = [p for p in places if c_start <= p.start_char < c_end
               and (locative(text, p) or after_dyad(p, s.dyad_ends) or before_sides(text, p, s.places + s.actors))
               and not _where_someone_was(s, p) and not _of_a_later_event(text, p, t_end, c_end)]
    gone = next((one_letter_country(text, m.end()) for m in _TO.finditer(text, s.start, t_start)
                 if one_letter_country(text, m.end())), None)
    if gone is not None and not located:  # 赴美与拜登会面: in the country the clause travels to
        return gone
    if not located:
        located = [p for p in places if s.start <= p.start_char < t_start and locative(text, p)
                   and not _where_someone_was(s, p)]
    if located:
        return specific(_narrowed(text, located[-1], places))
    inside = [p for p in places if c_start <= p.start_char < c_end and p.location.kind != "country"
              and not _SPEAKS.match(text, p.end_char) and not LOCAL_OFFICE.match(text, p.end_char)  # (not 高雄市长)
              and not _where_someone_was(s, p)
              and not _of_a_later_event(text, p, t_end, c_end)]
    return specific(inside[0].location) if inside else None


# the stop of a trip a visit word names (首访首站选择不丹, 柬埔寨是…之行的最后一站, 将日本作为外访首站)
_STOP_WORD = r"(?:第[一二三四五六七八九十0-9]{1,2}|最后一|首|末)站"  # 首站, 第二站, 最后一站
STOP_NAMED = re.compile(rf"的?{_STOP_WORD}(?:是|为|选择|选在|定在|便是|就是|落在|选定)?\s*")
_STOP_SUBJECT = re.compile(r"(?:是|为|成为|作为)[^，。；,;]{0,20}")
_OTHER_STOPS = re.compile(r"[，,]\s*(?:另外|另|其他|其余)[两三四五六七八九0-9]?站(?:分别)?(?:是|为)\s*")


def named_stop(s: Sentence, t_start: int, t_end: int, clause: tuple[int, int]) -> Named | None:
    """The place a visit word names as a stop of its trip: written after the stop (首访首站选择不丹)
    or as the subject the stop is said of (老挝是…之行的最后一站, 将日本作为外访首站); else None."""
    stop = STOP_NAMED.match(s.text, t_end)
    if stop is None:
        return None
    after = next((p for p in s.places if p.start_char == stop.end()), None)
    if after is not None:
        return after
    return next((p for p in reversed(s.places) if clause[0] <= p.start_char and p.end_char < t_start
                 and _STOP_SUBJECT.fullmatch(s.text, p.end_char, t_start)), None)


def _other_stops(s: Sentence, t_end: int) -> list[Location]:
    """The stops listed after a named one (…最后一站，另外两站是泰国和越南)."""
    stop = STOP_NAMED.match(s.text, t_end)
    m = _OTHER_STOPS.search(s.text, stop.end(), s.end) if stop is not None else None
    return _after(s.text, m.end(), s.end, s.places) if m is not None else []


def _dest(s: Sentence, trig: Trigger) -> str:
    """The country a visit word names: 华 of 访华 and 来华 is the Republic of China in a Taiwanese
    source (總統就職典禮 亞太國家慶賀團訪華), China elsewhere."""
    home_is_taiwan = s.doc.user_data.get("home") == "TWN"
    return "TWN" if trig.dest == "CHN" and "华" in trig.word and home_is_taiwan else trig.dest


# where an attended event is held: 出席在泰国举行的峰会, 在万象出席东盟外长会议
_HELD_AFTER = re.compile(r"\s*(?:[（(][^）)]{1,30}[）)])?\s*(?:举行|召开|举办)的")  # (里加（Riga）举行的)
_CAPITAL_OF = re.compile(r"(?:的)?(?:首都|首府|[东南西北中部]{0,3}城市|港口城市)?")
_ATTEND_GAP = re.compile(r"[^，,。；;]{0,6}$")
# a gathering named by its city (平昌冬奥会, 达沃斯论坛, 慕尼黑安全会议)
_NAMED_GATHERING = re.compile(r"(?:\d{4}年)?[\u4e00-\u9fff]{0,6}?(?:冬奥会|奥运会|冬季奥运会|夏季奥运会|奥林匹克运动会|世博会|"
                              r"博览会|峰会|论坛|会议|大会|开幕式)")
_MORE = re.compile(r"\s*(?:以及|及|和|并|还将|还)")
# a ceremony held where its country is (就职典礼, 国葬, 加冕礼): attending it is a journey there


def attended_places(s: Sentence, t_start: int, t_end: int, clause: tuple[int, int]) -> list[Location]:
    """The places of the events someone attends (出席/参加): 出席[date]在X举行的…(，以及在Y举行的…),
    or 在X出席…."""
    text = s.text
    c_start, c_end = clause
    held = [p for p in s.places if t_end <= p.start_char and _HELD_AFTER.match(text, p.end_char)
            and (text[p.start_char - 1:p.start_char] in ("在", "于") or any(  # (在拉脱维亚首都里加（Riga）举行的)
                q.end_char <= p.start_char and text[q.start_char - 1:q.start_char] in ("在", "于")
                and _CAPITAL_OF.fullmatch(text, q.end_char, p.start_char) for q in s.places))]
    out = []
    for p in held:  # the first in the clause, more in clauses that add one (，以及在秘鲁举行的…)
        if p.start_char < c_end or (out and _MORE.match(text, max(text.rfind(c, 0, p.start_char) for c in "，,；;") + 1)):
            out.append(p.location)
    if out:
        return [loc for loc in map(specific, out) if loc is not None]
    named = next((p for p in s.places if t_end <= p.start_char <= t_end + 2 and not text[t_end:p.start_char].strip("了在 ")
                  and (p.location.kind != "country" and _NAMED_GATHERING.match(text, p.end_char)
                       or p.location.kind == "country" and any(  # 出席阿根廷G20峰会: the host of an organisation's summit
                           x.start_char == p.end_char and x.label_ == "ORG" and _NAMED_GATHERING.match(text, x.end_char)
                           for x in s.actors))), None)
    if named is not None:  # 出席平昌冬奥会开幕式, 参加达沃斯论坛: the city that names the gathering
        return [loc for loc in [specific(named.location)] if loc is not None]
    held_in = _fixed_venues().search(text, t_end, c_end)
    # (出席新加坡「香格里拉对话」: the place named before the gathering's name, and its quote marks)
    between = "".join(ch for i, ch in enumerate(text[t_end:held_in.start()], t_end)
                      if not any(p.start_char <= i < p.end_char for p in s.places)) if held_in is not None else ""
    if held_in is not None and not between.strip(_BEFORE_FIXED_VENUE + "「“『\"'"):
        # 参加预定于9月举行的联合国大会: a gathering always held in one city
        return [loc for loc in [place_location(_fixed_venue_cities()[held_in.group()])] if loc is not None]
    ceremony = CEREMONY.search(text, t_end, c_end)
    if ceremony is not None:  # 参加洪都拉斯总统卡斯特罗的就职典礼: the country whose ceremony it is
        owner = [p.location for p in s.places if t_end <= p.start_char < ceremony.start() and p.location.kind == "country"] \
            or [country_location(a.country) for x in s.actors if t_end <= x.start_char < ceremony.start()
                for a in (x.actors or ()) if a.country]  # (出席尼加拉瓜总统就职仪式: the country of the office)
        if owner and owner[0] is not None:
            return [owner[0]]
    before = [p for p in s.places if c_start <= p.start_char and p.end_char <= t_start
              and text[p.start_char - 1:p.start_char] in ("在", "于", "赴", "到") and _ATTEND_GAP.match(text[p.end_char:t_start])]
    return [loc for loc in [specific(before[-1].location)] if loc is not None] if before else []


# a venue standing for its occupant (白宫发布, 克里姆林宫表示, 五角大楼称) says where nobody met
_SPEAKS = re.compile(r"(?:发布|表示|称|说|宣布|发表|声明|证实|否认|回应|透露|指出|强调|公布)")


def destinations(s: Sentence, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int]) -> list[Location]:
    """The countries a visit word names, when it names several (访问日本和印尼, 对A和B的访问, 访问地点包括A、B,
    前往中东国家A及非洲国家B), with the stops listed after them (…，然后是马尔代夫和斯里兰卡; 老挝是…之行的最后一站，
    另外两站是A和B)."""
    if trig.frame != "visit":
        return []
    if (named := named_stop(s, t_start, t_end, clause)) is not None:  # 老挝是…之行的最后一站，另外两站是A和B
        others = _other_stops(s, t_end)
        return [loc for loc in map(specific, [named.location, *others]) if loc is not None] if others else []
    if _ABOVE_NAMED.search(s.text, clause[0], t_start) is not None:  # 应A、B、C外长邀请，…对上述国家进行访问
        return _countries_named(s, clause[0])
    listed = PLACES_LISTED.match(s.text, t_end)  # 访问地点包括A、B
    found = _after(s.text, listed.end() if listed else t_end, clause[1], s.places) or _before(s.text, t_start, clause[0], s.places) \
        or _itinerary(s.text, clause[1], s.end, s.places)
    if found:  # 将访问肯尼亚和科摩罗，然后是马尔代夫和斯里兰卡: the stops listed next
        last = max((p.end_char for p in s.places if t_end <= p.start_char < clause[1] and p.location == found[-1]),
                   default=None)
        if last is not None and (then := _THEN_STOPS.match(s.text, last)) is not None:
            found += _after(s.text, then.end(), s.end, s.places)
    return [loc for loc in map(specific, found) if loc is not None]


# the countries named before, as the object of the visit (对上述国家进行正式访问, 赴上述三国访问)
_INVITED_BY = re.compile(r"应[^。；]{2,200}?邀请")
_ABOVE_NAMED = re.compile(r"上述(?:[两二三四五六七八九十]|[2-9])?(?:国家|国|各国|诸国)|以上(?:国家|各国)")


def _countries_named(s: Sentence, before: int) -> list[Location]:
    """Each country the sentence names before `before`, once, in order: those of the hosts who invite
    (应A外长X、B外长Y邀请) when the sentence tells an invitation, else all."""
    start, end = s.start, before
    if (invited := _INVITED_BY.search(s.text, s.start, before)) is not None:
        start, end = invited.span()
    spans = [g for g in s.doc.spans.get("gazetteer", []) if g.label_ == "COUNTRY" and start <= g.start_char < end]
    isos = dict.fromkeys(g.kb_id_ for g in sorted(spans, key=lambda g: g.start_char) if g.kb_id_)
    return [loc for loc in map(country_location, isos) if loc is not None]


# the next stops of a journey listed after the first (…访问A和B，然后是C和D)
_THEN_STOPS = re.compile(r"\s*[，,]\s*(?:然后|接着|随后|之后|最后)(?:是|再?到|前往)")


def _narrowed(text: str, span: Named, places: list[Named]) -> Location:
    """The place a country or region span names, or the city named right after it in the same
    country (抵达乌克兰首都基辅, 抵达巴西北部城市贝伦, 在庆尚北道庆州, 访问亚马孙州首府马瑙斯)."""
    outer = span.location
    if outer.kind not in ("country", "region"):
        return outer
    inner = next((p for p in places if span.end_char <= p.start_char <= span.end_char + 6
                  and p.location.country == outer.country and p.location.kind not in ("country", outer.kind)
                  and re.fullmatch(r"[^，。、和与及]*", text[span.end_char:p.start_char])), None)
    return inner.location if inner is not None else outer


def one_letter_country(text: str, at: int) -> Location | None:
    """The country a one-letter form names right at `at` (赴美, 抵日), when it names one country and
    is not the start of a longer word (赴美国 is read as a place already; 赴德黑兰 is no 德)."""
    lex = get_lexicon()
    isos = lex.country_by_short.get(text[at:at + 1], [])
    if len(isos) != 1 or (at + 1 < len(text) and "\u4e00" <= text[at + 1] <= "\u9fff"
                          and text[at + 1] not in AFTER_LETTER):
        return None
    if text.startswith("期", at + 1) and not text.startswith("间", at + 2):
        return None  # 访问日期 is the date of a visit (访日期间: during the visit to Japan)
    return country_location(isos[0])


def country_location(iso: str | None) -> Location | None:
    """The Location of a country (or organisation) code of the lexicon, else None."""
    c = get_lexicon().countries.get(iso or "")
    return Location(c.name, c.name_en, c.iso3, None, None, None, "country") if c is not None else None


# a gathering the story says where it is held (在内罗毕召开的第六届非洲开发会议): its name and place
_HELD_NAMED = re.compile(r"在(?P<where>[^，。；]{1,24}?)(?:召开|举行|举办)的(?:第[0-9一二三四五六七八九十]{1,3}届)?"
                         r"(?P<name>[\u4e00-\u9fff]{2,12}?(?:会议|峰会|论坛|大会))")


def held_gatherings(text: str, places: list[Named]) -> dict[str, Location]:
    """The gatherings a document says where it holds, by name (非洲开发会议: 内罗毕), so that attending
    one told elsewhere without its place (安倍将出席非洲开发会议) is a visit there."""
    out: dict[str, Location] = {}
    for m in _HELD_NAMED.finditer(text):
        inside = [p for p in places if m.start("where") <= p.start_char and p.end_char <= m.end("where")]
        if inside and (loc := specific(inside[-1].location)) is not None:
            out.setdefault(m.group("name"), loc)
    return out


# what may stand between the attend word and a gathering held in one city (参加预定于9月举行的第78届联合国大会)
_BEFORE_FIXED_VENUE = "了在将于预定举行的第届月日0123456789 "


@lru_cache(maxsize=1)
def _fixed_venue_cities() -> dict[str, str]:
    """The gatherings always held in one city, with that city (`data/gatherings.tsv`)."""
    return {r["gathering"]: r["city"] for r in read_tsv(DATA / "gatherings.tsv")}


@lru_cache(maxsize=1)
def _fixed_venues() -> re.Pattern[str]:
    return re.compile("|".join(map(re.escape, sorted(_fixed_venue_cities(), key=len, reverse=True))))


def place_location(name: str) -> Location | None:
    """The Location of a place of the lexicon by its name (四川), else None."""
    p = get_lexicon().places.get(name)
    return Location(p.name, p.name_en, p.country, p.lat, p.lon, None, p.kind) if p is not None else None


_TO = re.compile(r"赴|抵|前往|飞往")
# allies or partners described before the countries a visit word names (访问友邦巴拿马, 出访太平洋盟国)
_ALLY_WORDS = "友邦|盟邦|盟国|邦交国|邻国|伙伴国"
_ALLY_OF = re.compile(rf"的?(?:盟友|{_ALLY_WORDS})")  # (美国盟友泰国: whose ally the next country is)
_ALLIES = re.compile(rf"\s*(?:了|过)?(?:[\u4e00-\u9fff]{{0,6}}?(?:{_ALLY_WORDS}|国家))?\s*")  # (加勒比海的友邦A、B; 访问了A、B)
PLACES_LISTED = re.compile(r"(?:地点|国家|城市|目的地|各站)?(?:包括|包含|涵盖)[：:]?")  # (a visit's places listed next)
_ITINERARY = re.compile(r"[，,：:]\s*(?:此行|行程|此次行程|这次出访)?将?(?:包括|包含|涵盖|分别是|分别为|依次为|依次是|先后前往)[：:]?\s*")
_STOP = re.compile(rf"{_STOP_WORD}[、，,：:]?\s*")
_ANOTHER_JOURNEY = re.compile(r"后|抵达|到达|前往|飞往|转往|转赴|离开|返回|飞抵")


def specific(loc: Location | None) -> Location | None:
    """A venue stands for its city in the record (迎宾馆 -> 东京)."""
    if loc is None or loc.kind != "venue" or not loc.city:
        return loc
    city = get_lexicon().places.get(loc.city)
    if city is None:
        return loc
    return Location(city.name, city.name_en, city.country, city.lat, city.lon, None, city.kind)


def _after(text: str, t_end: int, c_end: int, places: list[Named]) -> list[Location]:
    """The countries right after a visit word, joined by 和/、/及 (访问日本和印尼), each narrowed to
    the city written right after it (日本东京和韩国首尔)."""
    out: list[Location] = []
    pos = t_end
    for p in sorted((p for p in places if t_end <= p.start_char < c_end), key=lambda p: p.start_char):
        gap = text[pos:p.start_char]
        if out and not gap and out[-1].kind == "country" and p.location.country == out[-1].country:
            out[-1], pos = p.location, p.end_char  # 转访日本东京和韩国首尔: the city of the country named
            continue
        described = out and (m := re.match(r"\s*(?:和|与|及|以及|、)", gap)) is not None \
            and _ALLIES.fullmatch(gap, m.end()) is not None  # 阿曼及非洲国家科特迪瓦: the next country, described
        # (宏都拉斯尼加拉瓜瓜地马拉与萨尔瓦多: countries a copy lost the 、 between, a list still)
        unmarked = out and not gap and out[-1].kind == "country" and p.location.kind == "country"
        if (out and not CONJ.match(gap) and not described and not unmarked) or (not out and gap.strip() and not _ALLIES.fullmatch(gap)):
            break
        if not out and p.location.kind == "region" and _ALLIES.match(text, p.end_char).end() > p.end_char:
            pos = p.end_char  # 访问中南美洲友邦巴拿马及巴拉圭: the region holds the countries named next
            continue
        out.append(p.location)
        pos = p.end_char
    return out


def listed_venues(s: Sentence, t_start: int, clause: tuple[int, int]) -> list[Location]:
    """The places a clause lists after 在 before a meeting word, when it lists several and tells of
    talks held more than once (曾在西班牙马德里、瑞典斯德哥尔摩和瑞士日内瓦进行贸易磋商, 先后在A和B举行多轮
    会谈: talks in each), each narrowed to its city; else [] (将在北京和上海与X会谈: one visit's talks)."""
    text = s.text
    if _MORE_THAN_ONCE.search(text, clause[0], t_start + 8) is None:
        return []
    for at in reversed([m.end() for m in _AT.finditer(text, clause[0], t_start)]):
        found = _after(text, at, t_start, s.places)
        if len(found) > 1:
            return [loc for loc in map(specific, found) if loc is not None]
    return []


_AT = re.compile(r"在")
_MORE_THAN_ONCE = re.compile(r"曾|先后|分别|[多几数两三四五]轮|多次|历次")


def _itinerary(text: str, c_end: int, s_end: int, places: list[Named]) -> list[Location]:
    """The countries of a trip listed in the clause after it (展开欧洲三国访问，行程包括奥地利、斯洛文尼亚与波兰)."""
    m = _ITINERARY.match(text, c_end)
    if m is None:
        return []
    return _after(text, m.end(), s_end, places)


# what may stand between the last country and the visit word (的东南亚3国, 展开为期5天的)
_TO_VISIT_WORD = re.compile(r"(?:(?:展开|开始|进行|开启)了?(?:为期[^，。；,、和与及的]{1,6})?)?的?[^，。,、和与及]{0,6}")


def _before(text: str, t_start: int, c_start: int, places: list[Named]) -> list[Location]:
    """The countries of "对A和B的访问" / "赴A、B访问" / "进行A、B和C的东南亚3国访问" / "对A、B、C展开为期5天的
    访问": joined by 和/、/及 after 对, 赴, 进行 or 展开, right before the visit word."""
    before = sorted((p for p in places if c_start <= p.start_char < t_start), key=lambda p: p.start_char)
    for i, first in enumerate(before):
        if not text.endswith(("对", "赴", "进行", "展开"), 0, first.start_char):
            continue
        chain, pos = [first], first.end_char
        for p in before[i + 1:]:
            if not CONJ.match(text[pos:p.start_char]):
                break
            chain.append(p)
            pos = p.end_char
        if len(chain) > 1 and _TO_VISIT_WORD.fullmatch(text, pos, t_start):
            return [p.location for p in chain]
    return []
