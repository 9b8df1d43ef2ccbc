"""The interval an event takes (SPEC.md, "Dates").

The time expression of the trigger's clause (the last before the trigger, else the first
after it); else one of an earlier clause of the sentence, which scopes over the rest of it
(not the day of a report over what is still planned: 周二表示，他准备…会面); a visit starting on
that day and lasting several days (昨起…三天), or until a day of leaving the sentence gives (昨日访问…，将于
周四离开), takes the whole stay (a day of leaving or coming home told later is
`components/events.py`'s). With no expression: a meeting
during the trip under way (访问期间, 在里斯本期间, 会议期间 of a conference it attends, or with a
side of the country visited) takes the trip's interval, including a stay an arrival opens
(周一抵达河内，开始为期三天的访问) and a tour told by its length alone (`tour_told`: 为期8天的东南亚
之旅。期间…; `windows.py` does the same after a dated visit); where the sentence points back (当天, 同日, 随后, 下午, 双方 after talks), the date in
focus. A journey told before talks (18日抵达柏林举行磋商) dates the journey, not the talks,
unless the journey is a stay of several days that holds them. An invitation is dated only by a
day still to come.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta

from timeline.events.cues import Cues
from timeline.events.focus import Focus, Trip, trip_to
from timeline.events.sentence import ABOUT_JIU, CLAUSE_BREAK, CORE, TO_DISCUSS, Sentence, partner
from timeline.events.triggers import Trigger
from timeline.record import Actor, Location, When
from timeline.temporal import TimeExpr, as_date
from timeline.temporal.numerals import to_int

_REPORTED_THAT = re.compile(r"\b(?:said|says|announced|confirmed|stated|reported|told\s+[A-Za-z ]{1,30}?)\s+[^.;]{0,40}?\bthat\b", re.I)
_DEPARTURE = re.compile(r"离开|启程|动身|出发|包机|专机")
# a departure whose clause goes on to the arrival (7日搭专机飞抵平壤): the day is the arrival's
_LEFT_ONLY = re.compile(rf"(?:{_DEPARTURE.pattern})(?![^，,。；;]*?(?:抵达|飞抵|到达|抵京))")
_ARRIVAL = re.compile(r"抵达|飞抵|抵京|前往|赴")
SAID, TRIP, OCCASION, FOCUS = "said", "trip", "occasion", "focus"  # where an event's date comes from
_EARLIER = re.compile(r"曾|此前|上次|上一次|以前|过去|早前|先前|(?<![0-9一二三四五六七八九十])日前|不久前|前不久")
_INVITED_TO = re.compile(r"应[^，。；]{1,24}?邀")  # a visit made at someone's invitation
_LATEST = re.compile(r"最新消息|最新报道|最新进展")  # the latest news: what the story's day has brought
_PROGRESSIVE = re.compile(r"正在|目前正|眼下正|此刻正")
_OTHER_CLOCKS = frozenset({"北京时间", "台北时间", "台湾时间", "香港时间", "东京时间", "首尔时间", "韩国时间", "日本时间", "美东时间", "美国东部时间", "格林尼治时间",
                           "莫斯科时间", "欧洲中部时间", "华盛顿时间", "纽约时间"})
_ABOUT_MATTER = re.compile(ABOUT_JIU)  # (the matter agreed on follows it)
_NTH_DAY = re.compile(r"最后一|第")
_QUOTE_OPENS = re.compile(r"[「“『]")
_TO_BE_HELD = re.compile(r"(?:即将|将要)(?:举行|召开)的[^，。；,;]{0,12}$")
_SOME_TIME = re.compile(r"择时|择机|适时|在(?:双方)?(?:方便|适当|合适)的?时(?:候|间|机)")  # (a time still to be chosen)
_LAST_DAY = re.compile(r"[^，。；,;]{0,6}?的?最后一(?:天|日)")  # (…三天官访的最后一天: the stay ends on the day told)
BEFORE_DOING_PHRASE = re.compile(r"[^，,。；;]{1,24}?(?:之前|以前|前)\s*[，,]")  # (会晤印尼总统佐科前，)
SINCE = re.compile(r"[^，。；]{0,20}?以来|[\u4e00-\u9fff]{0,12}?(?:后|之后)的?(?:第[0-9一二三四五六七八九十]{1,2}|首)")  # (6日上任后第2个出访行程)
_REPORT_REACH = 10  # 周二还表示, 19日在记者会上宣布, 27日举行中外媒体吹风会: a report word this close after a date is what it dates
_AT_PLACES = re.compile(r"\s*在[^，。；,;]{1,40}?(?:举行了?|进行了?)?[^，。；,;]{0,8}")  # 在A、B和C举行了高级别
_BEFORE_TRIGGER = re.compile(r"\s*(?:先后|分别|共|曾)?(?:[两二三四五六七八九十]|[0-9]{1,2})?(?:次|度)?")  # 三次访华
_TIMES = r"([两二三四五六七八九]|[2-9])(?:次|度)"  # how many times (举行两次峰会, 曾3度出访)
_TIMES_TOLD = re.compile(_TIMES + r"\s*$")  # (曾3度出访: right before the trigger)
_THE_TIMES = re.compile(r"[，,]\s*(?:分别|先后)(?:为|是|在|于)\s*")  # (，分别为2016年、2018年及2019年)
_COUNTED = re.compile(_TIMES)
_LIST_SEP = re.compile(r"\s*(?:[、,，]\s*(?:和|及|与|以及)?|和|及|与|以及)\s*")
_EVENT_NOUN_END = frozenset("”」会谈晤议")  # the end of an event's name (“特金会”, 峰会, 会谈)
_GLOSS = re.compile(r"[）)]|[（(][^）)]{1,12}[）)]")
_MAYBE = re.compile(r"或[与同和将会]|可能")  # talks that may be held (或与布林肯会面)
_ARRIVED_THEN = re.compile(r"(?:抵达|到达|飞抵)[^，。；;]{0,12}?(?:后|之后)$")  # 周四抵达北京后，将会晤…: that day
_COINCIDES = re.compile(r"适逢|恰逢|正逢|正值|时值")
_SUBORDINATE = re.compile(r"(?:之后|之前|以后|以来|前夕|后|前)")
_NEXT_ITEM = re.compile(r"\s*(?:以及|及|和|与|、)\s*")  # between a trigger and a day that opens the next item
_LATER_CLAUSE = re.compile(r"\s*(?:而|并)?\s*(?:之后|此后|其后|顺道|顺路|顺访)")  # a clause opening after the time before (顺道造访: a stop on the way)
# a count of days right after the visit word (访华6日，期间…): the stay's length, not the 6th
_DAYS_AFTER_VISIT = r"(?:访问|出访|访[\u4e00-\u9fff])([0-9]{1,2})日(?=[，,。；;]|期间)"
# how long a stay lasts: 为期三天, 三天的访问, 访华两天, 五天四晚的巡访
_N = r"([0-9]{1,2}|[一二两三四五六七八九十]{1,3})"
_DURATION = re.compile(rf"为期{_N}[天日]|{_N}天{_N}[晚夜]|为期{_N}(?:周|个星期)|一连{_N}[天日]|(?<=连续|进行){_N}[天日](?![前后内])|{_N}天(?:[0-9一二两三四五六七八九十]{{1,2}}[晚夜])?的?(?=[^，。；]{{0,8}}(?:访问|行程|之旅|出访|巡访))"
                       rf"|(?:访问|出访|访[\u4e00-\u9fff])[^，。；0-9一二两三四五六七八九十]{{0,6}}?{_N}天(?![前后内])"
                       rf"|(?:访问|出访|访[\u4e00-\u9fff])[^，。；0-9一二两三四五六七八九十]{{0,6}}?([一二两三四五六七八九十]{{1,3}})日(?![前后内])"
                       rf"|{_DAYS_AFTER_VISIT}"
                       rf"|(?<=展开|开始|进行|开启)([一二两三四五六七八九])日的?(?=[^，。；]{{0,8}}(?:访问|行程|之旅|出访|巡访))"  # 展开三日的访问
                       rf"|(?:停留|逗留){_N}[天日](?![前后内])"  # 在马来西亚停留两日
                       rf"|(?:停留|逗留|过境){_N}[晚夜]")  # 过境2晚: two nights, three days
_LASTS_UNTIL = re.compile(r"(?:持续|延续|一直|停留)(?:到|至)\s*$")  # (访问将持续到本周五: the end of a stay under way)
_STAYS_UNTIL = re.compile(r"(?:逗留|停留|留|待)(?:到|至)\s*$")  # (抵达德黑兰，并逗留至13日: the last day of the stay)
_GAP_BEFORE_AGAIN = re.compile(r"[0-9一二两三四五六七八九十]{1,3}个?(?:年|月)(?:之)?后[，,]?[^，,。；]{0,12}?(?:再次|再度|重新|又一次)")
_DAYS_OF_STAY = re.compile(_DAYS_AFTER_VISIT)
# a stay told right after an arrival (抵达美国、过境2晚)
_OVERNIGHT = re.compile(rf"[^，。；]{{0,6}}?[、，,]?(?:停留|逗留|过境)({_N})[晚夜天日]")
_SET_OFF_WORDS = "启程|起程|出发|动身"  # the words of setting off on a journey
_SET_OFF = re.compile(rf"\s*(?:{_SET_OFF_WORDS}|登机)")
# the length of the journey just set off on (此趟共九天八夜, 此行为期五天)
_JOURNEY_LENGTH = re.compile(rf"(?:此趟|此行|这趟|这次|此次|本次|这场|此番)(?:行程|出访|访问)?[^，。；0-9]{{0,3}}?(?:为期{_N}[天日]|{_N}天{_N}[晚夜])"
                             rf"|(?<![为期0-9一二两三四五六七八九十]){_N}[天日]的(?:访问|行程|出访)(?:中|期间)")  # (两天的访问中)
# the length of a tour of several countries (为期8天的五国之行), not of one stop
_TOUR_NOUN = re.compile(r"的?[一二两三四五六七八九十0-9]{1,2}国")
# …or of a tour of a region (为期六天的访欧之旅, 欧洲之行)
_REGION_TOUR = re.compile(r"的?(?:访欧|访非|访拉|访美洲|(?:欧洲|亚洲|非洲|中东|拉美|南美|中亚|东南亚|南亚|太平洋|北欧|中东欧)"
                          r"(?:[^，。；]{0,4}?(?:之旅|之行|行程|出访|巡访)))")
# a clause of what a person did then: elected, sworn in, appointed (not 18日在安曼举行的…峰会, 时任…的)
_RELATIVE_CLAUSE = re.compile(r"[^，。；,;的与同和跟]{0,8}?(?:选举|大选|当选|胜选|胜出|获胜|就任|上任|出任|获任命|卸任|辞职|履新|"
                              r"赴任|到任|就职)[^，。；,;的]{0,4}的")  # (5月底甫赴美履新的谢锋: when he took office)
_LENGTH_AFTER = re.compile(r"[，,]\s*(?:进行|展开|开始)?(?=为期|[0-9一二两三四五六七八九十]{1,2}天)")
# a length closing the sentence in a clause of its own (…起访问A和B，出席…峰会，为期7天。): the journey's
_LENGTH_CLOSES = re.compile(r"[，,]\s*(?:行程|访问|此行)?(?=为期[^，,。；;]{1,6}[。；;！!]?\s*$)")
_STARTING = re.compile(r"\s*(?:[（(][^）)]{1,12}[）)])?\s*(?:起|开始)")  # 5日起, 周日(27日)起
_DURATION_EN = re.compile(r"\b(\w+)-day\s+(?:state\s+|official\s+|working\s+)?(?:visit|trip|tour|summit|meeting)"
                          r"|\bfor\s+(\w+)\s+days\b", re.I)
_EN_NUMBERS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
# 访问期间, 访德期间, 此行期间: during the trip (not 峰会期间: during another meeting)
_OCCASION = re.compile(r"(?:峰会|首脑会议|会议|论坛|大会|年会|仪式|典礼|大典)(?!期间|之际|间隙|上|前夕)")
_DURING_OCCASION = re.compile(r"(?:峰会|会议|论坛|大会|年会|与会)(?:期间|之际|间隙)|(?:峰会|会议)上")
# a gathering held at a place (在亚美尼亚首都埃里温落幕): the words naming the place
_HELD_AT = re.compile(r"在([^，。；,;在]{1,16}?)(?:举行|召开|举办|开幕|闭幕|落幕|揭幕|登场)")
_IN_A_CHAIN = re.compile(r"[，,]\s*(?:并|随后|然后|接着|再)")  # deeds told in turn before the clause
_COORDINATED = re.compile(r"\s*(?:并且?|又|随后|然后|接着|再)")
_ADVERBIAL_END = re.compile(r"\s*[，,]")  # a day that closes its clause: a time adverbial of the sentence
_FIRST = re.compile(r"首先")  # 首先会晤A，然后…: the deeds of the day just told, in turn
_DURING = re.compile(r"\s*(?:其间|期间|在此期间|访问期间)")
_GATHERING = re.compile(r"峰会|会议|论坛|大会|年会")


def _during_clause(s: Sentence, c_start: int, t_start: int) -> bool:
    """The clause at `c_start` opens with 期间/其间, or goes on from the latest clause that does, with no
    date written in between and no subject or 期间 of its own (…，期间将晋见A，拜会B; not …，期间会到德国出席
    会议，王毅与会期间可能与布林肯会面: the conference's days)."""
    if _DURING.match(s.text, c_start):
        return True
    opened = [c for c in s.clause_starts(c_start) if _DURING.match(s.text, c)]
    return bool(opened) and not any(opened[-1] <= d.start < t_start for d in s.dates) \
        and not any(c_start <= a.start_char < t_start for a in s.actors) and "期间" not in s.text[c_start:t_start]
# a clause that goes on with the subject before it, opening with the verb (…为期三天的访问，分别会晤A和B)
_NO_SUBJECT = re.compile(r"\s*(?:分别|还|也|将|并|同时|亦)*")
# a clause opening with the edge of a gathering or talks (签字仪式前，, 三方会谈举行前，, 开幕式前,)
_EDGE_OF_TOLD = re.compile(r"\s*[^，。；,;]{0,10}?(?P<noun>仪式|典礼|开幕式|峰会|会议|会谈|会晤|演讲|讲话|致辞|午宴|晚宴|国宴)"
                           r"(?:举行)?(?:前|之前|前夕|结束后|结束之后|后)[，,]")
_GATHERING_NOUNS = frozenset({"仪式", "典礼", "开幕式", "峰会", "会议"})
_SAID_NOUNS = frozenset({"演讲", "讲话", "致辞", "午宴", "晚宴", "国宴"})  # what no event tells: the day last written
_DESCRIBES_HOST = re.compile(r"[^，。；,;的]{0,12}?(?:轮值主席国|主席国|东道国|东道主)")
# a clause of "before doing" (在访问莫斯科和基辅之前): its 在 right before the trigger, its 之前 after it
_BEFORE_DOING = re.compile(r"在(?:[^，。；,;]{0,4})$")
_BEFORE_DOING_END = re.compile(r"[^，。；,;]{0,20}?(?:之前|以前)")
# 今年最后一次国际访问, 今年第二次出访: a year or month that counts the occurrences, not the day of this one
_COUNTS_OCCURRENCE = re.compile(r"的?(?:最后一次|首次|第[一二三四五六七八九十两\d]+次|首个|第一个|最后一个)")
_ABOUT = re.compile(rf"针对|关于|有关|{ABOUT_JIU}")  # what words are about: 针对…会谈表示
_WHILE_CLAUSE = re.compile(r"(?:期间|之际|间隙)\s*[，,]\s*$")  # a clause that only tells when, closing before the next
_DURING_PLACE = re.compile(r"在[\u4e00-\u9fff]{1,8}?(?:期间|逗留期间)")  # 在里斯本期间: during the stay there
# a clause of its own that is the time of the visit (博鲁阿尔特总统到访中国期间，: the talks after it fall in it)
_DURING_VISIT_CLAUSE = re.compile(r"[^，。；]{0,16}?(?:访问|到访|访华|来访|出访)[^，。；]{0,8}?期间")
DURING_TRIP = re.compile(r"(?:访|此行|行程|之旅)[^，。；]{0,8}?(?:期间|之际|时)")  # 访华期间, 此行期间: during the trip


def _later_said(focus: Focus) -> When | None:
    """The single day last written, when it comes after the day in focus (a deed of that day told with
    no event the focus takes: 14日参观了一家工厂)."""
    said, when = focus.said, focus.when
    if said is None or when is None or not said.date_start or said.date_start != said.date_end:
        return None
    return said if when.date_end and said.date_start > when.date_end else None


def last_said(s: Sentence) -> When | None:
    """The last date of at most a month that sentence `s` wrote (届时 in the next one means it)."""
    d = next((d for d in reversed(s.dates) if d.date_start and d.date_end and d.date_end[:7] == d.date_start[:7]), None)
    return When(d.date, d.date_mod, d.date_start, d.date_end, d.text) if d is not None else None


class Dating:
    """Dates events from the sentence's time expressions, the trip under way and the focus."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def when(self, s: Sentence, trig: Trigger, t_start: int, clause: tuple[int, int], focus: Focus,
             actors: tuple[Actor, ...] = ()) -> tuple[When, str | None]:
        """The interval of the event the trigger at `t_start` states, with sides `actors`, and
        where it comes from: SAID (the sentence's words), TRIP, OCCASION or FOCUS (inherited from
        the discourse), None (undated)."""
        if trig.frame == "visit" and _SOME_TIME.search(s.text, clause[0], t_start):
            return When(), None  # 邀请洪森择时对越南进行访问: at a time still to be chosen
        if s.trip is not None and trig.type in ("meeting", "agreement") and _during_clause(s, clause[0], t_start):
            # …起访华两天，其间将同丁薛祥会面: within the stay this sentence told (…，期间将晋见A，拜会B: the
            # clauses that go on from it too)
            return s.trip.when, TRIP
        # (…上月在缅甸出席东盟外长会议期间亦有见面: a gathering dated by its own clause, not the one in focus)
        occasion = self.occasion(s) or (focus.occasion if not any(d.date_start and clause[0] <= d.start < t_start
                                                                  for d in s.dates) else None)
        # (在这次峰会期间，安华将与…会谈: in a clause of its own before, when the sentence writes no date)
        during = _DURING_OCCASION.search(s.text, clause[0] if s.dates else s.start, t_start) or (
            _DURING.match(s.text, clause[0]) and _GATHERING.search(s.text, s.start, clause[0]))  # 出席…峰会，期间他还将…
        if occasion is not None and occasion.date_start and trig.type in ("meeting", "agreement") and during:
            return occasion, OCCASION  # 峰会期间同…举行会谈, 与会期间可能会面: within the summit or conference
        if s.dct is not None and _LATEST.search(s.text, clause[0], t_start) \
                and not any(clause[0] <= x.start < t_start for x in s.dates):
            day = as_date(s.dct).isoformat()  # …4日晚间转往成都，最新消息是他与习近平已在成都会晤: news of the day written
            return When(day, None, day, day, None), SAID
        d = self._expression(s, trig, t_start, clause)
        # 12日起访问伊朗…。安倍将抵达德黑兰，并逗留至13日: from the trip's first day to that day (told in the
        # trigger's clause or in the one right after it)
        last = d or next((x for x in s.dates if clause[1] <= x.start <= clause[1] + 8), None)
        if last is not None and trig.frame == "visit" and (until := _until_from_trip(s, last, focus, actors)) is not None:
            return until, SAID
        stay = self._stay(s, trig, t_start, d) if d is not None else When()
        round_trip = _round_trip(s) if trig.frame == "visit" else None
        # (not a stop told with days of its own: 12日启程，12日晚间至14日访问巴拉圭…18日返国)
        if round_trip is not None and (stay.date_start is None or (stay.date_start == round_trip.date_start
                                                                  and stay.date_start == stay.date_end)):
            return round_trip, SAID  # 29日启程…再依序访问A、B…定4月7日返抵: each stop within the journey
        if d is not None:
            return stay, SAID
        if (nth := _day_of_trip(s, t_start, s.trip or focus.trip)) is not None:
            return nth, SAID  # 访问首日，…与李强举行会谈; 访问第二日…: that day of the stay in focus
        if focus.trip is not None and focus.trip.country is None and _DURING.match(s.text, s.start):
            return focus.trip.when, TRIP  # …为期8天的东南亚之旅。期间，他在柬埔寨出席…: within the tour
        if (trig.frame == "visit" or trig.type in ("meeting", "agreement")) and \
                (stay := _set_off_before(s, t_start, focus)) is not None:
            # 24日启程。此趟共九天八夜，将访问…: the journey set off on that day; 28日抵达多哈。在这场为期两天的
            # 访问中，…会见了…: the talks held in the stay that day opened
            return stay, TRIP
        text = s.text
        if s.dct is not None and _PROGRESSIVE.search(text, s.start, t_start) \
                and not self.cues.has("planned", text[s.start:t_start]):  # (正在协调…的会谈: a plan under way)
            # 三国元首正在前往乌克兰，与泽连斯基会面: under way as the story is written
            day = as_date(s.dct).isoformat()
            return When(day, None, day, day, None), SAID
        if trig.type in ("meeting", "call", "agreement") and (edge := _EDGE_OF_TOLD.match(text, s.start)) is not None:
            # 签字仪式前，特朗普分别会见了…; 三方会谈举行前，他已分别与…会谈: on the day of the gathering told
            # (习于演讲结束后，将会见…: on the day the speech was last written of)
            noun = edge.group("noun")
            told = focus.said if noun in _SAID_NOUNS else (focus.occasion if noun in _GATHERING_NOUNS else None) or focus.when
            if told is not None and told.date_start and told.date_start == told.date_end:
                return told, FOCUS
        sentence = text[s.start:s.end]
        for d in s.dates:  # (6月12日下午 is a day of its own: its 下午 points back to none)
            sentence = sentence[:d.start - s.start] + " " * (d.end - d.start) + sentence[d.end - s.start:]
        # (…进行了会谈，与此同时，特朗普否认…: "meanwhile" after the event's clause joins the next deed, not this one)
        rest = sentence[clause[1] - s.start:].replace("与此同时", "    ")
        carry = self.cues.has("carry", sentence[:clause[1] - s.start] + rest) or (trig.type not in CORE and self.cues.has("carry_say", sentence)) or (
            trig.frame == "agree" and self.cues.has("group", sentence))  # 两国元首一致同意: at the talks just told
        if carry and s.dct is not None and not self.cues.has("planned", text[s.start:t_start]) and (
                focus.when is None or (focus.when.date_start or "") > as_date(s.dct).isoformat()):
            # 上午10时左右，王毅抵达…: a time of day alone, in a story of the day, is the day written (not
            # the day still to come that the story spoke of before)
            day = as_date(s.dct).isoformat()
            return When(day, None, day, day, None), SAID
        # (the next deed of the day in focus; not of a stay of several days: 接着，他又飞往北京)
        sequence = (self.cues.has("sequence", sentence) or _FIRST.search(text, s.start, t_start) is not None) \
            and focus.when is not None and focus.when.date_start == focus.when.date_end
        if sequence and (later := _later_said(focus)) is not None:
            return later, FOCUS  # (…13日飞抵天津后，14日参观了…。两位部长随后将…会谈: after the last day written)
        if focus.when is not None and (carry or sequence):
            return focus.when, FOCUS  # (…23日抵达以色列。克里首先会晤A，然后前往B: the deeds of that day in turn)
        if trig.frame == "agree" and len(actors) > 1 and focus.when is not None and focus.when.date_start \
                and {a.name for a in actors} == {a.name for a in focus.actors}:
            return focus.when, FOCUS  # …10日举行会谈。日韩首脑就…达成了一致: what the sides of the talks just told agreed
        if self.cues.has("then_past", text[s.start:t_start]) and (then := _day_written(s, t_start, focus)) is not None:
            return then, FOCUS  # 这将是X自去年11月以来再次访俄。X当时曾与…会谈: then, not on the trip under way
        trip = _trip_for(s, focus, clause[0], t_start, actors)
        if trip is not None and trig.type in ("meeting", "agreement") and (
                DURING_TRIP.search(text, clause[0], t_start) or _DURING.match(text, s.start) or _hosted(trip, actors)
                or _during_clause_before(s, clause[0])
                or _DURING_PLACE.search(text, s.start, t_start) or (during and trip.when.days > 1)):
            # 访问期间, 尹锡悦将与波兰总统会谈 (the sentence may open so): within the trip, on no day of its own (在里斯本期间; 会议期间
            # of a conference the trip of several days attends, itself undated; not 今出访欧洲…与会期间: the day it sets off)
            return trip.when, TRIP
        if trip is None and trig.type == "meeting" and (told := _told_there(s, t_start, focus, actors)) is not None:
            return told, FOCUS  # 10月30日在河内会见了A。…在访问河内期间，还和B举行了会谈: that day there
        if trip is not None and trip.when.date_start and trig.type in ("meeting", "agreement") \
                and _traveller_meets(trip, actors, s.doc.user_data.get("venues") or {}) \
                and not self.cues.looks_back(text, s.start) \
                and not (trip.when.days == 1 and _MAYBE.search(text, clause[0], t_start)):  # (今出访欧洲…可能与X会面)
            # 吴钊燮亦将会晤…秘书长席瑞索, 同时他们还会拜会…部长: the traveller's talks told with no day
            # of their own, while the trip is told, fall within it
            return trip.when, TRIP
        if self.cues.has("then", text[s.start:t_start]) and (then := _day_written(s, t_start, focus)) is not None:
            return then, FOCUS  # 峰会5月19日在广岛举行；届时将举行…会谈: on the day just written
        if trig.type == "meeting" and (visit := focus.visit) is not None and not self.cues.looks_back(text, s.start) \
                and not self.cues.has("planned", text[s.start:t_start]) \
                and visit.actors[0].name in {a.name for a in actors} \
                and any(a.country == visit.location.country for a in actors if a.name != visit.actors[0].name):
            return visit.when, FOCUS  # 22日前往华盛顿。…会见了美国总统拜登: the traveller's talks there, that day (not 将会见: any day of the stay)
        return When(), None

    def _expression(self, s: Sentence, trig: Trigger, t_start: int, clause: tuple[int, int]) -> TimeExpr | None:
        """The time expression that dates the trigger, if the sentence has one."""
        text, dates = s.text, s.dates
        c_start, c_end = clause
        # 当地时间15日（北京时间16日）: the day where it happened, not its conversion to another clock
        if any((d.detail or "").startswith("当地时间") for d in dates):
            dates = [d for d in dates if not (d.detail and d.detail.split()[0] in _OTHER_CLOCKS)]
        # 访问阿联酋的日子适逢2011年3月发生起义的11周年: what the day coincides with is another time
        if (coincides := _COINCIDES.search(text, t_start, c_end)) is not None:
            dates = [d for d in dates if d.start < coincides.start()]
        # 感谢A会晤B前，先到访马尼拉: the deed of a phrase of "before" that closes its clause is the time of the
        # other deed, not dated by the times of earlier clauses
        if BEFORE_DOING_PHRASE.match(text, t_start, c_end + 1):
            dates = [d for d in dates if d.start >= c_start]
        # 今日出访欧洲，期间会到德国出席…: a stop made during the tour, not on the day it starts
        if trig.frame == "visit" and _DURING.match(text, c_start):
            dates = [d for d in dates if d.start >= c_start]
        # 协调即将举行的美韩首脑会谈: an event still to be held, named as what another deed is about; the times
        # before it are that deed's
        if (held := _TO_BE_HELD.search(text, c_start, t_start)) is not None:
            dates = [d for d in dates if d.start >= held.start()]
        # 届时两国外长会面将商议首相8月访华的事宜: a time in what the talks are to discuss is that matter's
        if trig.type in ("meeting", "call") and (topic := TO_DISCUSS.search(text, t_start + len(trig.word), c_end)) is not None:
            dates = [d for d in dates if d.start < topic.start()]
        # 双方同意今年召开…会议, 签署2024年至2026年合作计划: a time after the word of agreeing dates what was
        # agreed, not the agreeing (Chinese puts the day of a deed before its verb)
        if trig.frame == "agree" and not trig.word.isascii():
            dates = [d for d in dates if not (t_start < d.start < c_end)]
            # 就5月在杜尚别举行会议一事达成一致: a time in the matter agreed on is that matter's
            about = _ABOUT_MATTER.search(text, c_start, t_start)
            if about is not None:
                dates = [d for d in dates if not about.end() <= d.start < t_start]
        # 2008年以来首位…, 自去年12月…剧变以来, 9月6日上任后第2个出访行程: the start of a period the event
        # ends, not its date
        # (but 周五(15日)与A进行今年以来首次通话: the period starts at the time nearer it, 今年)
        dates = [d for d in dates if not text.startswith(("以来", "以後", "以后"), d.end)
                 and not ((m := SINCE.match(text, d.end, t_start))
                          and not any(d.end <= e.start and e.end <= m.end() for e in s.dates))]
        # 4日就任总统后，已先后与A和B通话; 今年9月…峰会成功举办后，外长首次出访非洲: the day of taking office
        # or of another deed the clause of "after" tells, not of the event after it
        dates = [d for d in dates if not ((m := _AFTER_ANOTHER_DEED.match(text, d.end)) and m.end() <= t_start)]
        # (his first Africa visit since he took office in 2013: a time in a clause of since is its start)
        dates = [d for d in dates if not _SINCE_EN.search(text, max(c_start, d.start - 60), d.start)]
        # 与在11月5日大选中胜出的特朗普会面: a day inside a clause that describes a person dates that person's
        # deed, not the event
        dates = [d for d in dates if not _describes_person(s, d)]
        # 8年之后，马杜罗再次访问巴西: a gap of years before something done again, not a day years ahead
        # (but 同意两年后再次举行峰会: a plan's day)
        if not self.cues.has("planned", text[c_start:t_start]):
            dates = [d for d in dates if not _GAP_BEFORE_AGAIN.match(text, d.start)]
        # 本周日(26日)访华6日，期间…: a count of days after the visit word is the stay's length, not a day
        dates = [d for d in dates if not ((m := _DAYS_OF_STAY.match(text, max(0, d.start - 2))) and m.start(1) == d.start)]
        # 访问今年东盟轮值主席国马来西亚: a year that describes the host, not the visit's
        dates = [d for d in dates if not _DESCRIBES_HOST.match(text, d.end)]
        # 今天展开今年最后一次国际访问: the day, not the year that counts the trips (with no day, the year)
        dates = [d for d in dates if d.date_start == d.date_end or not _COUNTS_OCCURRENCE.match(text, d.end)] or dates
        # 9日针对与拜登的电话磋商表示: a day before a topic the words are about dates the words, not the topic
        if trig.type != "statement" and _ABOUT.search(text, c_start, t_start) \
                and self.cues.first("report", text, t_start, c_end) is not None:
            dates = [d for d in dates if not (d.end <= t_start and _ABOUT.search(text, d.end, t_start))]
        # 昨夜在访问莫斯科和基辅之前，再与…通话: a day before a clause of "before doing" dates the other deed, not
        # the one the clause looks ahead to
        before_doing = _BEFORE_DOING.search(text, c_start, t_start)
        if before_doing is not None and _BEFORE_DOING_END.match(text, t_start):
            dates = [d for d in dates if not d.end <= before_doing.start()]
        if trig.frame != "visit":  # (抵达德黑兰，并逗留至13日，计划与鲁哈尼会谈: the stay's last day, not the talks')
            dates = [d for d in dates if not _STAYS_UNTIL.search(text, max(s.start, d.start - 4), d.start)]
        # 3日…决定取消了对韩国的访问: a day before the word that calls the event off dates the calling off
        dates = [d for d in dates if not self.cues.has("cancelled", text[d.end:t_start])]
        # 在“特金会”前一天通电话: a day counted from another event dates neither (but 普京周四…展开“特别军事
        # 行动”后一日: counted from the day its clause gives that event)
        dates = [d for d in dates if not (d.text.startswith(("前", "后", "之前", "之后"))
                                          and text[d.start - 1:d.start] in _EVENT_NOUN_END
                                          and not any(e.date_start and e.end <= d.start
                                                      and s.clause_of(e.start) == s.clause_of(d.start) for e in dates))]
        # said on Tuesday that Biden was postponing his trip: Tuesday dates the words, not the trip
        dates = [d for d in dates if not (d.start < t_start and any(
            m.end() > d.end for m in _REPORTED_THAT.finditer(text, max(c_start, d.start - 25), t_start)))]
        # 泽连斯基周二表示，他准备…会面; 普京周五表示，两人曾…会晤: the day of the words does not date a
        # plan or an earlier event they tell of (特朗普22日宣布，美国已与日本达成协议: that one it does)
        if trig.frame != "say":
            dates = [d for d in dates if not (d.start < t_start and self._reports_other_time(s, d, t_start))]
            # (金融时报本月稍早的报导提到，蔡英文说服麦卡锡在加州会晤: the day of a report, not of what it tells)
            dates = [d for d in dates if not (d.start < t_start and _OF_A_REPORT.match(text, d.end))]
        if trig.frame == "invite":  # an invitation dates its visit only by a day still to come
            future = [d for d in dates if c_start <= d.start < c_end and s.dct is not None and d.date_start
                      and d.date_start > as_date(s.dct).isoformat()]
            return future[0] if future else None
        trip: list[TimeExpr] = []
        if trig.frame != "visit":  # 18日抵达柏林举行磋商: the day of the journey is not the talks' date
            journey = [m for m in _ARRIVAL.finditer(text, c_start, t_start)
                       if m.group() not in ("前往", "赴") or _DEPARTURE.search(text, s.start, m.start())]
            arrival = max((m.end() for m in journey), default=None)  # (7日赴莫斯科与普京会谈: talks that day)
            if arrival is not None:
                # but talks during a trip of several days fall within it (将于20日至21日赴莫斯科举行会晤)
                trip = [d for d in dates if c_start <= d.start < arrival and days(d) > 1]
                c_start = arrival
                dates = [d for d in dates if d.start >= arrival]
        # (not a day that opens the next item of a list: 双方元首釜山会晤及11月24日通话的共识)
        in_clause = [d for d in dates if c_start <= d.start < c_end
                     and not (d.start >= t_start and _NEXT_ITEM.fullmatch(text, t_start + len(trig.word), d.start))
                     # (接待…时透露「赖总统预计8月访问」: a time in words quoted after the trigger is theirs)
                     and not (d.start >= t_start and _QUOTE_OPENS.search(text, t_start, d.start))]
        pick = [d for d in in_clause if d.start < t_start][-1:] or in_clause[:1]
        # (并前往梵蒂冈与教宗会谈之后: a clause joined to the one before shares its time, subordinate or not)
        subordinate = _SUBORDINATE.match(text, t_start + len(trig.word)) and not _COORDINATED.match(text, c_start) \
            and not _IN_A_CHAIN.search(text, s.start, c_start) \
            and not _dated_subject(s, dates, c_start)  # (飞抵新加坡，并赴总统府…，与陈庆炎会面后，随即…: in turn)
        if not pick and not self.cues.invites(text[c_start:t_start]) and not subordinate:
            # a time adverbial of an earlier clause scopes over the rest of the sentence, but not
            # over a visit someone is invited to make, nor over an event that only locates the
            # time (正值…会谈之后), nor, for talks still planned, the day of a journey (10日启程赴日，将与…会谈)
            pick = [d for d in dates if d.start < c_start][-1:]
            told = text[pick[0].end:_clause_end(text, pick[0].end, c_start)] if pick else ""
            if pick and trig.frame != "visit" and (
                    ((self.cues.has("planned", text[c_start:t_start]) or _MAYBE.search(text, c_start, t_start))
                     and (self.cues.has("journey", told) or ("访" in told and days(pick[0]) == 1))  # (今访中，将会见…:
                     # the visit's first day; not 11月4至7日访华，并将与…会晤: the stay holds the talks)
                     and not _ARRIVED_THEN.search(told)) or _LEFT_ONLY.search(told)):
                pick = []  # (12日抵达以色列，与内塔尼亚胡会谈: talks that day, as told; 12日离开北京，对…进行访问，
                # 并同阿尔巴尼斯举行会晤: the day of leaving home is no day of talks abroad)
            if pick and _new_subject(s, pick[0], c_start, t_start) and not pick[0].text.startswith(_TODAY) \
                    and not _ADVERBIAL_END.match(text, pick[0].end) \
                    and not _WHILE_CLAUSE.search(text, pick[0].end, c_start):  # (普京周四…展开行动后一日，习近平与他通电话)
                # (川普5月访问中东期间，夏拉在利雅得与川普会面: a clause of when, everyone's day)
                pick = []  # 蔡英文9月5日将率团访问，国安局长蔡明彦先行晋见国王: another person's day
                # (今天中方接待了…，秦刚同…会见: the day the story tells is everyone's)
            if pick and trig.frame == "visit" and _LATER_CLAUSE.match(text, c_start):
                pick = []  # 将于本月底访问阿根廷，而之后将访问美国: a later journey, its time untold
            if pick and s.dct is not None and pick[0].date_end and pick[0].date_end < as_date(s.dct).isoformat() \
                    and self.cues.has("planned", text[c_start:t_start]) and not _ADVERBIAL_END.match(text, pick[0].end):
                # 昨天通电话，双方表达将在峰会期间举行会谈的意愿: a plan, not the day gone by (but 去年八月，她计划
                # 出访…: a day of its own is the whole sentence's)
                pick = []
        if not pick and time_told_after(s, clause):
            # 此次访问应…邀请，时间为3月11日至13日: the clause after names the event's time
            told = _TIME_IS.match(text, c_end).end()
            pick = [d for d in dates if told <= d.start < _clause_end(text, told, s.end)][:1]
        pick = pick or trip[-1:]
        return pick[0] if pick else None

    @staticmethod
    def respectively(s: Sentence, t_start: int, n: int) -> list[When] | None:
        """The i-th of `n` days for the i-th of `n` events of one trigger when the sentence pairs them
        with 分别 or 先后 (A、B将分别于1月12日、14日访华; 10日和11日，王毅分别同A和B会谈; A、B和C先后在去年
        7月、8月和11月访问新加坡: days or months), else None."""
        text = s.text
        if n < 2 or ("分别" not in text[s.start:t_start] and "先后" not in text[s.start:t_start]):
            return None
        dated = [d for d in s.dates if s.start <= d.start < t_start and d.date_start]
        run = dated[-n:]
        if len(run) == n and all(_LIST_SEP.fullmatch(text, a.end, b.start) for a, b in zip(run, run[1:])) \
                and len({len(d.date or "") for d in run}) == 1 and len(run[0].date or "") in (7, 10):
            return [When(d.date, d.date_mod, d.date_start, d.date_end, d.text) for d in run]
        if dated and _LIST_SEP.search(dated[-1].text) and days(dated[-1]) == n:  # 10日和11日, read as one interval
            first = date.fromisoformat(dated[-1].date_start)
            return [When(day, None, day, day, dated[-1].text)
                    for day in ((first + timedelta(days=i)).isoformat() for i in range(n))]
        return None

    @staticmethod
    def repeated(s: Sentence, t_start: int, clause: tuple[int, int]) -> list[When] | None:
        """The months, or the days of different months, of a list right before the trigger in its
        clause, one event each (去年3月、5月和6月三次访华; 曾在去年12月2日和今年4月30日通电话), or the years
        of a list the clause counts (于2000年和2007年在平壤举行两次峰会), or the times a count before the
        trigger lists in the next clause (曾3度出访教廷，分别为2016年、2018年及2019年), else None
        (12日和13日举行会谈 may be one meeting of two days)."""
        text = s.text
        years = [d for d in s.dates if clause[0] <= d.start < t_start and d.date and len(d.date) == 4]
        counted = _COUNTED.search(text, years[-1].end, t_start) if len(years) > 1 and t_start - years[-1].end <= 12 else None
        listed = len(years) > 1 and all(_LIST_SEP.fullmatch(text, a.end, b.start) for a, b in zip(years, years[1:]))
        if listed and ((counted is not None and to_int(counted.group(1)) == len(years))
                       or _BEFORE_TRIGGER.fullmatch(text, years[-1].end, t_start)):
            # 两国于2000年和2007年在平壤举行两次峰会: one event a year, as many as the count says; 曾于1992年、
            # 1997年和2001年访华: one a year the list names, right before the trigger
            return [When(d.date, d.date_mod, d.date_start, d.date_end, d.text) for d in years]
        told = _TIMES_TOLD.search(text, clause[0], t_start)
        listed = _THE_TIMES.match(text, clause[1]) if told is not None and clause[1] < s.end else None
        if listed is not None:  # 曾3度出访教廷，分别为2016年、2018年及2019年: the times, listed after
            after = [d for d in s.dates if listed.end() <= d.start and d.date and len(d.date) in (4, 7, 10)]
            run = after[:1]
            for d in after[1:]:
                if not _LIST_SEP.fullmatch(text, run[-1].end, d.start):
                    break
                run.append(d)
            if len(run) == to_int(told.group(1)) and len(run) > 1 and run[0].start == listed.end():
                return [When(d.date, d.date_mod, d.date_start, d.date_end, d.text) for d in run]
        run = [d for d in s.dates if clause[0] <= d.start < t_start and d.date and len(d.date) in (7, 10)]
        # (分别于2023年5月、9月和2024年1月在维也纳、马耳他和曼谷举行了会谈: the places of the times, in order)
        if len(run) < 2 or not (_BEFORE_TRIGGER.fullmatch(text, run[-1].end, t_start) or (
                "分别" in text[clause[0]:run[0].start] and _AT_PLACES.fullmatch(text, run[-1].end, t_start))):
            return None
        first = len(run) - 1
        while first > 0 and _LIST_SEP.fullmatch(text, run[first - 1].end, run[first].start):
            first -= 1
        run = run[first:]
        if len({d.date[:7] for d in run}) < len(run) or len({len(d.date) for d in run}) > 1:
            return None
        return [When(d.date, d.date_mod, d.date_start, d.date_end, d.text) for d in run] if len(run) > 1 else None

    def occasion(self, s: Sentence) -> When | None:
        """The interval of a summit or conference the sentence dates (第59届慕尼黑安全会议周五至周日举行,
        为期两天的东盟峰会10日开幕), for the meetings held during it."""
        for m in _OCCASION.finditer(s.text, s.start, s.end):
            c_start, c_end = s.clause_of(m.start())
            dated = [d for d in s.dates if c_start <= d.start < c_end and d.date_start]
            if not dated:  # (北约将于周二起，一连三日在当地举行峰会: a start told in the clause before)
                dated = [d for d in s.dates if d.end <= c_start and d.date_start and _STARTING.match(s.text, d.end)][-1:]
                c_start = dated[0].start if dated else c_start
            if not dated:
                continue
            d = dated[0]
            stays = [x for x in _DURATION.finditer(s.text, c_start, c_end)]
            n = _days(stays[0]) if len(stays) == 1 and d.date_start == d.date_end else None
            end = (date.fromisoformat(d.date_start) + timedelta(days=n - 1)).isoformat() if n and n > 1 else d.date_end
            return When(d.date, d.date_mod, d.date_start, end, d.text)
        return None

    @staticmethod
    def venue(s: Sentence) -> Location | None:
        """The place a sentence holds a gathering at (理事会会议23日在亚美尼亚首都埃里温落幕): the place
        after 在 in the clause of the gathering's noun, with a verb of holding after it."""
        for m in _OCCASION.finditer(s.text, s.start, s.end):
            c_start, c_end = s.clause_of(m.start())
            at = _HELD_AT.search(s.text, c_start, c_end)
            held = [p for p in s.places if at is not None and at.start(1) <= p.start_char and p.end_char <= at.end(1)]
            if held:
                return held[-1].location
        return None

    def _reports_other_time(self, s: Sentence, d: TimeExpr, t_start: int) -> bool:
        """True when `d` dates a report (周二表示，… / 19日宣布…, 昨天举行吹风会，介绍…) and what it
        reports is planned (将, 准备, in the trigger's clause) or earlier (曾, 此前, 上次)."""
        gloss = _GLOSS.match(s.text, d.end)  # 昨天(27日)举行吹风会: past the day it glosses
        end = gloss.end() if gloss else d.end
        # (8月28日，克宫发言人佩斯科夫表示: a day opening the sentence dates the report of the clause after)
        reach = _REPORT_REACH * 2 if d.start - s.start <= 2 and s.text[end:end + 1] in "，," else _REPORT_REACH
        if (at := _AT_GATHERING.match(s.text, end)) is not None:  # 6月10日的自民党高层会议上表明: where the words were said
            reach += at.end() - end
        report = self.cues.first("report", s.text, end, min(end + reach, t_start))
        if report is None:
            return False
        told = s.text[report:t_start]  # (and the rest of the trigger's clause: 访问巴拉圭期间将会见…)
        # (总理公署3日发文告指出，黄总理是应…邀请访问菲律宾: a visit announced, not made that day)
        # (周四呼吁举行峰会: the words that urge it are a plan's too)
        # (外交部周日证实拉夫罗夫访华消息: the news of a visit, confirmed on a day of its own)
        told_end = _clause_end(s.text, t_start, s.end)
        if _DURING_END.search(s.text, t_start, told_end):  # (今天表示，访问华府期间，没有与…会面的计划: the
            told_end = _clause_end(s.text, told_end + 1, s.end)  # clause a time clause opens tells it)
        return self.cues.has("planned", s.text[end:told_end]) or \
            _EARLIER.search(told) is not None or _INVITED_TO.search(told) is not None \
            or _NEWS_OF.match(s.text, t_start) is not None

    def _stay(self, s: Sentence, trig: Trigger, t_start: int, d: TimeExpr) -> When:
        """The event's When from `d`; a visit that starts on `d` and lasts several days (昨起…三天,
        下周日起访华两天, 开始为期三天的访问) takes the whole stay."""
        when = When(d.date, d.date_mod, d.date_start, d.date_end, d.text)
        day = as_date(s.dct)
        if trig.frame == "visit" and day is not None and d.date_end and day.isoformat() < d.date_end \
                and _LASTS_UNTIL.search(s.text, max(s.start, d.start - 6), d.start):
            # 库列巴的访问将持续到本周五: a stay under way on the day written, until that day
            return When(None, None, day.isoformat(), d.date_end, d.text)
        stay = trig.frame == "visit" or (trig.type == "meeting" and _OCCASION.search(trig.word) is not None) or (
            trig.type in ("meeting", "agreement") and _talks_in_stay(s, t_start, d))
        if not stay or d.date_start != d.date_end or not d.date_start:
            return when  # (a visit, or a summit or conference that lasts: 外长会议今天登场，为期3天)
        if self.cues.has("arrival", trig.word):  # an arrival is its day, unless a stay follows it (抵达美国、过境2晚)
            t_end = t_start + len(trig.word)
            over = _OVERNIGHT.match(s.text, t_end, min(s.end, t_end + 12))
            n = _days(over) if over is not None else None
            return When(d.date, None, d.date_start, (date.fromisoformat(d.date_start) + timedelta(days=n - 1)).isoformat(),
                        d.text) if n and n > 1 else when
        # the stay's length in the clause of the trigger or of the day (not 结束五天四晚的巡访后，21日前往南非)
        c_start, c_end = s.clause_of(t_start)
        d_start, d_end = s.clause_of(d.start)
        # or in a clause of its own right after the trigger's (8日起访问越南，为期5天; …前往首站北京，进行三天访问)
        told_after = _LENGTH_AFTER.match(s.text, c_end)
        # or between a day of setting off and the trigger (24日启程，此趟共九天八夜，将访问…)
        set_off = _SET_OFF.search(s.text, d_start, d_end) is not None
        # or closing the sentence when the day is the one it starts on (5日起访问A和B，出席…，为期7天)
        closing = _LENGTH_CLOSES.search(s.text, c_end, s.end) if _STARTING.match(s.text, d.end) else None
        stays = [m for m in _DURATION.finditer(s.text, s.start, s.end)
                 if (c_start <= m.start() < c_end or d_start <= m.start() < d_end
                     or (told_after is not None and m.start() == told_after.end())
                     or (closing is not None and m.start() == closing.end())
                     or (set_off and d_end <= m.start() < c_start))
                 and not (m.end() <= d.start and "后" in s.text[m.end():d.start])  # (三天访问后于10日续程: the stop before)
                 and not _TOUR_NOUN.match(s.text, m.end())  # (开始为期8天的五国之行: the tour's length, not this stop's)
                 and not _NTH_DAY.search(m.group())]  # (访问的最后一天, 访问的第二天: which day, not how many)
        # 昨日率团访问越南，将于周四离开: to the day of leaving, told next (not 13日前往海地，13日晚间至16日访问…，
        # 19日离开圣卢西亚: the day another stop is left)
        leaving = departure_day(s, t_start)
        told_next = next((x for x in s.dates if x.start >= t_start), None)
        if not stays and trig.frame == "visit" and leaving is not None and told_next is not None \
                and told_next.text == leaving.date_text and (until := stay_until(when, leaving)) is not None:
            return until
        n = _days(stays[0]) if len(stays) == 1 else None
        if not stays and (en := _DURATION_EN.search(s.text, c_start, c_end)) is not None:
            word = next(g for g in en.groups() if g)  # a three-day state visit, for two days
            n = _EN_NUMBERS.get(word.lower()) or to_int(word)
        if not n or n < 2:
            starts = _STARTING.match(s.text, d.end) if trig.frame == "visit" else None
            # (从周四(18日)起出访A、B和C: the first day of a journey whose end is told elsewhere, if at all;
            # its words say so, for the merge to take the whole journey another sentence tells)
            return when if starts is None else When(d.date, d.date_mod, d.date_start, d.date_end,
                                                    s.text[d.start:starts.end()])
        # 周五结束对巴西为期两天的访问, 今日是马哈迪对日本进行三天官访的最后一天: the day the stay ends
        if _ENDS.match(s.text, d.end) or _LAST_DAY.match(s.text, t_start + len(trig.word)):
            first = date.fromisoformat(d.date_start) - timedelta(days=n - 1)
            return When(d.date, None, first.isoformat(), d.date_start, d.text)
        last = date.fromisoformat(d.date_start) + timedelta(days=n - 1)
        return When(d.date, None, d.date_start, last.isoformat(), d.text)


# a journey told by its length and a region (开始为期8天的东南亚之旅, 为期一周的欧洲之行): a stay with no
# country of its own, whose interval the stops told next (期间，…在柬埔寨…) fall within
_TOUR = re.compile(r"(?:之旅|之行|行程|巡访|出访)")


def tour_told(s: Sentence, subject: Actor | None) -> Trip | None:
    """The trip of several days sentence `s` tells without a visit of its own (岸田文雄自11月12日开始为期8天
    的东南亚之旅), travelled by its first person (else `subject`); None when it tells none."""
    m = _DURATION.search(s.text, s.start, s.end)
    if m is None or not _TOUR.search(s.text, m.end(), s.end) or s.trip is not None:
        return None
    days = _days(m)
    day = next((d for d in s.dates if d.end <= m.start() and d.date_start), None)
    persons = [a for x in s.actors for a in (x.actors or ()) if a.kind == "person"]
    traveller = persons[0] if persons else subject
    if not days or days < 2 or day is None or traveller is None:
        return None
    when = When(day.date, day.date_mod, day.date_start, day.date_end, day.text)
    return Trip(frozenset({traveller.name}), None, opened_stay(when, days) if when.days == 1 else when)


def stay_told(s: Sentence, focus: Focus) -> When | None:
    """The stay a sentence without a visit of its own gives the length of (此次为期三天的行程中，他将…)
    right after an arrival on the day last written (周一抵达安哥拉): that day and the days after it."""
    if any(e.type == "visit" for e in s.found):
        return None
    return _set_off_before(s, s.end, focus)


def _set_off_before(s: Sentence, t_start: int, focus: Focus) -> When | None:
    """The journey a sentence gives the length of (此趟共九天八夜, 此行为期五天, 在这场为期两天的访问中)
    when the sentence before set off or arrived on the day last written (24日…启程, 28日抵达多哈):
    that day and the days after it."""
    m = _JOURNEY_LENGTH.search(s.text, s.start, t_start)
    said = focus.said
    if m is None or said is None or not said.date_start or said.date_start != said.date_end:
        return None
    # (the sentence before, or an earlier one when none since has written a date: 今天率团飞抵德里。…。两天的访问中)
    before = s.text[max(0, s.start - 400):s.start]
    if not _SET_OFF.search(before) and not _ARRIVAL.search(before):
        return None
    return opened_stay(said, _days(_DURATION.search(m.group())))


def _talks_in_stay(s: Sentence, t_start: int, d: TimeExpr) -> bool:
    """True for talks in a clause of their own (其间, 并, or the verb alone: 分别会晤) after the clause of
    a day a stay starts on (30日起出席为期两天的峰会，并同…会谈): they fall within the whole stay."""
    c_start = s.clause_of(t_start)[0]
    return s.clause_of(d.start)[1] <= c_start and _STARTING.match(s.text, d.end) is not None \
        and (_DURING.match(s.text, c_start) or _COORDINATED.match(s.text, c_start)
             or _NO_SUBJECT.fullmatch(s.text, c_start, t_start)) is not None


def _round_trip(s: Sentence) -> When | None:
    """The journey a sentence tells by the day it sets off and the day it comes back (3月29日启程…
    定4月7日返抵台湾): from the one to the other; None when it tells no such pair."""
    off = next((d for d in s.dates if d.date_start and _SET_OFF.match(s.text, d.end, d.end + 4)), None)
    back = next((d for d in s.dates if off is not None and d.start > off.end and d.date_end
                 and _COME_BACK.match(s.text, d.end, d.end + 4)), None)
    if off is None or back is None or back.date_end < off.date_start:
        return None
    return When(None, None, off.date_start, back.date_end, f"{off.text}…{back.text}")


_HOME_WORDS = "返抵|返回|返国|回国|归国|返台|回台|返港|回港|返京|回京"  # the words of coming home
_TIME_OF_DAY = r"(?:[上下]午|晚间?|傍晚|凌晨)?"  # 10日晚离开, 周四上午返抵: the part of the day told with it
_COME_BACK = re.compile(rf"\s*(?:{_HOME_WORDS}|回到|返台|返京)")
# the day a visitor leaves the place (访问团将于9日离开北京, 周四离境, 13日离台, 3日下午搭乘专机离台, 10日结束访问; not 21日返国: the
# day home, after the last stop of a tour)
_LEAVES = re.compile(rf"\s*(?:[（(][^）)]{{1,12}}[）)])?\s*{_TIME_OF_DAY}\s*(?:(?:搭乘|乘坐|乘)[^，。；离]{{0,6}}?)?"
                     r"(?:离开|离境|离[京沪华台港澳日韩美俄英法德越泰印]|结束[^，。；]{0,10}?(?:访问|行程|访[华中日韩美俄英法德越泰印台])"
                     rf"|(?:启程|动身|出发)(?:{_HOME_WORDS}))")  # (10日晚启程回国: leaves the place that day)
# the last deed of a day, after which the trip ends (28日上午参访…后，访贝行程圆满结束): that day is the last
_ENDS_AFTER_DEED = re.compile(r"[^。；;]{0,60}?后\s*[，,]\s*[^，。；;]{0,8}?(?:行程|访问)(?:圆满|顺利)?(?:结束|落幕)")
# a day a stay ends on (周五结束对巴西为期两天的访问): the stay's length counts back from it
_ENDS = re.compile(rf"\s*{_TIME_OF_DAY}\s*(?:结束|完成)")
# the day a traveller comes home (周四返抵韩国, 10日回国): the end of a trip to one country
_COMES_HOME = re.compile(rf"\s*{_TIME_OF_DAY}\s*(?:{_HOME_WORDS})")
STAY_DAYS = 14  # the longest stay an arrival and a departure told apart make (days)


def departure_day(s: Sentence, after: int = 0, home: bool = False) -> When | None:
    """The one day sentence `s` says someone leaves on, at or after offset `after` (将于9日离开北京), or
    with `home`, comes home on (周四返抵韩国); None if it says none."""
    words = _COMES_HOME if home else _LEAVES
    d = next((d for d in s.dates if d.start >= after and d.date_start and d.date_start == d.date_end
              and (words.match(s.text, d.end) or (not home and _ENDS_AFTER_DEED.match(s.text, d.end)))), None)
    return When(d.date, d.date_mod, d.date_start, d.date_end, d.text) if d is not None else None


def itinerary_told(s: Sentence) -> When | None:
    """The interval sentence `s` gives a journey by its days (康达从11月27日至12月4日的行程, 此次5日至9日的
    访问), or by the day it sets off and the day it comes back (安倍将于25日启程，30日回国), or None."""
    d = next((d for d in s.dates if d.date_start and d.date_end and d.date_start != d.date_end
              and (date.fromisoformat(d.date_end) - date.fromisoformat(d.date_start)).days < STAY_DAYS
              and _ITINERARY.match(s.text, d.end)), None)
    if d is None:
        trip = _round_trip(s)
        return trip if trip is not None and trip.days <= STAY_DAYS else None
    return When(d.date, d.date_mod, d.date_start, d.date_end, d.text)


_ITINERARY = re.compile(r"\s*[的之]?(?:行程|访问|出访|之行|旅程|巡访)")


def tour_starts(sentence: str, when: When) -> bool:
    """True when `sentence` tells that a journey starts on the single day `when` (周四(9日)从羽田机场出发,
    前往…; 下周一(22日)起访问欧美多国)."""
    if not when.date_text or when.date_start != when.date_end:
        return False
    if when.starts_journey:
        return True
    at = sentence.find(when.date_text)
    return at >= 0 and (_SET_OFF_AFTER.match(sentence, at + len(when.date_text)) is not None
                        or _STARTING.match(sentence, at + len(when.date_text)) is not None)


_SET_OFF_AFTER = re.compile(rf"[^，。；,;]{{0,12}}?(?:{_SET_OFF_WORDS})")  # (周四(9日)从羽田机场出发)


def stay_until(arrival: When, leaving: When | None) -> When | None:
    """The stay from a day of arrival to a later day of leaving (5日抵达…9日离开: 5-9), or None
    when they make none (no single days, leaving first, or more than two weeks apart)."""
    if leaving is None or not arrival.date_start or arrival.date_start != arrival.date_end:
        return None
    first, last = date.fromisoformat(arrival.date_start), date.fromisoformat(leaving.date_start)
    if not 0 < (last - first).days <= STAY_DAYS:
        return None
    return When(None, None, arrival.date_start, leaving.date_end, f"{arrival.date_text}…{leaving.date_text}")


def opened_stay(arrival: When, n: int | None) -> When:
    """The stay of `n` days that a day of arrival opens (8日抵达，开始为期三天的访问: 8-10);
    `arrival` itself when it is no single day or `n` is unknown."""
    if not n or not arrival.date_start or arrival.date_start != arrival.date_end:
        return arrival
    last = date.fromisoformat(arrival.date_start) + timedelta(days=n - 1)
    return When(arrival.date_start, None, arrival.date_start, last.isoformat(), arrival.date_text)


def stated_length(text: str, start: int, end: int, stop_only: bool = False) -> int | None:
    """The days a stay lasts as text[start:end] tells it (为期一天的访问: 1, 访华两天: 2), else None; with
    `stop_only`, not the length of a tour of several countries or a region (开启为期六天的访欧之旅)."""
    m = _DURATION.search(text, start, end)
    if m is None or (stop_only and (_TOUR_NOUN.match(text, m.end()) or _REGION_TOUR.match(text, m.end()))):
        return None
    return _days(m)


def _days(stay: re.Match[str]) -> int | None:
    """The days a stay of `_DURATION` lasts (为期一周: 7)."""
    n = to_int(next(g for g in stay.groups() if g))
    if n and stay.group()[-1] in "晚夜" and "天" not in stay.group():
        return n + 1  # (过境2晚: from the day of arriving to the day of leaving)
    return n * 7 if n and ("周" in stay.group() or "星期" in stay.group()) else n


_TODAY = ("今天", "今日", "昨天", "昨日")  # the day a story tells, not a day of one person's plan


def _describes_person(s: Sentence, d: TimeExpr) -> bool:
    """True when `d` lies in a relative clause ending in 的 right before a person, titles and countries
    between (在11月5日大选中胜出的特朗普, 此前一天宣誓就职的意大利新总理梅洛尼)."""
    m = _RELATIVE_CLAUSE.match(s.text, d.end)
    return m is not None and any(x.start_char >= m.end() and len(s.masked[m.end():x.start_char].replace(" ", "")) <= 1
                                 and any(a.kind == "person" for a in (x.actors or ())) for x in s.actors)


_TIME_IS = re.compile(r"[，,]\s*(?:(?:访问|会谈|会晤|会议|行程)?的?(?:时间|日期|日程)将?(?:为|是|定为|定于|定在)"
                      r"|(?:首脑|领袖|领导人|双边|两国)?(?:会谈|会晤|会面)(?:预计|预定|将|拟)?(?:安排|定|订)?(?:在|于))\s*")
_SINCE_EN = re.compile(r"\bsince\b[^,.;:()]*$", re.I)  # an English clause of since, open up to the time
# a deed of another kind than the events, then "after" closing its clause (就任总统后，, 峰会成功举办后，)
_AFTER_ANOTHER_DEED = re.compile(r"[^，,。；;]{0,20}?(?:就任|就职|上任|出任|当选|执政|掌权|宣誓|举办|成立|建交)"
                                 r"[^，,。；;]{0,8}?(?:之后|以后|后)[^，,。；;]{0,4}?\s*[，,]")  # (川普1月就职后换人当，)
# a trigger naming the news of an event (访华消息, 会面的传闻): the report's day is not the event's
_NEWS_OF = re.compile(r"[\u4e00-\u9fff]{1,6}?的?(?:消息|传闻|一事|方针|意向|构想)")  # (表明访问伊朗的方针)
_AT_GATHERING = re.compile(r"的?[^，。；,;]{0,12}?(?:会议|记者会|发布会|吹风会|采访|讲话|演讲)(?:上|中|时)")


def _until_from_trip(s: Sentence, d: TimeExpr, focus: Focus, actors: tuple[Actor, ...]) -> When | None:
    """The stay from the first day of the trip in focus to the day `d` the traveller stays until (12日起访问伊朗
    …。安倍将抵达德黑兰，并逗留至13日: 12-13), or None when `d` is no such day or the trip is not theirs."""
    trip = focus.trip
    if not _STAYS_UNTIL.search(s.text, max(s.start, d.start - 4), d.start) or trip is None or not d.date_start \
            or not trip.when.date_start or not {a.name for a in actors} & trip.travellers:
        return None
    first, last = date.fromisoformat(trip.when.date_start), date.fromisoformat(d.date_start)
    if not 0 < (last - first).days < STAY_DAYS:
        return None
    return When(None, None, trip.when.date_start, d.date_end, f"{trip.when.date_text}…{d.text}")


def time_told_after(s: Sentence, clause: tuple[int, int]) -> bool:
    """True when the clause after the trigger's names the event's time (…访问应A的邀请，时间为3月11日至13日;
    …与A举行会谈，首脑会谈预计安排在28日): words of its own, even for an event told already."""
    return _TIME_IS.match(s.text, clause[1]) is not None


# the day of a stay counted from its first (访问首日, 访华第二天, 行程的最后一天), opening the sentence
_NTH_OF_TRIP = re.compile(r"(?:访问|访华|行程|此行|出访|访[\u4e00-\u9fff])的?(?:(?P<first>首日|第一天|第一日)"
                          r"|第(?P<n>[二三四五六七八九十2-9])(?:天|日)|(?P<last>最后一天|最后一日))")


def _day_of_trip(s: Sentence, t_start: int, trip: Trip | None) -> When | None:
    """The day a sentence opening with the Nth day of the stay in focus names (访问首日，…; 访问第二日，…),
    inside the stay; else None."""
    m = _NTH_OF_TRIP.search(s.text, s.start, min(t_start, s.start + 12))
    if m is None or trip is None or not trip.when.date_start or trip.when.date_start == trip.when.date_end:
        return None
    first, last = date.fromisoformat(trip.when.date_start), date.fromisoformat(trip.when.date_end)
    day = last if m.group("last") else first + timedelta(days=(to_int(m.group("n")) or 1) - 1 if m.group("n") else 0)
    if day > last:
        return None
    return When(day.isoformat(), None, day.isoformat(), day.isoformat(), m.group())


# a time that describes a report (本月稍早的报道, 3日的声明)
_OF_A_REPORT = re.compile(r"(?:稍早|早些时候|早前|稍后)?的(?:报道|报导|報導|消息|声明|聲明|文章|社论|社論|评论|評論|采访|採訪|专访|專訪)")
_DURING_END = re.compile(r"(?:期间|之际|时)\s*$")


def _clause_end(text: str, at: int, limit: int) -> int:
    m = CLAUSE_BREAK.search(text, at, limit)
    return m.start() if m else limit


def _new_subject(s: Sentence, d: TimeExpr, c_start: int, t_start: int) -> bool:
    """True when the trigger's clause names a person as its own subject, other than the persons of
    the clause that `d` dates."""
    own = [a for x in s.actors if c_start <= x.start_char < t_start and not partner(s.text, x, c_start)
           for a in (x.actors or ()) if a.kind == "person"]
    d_start, d_end = s.clause_of(d.start)
    theirs = {a.name for x in s.actors if d_start <= x.start_char < d_end for a in (x.actors or ()) if a.kind == "person"}
    return bool(own) and bool(theirs) and own[0].name not in theirs


def _trip_for(s: Sentence, focus: Focus, c_start: int, t_start: int, actors: tuple[Actor, ...]) -> Trip | None:
    """The trip an event belongs to: the one to the country its clause names (访问法国期间) or to
    the country of a side met, among the trips told (a tour: one per country); else the trip
    under way, unless the clause names another country."""
    names = {a.name for a in actors}
    trips = focus.trips + tuple(s.trips)
    named = [p.location.country for p in s.places if c_start <= p.start_char < t_start and p.location.country]
    for country in reversed(named):
        trip = trip_to(trips, country, names)
        if trip is not None:
            return trip
    for a in actors:  # (a side of the country visited, not a traveller)
        trip = trip_to(trips, a.country, names) if a.country else None
        if trip is not None and a.name not in trip.travellers:
            return trip
    if named and focus.trip is not None and focus.trip.country not in named:
        return None
    return focus.trip


def _day_written(s: Sentence, t_start: int, focus: Focus) -> When | None:
    """The day last written before `t_start`: in this sentence (24日抵达喀布尔，届时将与…会面), else
    the last a sentence before wrote; None when there is none."""
    written = [d for d in s.dates if d.end <= t_start and d.date_start]
    if written:
        d = written[-1]
        return When(d.date, d.date_mod, d.date_start, d.date_end, d.text)
    return focus.said if focus.said is not None and focus.said.date_start else None


def _during_clause_before(s: Sentence, c_start: int) -> bool:
    """True when the clause right before the one at `c_start` is only the time of the visit (林剑介绍，
    访问期间，丁薛祥将…; 博鲁阿尔特总统到访中国期间，习近平将…)."""
    before = [c for c in s.clause_starts(c_start) if c < c_start][-1:]
    return any(_DURING.fullmatch(s.text, c, c_start - 1) or _DURING_VISIT_CLAUSE.fullmatch(s.text, c, c_start - 1)
               for c in before)


def ended_long_before(when_end: str | None, dct: date | datetime | None) -> bool:
    """True when an interval ending on `when_end` ended more than two months before the story's day `dct`
    (a time of its own in a look back, not the story's)."""
    return dct is not None and bool(when_end) and (as_date(dct) - date.fromisoformat(when_end)).days > _LONG_BEFORE


_LONG_BEFORE = 62  # days


def _told_there(s: Sentence, t_start: int, focus: Focus, actors: tuple[Actor, ...]) -> When | None:
    """The single day in focus when the clause places the talks during a visit to a place (在访问河内期间)
    of the country where the events in focus happened, and a side of the talks in focus is a side; else None."""
    during = DURING_TRIP.search(s.text, s.start, t_start)  # (在访问河内期间，…还和B举行了会谈: a clause of its own)
    if during is None or focus.place is None or focus.when is None or not focus.when.date_start \
            or focus.when.date_start != focus.when.date_end \
            or not {a.name for a in focus.actors} & {a.name for a in actors}:
        return None
    named = [p.location.country for p in s.places if s.start <= p.start_char < during.end() and p.location is not None]
    return focus.when if named and named[-1] == focus.place.country else None


def _traveller_meets(trip: Trip, actors: tuple[Actor, ...], venues: dict[str, Location]) -> bool:
    """True when a traveller of `trip` meets someone who is not one, and no one of a third country
    (还将会见波兰总理 while the trip told is to Lithuania: a stop of its own), unless the document
    holds a gathering (`venues`) in the country visited: the leaders who come to it meet there."""
    names = {a.name for a in actors}
    others = [a for a in actors if a.name not in trip.travellers]
    summit = trip.country is not None and any(v.country == trip.country for v in venues.values())
    return bool(names & trip.travellers) and bool(others) and (summit or all(
        a.country in (None, trip.country) or trip.country is None for a in others))


def _hosted(trip: Trip, actors: tuple[Actor, ...]) -> bool:
    """True when a traveller of `trip` meets a side of the country visited."""
    names = {a.name for a in actors}
    return bool(names & trip.travellers) and trip.country is not None and any(
        a.country == trip.country for a in actors if a.name not in trip.travellers)


def days(t: TimeExpr) -> int:
    """The length of a time expression's interval in days (0 when it has none)."""
    if not t.date_start or not t.date_end:
        return 0
    return (date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days + 1


def _dated_subject(s: Sentence, dates: list[TimeExpr], c_start: int) -> bool:
    """True when a day is a clause of its own and the clause at `c_start` right after it opens on
    its subject (4月27日，两韩领袖在板门店会谈后，…: that day's talks; not 3日，正值…会谈之后: a time
    the day's deed is told against)."""
    return any((d.start == s.start or s.text[d.start - 1] in "，,")
               and (comma := _ADVERBIAL_END.match(s.text, d.end)) is not None and comma.end() == c_start
               for d in dates) and any(a.start_char >= c_start and not s.masked[c_start:a.start_char].strip()
                                       for a in s.actors)  # (…，中国国务院总理李克强在…会谈后: titled)
