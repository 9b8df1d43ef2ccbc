"""Why a trigger word states no event where it stands: negated, a condition, a non-event, a
message rather than a call, part of a noun, a reference back to an event told elsewhere.

`blocked` returns the reason (for the trace), or None when the trigger may state an event.
"""
from __future__ import annotations

import re

from timeline.events.cues import Cues
from timeline.events.dating import SINCE, ended_long_before
from timeline.events.guests import unnamed_guests
from timeline.events.places import PLACES_LISTED, named_stop, one_letter_country
from timeline.events.sentence import ABOUT_JIU, ACCOMPANY, CLAUSE_BREAK, MEETING_VERB, Sentence, offices_listed, partner, strip_actors
from timeline.events.status import HELD_LATER
from timeline.events.triggers import Trigger

_NTH = re.compile(r"第[二三四五六七八九十两0-9]{1,3}次")  # 这是两国领导人的第三次会晤: the meeting just told
NOUN_AFTER = frozenset("团者桌室厅")
# a clause that tells a past fact after a consequence or a look back (若消息属实，这将是…第二次访俄，他曾在
# 2019年访问…): a fact of its own
_FACT_BEFORE = re.compile(r"曾|此前|早前|先前|上一?次")
_FORMER = re.compile(r"前任?|现任|新任|时任|候任|原")  # 访华的英国前首相卡梅伦: still the visitor
_FEW_SIDES = 4  # a meeting of at most so many sides is one its attendees hold (not 参加东盟外长会议)
_NOT_TRAVEL_BEFORE = frozenset("回过离失除上下来进出")  # 回去北京, 过去, 离去: not a journey to the place
_INTERVIEWED = re.compile(r"^.*接受[^，。]{0,12}?采访")  # 接受当地媒体采访时表示: the interviewee speaks
_INTERVIEW_BEFORE = re.compile(r"接受(?:(?!邀)[^，。；]){0,20}$")  # 接受福斯商业网（Fox Business）访问 (not 接受邀请访问)
_EN_NEGATION = re.compile(r"\b(?:not|never|no plans? to|n't)\s+(?:[a-z]+\s+){0,2}$", re.I)
# 未与习通话, 从未举行过公开会晤, 未考虑安排与日本领导人会晤, 不会在会议期间与…举行双边会晤, 没有计划与普京通电话
_NEGATED = re.compile(r"(?:未|没有|并未|尚未|从未|未曾|未能|不会|不打算|无意|不准备|不考虑|无计划)"
                      r"(?:考虑|安排|计划|打算|准备|寻求|同意|再|在[^，。与同和跟]{0,12}?(?:期间|上|时))*"
                      r"(?:[与同和跟]|(?:举行|进行|有)过?[^，。]{0,4}$|$)")
# a meeting noun inside the issues of 就…问题 (就G20峰会等问题交换意见): the phrase opens before it and closes
# after it (not 就访美事宜: the matter of a visit still to make)
_TOPIC_OPEN = re.compile(rf"{ABOUT_JIU}[^，。；,;]{{0,30}}$")
_TOPIC_CLOSE = re.compile(r"[^，。；,;]{0,4}?(?:问题|议题|交换了?意见|交换看法|交换了?看法|进行了?讨论|进行了?沟通)")  # (就…峰会交换了意见)
# a count of times right after the trigger (会见了5次, 通话三次): a tally of many events
_TIMES = re.compile(r"了?\s*(?:[2-9]|[1-9][0-9]|[两三四五六七八九十]|十[一二三四五六七八九])\s*次")
_ABSENT = re.compile(r"缺席|(?:未|没有|并未|未能|不会|不再|拒绝)(?:获邀|受邀|被邀请?)?(?:出席|参加|参与|与会)[^，。；]{0,20}$")
_DURING_AFTER = re.compile(r"(?:期间|之际|时)")
_GATHERINGS = ("会议", "外长会")  # (a gathering named to tell when something else happens)
_BY_OCCASION = re.compile(r"(?:借|利用|趁)[^，。；]{0,12}$")  # (借在印尼出席…之机: an occasion taken)
_OCCASION_END = re.compile(r"[^，。；]{0,24}?(?:之机|之际|的机会)")
_EDGE_OF = re.compile(r"之?[前后]|期间")
_BRACKETED_EDGE = re.compile(r"(?:[（(][^（）()]{1,16}[)）])?(?:之?[前后]|期间)")  # 于5月G7首脑会议（广岛峰会）后
_HABIT = re.compile(r"通常|一般会|往往|惯例|历来|每年|每次|每逢|经常|时常|常常")
_WHICH = re.compile(r"哪位|哪些|哪个|哪国|何时|何人|谁")  # the words of a question about who or when
_ASKED = re.compile(r"[^，。；！？?,;!]*[？?]")  # the clause of the trigger ends with a question mark
_LENGTH_BEFORE = re.compile(r"为期[^，。；的]{1,6}的$")  # 为期两天的会谈: how long the talks last
# 对A、B、C展开为期5天的访问: the places and the opening verb of a visit told, not a reference to one
_TO_PLACES_OPENED = re.compile(r"对[^，。；]{2,40}?(?:展开|开始|进行|开启)")
_HELD = re.compile(r"(?:进行|举行|开展|出席|参加)了?[^，。；]*$")
# 前往会见, 赴迎接: going to do something there, no place named (a visit needs its destination)
_GO_TO_DO = re.compile(r"\s*(?:会见|会晤|会面|见面|出席|参加|迎接|看望|拜会|接见|送行|参观|视察)")
_ANNIVERSARY = re.compile(r"[^，。；]{0,4}?[0-9一二两三四五六七八九十百]+周年")  # 访华50周年: a date remembered
_BUILDING = re.compile(r"[\u4e00-\u9fff]{0,6}?(?:府|宫|官邸|大楼|大厦|机场|会场|酒店|饭店|宾馆)(?![\u4e00-\u9fff]{0,2}(?:市|省|州))")
_ATTENDEES = re.compile(r"的(?:还有|有)")
_IN_TALKS = re.compile(r"在(?:与|同|和)[^，。；,;]{1,16}$")
_DURING_TALKS = re.compile(r"(?:中|时|期间)")
_EITHER_AFTER = re.compile(r"[^，。；,;]{0,4}?(?:或者|或是)")  # (一是…或是: the alternatives of a clause)
_EITHER_BEFORE = re.compile(r"(?:或者|或是)(?:与|同|跟|向|前往|到|赴)[^，。；,;]{0,12}$")  # (not 今天或者明天将访问)
# 到泰国出席…会议的习近平: 到 a place to attend or visit is a journey (not 到目前, 受到)
_STOP_BEFORE = re.compile(r"[站程](?:是|先|再|则|会|将|就)?$")  # 第一站先到德国, 下一程到新加坡: a stop of the tour
_PURPOSE_AFTER = re.compile(r"\s*(?:出席|参加|访问|进行|举行|与|同|会见|会晤)")
# a meeting named as the matter spoken about (在谈到两国总统会晤问题时, 就首脑会谈一事)
# a sentence told within a visit (访问期间，两国元首将就…交换意见): the views exchanged are the talks of the stay
_DURING_VISIT = re.compile(r"\s*(?:在)?(?:访问|访[\u4e00-\u9fff]|此访|出访|此行)期间")
_TOPIC_BEFORE = re.compile(rf"谈到|谈及|提到|提及|问及|关于|{ABOUT_JIU}")
_TOPIC_AFTER = re.compile(r"\s*(?:问题|一事|议题|话题)")
_BRIEFING = re.compile(r"记者会|说明会|发布会|声明|吹风会")  # (针对…召开记者会: the matter a briefing is about)
_BRIEFING_ON = re.compile(r"[^，。；,;\s的]{0,12}?(?:记者会|说明会|吹风会)")  # (出访友邦记者会: a briefing named by its matter)
# a clause that opens a new deed after a look back: a subject planning a day (他预定18日下午…会谈), or a
# count of times before a date (第一次于2016年的6月份, 第二次则是于)
_SUBJECT_THEN = re.compile(r"(?:他|她|他们|双方|两人)(?:预定|预计|将|将于|定于|于|计划)")
_NTH_TIME = re.compile(r"第[一二三四五六七八九十0-9]{1,2}次(?:则是|是)?(?:于|在)?\s*$")
_GROUP_LED = re.compile(r"率[^，。；]{0,12}?(?:团|代表团)$")  # 率中国艺术团到平壤: the leader travels
_SENT = re.compile(r"(?:派|派遣|委派|指派)[^，。；]{1,24}$")
# (通报会谈情况: what the talks told elsewhere were; but 习近平访韩事宜, the matter of a trip a named
# person is to make, is a planned visit)
_MATTER_AFTER = re.compile(r"[^，,。；;：:的]{1,10}?(?:筹备|准备|安排|相关)?事宜")  # (访问伊拉克筹备事宜)
_RESULT = re.compile(r"(?:结果|成果|内容|精神|纪要|事宜|日期|情况)")
_EMBASSY = re.compile(r"^[^，。,；]{0,12}?(?:使馆|领事馆|代表处)")
_EMBASSY_CALL = re.compile(r"^[^，。,；]{0,12}?(?:使馆|领事馆|代表处)等?(?:[，。,；]|$)")  # (not 使馆临时代办: a person)


_DATED_REACH = 8  # 落实9月10日两国元首通话精神: a day this close before the event's noun dates that event


def _dated_before(s: Sentence, c_start: int, t_start: int) -> bool:
    """True when a day is written in the clause just before the trigger: the event whose outcome or
    spirit is meant is named by its day (落实9月10日两国元首通话精神), not only told elsewhere."""
    return any(c_start <= d.start and d.end <= t_start and t_start - d.end <= _DATED_REACH and d.date_start
               and d.date_start == d.date_end for d in s.dates)


def _journey_by_dao(s: Sentence, t_start: int, t_end: int, before: str) -> bool:
    """True when 到 tells a journey: of someone sent (派蓬佩奥到韩国), or to a place right after it
    with a purpose (到韩国访问), of a person named right before its day (李勇浩上周到莫斯科; not
    美国军舰下个月到香港), of a group led there (率中国艺术团到平壤), or a stop of a tour (第一站先到德国)."""
    if _SENT.search(before):
        return True
    places = [p for p in s.places if p.start_char == t_end]
    if places and _STOP_BEFORE.search(before):
        return True
    if any(_PURPOSE_AFTER.match(s.text, p.end_char) for p in places):
        return True
    person_ends = {a.end_char for a in s.actors if any(x.kind == "person" for x in a.actors or ())}
    return bool(places) and (any(d.end == t_start and d.start in person_ends for d in s.dates)
                             or _GROUP_LED.search(before) is not None)


def _new_partner(s: Sentence, c_start: int, t_start: int) -> bool:
    """True when the clause names its own partner, one no event of the sentence has (在与普京会晤之前，
    波罗申科也先与默克尔交换了意见: talks with 默克尔, not part of those with 普京)."""
    told = {a.name for e in s.found for a in e.actors}
    return any(partner(s.text, x, c_start) and a.kind == "person" and a.name not in told
               for x in s.actors if c_start <= x.start_char < t_start for a in (x.actors or ()))


def _someone_new(s: Sentence, c_start: int, t_start: int) -> bool:
    """True when the clause names a person no event told so far has (也是李强…首次访韩, after
    岸田's visit: 李强's own visit, not a look back at the one told)."""
    told = s.doc.user_data.get("told", set())
    return any(a.kind == "person" and a.name not in told
               for x in s.actors if c_start <= x.start_char < t_start for a in (x.actors or ()))


_FOLLOWS_FROM = re.compile(r"继")  # 这是继…会谈之后的再度会面: the event it follows
_FOLLOWED = re.compile(r"[^，。；]{0,3}?(?:之后|以后|后)")


def _earlier_one(s: Sentence, c_start: int, t_start: int, t_end: int) -> bool:
    """True when the trigger names, with a date of its own, the earlier event that the one told follows
    (这是继上月30日两人…首次会谈之后的再度会面: the talks of the 30th, another event)."""
    follows = _FOLLOWS_FROM.search(s.text, c_start, t_start)
    return follows is not None and _FOLLOWED.match(s.text, t_end) is not None \
        and any(follows.end() <= d.start < t_start and d.date_start for d in s.dates)


_SINCE_BEFORE = re.compile(r"(?<![来各])[自从][^，。；自从]{0,8}$")  # (自意大利2023年12月退出…后: a start)


def _dated_long_before(s: Sentence) -> bool:
    """True when the sentence writes a day, month or year well before the story's, not the start of a
    period (莫迪上一回访马是2015年11月23日; 他在零七年首次担任首相时亦曾访问印度: that visit, not one told;
    not 这是2018年5月以来首次…: a start)."""
    return any(ended_long_before(d.date_end, s.dct) and not SINCE.match(s.text, d.end)
               and not s.text.startswith(("起", "开始"), d.end)
               and not _SINCE_BEFORE.search(s.text, max(s.start, d.start - 9), d.start) for d in s.dates)


# what moves a traveller on to the next stop (安倍之后转到意大利, 随后转到, 再转到, 之后会转到)
_NEXT_STOP = re.compile(r"(?:之后|其后|随后|然后|接着|稍后|再|又|将|并|后)会?$")


# talks that are the means of the deed the clause tells (通过双边协商就…达成协议, 协商签署了协议)
_THROUGH = re.compile(r"(?:通过|经过|经由|透过)[^，。；]{0,4}$")
_DONE_BY_IT = re.compile(r"\s*(?:签署|签订|达成|解决|确定|敲定|制定)")


# contact kept up or stepped up (保持密切磋商, 加强战略沟通): no talks of their own
_CONTACT_WORDS = frozenset({"磋商", "协商", "沟通", "对话", "交流", "联系"})
_KEEP_UP = re.compile(r"(?:保持|加强|深化|继续|密切)着?(?:密切|经常性?|定期|高层|战略|密切的)?的?$")


_GOING_TO = frozenset({"前往", "动身前往", "启程前往", "飞往", "赶赴", "转往"})  # a journey to a place it names


def _day_opens_clause(s: Sentence, after: int, t_start: int) -> bool:
    """True when a clause between `after` and the trigger opens with a day of its own (这是他上任以来的首次
    访问，21日，他在马什哈德停留; 他预定18日下午…: a new deed; not 这已经是两人在本月里的第二次会晤), or with a count of times
    and a date of any kind (这次是她第5次出访，第一次于2016年的6月份访问A: the first of those told)."""
    starts = s.clause_starts(t_start)
    return any(after < d.start < t_start and d.date_start and (
        (d.date_start == d.date_end and (d.start in starts or any(
            _SUBJECT_THEN.fullmatch(s.text, c, d.start) for c in starts if after < c < d.start)))
        or any(_NTH_TIME.match(s.text, c, d.start) for c in starts if after < c <= d.start)) for d in s.dates)


def blocked(s: Sentence, cues: Cues, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int]) -> str | None:
    """The reason the trigger at [t_start, t_end) states no event, or None."""
    text = s.text
    c_start, c_end = clause
    before = text[c_start:t_start]
    told_types = s.doc.user_data.get("told_types", ())  # the types of the events told so far
    if cues.ends_with("negation", text[max(c_start, t_start - 3):t_start]):
        return "negation"
    if cues.has("hypothetical", before.replace("若干", "")):
        return "condition"  # 如果…会晤, 川普与蒲亭若再度举行峰会: a condition, not an event
    if cues.has("hypothetical", text[s.start:c_start].replace("若干", "")) and not _FACT_BEFORE.search(before):
        return "condition"  # 如果卢拉下月前往喀山，他将与普京会晤, 两国同意一旦…，两国元首将立即磋商: a consequence
    if _EN_NEGATION.search(before):
        return "negation"  # would not meet, has never visited
    bare = strip_actors(s.masked, c_start, t_start, s.actors).replace(" ", "")
    if _NEGATED.search(bare[-24:]) or "是否" in bare:
        return "negation"  # 未与习通话, 从未举行过公开会晤: negated (partner or light verb between); 是否: undecided
    if _WHICH.search(text, c_start, t_start) and _ASKED.match(text, t_end):
        return "question"  # 中方哪位领导人将同他会见？: asked, not told
    if trig.word == "访问" and _INTERVIEW_BEFORE.search(text, c_start, t_start):
        return "interview"  # 接受福斯商业网访问时说: an interview given, not a visit
    if _TIMES.match(text, t_end):
        return "count"  # 与习近平会见了5次: how often, over years, not one event
    if trig.type == "meeting" and _TOPIC_OPEN.search(before) and _TOPIC_CLOSE.match(text, t_end):
        return "topic"  # 就俄乌冲突、G20峰会等问题进行协商: a matter talked about, not a meeting of theirs
    if trig.word in _CONTACT_WORDS and _KEEP_UP.search(text, max(c_start, t_start - 8), t_start):
        return "keeping in touch"  # 同意保持密切磋商, 加强沟通: a habit agreed on, not talks held
    noun_at = t_end - 2  # (the noun may end a phrase: 孟加拉和缅甸通过双边协商)
    if text[noun_at:t_end] in _CONTACT_WORDS and (_THROUGH.search(text, max(c_start, noun_at - 6), noun_at)
                                                  or _DONE_BY_IT.match(text, t_end)):
        return "the means of a deed"  # 通过双边协商达成协议, 与中国协商签署了10项协议: how it was done
    near = _INTERVIEWED.sub("", before)[-6:]
    if trig.frame == "np" and 0 < len(s.nominal.get(t_start, ())) <= _FEW_SIDES:
        near = near.replace("参加", "")  # 参加韩美日三国首脑会议: a side of the summit it names takes part
    along = ACCOMPANY.search(text, c_start, t_start)
    if along is not None and any(along.end() <= a.start_char < t_start for a in s.actors):
        # 岸田将陪同安倍访美, 王毅陪同习近平会见拜登: the one accompanied travels or meets (陪同会见: no event of theirs)
        near = near.replace("陪同", "")
    if cues.has("nonevent", near):
        return "nonevent"
    if _ABSENT.search(before):
        return "absence"  # 缺席峰会, 未获邀出席东盟峰会, 拒绝出席: not there
    if trig.frame == "visit" and (len(trig.word) == 1 or trig.word in ("踏上", "重返")) and (not (any(
            p.start_char == t_end for p in s.places) or one_letter_country(text, t_end) or named_stop(s, t_start, t_end, clause))
            or text[t_start - 1:t_start] in _NOT_TRAVEL_BEFORE):
        return "travel word without a place"  # 抵/赴/去 only before a place: 抵京, 赴德 (not 抵制, 踏上征程, 回去)
    if trig.frame == "visit" and unnamed_guests(text, t_start, {a.start_char for a in s.actors
                                                                if any(x.kind == "person" for x in a.actors)}):
        return "visitors not named"  # 会见来华出席峰会多个国家元首 (the next sentence may name them)
    if trig.word == "之行" and not any(p.end_char == t_start for p in s.places) \
            and named_stop(s, t_start, t_end, clause) is None:
        return "travel word without a place"  # 日本之行 is a visit to Japan; 破冰之行, 访华之行 no new one
    if trig.word == "转到" and not _NEXT_STOP.search(text, max(c_start, t_start - 3), t_start) \
            and not any(a.end_char == t_start for a in s.actors):
        return "travel word without a traveller"  # 之后转到意大利 (not 将重心转到中国: a shift, no journey)
    if trig.word == "到" and not _journey_by_dao(s, t_start, t_end, before):
        return "travel word without a place"
    if trig.frame == "visit" and trig.word in ("前往", "赴", "去", "动身前往") and (_GO_TO_DO.match(text, t_end) or (
            _BUILDING.match(text, t_end) and not any(p.start_char == t_end for p in s.places))):
        return "travel word without a place"  # 前往会见; 前往总理府与…见面 (a building of the city already told)
    if trig.word == "款宴" and ((at := text.rfind("接受", c_start, t_start)) < 0 or MEETING_VERB.search(text, c_start, at)):
        # 接受外长B款宴: a meeting with the host; 款宴 alone names no guest, and after another verb
        # (晋见总统A、接受外长B款宴) the guests are that verb's subject, told by it
        return "banquet without a guest"
    if trig.word in _GOING_TO and not any(t_end <= p.start_char < c_end for p in s.places) \
            and not one_letter_country(text, t_end):
        return "travel word without a place"  # 前往桃机国宾门接机: going somewhere the story names no place for
    if cues.has("part_of", trig.word) and (any(e.type in ("call", "meeting") for e in s.found)
                                           or (cues.has("group", before) and not _DURING_VISIT.match(text, s.start))) \
            and not _new_partner(s, c_start, t_start):
        return "part of the event just told"  # 通电话，就…交换意见; 双方深入交换意见
    if trig.word == "致电" and cues.has("message", text[t_end:s.end]):
        return "message"  # 致电祝贺/慰问: a message, not a phone call
    if (trig.frame == "visit" and _EMBASSY.search(text[t_end:c_end])) or (
            trig.frame == "trans" and _EMBASSY_CALL.search(text[t_end:c_end + 1])):
        return "embassy"  # 到访中国驻伦敦大使馆, 拜会本国驻葡萄牙大使馆: a call at an embassy, not a visit or talks
    # (not a clause after it with a time of its own: 这是…首度出访海外，预计10月3日到6日访美)
    own_time = any(c_start <= d.start < t_start and d.date_start for d in s.dates)
    if any(cues.has("reference", text[a:a + 4]) and not _day_opens_clause(s, a, t_start) and not (a < c_start and own_time)
           for a in s.clause_starts(t_start)) \
            and (cues.has("first", text[s.start:t_start]) or _NTH.search(text, s.start, t_start)) \
            and not _someone_new(s, c_start, t_start) and not _FACT_BEFORE.search(before) \
            and not _earlier_one(s, c_start, t_start, t_end) and not _dated_long_before(s) \
            and trig.type in told_types:  # (no such event told yet: this tells it)
        return "reference"  # 这是她上任以来的首次出访: the visit just told, not a new one
    if _EITHER_AFTER.match(text, t_end, c_end) or _EITHER_BEFORE.search(before):
        return "alternative"  # 均已访以或者与内塔尼亚胡通电话: one or the other, neither told for sure
    if _TOPIC_AFTER.match(text, t_end) and _TOPIC_BEFORE.search(before):
        return "topic"  # 在谈到俄土两国总统会晤问题时: what is spoken about, not an event told
    if ("针对" in before and _BRIEFING.search(text, t_end, c_end)) or (
            trig.frame == "visit" and _BRIEFING_ON.match(text, t_end)):
        # 针对总统出访友邦，次长召开记者会; 总统出访中南美洲友邦记者会: what a briefing is about, not the trip told
        return "topic"
    if trig.word.endswith(_GATHERINGS) and _BRACKETED_EDGE.match(text, t_end) and ("在" in before or "于" in before):
        # 在北约外长会议前与…举行新闻发布会, 在外长会议期间, 于5月G7首脑会议（广岛峰会）后访韩: when the next verb happens
        return "time clause"
    if trig.frame == "visit" and _EDGE_OF.match(text, t_end) and "visit" in told_types \
            and not any(c_start <= d.start < t_start for d in s.dates):
        return "time clause"  # 小马科斯出访前未提及…: the trip told, as a time
    if trig.type == "meeting" and _IN_TALKS.search(before) and _DURING_TALKS.match(text, t_end) \
            and "call" in told_types and "meeting" not in told_types:
        return "the call told"  # 马克龙周五与泽连斯基通电话。…在与泽连斯基会谈中马克龙重申: the call, as a time
    if _ATTENDEES.match(text, t_end):
        return "attendees of the event told"  # 出席会谈的还有国家安全顾问沙利文等人
    if trig.word in ("出席", "参加", "列席") and _BY_OCCASION.search(before) and _OCCASION_END.match(text, t_end) \
            and not cues.has("planned", text[s.start:t_start]):
        # 这是…借在印尼出席二十国集团峰会之机举行会谈后…: a gathering gone by, as the time of the talks (but
        # 将于15日借出席在利马举行的APEC峰会之机同…会谈: the trip the story announces)
        return "occasion"
    if trig.frame == "visit" and _MATTER_AFTER.match(text, t_end):
        return "topic"  # 磋商了鲁哈尼访问伊拉克筹备事宜: the matter of a visit, not the visit
    if _ANNIVERSARY.match(text, t_end):
        return "anniversary"  # 今年是…惠特拉姆访华50周年: not a visit now
    if text[t_end:t_end + 1] in NOUN_AFTER or text.startswith(("小组", "机制"), t_end) or (_RESULT.match(text, t_end) and not (
            text.startswith("事宜", t_end) and any(a.end_char == t_start for a in s.actors)) and not _dated_before(s, c_start, t_start)):
        return "part of a noun"  # 访问团, 会谈桌, 核咨商小组, 会晤机制, 会谈结果 (what came of talks told elsewhere), 访韩事宜
    # (a date that only dates a report does not date the event it reports: 29日宣布了拜登访越的消息)
    dated = any(c_start <= d.start < c_end and not (d.end <= t_start and cues.first("report", text, d.end, t_start))
                for d in s.dates)
    # (与李在明总统、马科斯总统的会谈: a person's, a title between, names the sides of talks still to come)
    # (她的行程包括A、B, 此趟亚洲行的访问地点包括A、B: the places of the trip, not a reference to it)
    # (展开为期两天的会谈: a length, not whose talks; but 结束为期两天的访问 is the visit told)
    possessive = text[t_start - 1:t_start] == "的" and not trig.word.startswith("行程") \
        and not (trig.type == "meeting" and _LENGTH_BEFORE.search(text, max(s.start, t_start - 10), t_start)) \
        and not (trig.frame == "visit" and _LENGTH_BEFORE.search(text, max(s.start, t_start - 10), t_start)
                 and _TO_PLACES_OPENED.search(before)) \
        and not (trig.frame == "visit" and PLACES_LISTED.match(text, t_end)) and not any(
        a.end_char < t_start and not s.masked[a.end_char:t_start - 1].strip() for a in s.actors) \
        and not _HELD.search(before) and not cues.has("planned", before) \
        and not HELD_LATER.match(text, t_end)  # (与A、B等国家的双边会谈也在计划之中: talks still to come)
    # (进行了…的磋商, 出席在…举行的会晤: the event itself; 正在协调与马科斯等人的会谈: one planned)
    nominal = text[t_end:t_end + 1] == "的" and not any(  # 正在德国访问的中国外长王毅 is a visit
        a.start_char > t_end and (not (gap := _FORMER.sub("", s.masked[t_end + 1:a.start_char])).strip()
                                  or offices_listed(gap))  # (来访的越共中央政治局委员、政府常务副总理X)
        for a in s.actors)
    nominal = nominal and not (trig.frame == "visit" and named_stop(s, t_start, t_end, clause))  # (…之行的最后一站)
    during = trig.frame == "visit" and _DURING_AFTER.match(text, t_end) is not None  # 这次访问期间: a time, not a visit
    if not dated and _HABIT.search(before):
        return "habit"  # 中国通常派总理出席: what is usually done, not an event
    if not dated and (possessive or nominal or during or cues.ends_with("refer", before)):
        return "reference"  # 在前一次通话中, 此议题的磋商: a reference to an event, not a new one
    return None
