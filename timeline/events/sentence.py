"""One sentence as the event rooms see it: its clauses, actors, places and dates, and the
text helpers that read actor spans (objects after a verb, coordinated names, locatives).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import TYPE_CHECKING

from spacy.tokens import Doc, Span

from timeline.components.doctext import doc_text
from timeline.components.names import CONCURRENT_OFFICE, LOCAL_OFFICE
from timeline.lexicon import get_lexicon
from timeline.record import Actor, Event, Location
from timeline.temporal import TimeExpr

if TYPE_CHECKING:
    from timeline.events.focus import Trip

# commas (not …赵乐际、王沪宁，以及尹力: a list goes on), semicolons, colons, and a space between two Han
# characters, which parts a headline (韩中首脑会谈时隔两年举行 会晤特朗普恐难以成行)
# (not a comma inside a bracket: 马速库(H.E. Themba Masuku,另译,马苏库)都接受…)
# a time clause of other talks or a visit that runs on into the main clause with no comma (在A与B会晤前…)
_TIME_CLAUSE = re.compile(r"在[^，。；,;在]{2,30}?(?:会晤|会谈|会面|通话|访问|峰会)(?:之?前|之?后|结束后)(?=[\u4e00-\u9fff])")
CLAUSE_BREAK = re.compile(r"[，,](?!\s*(?:以及|及(?![时早])))(?![^（()），。]{0,40}[)）])|[；;：:]|(?<=[\u4e00-\u9fff])[ \u3000]+(?=[\u4e00-\u9fff])")
# the 同 of "with", not of a word holding it (共同社, 同时, 同意, 同日, 同属改革派的X: both of a kind; 同日本 is "with Japan")
WITH_TONG = r"(?<![共协合相认赞如陪])同(?![时意样年期月等一属为是]|日(?!本))"
# "and/with" (与, 同, 跟, 及, 和) where a clause may name a partner, not the 和 of 共和国 or 和平, nor 同日
AND_WORD = r"(?:与|同(?!日(?!本))|跟|及|(?<!共)和(?![平解睦谈]))"
# 就 that marks what words or talks are about (就…问题交换意见), not the 就 of 就任, 就职, 就是 …
ABOUT_JIU = r"就(?![任职是此读业要会能])"
# the matter before the verb (就中日关系交换意见, 就X访台一事致电): its people and places are not the event's
TOPIC = re.compile(rf"{ABOUT_JIU}[^，。；]{{1,30}}?(?:问题|局势|关系|议题|事务|合作|形势|冲突|危机|事宜|一事|事件|情况|等)(?:等)?[^，。；]{{0,6}}$")
ACCOMPANY = re.compile(r"陪同")  # (王毅陪同习近平会见拜登: the one accompanied meets, the companion is no side)
TO_DISCUSS = re.compile(r"商议|讨论|商讨|探讨|谈及|涉及")  # (the matter talked about follows it: 会面将商议…访华事宜)
# 这次访华, 此次会谈: the event told already (right before a trigger)
THIS = re.compile(r"(?:这次|此次|本次|该次|这一次)[^，。；]{0,6}$")
_PARTNER_BEFORE = re.compile(rf"(?:与|{WITH_TONG}|跟|(?<!共)和(?![平解睦谈]))[^，,。；与同跟和]*$")
_CLAUSE_TAIL = re.compile(r"[^，,；;：:。]*$")
_CLAUSE_HEAD = re.compile(r"[^，,；;：:。]*")
LOCATIVE = ("在", "于", "赴", "到", "抵达", "访问", "前往", "访", "出访地", "访问地", "举办地", "所在地",  # 在出访地韩国首尔
            "in ", "at ", "to ", "visit ", "visits ", "visited ", "visiting ")
# words ending in 于 that are no "at" (由于 because, 关于 about, 对于, 鉴于, 基于, 至于, 出于)
_NOT_AT = ("由于", "关于", "对于", "鉴于", "基于", "至于", "出于", "属于", "等于", "在于", "终于")
# the second and later countries a visit word lists (访问印度尼西亚和印度): places too
_VISITED_NEXT = re.compile(r"(?:访问|出访|前往|抵达|赴)[\u4e00-\u9fff]{2,7}(?:、|和|及|与)$")
CONJ = re.compile(r"^\s*(?:[,，]\s*(?=[和与及以]))?(?:和|与|及|以及|、|同|跟|,|，|and)\s*$")  # (，与: the last of a list)
OBJECT_GAP = re.compile(r"^\s*(?:了|到访的|来访的|的|(?:来华|访华|来访|到访|在华|前来)[^，。,；]{0,40}?的|the|"
                        r"对[^，。,；]{1,12}?(?:进行|展开)[^，。,；]{0,8}?访问的|"  # 会见对尼进行正式访问的X
                        r"(?:his|her|their|its)\s+(?:[A-Za-z-]+\s+)?counterparts?,?)?\s*$")  # 会见来华进行正式访问的X
MODIFIERS = ("TITLE", "COUNTRY", "ORG")
_BRACKETS = re.compile(r"[()（）]")
_LIST_MARK = re.compile(r"[、和及]")
_AGENT_OF = re.compile(r"特使|特别代表|私人代表|代表")  # a title after a name that names someone sent by that person
_LATIN_GLOSS = re.compile(r"[（(][A-Za-zÀ-ÿ .'’-]{2,40}[)）]")
_FOREIGN_GLOSS = re.compile(r"^\s*[（(][^（()）\u4e00-\u9fff]{2,80}[)）]")  # a name as its people write it (H.E. Sir …, GCMG)
TITLE_ENDINGS = "部长|大臣|长|使|总理|总统|主席|首相|卿|官|主任|委员|书记|顾问|代表|特使|大使|议员|参赞|官员|负责人|首长|领袖|领导人|国王|女王|王储|元首|司令|总督|总裁|秘书"
CORE = ("call", "meeting", "visit")
MEETING_VERB = re.compile(r"会见|会晤|谒见|晋见|拜会|拜访|接见|会面|见面|看望")  # the verbs of meeting someone
# a ceremony of the person or country named before it (尹锡悦就职典礼, 安倍晋三国葬): they are its honoree
CEREMONY = re.compile(r"的?(?:就职典礼|就职仪式|就职大典|宣誓就职仪式|国葬|葬礼|加冕典礼|加冕礼|国庆典礼|阅兵式)")


@dataclass(frozen=True, slots=True)
class Named:
    """An actor or place span as the event rooms read it: its offsets, label and what it names.
    A plain copy of the spaCy Span, made once per document: the Span's attributes cost a lookup
    on every access, and the rooms read them thousands of times."""

    start_char: int
    end_char: int
    label_: str
    actors: tuple[Actor, ...] = ()
    location: Location | None = None

    @classmethod
    def of(cls, span: Span) -> Named:
        ext = span._  # (one extension accessor: each `span._` builds a new one)
        return cls(span.start_char, span.end_char, span.label_, tuple(ext.actors or ()), ext.location)


@dataclass
class Sentence:
    """A sentence of a Doc with what the earlier components found in it."""

    doc: Doc
    text: str  # the whole document's Simplified text (offsets are document offsets)
    masked: str  # the same with titles, countries and organisations blanked
    start: int
    end: int
    dct: date | datetime | None
    dates: list[TimeExpr]
    actors: list[Named]
    places: list[Named]
    dyad_ends: set[int]  # where the dyads of the document end (美朝 in 美朝新加坡首脑会谈)
    found: list[Event] = field(default_factory=list)  # the events told so far in this sentence
    trip: Trip | None = None  # the last dated stay this sentence told
    trips: list[Trip] = field(default_factory=list)  # every dated stay it told (a tour: one per country)
    relative: set[int] = field(default_factory=set)  # indexes of `found` told in a relative clause (来访的X)
    reported: set[int] = field(default_factory=set)  # indexes of `found` told in a speaker's words (X说，…今年5月访问…)
    nominal: dict[int, tuple[Actor, ...]] = field(default_factory=dict)  # the sides of the noun-phrase meetings
    in_trip: list[Event] = field(default_factory=list)  # the events it dated by the trip under way
    _clauses: list[tuple[int, int]] | None = field(default=None, init=False, repr=False)  # (cut on first use)

    @property
    def span(self) -> tuple[int, int]:
        return self.start, self.end

    def clause_of(self, at: int) -> tuple[int, int]:
        """The clause (between commas, semicolons, colons) holding offset `at`."""
        if self._clauses is None:
            self._clauses = clauses(self.text, self.start, self.end)
        return next(((a, b) for a, b in self._clauses if a <= at < b), (self.start, self.end))

    def clause_starts(self, until: int) -> list[int]:
        """Where the clauses of the sentence begin, up to `until`."""
        return [self.start] + [m.end() for m in CLAUSE_BREAK.finditer(self.text, self.start, until)]


def clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """The clauses of text[start:end]: between commas, semicolons and colons, and after a time clause
    that no comma closes (在特朗普与普京会晤前马克龙与普京先行会晤: two clauses)."""
    breaks = sorted([m.span() for m in CLAUSE_BREAK.finditer(text, start, end)]
                    + [(m.end(), m.end()) for m in _TIME_CLAUSE.finditer(text, start, end)])
    out, pos = [], start
    for b_start, b_end in breaks:
        if b_start >= pos:
            out.append((pos, b_start))
            pos = b_end
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def within(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by their `starts`) that start in [start, end)."""
    return items[bisect_left(starts, start):bisect_left(starts, end)]


def flat(spans: list[Named]) -> tuple[Actor, ...]:
    """The actors of a list of actor spans, in order."""
    out: list[Actor] = []
    for s in spans:
        out.extend(s.actors or ())
    return tuple(out)


def names(actors: tuple[Actor, ...]) -> set[str]:
    return {a.name for a in actors}


def dedupe(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """One actor per name; a country is dropped when a person of that country is present."""
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.name, a)
    persons = {a.country for a in seen.values() if a.kind == "person"}
    return tuple(a for a in seen.values() if not (a.kind == "country" and a.country in persons))


def strip_actors(text: str, start: int, end: int, actors: list[Named]) -> str:
    """text[start:end] with actor names removed (未与习近平通话 -> 未与通话)."""
    chars = list(text[start:end])
    for a in actors:
        for i in range(max(a.start_char, start), min(a.end_char, end)):
            chars[i - start] = ""
    return "".join(chars)


# the owner of an invitation (接到埃及总统X的邀请来访, 接受X的邀请): who invites, not who comes
_INVITATION_OF = re.compile(r"(?:先生|女士|总统|总理|首相)?的(?:正式)?(?:邀请|邀约)")


def invited_by(text: str, span: Named) -> bool:
    """True for an inviter in 应德国总理朔尔茨邀请, 受中国总理李强之邀, 应加纳总统马哈马、多哥总统福雷
    和贝宁总统塔隆邀请 (both words in the clause of the name), or 接到X的邀请来访: a host, never the visitor."""
    before = _CLAUSE_TAIL.search(text, max(0, span.start_char - 40), span.start_char).group()
    after = _CLAUSE_HEAD.match(text, span.end_char, span.end_char + 40).group()
    return (("应" in before or "受" in before) and "邀" in after) or _INVITATION_OF.match(text, span.end_char) is not None


def without_subject(s: Sentence) -> bool:
    """True when the first person sentence `s` names is an object or a partner (计划与夫人一同出席特朗普的
    生日会，…与特朗普打球): the sentence leaves its subject out, it is still the one in focus."""
    first = next((a for a in s.actors if any(x.kind == "person" for x in (a.actors or ()))), None)
    return first is not None and _OBJECT_BEFORE.search(s.text, s.start, first.start_char) is not None


_OBJECT_BEFORE = re.compile(r"(?:与|同|跟|出席|参加|会见|接待|邀请|陪同|拜会|会晤)[^，,。；]*$")


def partner(text: str, span: Named, since: int) -> bool:
    """True for a name after 与/同/和/跟 (since `since`): a partner or host, not the subject (but not
    after the 和 inside an office's name: 外交、国际贸易和宗教事务部部长X)."""
    end = span.start_char
    role = next((a.role for a in span.actors if a.kind == "person" and a.role), None)
    if role and text.endswith(role, 0, end):
        end -= len(role)  # (义大利商业与制造业部长乌索: the 与 of the office told right before the name is no
        # partner's mark; 与欧盟外交与安全政策高级代表X: the one before the office is)
    m = _PARTNER_BEFORE.search(text[since:end])
    return not (m is None or (m.group().startswith("和") and _MINISTRY_AFTER_AND.match(m.group()))
                or _DEED_BETWEEN.search(m.group())  # (A和B最近一次会面是在…C访华之时: C comes after the talks told)
                or _TIE_DESCRIBED.search(m.group()))  # (与安倍交情深厚的莫迪: the one the tie describes)


# (A和B最近一次会面是在…C访华之时; 代表政府和人民热烈欢迎C访泰: C is the one welcomed, no partner)
_DEED_BETWEEN = re.compile(r"会面|会谈|会晤|磋商|通话|是在|欢迎|邀请|感谢|祝贺")
# a tie with someone, in a relative clause on the person after it (与安倍交情深厚的莫迪, 与普京关系密切的X)
_TIE_DESCRIBED = re.compile(r"(?:交情|关系|私交|友谊|交往|渊源|私谊)[^，,。；]{0,6}的$")
_MINISTRY_AFTER_AND = re.compile(r"和[^，,。；与同跟和]{1,10}?(?:部|署|委员会)(?:部长|大臣|主任|副部长)")


# a gathering attended, in a relative clause before the person it describes (出席联合国大会的韩正)
_ATTENDING_BEFORE = re.compile(r"(?:出席|参加|参与|列席)[^，,。；、的]{0,12}$")
_ATTENDING_AFTER = re.compile(r"[^，,。；、的]{0,24}的")  # (为出席…会议而访问加拿大东部尼亚加拉地区的X)


def attending(text: str, span: Named, actors: list[Named]) -> bool:
    """True for an organisation or country that names the gathering someone named after it attends
    (与出席联合国大会的中国国家副主席韩正会面): it describes that person, it is no side."""
    # (a group of office holders names its gathering too: 为出席七国集团外长会议而访问…的日本外相X)
    if (span.label_ != "GROUP" and any(a.kind == "person" for a in span.actors or ())) \
            or not _ATTENDING_BEFORE.search(text, max(0, span.start_char - 14), span.start_char):
        return False
    after = _ATTENDING_AFTER.match(text, span.end_char)
    return after is not None and any(
        after.end() <= a.start_char <= after.end() + 12 and any(x.kind == "person" for x in a.actors or ())
        for a in actors)


# an organisation's office, then the listed person who holds it (非洲联盟（UA）轮值主席、毛里塔尼亚总统X)
_OFFICE_THEN_PERSON = re.compile(r"\s*(?:[（(][^）)]{1,20}[）)])?\s*(?:轮值|现任)?(?:主席|秘书长|主席国)\s*[、，,]")
# a country naming an issue (叙利亚和伊朗问题, 朝鲜核问题, 乌克兰局势): a topic, not a side
_ISSUE_AFTER = re.compile(r"(?:[和与及、][^\s就对在与同跟，。；,;]{1,6}?)?(?:核)?(?:问题|局势|危机|议题|事务)")


def office_of_next(text: str, span: Named) -> bool:
    """True when an organisation span names an office its next listed person holds (与非洲联盟（UA）
    轮值主席、毛里塔尼亚总统X会晤): a description of that person, not a side of its own."""
    return any(a.kind == "org" for a in span.actors or ()) and _OFFICE_THEN_PERSON.match(text, span.end_char) is not None


def names_issue(text: str, span: Named) -> bool:
    """True when a country span names the issue talked about (如叙利亚和伊朗问题交换意见), not a side."""
    return not any(a.kind == "person" for a in span.actors or ()) and _ISSUE_AFTER.match(text, span.end_char) is not None


_OWNED_VENUE = re.compile(r"的(?:老家|家乡|故乡|官邸|私邸|私人别墅|别墅|住所|住处|寓所|庄园|农场|牧场|府邸)")


def owns_venue(text: str, span: Named) -> bool:
    """True when a person is named only as the owner of the place of the clause (在莫迪的老家)."""
    return _OWNED_VENUE.match(text, span.end_char) is not None and "在" in text[max(0, span.start_char - 2):span.start_char]


def locative(text: str, span: Named) -> bool:
    """True when a country or place span is the place of the clause (在日本, 访问中国), not an actor; and a
    group or organisation naming the gathering where it happens (在日本二十国集团峰会与A会谈)."""
    if any(a.kind == "person" for a in span.actors or ()):
        return span.label_ == "GROUP" and _names_occasion(text, span)
    before = text[max(0, span.start_char - 9):span.start_char].rstrip("#＃")  # (在#新加坡: a hashtag)
    if LOCAL_OFFICE.match(text, span.end_char):
        return False  # 高雄市长陈其迈: the office of a person, no place of the clause
    if before.endswith(_NOT_AT):
        return False  # 由于朝鲜…, 关于日本…: "because of", "about", not "at"
    return any(before.endswith(p) for p in LOCATIVE) or text[span.end_char:span.end_char + 1] in ("州", "市") \
        or _VISITED_NEXT.search(text, max(0, span.start_char - 12), span.start_char) is not None \
        or _names_occasion(text, span)


def _names_occasion(text: str, span: Named) -> bool:
    """True when a span after 在 names the gathering where the clause happens (在泰国“东盟+3”峰会上, 在日本
    二十国集团峰会与A会谈: the gathering's name after the span or ending in it)."""
    return _IN_OCCASION.search(text, max(0, span.start_char - 20), span.start_char) is not None and (
        _OCCASION_END.match(text, span.end_char) is not None
        or (text.endswith(_GATHERINGS, span.start_char, span.end_char) and _OCCASION_AFTER.match(text, span.end_char) is not None))


def listed_place(text: str, span: Named, places: list[Named]) -> bool:
    """True when a place follows the place of the clause in a list marked by 、 (在西班牙马德里、瑞典斯德哥尔摩
    和瑞士日内瓦进行磋商: 瑞典 and 瑞士 are places too, no sides); 在日内瓦和美国举行会谈 may name a partner."""
    if not any(p.start_char == span.start_char for p in places):
        return False  # (在开罗和塞西举行会面: a person after the place is a partner)
    pos, marks = span.start_char, []
    while (prev := next((p for p in places if p.start_char < pos and pos - p.end_char <= 1
                         and text[p.end_char:pos] in ("", "、", "和", "及")), None)) is not None:
        marks.append(text[prev.end_char:pos])
        if locative(text, prev):
            return "、" in marks
        pos = prev.start_char
    return False


# 在…泰国“东盟+3”峰会上: a country or organisation naming the occasion of the clause, no side in it
_IN_OCCASION = re.compile(r"在[^，。；,;与同和跟]{0,20}$")
# (在越南亚太经合组织峰会与A会谈: the gathering where, a partner after it)
_GATHERINGS = ("峰会", "会议", "论坛", "大会", "仪式", "典礼")
_OCCASION_AFTER = re.compile(r"上|期间|之际|时|(?=[与同跟])")
_OCCASION_END = re.compile(rf"[^，。；,;]{{0,16}}?(?:{'|'.join(_GATHERINGS)})(?:{_OCCASION_AFTER.pattern})")


def after_dyad(span: Named, dyad_ends: set[int]) -> bool:
    """True for a place right after the sides it hosts (美朝新加坡首脑会谈: 新加坡 is where, not who)."""
    return span.label_ == "COUNTRY" and span.start_char in dyad_ends


_JOINED_SIDES = re.compile(r"[与和、及同]")


def before_sides(text: str, span: Named, actors: list[Named]) -> bool:
    """True for a place right before the sides it hosts, with nothing between (新加坡美国与北韩首脑会谈,
    新加坡美朝峰会: 新加坡 is where, not who; a list of sides is joined by 、, 和 or 与)."""
    return span.label_ == "COUNTRY" and any(b.start_char == span.end_char and (b.label_ == "DYAD" or (
        b.label_ == "GROUP" and _JOINED_SIDES.search(text, b.start_char, b.end_char))) for b in actors)  # (not 法国德国领导人: two sides)


def mask_modifiers(doc: Doc, gazetteer: list[Span]) -> str:
    """The text with titles, countries, organisations and parties (of the `gazetteer` spans) blanked
    out, so that the gap between a verb and its object (会见俄罗斯总理梅德韦杰夫) reads as empty."""
    text = doc_text(doc)
    chars = list(text)
    parties = get_lexicon().nonactors
    for span in gazetteer:
        if span.label_ in MODIFIERS or (span.label_ == "NONACTOR" and parties.get(text[span.start_char:span.end_char]) == "party"):
            chars[span.start_char:span.end_char] = " " * (span.end_char - span.start_char)
            more = CONCURRENT_OFFICE.match(text, span.end_char) if span.label_ == "TITLE" else None
            if more:  # 副首相兼外交与侨务大臣: the second office too
                chars[more.start():more.end()] = " " * (more.end() - more.start())
    return "".join(chars)


def coordinated(masked: str, text: str, s_actors: list[Named], person: Actor | None, before: int) -> tuple[Actor, ...]:
    """`person` and the persons coordinated with it before `before` (朔尔茨、马克龙和德拉吉一同抵达基辅):
    named one after another, with only titles, countries and 、/和/与/及 between them (in `masked`),
    and no title naming someone sent by the person before (习近平主席特使、副委员长武维华: one envoy)."""
    persons = [s for s in s_actors if s.end_char <= before and any(a.kind == "person" for a in s.actors or ())]
    # (where the person is named alone, not a group phrase the person is one of: 四方外长会议)
    at = next((i for i, s in enumerate(persons) if tuple(s.actors or ()) == (person,)), None)
    if at is None:
        at = next((i for i, s in enumerate(persons) if person in (s.actors or ())), None)
    if person is None or at is None:
        return (person,) if person is not None else ()
    def joined(a: Named, b: Named) -> bool:  # (习近平主席特使、副委员长武维华: the envoy, not two people)
        gap = _HONORIFIC_AFTER.sub("", _FOREIGN_GLOSS.sub("", masked[a.end_char:b.start_char]))  # (拉多雷（Raúl Latorre）、…)

        listed = CONJ.match(gap) is not None or (_LIST_MARK.match(gap) is not None and is_description(gap[1:]))
        return listed and not _AGENT_OF.search(text, a.end_char, b.start_char)  # (、塞内加尔军队总参谋长: the next)

    first = last = at
    while first > 0 and joined(persons[first - 1], persons[first]):
        first -= 1
    while last + 1 < len(persons) and joined(persons[last], persons[last + 1]):
        last += 1
    return dedupe(flat(persons[first:last + 1]))


# people left unnamed, then those of them the text names (会见了多国领导人，其中包括拜登、尹锡悦)
INCLUDING = re.compile(r"\s*了?(?:[^，。；,;]{0,14}?[，,]\s*其中(?:包括|有)|(?:多|各|数|几|一些|部分)[^，。；,;]{0,10}?[，,]?\s*(?:包括|例如))\s*")


_ITEM_PARTS = re.compile(r"([，,、]|\s+)")
_ROLE_WORD = re.compile(r"(?:领导人|负责人|领袖|官员)$")
_ITEM_WORDS = frozenset({"以及", "还有", "和", "及", "等", "等人", "等。", "等人。", "。", "！", "!", "."})


def _only_items(rest: str) -> bool:
    """True when `rest` (list items after a comma with their persons taken out and their titles and
    countries blanked) holds nothing else: 以及/还有/和 before them, 等 after the last, and words of
    at most four characters before a blanked title (经济 of 经济部长)."""
    parts = _ITEM_PARTS.split(rest)
    for i, part in enumerate(parts):
        if not part or _ITEM_PARTS.fullmatch(part) or part in _ITEM_WORDS:
            continue
        blank_next = i + 1 < len(parts) and parts[i + 1].isspace()
        han = all("\u4e00" <= c <= "\u9fff" for c in part)
        if not ((len(part) <= 4 and blank_next and han) or (len(part) <= 8 and han and _ROLE_WORD.search(part))):
            return False  # (前议会领导人卡尤姆: an office no table lists, before the person)
    return True


def listed_on(s: Sentence, c_end: int) -> int:
    """Where a list of persons ends that runs on past the clause's comma (会见了甲国部长A，乙国部长B，
    以及丙国部长C等): the clause ends with a person and each later clause holds only more of them."""
    text, masked = s.text, s.masked
    before = [a for a in s.actors if a.end_char <= c_end]
    if not before or not _is_person(before[-1]) or masked[before[-1].end_char:c_end].strip():
        return c_end
    end = c_end
    while end < s.end and text[end] in "，,":
        nxt = next((m.start() for m in CLAUSE_BREAK.finditer(text, end + 1, s.end)), s.end)
        items = [a for a in s.actors if end < a.start_char < nxt]
        persons = [a for a in items if _is_person(a)]
        if not persons or persons[-1] is not items[-1] \
                or not _only_items(strip_actors(masked, end + 1, nxt, items)):
            break
        end = nxt
    return end


# the partner word that opens a list (分别同A,B,C座谈); words no list item holds (a verb, a time, a place word)
_LIST_OPENS = re.compile(rf"(?:分别)?(?:与|{WITH_TONG}|跟)\s*")
_LIGHT_VERB_END = re.compile(r"(?:举行|进行)了?\s*$")
_NOT_AN_ITEM = re.compile(r"[在于将曾并又说称是对向从]|访|举行|表示|期间|[0-9０-９]")


def listed_from(s: Sentence, c_start: int, t_start: int) -> int:
    """Where a list of partners begins that an earlier clause opened with 同/与/跟 (分别同新西兰议长A,
    优先党领袖、外长B,市长C座谈: the trigger's clause holds only the list's last item): the start of
    the clause that opens it, when every clause from there to the trigger holds only titles and
    persons; else `c_start`."""
    text, masked = s.text, s.masked
    # (…,以及外长C举行了会面: a light verb before the trigger)
    verb = _LIGHT_VERB_END.search(text, c_start, t_start)
    end = verb.start() if verb is not None else t_start
    if c_start <= s.start or text[c_start - 1] not in "，," or end - c_start > 24 \
            or not _loose_items(strip_actors(masked, c_start, end, s.actors)):
        return c_start
    start = c_start
    while start - 1 > s.start and text[start - 1] in "，,":
        p_start = s.clause_of(start - 2)[0]
        items = [a for a in s.actors if p_start <= a.start_char < start - 1]
        if not items or not _is_person(items[-1]) or masked[items[-1].end_char:start - 1].strip():
            return c_start
        # (分别同议长A; 蓬佩奥分别与现任总统A: the subject may come before the word that opens the list)
        opens = [m for m in _LIST_OPENS.finditer(masked, p_start, items[-1].start_char)
                 if (nxt := next((a for a in items if a.start_char >= m.end()), None)) is not None
                 and _loose_items(masked[m.end():nxt.start_char])]  # (与墨西哥现任总统A: words of a title)
        if opens:
            return p_start
        if not _loose_items(strip_actors(masked, p_start, start - 1, items)):
            return c_start
        start = p_start
    return c_start


def opened_before_time(s: Sentence, c_start: int, t_start: int) -> int:
    """Where the sides of a trigger's clause were told, when that clause names no one and the clause
    before it names two people and closes with a time (A与来访的B于28日上午，在迎宾馆举行了会谈): the
    start of that clause; else `c_start`."""
    text = s.text
    if c_start <= s.start or text[c_start - 1] not in "，," or any(
            c_start <= a.start_char < t_start and _is_person(a) for a in s.actors):
        return c_start
    p_start = s.clause_of(c_start - 2)[0]
    if not any(p_start <= d.start and _TIME_TAIL.fullmatch(text, d.end, c_start - 1) for d in s.dates):
        return c_start
    people = [a for a in s.actors if p_start <= a.start_char < c_start and _is_person(a)]
    joined = len(people) >= 2 and _PARTNER_BEFORE.search(text[people[0].end_char:people[-1].start_char]) is not None
    return p_start if joined else c_start


_TIME_TAIL = re.compile(r"\s*(?:[上下中]午|早上|晚上|晚间|凌晨|傍晚)?\s*")  # what may follow a day at a clause's end


def _loose_items(rest: str) -> bool:
    """True when `rest` (clauses of a list with their persons taken out and titles blanked) holds only
    what titles no table lists are made of (国家党议会副领袖、政府交通能源地方事务部长): short Han
    words between blanks and list marks, no verb, time or place word."""
    return all(len(part) <= 12 and all("\u4e00" <= c <= "\u9fff" for c in part) and not _NOT_AN_ITEM.search(part)
               for part in _ITEM_PARTS.split(rest) if part and not _ITEM_PARTS.fullmatch(part) and part not in _ITEM_WORDS)


# the outcome of talks someone carries out (落实…会面达成的共识, 贯彻…会谈精神): the talks are named, not held
_CARRIED_OUT = re.compile(r"落实|贯彻|执行|兑现|遵守|遵循|践行|推进")
_OUTCOME_AFTER = re.compile(r"\s*(?:时|期间|上|中)?所?达成的|\s*的?(?:成果|共识|精神)")


def outcome_named(s: Sentence, c_start: int, t_start: int, t_end: int) -> int:
    """Where the talks begin whose outcome a clause carries out (他和A讨论了落实B和C十月底在釜山会面
    达成的共识: the talks are B's and C's, of their own day): right after the verb of carrying out;
    else `c_start`."""
    if not _OUTCOME_AFTER.match(s.text, t_end):
        return c_start
    carried = [m.end() for m in _CARRIED_OUT.finditer(s.text, c_start, t_start)]
    return carried[-1] if carried else c_start


def _is_person(span: Named) -> bool:
    return any(a.kind == "person" for a in span.actors or ())


def objects(text: str, t_end: int, right: list[Named]) -> list[Named]:
    """The objects right after a transitive trigger: A 会见(了) B、C 和 D."""
    out: list[Named] = []
    pos = t_end
    # (会见来华举行沙伊外长会晤的A和B: the names inside the clause that describes them are no objects)
    lead = next((r for r in right if any(a.kind == "person" for a in r.actors)
                 and OBJECT_GAP.match(_BRACKETS.sub(" ", text[t_end:r.start_char]))), None)
    for i, span in enumerate(right):
        if lead is not None and span.start_char < lead.start_char:
            continue
        nxt = next((r for r in right[i + 1:] if any(a.kind == "person" for a in r.actors)), None)
        if nxt is not None and all(_modifies(text, a, b) for a, b in zip(right[i:], right[i + 1:right.index(nxt) + 1])):
            # 巴西总统府首席部长科斯塔, 北大西洋公约组织(北约)秘书长斯托尔滕贝格: it describes the person after it
            # (接待前来国是访问的吐瓦鲁国总理X: what stands before it describes that person too)
            if not out and pos == t_end and _object_gap(_BRACKETS.sub(" ", text[pos:span.start_char])):
                pos = span.start_char
            continue
        # (an alias in brackets: 北大西洋公约组织(北约); an English name: 郑经纬(Lee Mark Chang)及费加罗)
        gap = _BRACKETS.sub(" ", _LATIN_GLOSS.sub(" ", text[pos:span.start_char]))
        if out and all(a.kind == "country" for a in out[-1].actors or ()):
            gap = _PEOPLE_OF.sub("", gap)  # 会晤义大利官员和教宗方济各: the country's officials, then the next
        if not out and not _object_gap(gap) and not (_BY_LEADER.fullmatch(gap) and _LED.match(text, span.end_char)):
            break  # (会见了由副主席A率领的某党代表团: A leads the delegation met)
        rest = re.sub(r"^\s*(?:和|与|及|、|,|，|and\b)\s*", "", gap)
        # (国家元首Tuimalealiifano Vaaletoa Sualauvi II: the rest of the name the title stands before)
        named_on = re.fullmatch(r"(?:[A-Z][A-Za-z'ʻ’-]*\s+)+", rest) is not None
        if out and not (CONJ.match(gap) or is_description(rest) or named_on):
            break
        if out and not named_on and not CONJ.match(gap[:3].strip() or "和") and not re.match(r"^\s*(?:和|与|及|、|,|，|and)", gap):
            break
        out.append(span)
        pos = span.end_char
    return out


_BY_LEADER = re.compile(r"\s*了?\s*由\s*")  # 会见了由…: the delegation's leader follows
_LED = re.compile(r"\s*(?:亲自)?(?:率领|带领|率)的")
_HONORIFIC_AFTER = re.compile(r"^\s*(?:医生|博士|先生|女士|阁下|伉俪|夫妇)")  # 陈诗龙医生和陈川仁: a name's honorific
_PEOPLE_OF = re.compile(r"^\s*(?:政府)?(?:官员|高官|领导人|代表|高层)")  # the people of a country object


def _object_gap(gap: str) -> bool:
    """True when only words that describe the object stand between a verb and it (了, 来访的, 前来国是访问的;
    来访的越共中央政治局委员、政府常务副总理: a visitor's offices after the words of visiting)."""
    visiting = _VISITING.match(gap)
    return OBJECT_GAP.match(gap) is not None or is_description(gap) or INCLUDING.fullmatch(gap) is not None \
        or (visiting is not None and offices_listed(gap[visiting.end():]))


def offices_listed(gap: str) -> bool:
    """True when a masked gap is offices listed before a name, blank but for a body's name or two
    (越共中央     、政府     : 越共中央政治局委员、政府常务副总理)."""
    return _OFFICES_MASKED.fullmatch(gap) is not None and len(re.sub(r"\s", "", gap)) <= 10


_VISITING = re.compile(r"\s*了?(?:来访的|到访的|来华访问的|前来访问的)")
# offices listed, masked but for a body's name or two, ending in a masked title (越共中央     、政府     )
_OFFICES_MASKED = re.compile(r"(?:[\u4e00-\u9fff]{0,4}\s+、?)+")


def _modifies(text: str, country: Named, person: Named) -> bool:
    """True when a country or organisation span only describes the name after it (a person, or
    another such span on the way to one: 北大西洋公约组织(北约)秘书长…)."""
    if not all(a.kind in ("country", "org") for a in country.actors or ()):
        return False
    if not any(a.kind in ("person", "country", "org") for a in person.actors or ()):
        return False
    gap = _BRACKETS.sub("", text[country.end_char:person.start_char])
    if re.fullmatch(r"\s*(?:(?:[A-Z][a-z]+|counterparts?)\s+)*", gap):  # New Zealand counterpart Winston Peters
        return True
    if re.fullmatch(r"\s*驻\s*", gap) and any(a.kind == "country" for a in person.actors or ()):
        return True  # 中国驻菲律宾使馆公使X: the country whose envoy to the next one X is
    return not gap.strip() or (is_description(gap) and not re.search(r"[，,、和与及]", gap))


_HELD_OF = re.compile(r"(?:举行|召开)的\s*$")


def is_description(gap: str) -> bool:
    """Words between a verb and its object that only describe it: 到访的, 来华的 …"""
    if re.match(r"^\s*(?:了)?[\u4e00-\u9fff]{0,6}的\s*$", gap) and not _HELD_OF.search(gap):
        return True  # (not 协调即将举行的: what is held next is an event, not the one met)
    # an office the title table does not know (总统府首席部长), or words before a known title,
    # which the masked text shows as blanks (外交发展  )
    # (中共外事主管、国务委员杨洁篪: two offices of one person, joined by 、)
    # (国家发改委副主任兼能源局局长吴新雄: two offices joined by 兼, the second a known title)
    # (会见了11月总统大选共和党候选人特朗普: a candidate, the election's month in the description)
    return bool(re.match(rf"^\s*[\u4e00-\u9fff、]{{0,16}}(?:{TITLE_ENDINGS})\s*$", gap)
                or re.match(r"^\s*了?[\u4e00-\u9fff、0-9\s]{0,20}(?:候选人|当选人)\s*$", gap)
                or re.match(r"^[\u4e00-\u9fff、\s]{0,24}\s$", gap) and len(gap.strip()) <= 8  # (中共中央外办主任: long, masked)
                # (尼泊尔前总理、尼泊尔共产党主席: offices listed, masked but for a word or two between them)
                or re.match(r"^[\u4e00-\u9fff、\s]{0,40}\s$", gap) is not None and len(re.sub(r"\s", "", gap)) <= 6
                and re.search(r"[与同跟在时后和及并]", gap) is None
                or re.match(r"^\s*了?[\u4e00-\u9fff\s]{2,14}兼[\u4e00-\u9fff]{0,6}\s+$", gap))
