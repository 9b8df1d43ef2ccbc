"""Who the sides of an event are, one handler per frame of `data/triggers.tsv`.

* visit — the traveller (before the word, a relative clause after it, the subject in focus …);
  one visit per traveller named together;
* invite — the guest of "对/向 A 的邀请";
* say — the speaker before the speech word;
* trans — "A 会见 B(、C)": subject and objects, one event per object ("A与B接受C的拜访": C calls on
  each; a delegation that 分别 meets: each leader of the stay under way);
* sym, agree — "A 与 B 会谈", "A、B 会谈", "双方会谈": subject and partners.

Each handler returns the sides (a list of actor tuples, one per event) or an empty list; the
caller records which argument was missing.
"""
from __future__ import annotations

import re
from datetime import date, datetime

from timeline.events.cues import Cues
from timeline.events.focus import Focus, core_in, delegations, focus_with
from timeline.events.sentence import (ABOUT_JIU, ACCOMPANY, AND_WORD, CEREMONY, CLAUSE_BREAK, CORE, INCLUDING,
                                      MEETING_VERB, Named, Sentence, THIS, TO_DISCUSS, TOPIC, WITH_TONG, after_dyad,
                                      attending, before_sides, coordinated, dedupe, flat, invited_by, listed_on,
                                      listed_place, locative, names, names_issue, objects, office_of_next,
                                      owns_venue, partner, strip_actors)
from timeline.events.places import STOP_NAMED
from timeline.events.triggers import Trigger
from timeline.groups import get_groups
from timeline.lexicon import get_lexicon
from timeline.record import Actor, When
from timeline.temporal import as_date

_PRONOUN_SUBJECT = re.compile(r"[^，,。；;]{0,10}?(?:他|她)(?!们)")
# a person described, not named, opening the clause (这位78岁的左翼总统已经前往华盛顿): the one in focus
_DESCRIBED = re.compile(r"\s*这位[^，,。；;]{0,12}?(?:总统|总理|首相|主席|国王|女王|王储|外长|部长|领导人|元首|国务卿|特使|议长)")
_PARTNER_PRONOUN = re.compile(r"(?:与|同|和|跟)\s*(?:他|她|其|之)(?![们他它余间中实前后])")  # 同其举行会谈, 与之会面 (not 与其他)
_GROUP_OFFICE = re.compile(r"(?:两国|双方|三国)(外长|防长|总理|首相|元首)")
_GROUP_OFFICES = {"外长": "foreign_minister", "防长": "defence_minister", "总理": "head_of_government",
                  "首相": "head_of_government", "元首": "head_of_state"}
# what each frame needs and lacked when it found no sides (for the trace)
MISSING = {"visit": "traveller", "invite": "guest", "say": "speaker", "trans": "second side", "sym": "second side",
           "agree": "sides", "np": "sides"}
_ABOUT_EVENT = re.compile(r"有关|关于")  # the matter something is told or asked about opens (告知A有关…会晤的情况)
# trigger words that name the office of their sides
_TRIGGER_OFFICES = {"领导人": "leader", "首脑": "leader", "峰会": "leader", "元首": "head_of_state",
                    "外长": "foreign_minister", "防长": "defence_minister"}
_HOME_SEAT = re.compile(r"官邸|总理府|总统府|首相府")  # where a leader receives at home (在官邸与…会谈)
# a meeting told, then the next deed (…举行了会谈并…, 通话后又…): the clause goes on with another verb
_DONE_THEN = re.compile(r"(?:会谈|会晤|会见|会面|通话|磋商)(?:之?后)?(?:并|随后|然后|又)")
_VISIT_THEN_AND = re.compile(r"访[\u4e00-\u9fff](?:和|与|及|、)")  # 访日和: the next visit's traveller follows
_OFFICE_BEFORE = re.compile("(?<!副)(" + "|".join(_TRIGGER_OFFICES) + ")")  # 举行外长防长磋商 (not 副外长会谈)
_PLURAL_SUBJECT = re.compile(r"\s*[\u4e00-\u9fff]{1,4}们")  # 部长们, 官员们: people left unnamed
_LISTED_AFTER = re.compile(r"[，,]\s*(?:分别是|分别为|其中包括|包括|即)")  # …会谈，分别是A、B: who they are
# a relative clause on the visitor after the travel word (到访的…, 来华出席论坛的…), or a longer one
# ending right before a title (出席亚太经合组织领导人非正式会议的国家主席习近平)
_SHORT_RELATIVE = re.compile(r"[^，。,；、]{0,8}?的")
_SENDER_OF = re.compile(r"[^，。；,;、]{0,4}?(?:特使|特别代表|私人代表)")  # a name, then the office of someone it sends
_MODIFIES_NEXT = re.compile(r"[^，。；,;、与同跟和及的]{1,8}的[^，。；,;、与同跟和及的]{0,12}")  # A就职仪式的(主席)B: A describes B
# words that end the noun phrase a relative clause describes before the next person (…峰会之机同A会谈)
_PAST_NOUN_PHRASE = re.compile(r"之机|之际|期间|[同与跟和向对及是在将的]|举行|会见|会晤|会谈|访问|出席|参加")
_LONG_RELATIVE = re.compile(r"[^，。,；、的]{9,44}的(?=[^，。,；、的]{0,8}?[\u4e00-\u9fff])")
# the agent of a passive inside a modifier (被朝鲜绑架的日本人: 朝鲜 describes them, it is no side)
_PASSIVE_AGENT = re.compile(r"[\u4e00-\u9fff]{1,4}的")
# a meeting verb earlier in the clause, when the trigger follows a 、 (谒见总理A、会晤议长B: verbs in a chain)
_DONE_TO = re.compile(r"\s*(?:进行|举行)了?\s*")  # 对X进行(拜访): the verb that carries the noun of the act
_TO = re.compile(r"[对向为][\s]*$")  # (为到访的X举行欢迎仪式: the one received)
# 两国元首通电话，决定于11日举行会晤: what the sides of the talks just told agreed to hold
_AGREED_TO_HOLD = re.compile(r"\s*(?:[双两]方|两国|各方)?(?:还|并|也|一致)?(?:决定|同意|商定|约定|议定|敲定|宣布)")
_THANKS = re.compile(r"感谢|感激|赞赏|欢迎|祝贺")  # (感谢X同其通话: 其 is the one who thanks)
# the call of someone received (A与B都接受C的礼貌性拜访): C calls on each of them; a banquet (A接受B款宴)
# received by someone (接受A款宴, 获A在国家宫殿接见, 受到A的接见): the guest is the subject, the host A
_RECEIVED = re.compile(r"(?:都|均|也|还|亦|则|并)?(?:接受了?|获得?|受到了?|得到了?|蒙)(?P<by>[^，。；,;]{1,30}?)(?:的[^，。；,;的]{0,6})?$")
_PREDICATE_START = re.compile(r"还将|还|也将|都将|将|共同|一起|一同|分别")  # where a subject's predicate begins
_DELEGATION_NOUN = "(?:访问团|访团|代表团|庆贺团|贺团|考察团)"  # the words for a delegation
# a delegation as the subject (访团将…, 代表团一行还将…): the one who leads the trip under way
_DELEGATION = re.compile(rf"\s*(?:[\u4e00-\u9fff]{{0,4}}?{_DELEGATION_NOUN}|该团|此团|[两三四五六七八九各]团)"
                         r"(?:一行|成员)?(?:还|也|亦|则|并|将|在|于|分别|\s)")
# the words that join a subject to its partners (not the 同 of 同日: 同日A与B会面)
_JOIN_WORD = re.compile(rf"(?<![参给])与(?!会)|{WITH_TONG}|和|跟|and |with ")  # (受邀与会的X, 参与: no partner)
# a verb that meets the person after it (将会见新加坡总理李显龙): he is the host, no traveller
_MEETS_BEFORE = re.compile(r"(?:会见|会晤|接见|拜会|拜见|拜访|会面|晤见)[^，。；,;]{0,12}$")
# the one who leads others on a trip (A率领B等访台, A亲率B…): the words between A and B
_LEADS = re.compile(r"[^。；;]{0,40}?(?:亲自?率领|率领|亲率|带领)[^，。；,;]{0,20}$")
# a delegation the text says countries make up (由A、B和C等六国组成的代表团)
_COMPOSED = re.compile(r"由(?P<members>[^，。；,;]{2,40}?)(?:等[一二三四五六七八九十0-9]+国)?(?:共同)?组成的[^，。；,;]{0,10}?"
                       r"(?:代表团|访问团|调解团|和平团|使团|特使团)")
# a delegation as the subject of a journey (访问团晚间抵达桃园机场)
_DELEGATION_TRAVELS = re.compile(rf"\s*(?:[\u4e00-\u9fff]{{0,4}}?{_DELEGATION_NOUN}|该团|此团)(?:一行)?(?![的成])")
# the words between a body and its delegation (欧洲议会「外交委员会」（AFET）代表团, 美国国会众议院代表团)
_DELEGATION_AFTER = re.compile(rf"(?:[「“《][^」”》，。]{{1,12}}[」”》]|[（(][^）)，。]{{1,12}}[）)]|[\u4e00-\u9fff]){{0,8}}?"
                               rf"(?:{_DELEGATION_NOUN}|议员团|委员会)")
# a story's dateline in brackets before its first clause (（中央社记者黄雅诗台北18日电）)
_DATELINE_BEFORE = re.compile(r"\s*[（(][^（）()]{1,40}?(?:电|专电|讯)[）)]\s*")
# a delegation as the one met (会晤访问团, 接见代表团一行)
_DELEGATION_MET = re.compile(rf"了?\s*(?:[\u4e00-\u9fff]{{0,6}}?{_DELEGATION_NOUN}|该团)(?:一行)?")
_TOPIC_VERB = re.compile(r"\s*(?:商讨|讨论|谈论|磋商|商议|探讨|谈|就|论)")  # what talks are about, right after them
_SENDS = re.compile(r"委派|派遣|指派|特派|(?<![党左右学帮流宗教])派(?![对系别出所头性])")  # someone sent (派特使访北韩): the traveller is the one sent, not the sender
# a name the invitation of a host follows (…，与贝里斯总督察芙拉应我国政府邀请…访台): one invited, who travels
_INVITED_AFTER = re.compile(r"\s*(?:[（(][^（）()]{1,80}[)）])?\s*(?:应|受)[^，。；]{0,20}?邀")
_SPOKEN_TO = re.compile(r"(?:向|对)\s*$")  # 向英方表示, 对日本首相说: the one spoken to
_TIME_CLAUSE_END = re.compile(r"\s*(?:时|期间|之际)")  # 迎接鲁托时: the person met in a time clause
# a clause of the speaker's own feelings, with no subject of its own (表示，非常高兴来到上海)
_GLAD = re.compile(r"\s*(?:非常|很|十分|特别|由衷|格外)?(?:高兴|荣幸|欣喜|感谢|期待)")
_AFTER_TIME_CLAUSE = re.compile(r"(?:后|之后|以后|时|期间)\s*$")  # (…会谈后|表示: the clause right after a time clause)
_TIME_BEFORE_HOLDING = re.compile(r"(?:于|在)[^，。；,;]{1,40}?(?:时|期间)\s*(?:进行|举行|召开)?\s*$")  # 于27日川普访日时进行|美日会谈
_TIME_PHRASE_BEFORE = re.compile(r"(?:于|在)[^，。；,;]{1,40}?(?:后|之后|以后|时|期间)\s*$")  # 于A与B视讯后|表示
# someone who accompanies the speaker (在布林肯陪同下, 于X陪伴下)
_ACCOMPANYING = re.compile(r"\s*(?:的)?(?:陪同|陪伴)(?:之)?下")
_KIN_SUBJECT = re.compile(r"(?:他|她|其)的?(?:父亲|母亲|儿子|女儿|女婿|儿媳|妻子|丈夫|家人|兄弟|姐妹)")
# 就 + a topic (就两国关系, 就苏丹局势和巴勒斯坦问题) up to the trigger: names in it are what is discussed
# a person before a meeting noun phrase takes part in it when one of these stands between (X出席东盟峰会)
_TAKES_PART = re.compile(r"出席|参加|主持|举行|召开|与会|参与|attend|host")
# …unless a report verb stands between too: who tells of the meeting does not attend it
_REPORTS = re.compile(r"证实|表示|宣布|透露|指出|强调|说|称")
_INSTEAD_OF = re.compile(r"(?:代替|替代|取代|代表)[^，。；,;]{0,4}$")
_ATTENDS_BEFORE = re.compile(r"(?:出席|参加|参与)[^，。；,;]{0,8}$")
_GATHERING_AFTER = re.compile(r"[^，。；,;]{0,4}?(?:会晤|峰会|会议|论坛)")
# right after a group or an organisation (and its bracketed alias): the name of its gathering, as the
# occasion of something else (东盟外长会议期间, APEC峰会之机; not 出席G7峰会, where the group is a side)
_GATHERING_NAME = r"(?:\s?[（(][^（）()]{1,12}[)）]|[)）])?(?:会晤|峰会|会议|论坛|会(?![见晤谈面议商同与]))"
_NAMES_GATHERING = re.compile(r"[)）]?(?:(?![与同和跟及])[\u4e00-\u9fff]){0,4}?(?:\s?[（(][^（）()]{1,12}[)）])?"
                              r"(?:(?![与同和跟及])[\u4e00-\u9fff]){0,4}?" + _GATHERING_NAME  # (（APEC）首脑会议之机)
                              + r"[^，。；,;]{0,3}?(?:期间|之机|之际|场边|间隙|前夕|时)")  # (东盟防长扩大会议期间)
# (出席…七国集团外长会议, G7广岛峰会: the gathering, no visitor)
_NAMES_ANY_GATHERING = re.compile(rf"{_GATHERING_NAME}|[\u4e00-\u9fff0-9]{{1,5}}?(?:峰会|会议|论坛|会晤)")  # (金砖国家领导人第五次会晤)


# partners counted but not named before the trigger (同6位外国领导人, 会见了多国元首), then named after a colon
_COUNTED = r"(?:[0-9一二两三四五六七八九十]+|多)(?:位|名|国)[^，。：:；;]{0,8}?(?:领导人|元首|首脑|外长|政要|贵宾)"
_COUNTED_PARTNERS = re.compile(rf"(?:同|与|和|跟|会见了?|会晤了?)\s*{_COUNTED}")
_COUNTED_OBJECTS = re.compile(rf"了?\s*{_COUNTED}")
_COLON_AFTER = re.compile(r"\s*[：:]\s*")


def _counted_then_listed(s: Sentence, c_start: int, t_start: int, t_end: int) -> list[tuple[Actor, ...]] | None:
    """The sides when the trigger's partners are counted before it and named after a colon (习近平先后同6位外国
    领导人举行会晤：A、B、C): the subject with each person listed, else None."""
    counted = _COUNTED_PARTNERS.search(s.text, c_start, t_start)
    colon = _COLON_AFTER.match(s.text, t_end)
    if counted is None:  # (会见了6位外国领导人：A、B: counted as the object, after the verb)
        counted = _COUNTED_OBJECTS.match(s.text, t_end)
        colon = _COLON_AFTER.match(s.text, counted.end()) if counted is not None else None
    if counted is None or colon is None:
        return None
    subject = [a for x in s.actors if c_start <= x.start_char < min(counted.start(), t_start)
               for a in (x.actors or ()) if a.kind == "person"]
    listed = [a for x in s.actors if colon.end() <= x.start_char < s.end for a in (x.actors or ()) if a.kind == "person"]
    if len(subject) != 1 or not listed:
        return None
    return [(subject[0], a) for a in dict.fromkeys(listed) if a != subject[0]]


def _names_gathering(text: str, a: Named) -> bool:
    """True for a group or an organisation named as, or naming, a gathering (二十国集团峰会, 亚信第六次峰会)."""
    return a.label_ in ("GROUP", "ORG") and (_NAMES_ANY_GATHERING.match(text, a.end_char) is not None
                                             or text.endswith(("峰会", "会议", "会晤", "论坛"), a.start_char, a.end_char))


# a clause of when measured from another's deed (布林肯开启访非行程几天前，): its subject acts in it alone
_ENDS_TIME_CLAUSE = re.compile(r"(?:几|数|[0-9一二三四五六七八九十两]+)个?(?:天|日|周|星期|月|年)(?:之)?前\s*$")
# who appoints or sends someone, in a passive clause (获首相安倍晋三任命后, 受习近平委派): not the one who travels
_APPOINTS = re.compile(r"的?(?:任命|委派|提名|指派|授权|委托)")
_BY_WHOM = re.compile(r"(?:获|受|经|被)[^，。；]{0,12}$")
_IN_TURN = re.compile(r"分别|先后|各自|逐一|陆续|相继")  # (先后与A和B通电话, 陆续和A、B通话: one call each)
# a name, then the verb that tells, or that thanks or praises the one who meets (安倍感谢蓬佩奥会晤金正恩前先到访东京)
_TELLS_AFTER = re.compile(r"[^，。；,;、和与及]{0,4}?(?:证实|宣布|透露|表示|指出|称|感谢|感激|赞赏|称赞|赞扬|祝贺)")


def _referent(s: Sentence, c_start: int, focus: Focus) -> Actor | None:
    """Whom a 他/她 opening the clause at `c_start` means: the speaker of a statement told earlier in
    the sentence (卢拉表示，他在3月访问北京时…), else the person opening the nearest clause before
    (习近平昨会见…元首，他指出), else the subject in focus (also of 这位…总统)."""
    if _PRONOUN_SUBJECT.match(s.text, c_start):  # (离开巴西后他还将访问古巴: after a time phrase too)
        speakers = [ev.actors[0] for ev in s.found if ev.type == "statement" and ev.actors[0].kind == "person"]
        if speakers:
            return speakers[-1]
        return opening_person(s, c_start) or focus.subject
    return focus.subject


def opening_person(s: Sentence, c_start: int) -> Actor | None:
    """The person opening the nearest clause before `c_start` who is no one's partner (习近平昨会见…元首，
    他指出; 默茨与习近平会谈后表示: the subject of the time clause before), else None."""
    starts = s.clause_starts(c_start)
    for a, b in reversed(list(zip(starts, starts[1:] + [c_start]))):
        named = [x for x in s.actors if a <= x.start_char < b]
        if named and named[0].actors and named[0].actors[0].kind == "person" and not partner(s.text, named[0], a):
            return named[0].actors[0]
    return None


class Frames:
    """The frame handlers; `sides` dispatches on the trigger's frame."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def sides(self, s: Sentence, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int],
              focus: Focus) -> list[tuple[Actor, ...]]:
        """The sides of each event the trigger states (countries standing in for the holders of the
        office the trigger names: 韩中日三国…领导人会议 is a meeting of their leaders)."""
        # (韩中日三国…领导人会议: the trigger names the office; 日澳两国…举行外长防长磋商: the words right before it)
        offices = [key for word, key in _TRIGGER_OFFICES.items() if word in trig.word] or list(dict.fromkeys(
            _TRIGGER_OFFICES[w] for w in _OFFICE_BEFORE.findall(s.text, max(s.start, t_start - 5), t_start)))
        found = self._sides(s, trig, t_start, t_end, clause, focus)
        titled = s.doc.user_data.setdefault("titled", {})
        if trig.type == "call":
            found = [_counterpart(sides, s.dct, titled) for sides in found]
        if not offices:
            return found
        out = []
        for sides in found:  # (韩中日…领导人会议: the leaders the group's meetings take, China's premier)
            group = get_groups().exactly({x.country for x in sides if x.kind == "country" and x.country}, as_date(s.dct))
            out.append(dedupe(tuple(_holder_for(a, office, s.dct, titled, group) for a in sides for office in offices[:2])))
        return out

    def _sides(self, s: Sentence, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int],
               focus: Focus) -> list[tuple[Actor, ...]]:
        text, masked = s.text, s.masked
        c_start, c_end = clause
        before = text[c_start:t_start]
        topic = TOPIC.search(text, c_start, t_start)  # 就中日关系/苏丹局势交换意见: a topic, not a side
        left = [a for a in s.actors if c_start <= a.start_char < t_start and not locative(text, a) and not names_issue(text, a)
                and not listed_place(text, a, s.places)
                and not office_of_next(text, a)
                and not after_dyad(a, s.dyad_ends) and not before_sides(text, a, s.actors)
                and not (topic and topic.start() < a.start_char)
                and not (text[a.start_char - 1:a.start_char] == "被" and _PASSIVE_AGENT.match(text, a.end_char))]
        if trig.frame in ("sym", "trans") and (counted := _counted_then_listed(s, c_start, t_start, t_end)) is not None:
            return counted  # 同6位外国领导人举行会晤：A、B、C…: one meeting with each leader listed after the colon
        if trig.frame in ("sym", "trans") and (along := ACCOMPANY.search(text, c_start, t_start)) is not None \
                and any(a.start_char >= along.end() for a in left):
            left = [a for a in left if a.start_char >= along.end()]  # 王毅陪同习近平会见拜登: who accompanies is no side
        if trig.frame in ("sym", "agree") and left and left[-1].label_ in ("GROUP", "DYAD") and len(left[-1].actors) > 1 \
                and _JOINED_RIGHT_BEFORE.fullmatch(text, left[-1].end_char, t_start) \
                and (left[-1].label_ == "DYAD" or _JOINED.search(text, left[-1].start_char, left[-1].end_char)) \
                and not partner(text, left[-1], c_start):  # (not 李在明将与A、B等国领导人举行会议: the partners)
            left = left[-1:]  # 韩方将以河内美国与朝鲜首脑会谈(达成的共识)为基础: the phrase names all the sides
        including = INCLUDING.match(text, t_end, s.end)
        if including:  # 会见了多国领导人，其中包括A、B: the objects run on into the clause that names them
            c_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, including.end(), s.end)), s.end)
        elif trig.frame in ("trans", "sym"):
            c_end = listed_on(s, c_end)
        # (王毅与赵显将在会谈上重点讨论习近平下月访韩: the people of the matter discussed are no sides)
        discussed = TO_DISCUSS.search(text, t_end, c_end) if trig.frame in ("sym", "trans") else None
        right = [a for a in s.actors if t_end <= a.start_char < (discussed.start() if discussed else c_end)
                 and not locative(text, a) and not names_issue(text, a) and not office_of_next(text, a)]
        # (与出席联合国大会的韩正会面, 会见前来出席金砖峰会的拉马福萨: the gathering describes the person)
        left = [a for a in left if not attending(text, a, s.actors)]
        about = [m.end() for m in _ABOUT_EVENT.finditer(text, c_start, t_start)]
        if about and trig.frame in ("sym", "trans") and any(a.start_char >= about[-1] for a in left):
            # (告知金正恩有关普京本周与特朗普会晤的情况: the event is the matter told of, its sides inside it)
            left = [a for a in left if a.start_char >= about[-1]]
        if trig.frame in ("sym", "trans"):  # (佩斯科夫证实普京和内塔尼亚胡将举行会谈: the one who tells is no side)
            # (苏纳克表示希望与习近平会面: no subject after the verb, he is the one who meets)
            told = next((i for i in reversed(range(len(left) - 1)) if (m := _TELLS_AFTER.match(text, left[i].end_char))
                         and not re.search(r"[与同跟向]", text[m.end():left[i + 1].start_char])), None)
            left = left[told + 1:] if told is not None else left
            people = [a for a in left if any(x.kind == "person" for x in a.actors or ())]
            left = [a for a in left if a not in people or not _describes_next(text, a, people)]
            # (王毅与岸田文雄上月出席东盟外长会议期间见面, 借出席APEC峰会之机同A会谈: a group or an organisation
            # naming the gathering that is the occasion is no side of the people who meet there)
            named = [a for a in left if a.label_ not in ("GROUP", "ORG") or not _NAMES_GATHERING.match(text, a.end_char)
                     or a.end_char >= t_start]
            left = named if len(named) > 1 or self.cues.has("group", text[c_start:t_start]) else left  # (两人借…峰会之机)
        right = [a for a in right if not attending(text, a, s.actors)]
        done = _DONE_THEN.search(text, c_start, t_start) if trig.frame == "trans" else None
        if done is not None and any(a.start_char - t_end <= 4 and any(x.kind == "person" for x in a.actors or ())
                                    for a in right):
            # 与安倍举行了会谈并首次会见天皇: the partner of the talks told first is no side of the next meeting
            marker = _JOIN_WORD.search(masked, c_start, done.start())
            left = [a for a in left if marker is None or a.start_char < marker.start()]
        # (10月在老挝会谈时，两人就…达成共识: the group the main clause opens with holds the talks of the time clause)
        group = self.cues.has("group", before) or self.cues.has("group", text[t_end:c_end]) or (
            _TIME_CLAUSE_END.fullmatch(text, t_end, c_end) is not None and self.cues.has("group", text[c_end:c_end + 6]))
        if group:  # (他们在莫迪的老家举行会谈: the sides are those 他们 points to, the home's owner among them)
            left = [a for a in left if not owns_venue(text, a)]
        one = self.cues.has("one", before[-8:]) or before.lstrip()[:1] in ("他", "她") or bool(_DESCRIBED.match(text, c_start))
        if trig.frame == "visit":  # (来南非出席金砖国家领导人会晤并进行国事访问: the gathering's name, no traveller)
            # (尹锡悦访日和石破访韩: a visit word before 和 ends the first visit; its traveller is no one's partner)
            c_start = max([m.end() for m in _VISIT_THEN_AND.finditer(text, c_start, t_start)], default=c_start)
            left = [a for a in left if a.start_char >= c_start]
            left = [a for a in left if not (_ATTENDS_BEFORE.search(text, max(c_start, a.start_char - 10), a.start_char)
                                            and _GATHERING_AFTER.match(text, a.end_char))
                    and not (a.label_ in ("GROUP", "ORG") and _NAMES_ANY_GATHERING.match(text, a.end_char))]
            visitor = self._visitor(s, t_start, t_end, c_start, left, right, focus, one)
            # one visit per visitor (each travels; a joint trip is several visits, as the keys count them)
            # (来华出席论坛的A、B、C: the visitors listed after the trigger)
            listed_after = any(tuple(a.actors or ()) == (visitor,) for a in right)
            visitors = coordinated(masked, text, s.actors, visitor, c_end if listed_after else t_start) if visitor else []
            if visitor is not None and (members := _composed_of(s, visitor, c_start, t_start)):
                return [members]  # 由赞比亚、塞内加尔、埃及和南非等六国组成的非洲代表团将访问俄罗斯: one visit of them all
            if visitor is not None and (leader := _leader_of(s, visitor, c_start)) is not None:
                visitors = [*visitors, leader]  # A率领候任外长B等访台: the leader travels too (last: the trip under way is his)
            return [(v,) for v in visitors]
        if trig.frame == "np":  # 北欧五国外长会议: the phrase names its sides; who attends or hosts it too
            holders = [a for a in left if a.actors and a.actors[0].kind == "person"
                       and _TAKES_PART.search(text, a.end_char, t_start)
                       and not _REPORTS.search(text, a.end_char, t_start)  # (王毅证实将举行“普习会”: he tells of it)
                       and not MEETING_VERB.search(text, a.end_char, t_start)]  # (A会见来华举行沙伊外长会晤的B: A meets)
            part = flat(holders)
            if holders and all(partner(text, a, c_start) for a in holders):
                # 并和第一副总理马明举行中哈合作委员会会议: with the subject the clause leaves out
                told = [ev.actors[0] for ev in s.found if ev.type in CORE and ev.actors[0].kind == "person"]
                zero = told[0] if told else focus.subject  # (the subject of the event just told)
                part = (zero, *part) if zero is not None and zero.kind == "person" and zero not in part else part
            takes = _TAKES_PART.search(text, c_start, t_start)
            # (为即将举行的俄美总统会面做准备: 举行的 describes the meeting; no one in the clause holds it)
            # (两国就早日举行日中韩首脑会谈交换意见: a subject of its own, no one left out)
            if not part and not left and takes and not text.startswith("的", takes.end()) \
                    and not self.cues.has("group", text[s.start:t_start]):
                zero = self.zero_subject(s, c_start, t_start, focus)  # 梅洛尼…到阿斯塔纳，出席上合组织…会议
                part = (zero,) if zero is not None and zero.kind == "person" else ()
            sides = s.nominal.get(t_start, ())
            if not part and (when := _TIME_BEFORE_HOLDING.search(text, c_start, t_start)) is not None:
                # 她将于27日川普访日时进行美日会谈: the subject and the one the time clause names, each for a side
                countries = {a.country for a in sides if a.kind == "country"}
                named = [a for a in flat([x for x in left if when.start() <= x.start_char < when.end()])
                         if a.kind == "person" and a.country in countries]
                subject = _referent(s, c_start, focus) if one else None
                part = tuple(dict.fromkeys([*(a for a in (subject,) if a is not None and a.country in countries), *named]))
            return [_named_first(part, sides)]
        if trig.frame == "invite":  # 重申了对德国总理默茨的邀请: a visit the guest is invited to make
            guests = [a for a in flat([x for x in left if re.search(r"[对向]\s*$", masked[c_start:x.start_char])])
                      if a.kind == "person"]
            return [(guests[-1],)] if guests else []
        if trig.frame == "say":
            # (莫迪在与奥地利总理会谈时表示: the subject speaks, not the partner of the time clause)
            # (拜登在白宫迎接鲁托时表示: nor the one met in it)
            # (王岐山向英方表示: the one spoken to is no speaker)
            left = [a for a in left if not _ACCOMPANYING.match(text, a.end_char)]  # (他在布林肯陪同下表示: the one
            # accompanied speaks)
            # (发言人赖德于董军与奥斯汀视讯后表示: the persons of the time clause do not speak, the subject before it does)
            if (when := _TIME_PHRASE_BEFORE.search(text, c_start, t_start)) is not None:
                left = [a for a in left if not when.start() <= a.start_char < when.end()]
            spoken_to = [a for a in left if _SPOKEN_TO.search(s.masked, c_start, a.start_char)]
            speakers = [a for a in left if not partner(text, a, c_start) and not _TIME_CLAUSE_END.match(text, a.end_char)
                        and a not in spoken_to and not _names_gathering(text, a)] \
                or [a for a in left if a not in spoken_to]  # (他…，向习近平强调: the one spoken to is no speaker)
            # (王岐山出席了亚信第六次峰会并发表致辞: the group naming the gathering attended is no speaker)
            referent = _referent(s, c_start, focus) if one else None
            if not speakers and referent is None and not before.strip() and _AFTER_TIME_CLAUSE.search(text, s.start, c_start):
                referent = opening_person(s, c_start)  # (默茨与习近平会谈后表示: the subject of the time clause speaks)
            speaker = flat(speakers[-1:]) or ((referent,) if referent else ())
            if not speaker or text.startswith(("明", "法", "服"), t_end):  # 说明, 称呼 are not statements
                return []
            if trig.word == "称" and text[t_start - 1:t_start] in ("之", "著", "号", "堪", "俗", "简", "统"):
                return []  # 有美国后花园之称, 以…著称, 号称: a name or a fame, not words said
            if text[speakers[-1].end_char:speakers[-1].end_char + 1] == "的" if speakers else False:
                return []  # 新加坡的庄嘉颖说: the speaker is the person after 的, not the country
            return [speaker]
        if trig.frame == "trans" and (received := _RECEIVED.search(text, c_start, t_start)) is not None:
            callers = [a for a in flat([x for x in left if x.start_char >= received.start("by")]) if a.kind == "person"]
            hosts = flat([x for x in left if x.end_char <= received.start()])
            hosts = [a for a in hosts if a.kind == "person"] or hosts  # (国王在罗济塔王宫接受: no palace)
            if callers and not hosts and (guest := self.zero_subject(s, c_start, received.start(), focus)) is not None:
                return [(guest, c) for c in dict.fromkeys(callers) if c != guest]  # 访团将接受A及B款宴: each hosts it
            if callers and hosts:
                return [(h, callers[-1]) for h in dict.fromkeys(hosts) if h != callers[-1]]
        # (与王毅讨论了乌克兰…: what a verb of discussing takes is a topic, not a side)
        objs = objects(masked, t_end, right) if trig.frame in ("trans", "sym") and not _TOPIC_VERB.fullmatch(trig.word) else []
        if not objs and trig.frame == "trans" and (called_on := _object_before(s, left, t_start)) is not None:
            objs = [called_on[0]]  # 对新加坡总理李显龙进行礼节性拜访: the one called on, before the verb
            left = [a for a in left if a.end_char <= called_on[1]]
        if objs and text[t_start - 1:t_start] == "、":  # 谒见总理A、会晤议长B: A is met, B's host is who met A
            earlier = [m.start() for m in MEETING_VERB.finditer(text, c_start, t_start)]
            left = [a for a in left if not earlier or a.end_char <= earlier[-1]]
        if objs:
            zero = None if left else self.zero_subject(s, c_start, t_start, focus)
            travellers = _told_travellers(s)
            met = {a for ev in s.found for a in ev.actors[1:]} | {a for o in objs for a in (o.actors or ())}
            if zero is not None and travellers and trig.frame == "trans" and zero in met:
                # (日本…代表团将于25日访台，期间将晋见A、B，拜会C: the visitor this sentence told, not one it meets
                # or met, whom the focus may hold from the headline)
                zero = travellers[-1]
            if left or zero:
                delegates = () if left else self._delegations(s, c_start, t_start, focus)
                subj = flat(left) or delegates or coordinated(masked, text, s.actors, zero, c_start)
                # 会见A、B和C, 陆续会见…等9国总统: one meeting with each (together when the clause says so, or
                # when they are the people of one other country: 会见美国国务卿A和防长B)
                together = (self.cues.has("joint", text[c_start:c_end]) or _one_country(s, focus, flat(objs), subj)) \
                    and "分别" not in text[c_start:c_end]  # (出席…会议的李克强分别会见A、B: one each)
                each = [flat(objs)] if together else [(a,) for o in objs for a in (o.actors or ())]
                if delegates:  # 庆贺团将分别晋见总统A、接受外长B款宴: each delegation meets each of them
                    return [(a, *o) for o in each for a in delegates]
                if len(each) == 1 and _each_subject(text, c_start, t_start, subj):
                    return [(a, *each[0]) for a in subj]  # 国王和首相分别会见胡春华: one meeting with each host
                return [(*subj, *o) for o in each]
            if trig.frame == "trans":
                # (代表团…将访台，期间将晋见总统A、副总统B: the body whose visit this sentence told meets each;
                # with no one before the verb, those it names after it never meet one another)
                return [(travellers[-1], a) for o in objs for a in (o.actors or ()) if a != travellers[-1]] \
                    if travellers else []
        if not objs and trig.frame in ("trans", "sym") and left and (guest := _delegation_met(s, t_end, focus)):
            return [(*flat(left[-1:]), guest)]  # 总统明日会晤访问团: the one who leads the delegation on its trip
        return self._sym_sides(s, trig, t_start, t_end, clause, left, right, focus_with(focus, s.found),
                               group or (trig.frame == "agree" and core_in(s.found)))

    # ------------------------------------------------------------------ sym
    def _sym_sides(self, s: Sentence, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int],
                   left: list[Named], right: list[Named], focus: Focus, group: bool) -> list[tuple[Actor, ...]]:
        """The sides of "A 与 B(、C) <trigger>" and of "A、B <trigger>" / "双方 <trigger>".

        With 与/同/和/跟: A is the subject (a pronoun or nothing means the sentence's or the
        focus's subject) and B, C its partners: one event per partner for talks, one
        event for all when the clause says they act jointly (共同出席, 三方会议)."""
        text = s.text
        c_start, c_end = clause
        titled = s.doc.user_data.setdefault("titled", {})
        # (通话商讨朝鲜…, 与王毅商讨了乌克兰…: a topic)
        near_right = () if _TOPIC_VERB.fullmatch(trig.word) else \
            flat([r for r in right if r.start_char - t_end <= 2 and not _TOPIC_VERB.match(text, t_end, r.start_char)])
        listed = self._listed_partners(s, t_end, c_start, c_end, left, focus)
        if listed:
            return listed
        these = _THESE_COUNTRIES.search(text, c_start, t_end)  # (与各国首脑会谈: the office may open the trigger)
        these = these if these is not None and these.start() < t_start and not any(
            a.start_char <= these.start() < a.end_char for a in s.actors) else None  # (同三国外长: the group's own)
        if these is not None:  # 访问A、B和C，并与这些国家领袖举行会谈: the subject meets each
            subject = flat([a for a in left if a.start_char < these.start()]) or (
                (zero,) if (zero := self.zero_subject(s, c_start, these.start() - 1, focus)) is not None else ())
            holders = _listed_holders(s, these.start(), these.group(1), titled, subject, focus)
            return [(*subject, h) for h in holders if h not in subject] if subject else []
        conj = None
        # in the text with titles blanked: 外交与对外经济部长西雅尔托同拉夫罗夫通电话 joins at 同, not 与;
        # a 和 that joins two subjects gives way to a 与 after them (A和B将前往东京与C会谈: A and B meet C)
        joins = [(c_start + m.start(), m.group()) for m in _JOIN_WORD.finditer(s.masked[c_start:t_start])
                 if any(a.start_char > c_start + m.start() for a in left) or _PARTNER_PRONOUN.match(text, c_start + m.start())]
        if joins:
            conj = joins[0][0]
            if joins[0][1] in ("和", "and ") and any(a.start_char < conj for a in left):
                # (…，和北约盟邦国安顾问、欧盟委员会与欧洲理事会官员会晤: 和 opening the clause joins the partners)
                conj = next((at for at, word in joins[1:] if word not in ("和", "and ")), conj)
            # A与B还将与C举行会见: the 与 after the predicate's adverb joins the partner; the first, two subjects
            conj = next((at for at, _ in joins if at > conj and _PREDICATE_START.search(text, conj, at)), conj)
        if conj is None:
            actors = flat(left) + near_right
            if not near_right and trig.word.endswith("with"):
                return []  # the leaders met with families of…: a partner named, and no actor
            if not actors and not group:
                actors = self._previous_clause_pair(s, c_start) or _agreed_by(s, c_start, t_start)
            if (group and len(names(actors)) < 2) or (not actors and self.cues.has("group", text[s.start:t_start])):
                office = _GROUP_OFFICE.search(text, s.start, t_start)
                pair = _sentence_pair(s, t_start)  # 普京为到访的莫迪举办国宴，两人在会面时拥抱: these two
                actors = actors + (_office_holders(_with_host(focus), office.group(1), titled) if office
                                   else pair or tuple(focus.actors))
            elif group and actors and all(a.kind == "country" for a in actors) \
                    and (office := _GROUP_OFFICE.search(text, c_start, t_start)) is not None:
                actors = _office_holders(actors, office.group(1), titled)  # 中美关系重回两国元首…会晤时: their heads of state
            return [dedupe(actors)]
        subject = flat([a for a in left if a.start_char < conj])
        partners = dedupe(flat([a for a in left if a.start_char > conj]))

        if not subject and self.cues.has("group", text[c_start:conj]) and len(focus.actors) > 1:
            subject = focus.actors  # 四国领袖当天与泽连斯基会谈: the leaders of the event just told
        if not subject:  # (杜达和三国元首正在前往乌克兰，与泽连斯基会面: all of them)
            zero = self.zero_subject(s, c_start, conj, focus)
            subject = coordinated(s.masked, s.text, s.actors, zero, c_start) if zero is not None else ()
        if not partners and subject and _PARTNER_PRONOUN.match(text, conj):
            # 卢拉当天与他举行会谈: 他 is the person the narrative is about, other than the subject
            # (埃及外长访华期间，王毅将同其举行会谈: a person of the sentence before the subject, else the focus)
            told = [a for a in flat([x for x in s.actors if x.end_char <= c_start]) if a.kind == "person"]
            if (thanks := _THANKS.search(text, c_start, conj)) is not None and \
                    (zero := self.zero_subject(s, c_start, thanks.start(), focus)) is not None:
                told.append(zero)  # 佐科…，感谢习近平主席近日同其通话: the one who thanks
            # (…宣布，X将访华。访问期间，习近平、李克强将同她会谈: the traveller, not the one who announced it)
            travellers = [a for a in focus.actors if focus.trip is not None and a.name in focus.trip.travellers]
            # (朴槿惠将…进行国事访问，届时习近平将与其会谈，李克强、张德江将与其举行会见: the visitor this
            # sentence told, not the host named since)
            other = [a for a in (*_told_travellers(s), *reversed(told), *travellers, focus.subject, *focus.actors) if a is not None
                     and a.kind == "person" and a.name not in names(subject)]
            partners = tuple(other[:1])
        # together (共同, 三方峰会) when the clause or the sentence before it says so, unless 分别
        # (同沙伊两国外长会见: the people of one group phrase meet together; not a list, 与德国、法国首脑
        # 进行双边会谈)
        after_conj = [a for a in left if a.start_char > conj]  # (沙伊 + 两国外长: one phrase, two spans)
        one_phrase = len({frozenset(names(a.actors or ())) for a in after_conj}) == 1 and len(after_conj[0].actors or ()) > 1 \
            and not re.search(r"[、和与及等]", text[after_conj[0].start_char:after_conj[-1].end_char]) \
            and "双边" not in text[c_start:c_end]
        # (出席G20峰会，并同A、B领导人举行会谈: a gathering told in an earlier clause joins no partners
        # this clause names after 与/同/跟 or 分别和; 和 alone may join two nouns: 商讨外交关系和东协未来)
        before = text[s.start:c_start]
        named = after_conj and (text[conj] in "与同跟" or text.startswith("分别", conj - 2))
        joint = (self.cues.has("joint", text[c_start:c_end]) or self.cues.has("joint", trig.word) or one_phrase
                 or self.cues.has("joint", self.cues.without("gathering", before) if named else before)) \
            and "分别" not in text[c_start:c_end] and "双边" not in text[c_start:c_end]  # (与A、B等5国领导人举行双边会谈)
        # (与澳大利亚防长A、外长B会谈 at home: one side, one meeting; 与美国财长A、贸易代表B视频通话: one call)
        one_side = _one_country(s, focus, partners, subject) or (trig.type == "call" and _one_other_country(partners, subject))
        if subject and len(partners) > 1 and not joint and not (one_side and not _IN_TURN.search(text, c_start, c_end)):
            return [(*subject, p) for p in partners]
        # (A、B将同来访的C会谈: hosts receive the traveller in focus one by one, unless together)
        told_visitors = {a.name for a in _told_travellers(s)}
        hosts = len(partners) == 1 and not joint and (
            (focus.trip is not None and partners[0].name in focus.trip.travellers
             and not any(a.name in focus.trip.travellers for a in subject))
            or (partners[0].name in told_visitors and not any(a.name in told_visitors for a in subject)))
        if len(partners) == 1 and (_each_subject(text, c_start, t_start, subject) or (
                hosts and len(subject) > 1 and all(a.kind == "person" for a in subject))):
            return [(a, *partners, *near_right) for a in subject]  # 习近平、李克强分别同他会谈
        return [dedupe(subject + partners + near_right)]

    def _listed_partners(self, s: Sentence, t_end: int, c_start: int, c_end: int, left: list[Named],
                         focus: Focus) -> list[tuple[Actor, ...]]:
        """The sides of "A 与 N个X 会谈，分别是 B、C…": one event of A with each of those the list
        names (7个对话伙伴国, 3国领导人 only say how many); [] when the clause is not so."""
        text = s.text
        listed = _LISTED_AFTER.match(text, c_end) if c_end < s.end else None
        conj = re.search(r"与|同|跟", s.masked[c_start:t_end])
        if listed is None or conj is None or t_end + 2 < c_end and text[t_end:c_end].strip():
            return []
        at = c_start + conj.start()
        if any(a.kind == "person" for a in flat([x for x in left if x.start_char > at])):
            return []  # (与王毅会晤，分别为去年3月在…: a partner named; the list is of occasions)
        l_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, listed.end(), s.end)), s.end)
        named = dedupe(tuple(a for a in flat([a for a in s.actors if listed.end() <= a.start_char < l_end
                                               and not locative(text, a)]) if a.kind in ("person", "country")))
        subject = flat([a for a in left if a.start_char < at])
        if not subject:
            zero = self.zero_subject(s, c_start, at, focus)
            subject = (zero,) if zero is not None else ()
        return [(*subject, p) for p in named if p not in subject] if subject and named else []

    @staticmethod
    def _previous_clause_pair(s: Sentence, c_start: int) -> tuple[Actor, ...]:
        """The sides named by the clause before (特朗普与普京，7月16日在赫尔辛基举行峰会)."""
        text = s.text
        prev_start = max([p for p in s.clause_starts(c_start) if p < c_start - 1], default=s.start)
        prev = [a for a in s.actors if prev_start <= a.start_char < c_start]
        ends_with_pair = prev and not text[prev[-1].end_char:c_start].strip("，,；; ")
        if len(prev) >= 2 and ends_with_pair and re.search(r"[与同和跟及]", text[prev[0].end_char:prev[-1].start_char]):
            return flat(prev)
        return ()

    # -------------------------------------------------------------- subjects
    @staticmethod
    def _delegations(s: Sentence, c_start: int, t_start: int, focus: Focus) -> tuple[Actor, ...]:
        """The leaders of the delegations staying on the trip under way, when a clause's subject is
        their delegation and each acts on its own (友邦庆贺团在台期间，将分别晋见总统); else ()."""
        start = next((a for a in reversed([*s.clause_starts(c_start), c_start]) if _DELEGATION.match(s.text, a)), None)
        if focus.trip is None or start is None or "分别" not in s.text[start:t_start]:
            return ()
        return delegations(focus.trips + tuple(s.trips), focus.trip)

    def zero_subject(self, s: Sentence, c_start: int, t_start: int, focus: Focus) -> Actor | None:
        """The subject of a clause that leaves it out (王毅，昨日在北京会见…): the first person
        of the sentence before the clause, else the subject in focus. Only when nothing but
        time, place and adverbs stands between the clause start and the trigger."""
        text = s.text
        if _DELEGATION.match(text, c_start) and (leader := _trip_leader(focus)) is not None:
            return leader  # 访团将分别与总统…会晤: the delegation of the trip under way, met as its leader
        if re.search(AND_WORD, text[c_start:t_start]):
            return None
        c_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, t_start, s.end)), s.end)
        if re.search(r"(?:时|期间|之际|之后|后)\s*$", text[t_start:c_end]):
            # 会见拉米时，丁薛祥表示: a time clause takes the subject of the clause after it
            # (not a partner there: 会见了施泰因迈尔之后，便前往总理府与朔尔茨见面 — the visitor does both)
            later = [a for a in flat([x for x in s.actors if c_end <= x.start_char < s.end and not partner(text, x, c_end)])
                     if a.kind == "person"]
            if later:
                return later[0]
        # the subject of the nearest clause before that names a person (not as a partner after 与/同:
        # 展开访问，今日抵达北京，将与习近平见面，随后赴美与拜登会面 is still 普拉伯沃's), or the subject in
        # focus when that clause starts with a pronoun (他在开罗会见塞西，并同舒凯里举行会谈); with no such
        # subject, the nearest person named (此次行程将包括与特朗普会谈，以在4月与习近平峰会前…)
        starts = s.clause_starts(c_start)
        nearest = None
        # (not the object of an event told in it: 会见意大利总理梅洛尼，并前往梵蒂冈与教宗会谈 is still the visitor's)
        objects_told = {x.name for ev in s.found for x in ev.actors[1:]}
        for a, b in reversed(list(zip(starts, starts[1:] + [c_start]))):
            if _DELEGATION_TRAVELS.match(text, a) and (leader := _trip_leader(focus)) is not None:
                return leader  # 周民淦表示，访团预计1日启程，当天抵达帛琉，接着拜会…: the delegation's, not the speaker
            spans = [x for x in s.actors if a <= x.start_char < b and not locative(text, x)]
            pronoun = _PRONOUN_SUBJECT.match(text, a, b)
            if pronoun and not any(x.start_char < pronoun.end() for x in spans):
                return _referent(s, a, focus)
            # (出席安倍晋三国葬，并与林芳正会晤: the one a ceremony honours does not meet)
            persons = [x for x in flat([x for x in spans if not partner(text, x, a) and not CEREMONY.match(text, x.end_char)])
                       if x.kind == "person" and x.name not in objects_told]
            if persons:
                return persons[0]
            # (a partner after 与 may be meant, 与特朗普会谈，以在4月与习近平峰会前; the object of 会见 not)
            nearest = nearest or next((x for sp in spans for x in flat([sp]) if x.kind == "person"
                                       and (x.name not in objects_told or partner(text, sp, a))), None)
        return nearest or focus.subject

    def _visitor(self, s: Sentence, t_start: int, t_end: int, c_start: int, left: list[Named],
                 right: list[Named], focus: Focus, one: bool) -> Actor | None:
        text = s.text
        rel = _SHORT_RELATIVE.match(text, t_end, t_end + 9) or _LONG_RELATIVE.match(text, t_end)
        if rel and right and not STOP_NAMED.match(text, t_end):  # (not …之行的第一站是泰国: its stop)
            # 到访的日本外相岩屋毅, 来华出席论坛的智利外长: a relative clause on the visitor
            # (the person the clause describes comes right after its 的, not 出席在利马举行的峰会之机同A会谈)
            after = [r for r in right if r.start_char >= rel.end() and flat([r])[0].kind == "person"
                     and not (r.label_ == "GROUP" and _NAMES_ANY_GATHERING.match(text, r.end_char))]
            while len(after) > 1 and _SENDER_OF.match(text, after[0].end_char):
                after = after[1:]  # (…的习近平主席特别代表、国家副主席王岐山: the envoy travels, not the one who sends him)
            if after and not _PAST_NOUN_PHRASE.search(s.masked, rel.end(), after[0].start_char):
                return flat(after[:1])[0]
            if text[t_end:t_end + 1] == "的":
                return flat(right[:1])[0]
        if _DELEGATION_TRAVELS.match(text, c_start) and not any(flat([a])[0].kind == "person" for a in left):
            # 访问团晚间抵达桃园机场: the leader of the trip under way, else of the visit told last
            travellers = focus.trip.travellers if focus.trip is not None else {a.name for a in focus.actors[:1]}
            leader = next((a for a in (*focus.actors, focus.subject) if a is not None and a.kind == "person"
                           and a.name in travellers), None)
            if leader is not None:
                return leader
        if _KIN_SUBJECT.search(text, c_start, t_start) or _PLURAL_SUBJECT.match(text, c_start) or (
                not left and _KIN_SUBJECT.search(text, s.start, c_start)):
            # 他的儿子十月访问中国(，到昆明参加…), 部长们先期抵达上海: a relative or unnamed people travel
            return None
        # (与美国总统川普进行正式工作访问: the host; not …，与贝里斯总督察芙拉应我国政府邀请: one invited)
        # (约翰逊向马克龙通报了他本周访问基辅的结果: the one told is not the traveller)
        persons = [a for a in left if flat([a])[0].kind == "person" and not invited_by(text, a)
                   and not _SPOKEN_TO.search(s.masked, c_start, a.start_char)
                   and not _INSTEAD_OF.search(s.masked, max(c_start, a.start_char - 6), a.start_char)  # 代替总统拜登: not him
                   and not (_APPOINTS.match(text, a.end_char) and _BY_WHOM.search(text, c_start, a.start_char))  # 获首相X任命
                   # (but 特别代表戴维斯: a title, blanked in `masked`)
                   and not (partner(text, a, c_start) and not _INVITED_AFTER.match(text, a.end_char))]
        sent = _SENDS.search(text, c_start, t_start)
        # (派代表团访问华盛顿: a delegation sent, its country standing for it below)
        if sent and not any(a.start_char >= sent.end() for a in persons) \
                and not re.match(rf"[^，。；]{{0,6}}?{_DELEGATION_NOUN}", text[sent.end():t_start]):
            # 习近平主席委派我作为他的特别代表到伦敦: the one sent travels, here the speaker
            speakers = [ev.actors[0] for ev in s.found if ev.type == "statement" and ev.actors[0].kind == "person"]
            return speakers[-1] if text.startswith("我", sent.end()) and speakers else None
        if persons:
            return flat(persons[-1:])[0]
        if _I.search(text, c_start, t_start) and _SAYS.search(text, s.start, c_start):
            # 并留言称，我访问平壤并与…会面: the one who says it (the subject in focus when the clause leaves him out)
            speakers = [ev.actors[0] for ev in s.found if ev.type == "statement" and ev.actors[0].kind == "person"]
            if speakers or (focus.subject is not None and focus.subject.kind == "person"):
                return speakers[-1] if speakers else focus.subject
        if (sender := _delegation_sender(s, t_start)) is not None:
            return sender  # 欧洲议会「外交委员会」代表团应政府邀请，将于25日访台: the body whose delegation travels
        people = self.cues.people_at(text, c_start, t_start)
        own = [a for a in left if people is not None and people - 6 <= a.end_char <= people]
        if own and flat(own[-1:])[0].kind == "country":
            # 泰国代表团将访问北京, 香港公务员将组团访问新加坡: people left unnamed travel, their country
            # standing for them, not the person in focus
            return flat(own[-1:])[0]
        other_side = "对方" in text[c_start:t_start]
        # (…向习近平发出邀请，希望对方8月访美: the invitation told in the clause before)
        welcomed = self.cues.invites(text[c_start:t_start]) or "欢迎" in text[c_start:t_start] or (
            other_side and self.cues.invites(text[s.start:c_start]))
        if (one or other_side) and welcomed:
            # 会见高市早苗，并邀请她访美; 会见了…穆罕默德，并邀请对方早日访问印度
            named = [a for a in flat([x for x in s.actors if x.start_char < t_start]) if a.kind == "person"]
            # (…同博雷利通电话。王毅表示，欢迎对方今秋访华: not the speaker, the other side of the talks just told)
            speakers = {ev.actors[0] for ev in s.found if ev.type == "statement"}
            other = [a for a in focus.actors if a.kind == "person" and a not in named] \
                if other_side else []
            chosen = [a for a in named if a not in speakers] or other or named
            if chosen:
                return chosen[-1]
        visitors = _told_travellers(s)
        if one and any(a.kind == "person" for a in visitors):  # (朴槿惠将…进行国事访问，…，此外她还将访问西安:
            return [a for a in visitors if a.kind == "person"][-1]  # the visitor just told, not the speaker)
        if one and (referent := _referent(s, c_start, focus)) is not None:
            return referent
        if not persons and visitors:  # 邀请她访美，日本官员提议3月下旬访问华盛顿: the visit just named in this sentence
            return visitors[-1]
        # (not the first of a group's summit told in a time clause: 于5月七国集团峰会后的今夏访问越南)
        told = [ev for ev in s.found if ev.type in CORE and ev.actors[0].kind == "person" and len(ev.actors) <= 3]
        if told:  # 13日在安曼会见阿卜杜拉二世，此后又到访卡塔尔: the subject of the event just told
            return told[-1].actors[0]
        # (not a speaker quoted: 发言人表示：“通过此次访问…” speaks of someone else's visit)
        quoted = text[s.start:t_start]
        quoted = quoted[max(quoted.rfind("“"), quoted.rfind("「")) + 1:] if re.search("[“「]", quoted) else None
        speakers = {ev.actors[0].name for ev in s.found if ev.type == "statement"} \
            if quoted is not None and not re.search(r"我(?![们国方])", quoted) else set()  # (“我将飞往英国”: his own)
        if (leader := _delegation_clause_before(s, c_start, focus)) is not None:
            return leader  # 周民淦表示，访团预计1日启程，当天下午抵达帛琉: the delegation travels, not the speaker
        if not left and _GLAD.match(text, c_start) and (said := [ev.actors[0] for ev in s.found if ev.type == "statement"
                                                                  and ev.actors[0].kind == "person"]):
            return said[-1]  # 卢拉表示，非常高兴来到上海: the speaker's own feeling, his own trip
        earlier = [a for a in s.actors if a.start_char < c_start and flat([a])[0].kind == "person"
                   and not invited_by(text, a) and flat([a])[0].name not in speakers
                   and not (_TELLS_AFTER.match(text, a.end_char)  # (发言人X宣布：…Y将访华: Y travels; not 我…访华)
                            and not re.search(r"我(?![们国方])", text[a.end_char:t_start]))
                   and not _ENDS_TIME_CLAUSE.search(text, a.end_char, s.clause_of(a.start_char)[1])]
        if earlier:
            return flat(earlier[:1])[0]
        # (结束日本访问后: a country just before the visit word is where the visit went, not who made it)
        hosts = [a for a in left if text[a.start_char - 1:a.start_char] != "对" and not invited_by(text, a)
                 and not (a.end_char == t_start and all(x.kind == "country" for x in a.actors or ()))
                 and not all(x.kind == "org" and not get_lexicon().is_movement(x.name) for x in a.actors or ())]
        # (出席二十国集团峰会而访日: no organisation travels, but a movement does: 塔利班代表团抵达奥斯陆)
        if hosts:
            return flat(hosts[-1:])[0]
        # (…访问纽约，并与总统拜登会谈: the host met, not the traveller; 6日到7日访问新加坡，将会见李显龙: nor the
        # one a later clause's verb meets)
        later = [a for a in s.actors if a.start_char >= t_end and flat([a])[0].kind == "person"
                 and not partner(text, a, t_end) and not _honoured(s, a)  # (参加A与B的就职大典: its honorees)
                 and not invited_by(text, a)  # (此次访问应A的邀请: the host who invites)
                 and not _MEETS_BEFORE.search(text, s.clause_of(a.start_char)[0], a.start_char)]
        if later and focus.subject is not None and THIS.search(text, max(c_start, t_start - 8), t_start) \
                and later[0].start_char >= s.clause_of(t_start)[1] \
                and not (_COPULA_AGAIN.match(text, s.clause_of(later[0].start_char)[0])
                         and _VISIT_NOUN.search(text, later[0].end_char, s.clause_of(later[0].start_char)[1])):
            # (but 这次访问定于…，将是卢拉…首次访问: the clause says again whose visit it is)
            return focus.subject  # 此次访问正值…，当选总统特朗普将…: the visit told already, by its traveller
        if later:  # (此次访问系蒙迪诺外长就任后首次访华: the one the clause names)
            return flat(later[:1])[0]
        for ev in reversed(s.found):
            if ev.type == "visit":
                return ev.actors[0]
        met = {a.name for x in s.actors if partner(text, x, s.clause_of(x.start_char)[0]) for a in x.actors or ()}
        return focus.subject if focus.subject is None or focus.subject.name not in met else None


_I = re.compile(r"我(?![们国方军])")  # the speaker, not 我们, 我国, 我方
_JOINED = re.compile(r"[与和、及同]")  # (美国与朝鲜首脑: sides joined in one span)
_JOINED_RIGHT_BEFORE = re.compile(r"的?(?:(?:会谈|会晤|峰会|会议|会面|通话)(?:中|上|时)?所?)?")  # (…首脑会谈达成的共识)
_SAYS = re.compile(r"(?:称|说|表示|写道|指出|留言|发文)\s*[，,：:]?\s*[“「]?$")
_COPULA_AGAIN = re.compile(r"\s*(?:这|此|也|还|将|亦|同时)*(?:是|为)")  # (，将是…: the clause restates the subject)
_VISIT_NOUN = re.compile(r"访问|出访|访华|之行|行程")
_GLOSSED = re.compile(r"[（(][^（()）]*[)）]")


def _honoured(s: Sentence, a: Named) -> bool:
    """True when the clause goes on from person `a` to a ceremony of theirs with nothing but other names,
    glosses and 与/和 between (参加巴拉圭新任总统A(…)与副总统B(…)就职大典: A and B are honoured, not travelling)."""
    end = s.clause_of(a.start_char)[1]
    ceremony = CEREMONY.search(s.text, a.end_char, end)
    if ceremony is None:
        return False
    between = strip_actors(s.masked, a.end_char, ceremony.start(), s.actors)
    return not re.sub(r"[\s与和及、]", "", _GLOSSED.sub("", between))


def _told_travellers(s: Sentence) -> list[Actor]:
    """The travellers of the visits this sentence has told so far, in order."""
    return [ev.actors[0] for ev in s.found if ev.type == "visit" and ev.actors]


def _one_other_country(partners: tuple[Actor, ...], subject: tuple[Actor, ...]) -> bool:
    """True when there are several partners, all people of one country that is none of the subject's."""
    countries = {a.country for a in partners}
    return len(partners) > 1 and all(a.kind == "person" for a in partners) and len(countries) == 1 \
        and None not in countries and not countries & {a.country for a in subject}


def _one_country(s: Sentence, focus: Focus, partners: tuple[Actor, ...], subject: tuple[Actor, ...]) -> bool:
    """True when several partners are all people of one country that is none of the subject's, and the
    sentence places the talks at the subject's home (在官邸/总理府, a place in the subject's country): guests who
    came together, one side, one meeting (首相在官邸与澳大利亚国防部长A、外交部长B会谈). The hosts of a trip
    are met one by one (布林肯会见中国国家主席A、外长B), and so are partners nothing places."""
    if not _one_other_country(partners, subject):
        return False
    home = {a.country for a in subject}
    travellers = {a.name for a in subject}
    if any(t.travellers & travellers for t in (*focus.trips, *s.trips)):
        return False
    return _HOME_SEAT.search(s.text, s.start, s.end) is not None or any(
        p.location is not None and p.location.country in home for p in s.places)


def _describes_next(text: str, person: Named, people: list[Named]) -> bool:
    """True when `person` only describes a person named after it in the clause: inside the relative
    clause on that one (出席A就职仪式的B会见C: A), or as the one who sends that envoy (B主席特别代表、副主席D: B)."""
    return any(b.start_char > person.end_char and (_MODIFIES_NEXT.fullmatch(text, person.end_char, b.start_char)
                                                   or _SENDER_OF.match(text, person.end_char)) for b in people)


def _delegation_clause_before(s: Sentence, c_start: int, focus: Focus) -> Actor | None:
    """The leader of the trip under way when the nearest clause before `c_start` that names a subject
    opens on a delegation (访团预计…启程，当天下午抵达帛琉), else None."""
    starts = s.clause_starts(c_start)
    for a, b in reversed(list(zip(starts, starts[1:] + [c_start]))):
        if a >= c_start:
            continue
        if _DELEGATION_TRAVELS.match(s.text, a):
            return _trip_leader(focus)
        if any(a <= x.start_char < b for x in s.actors if any(y.kind == "person" for y in x.actors or ())):
            return None
    return None


def _trip_leader(focus: Focus) -> Actor | None:
    """The one who leads the trip under way, as the narrative names him (a delegation's subject)."""
    if focus.trip is None:
        return None
    return next((a for a in (*focus.actors, focus.subject) if a is not None and a.name in focus.trip.travellers), None)


def _delegation_sender(s: Sentence, t_start: int) -> Actor | None:
    """The country or organisation whose delegation or committee opens a clause as its subject (欧洲议会「外交
    委员会」（AFET）代表团应政府邀请，将于25日访台; 泰国代表团将访问北京), with no person named before the trigger."""
    text = s.text
    ahead = [a for a in s.actors if s.start <= a.start_char < t_start]
    if not ahead or any(x.kind == "person" for a in ahead for x in flat([a])):
        return None
    first = ahead[0]  # (外交部指出，欧洲议会外交委员会25日至27日访问台湾: a clause of its own; after a dateline)
    opens = first.start_char in s.clause_starts(first.start_char + 1) or _DATELINE_BEFORE.fullmatch(text, s.start, first.start_char)
    if not opens or not _DELEGATION_AFTER.match(text, first.end_char):
        return None
    actor = flat([first])[0]
    return actor if actor.kind in ("country", "org") else None


def _leader_of(s: Sentence, visitor: Actor, c_start: int) -> Actor | None:
    """The person who leads `visitor` on the trip (巴拉圭总统当选人A应邀，率领候任外长B等…访台: A), named
    before the leading word in the same sentence; else None."""
    at = next((x for x in s.actors if c_start <= x.start_char and visitor in (x.actors or ())), None)
    if at is None:
        return None
    leaders = [x for x in s.actors if s.start <= x.start_char and x.end_char <= at.start_char and x.actors
               and x.actors[0].kind == "person" and x.actors[0] != visitor
               and _LEADS.fullmatch(s.text, x.end_char, at.start_char)]
    return leaders[-1].actors[0] if leaders else None


def _composed_of(s: Sentence, visitor: Actor, c_start: int, t_start: int) -> tuple[Actor, ...]:
    """The countries a delegation is made of (由赞比亚、塞内加尔、埃及和南非等六国组成的非洲代表团), when the
    visitor found is one of them; else ()."""
    m = _COMPOSED.search(s.text, c_start, t_start)
    if m is None or visitor.kind != "country":
        return ()
    members = tuple(dict.fromkeys(a for x in s.actors if m.start("members") <= x.start_char < m.end("members")
                                  for a in (x.actors or ()) if a.kind == "country"))
    return members if visitor in members and len(members) > 1 else ()


def _delegation_met(s: Sentence, t_end: int, focus: Focus) -> Actor | None:
    """The leader of the trip under way, when the one met right after the trigger is its delegation
    (总统明日会晤访问团并设宴款待) and no name inside the phrase belongs to another country; else None."""
    m = _DELEGATION_MET.match(s.text, t_end)
    if m is None:
        return None
    # (…率领跨党派议员庆贺团来访，总统将于明天上午接见访团: the visit this sentence told)
    told = [ev.actors[0] for ev in s.found if ev.type == "visit" and ev.actors[0].kind == "person"]
    leader = told[-1] if told else _trip_leader(focus)
    inside = {a.country for x in s.actors if t_end <= x.start_char < m.end() for a in (x.actors or ())}
    return leader if leader is not None and inside <= {leader.country} else None


def _object_before(s: Sentence, left: list[Named], t_start: int) -> tuple[Named, int] | None:
    """The person a trans verb acts on, named before it after 对/向 (对…总理李显龙进行礼节性拜访), with
    where that 对 stands (the subject is named before it)."""
    for a in reversed(left):
        if any(x.kind == "person" for x in a.actors) and _DONE_TO.fullmatch(s.masked, a.end_char, t_start) \
                and (to := _TO.search(s.masked, max(0, a.start_char - 12), a.start_char)) is not None:
            return a, to.start()
    return None


def _each_subject(text: str, c_start: int, t_start: int, subject: tuple[Actor, ...]) -> bool:
    """Several people as the subject, each acting on their own (分别 before the trigger)."""
    return len(subject) > 1 and all(a.kind == "person" for a in subject) and "分别" in text[c_start:t_start]


def _counterpart(sides: tuple[Actor, ...], dct: date | datetime | None, titled: dict) -> tuple[Actor, ...]:
    """A call between a minister or leader and a country (布林肯致电韩国) is with that country's
    holder of the same office, where the tables know one: a call reaches a person."""
    persons = [a for a in sides if a.kind == "person"]
    countries = [a for a in sides if a.kind == "country"]
    if len(persons) != 1 or len(countries) != 1 or len(sides) != 2 or countries[0].country == persons[0].country:
        return sides
    title = get_lexicon().titles.get(persons[0].role or "")
    office = title.office if title is not None else persons[0].role
    key = "leader" if office in ("head_of_state", "head_of_government") else office
    if key not in ("leader", "foreign_minister", "defence_minister"):
        return sides
    return tuple(_holder_for(a, key, dct, titled) for a in sides)


def _holder_for(actor: Actor, office: str, dct: date | datetime | None, titled: dict, group: str | None = None) -> Actor:
    """A country actor as the holder of `office` there on the DCT (re-resolved at the event's
    date later, like any title), at the leaders' meetings of `group` the office that group's meetings
    take; anything else as it is."""
    if actor.kind != "country" or not actor.country:
        return actor
    key = get_groups().leader_of(actor.country, group) if office == "leader" else office
    day = as_date(dct)
    person = get_lexicon().holder(actor.country, key, day) if day is not None else None
    if person is None:
        return actor
    holder = Actor(person.name, person.name_en, "person", person.country, key)
    titled[holder] = (actor.country, key)
    return holder


def _sentence_pair(s: Sentence, t_start: int) -> tuple[Actor, ...]:
    """The two people of different countries the sentence names before `t_start`, when it names
    exactly two besides its speakers and tells no meeting of its own yet."""
    if core_in(s.found):
        return ()  # (the sides of the event this sentence told first)
    speakers = {e.actors[0].name for e in s.found if e.type == "statement"}  # (苏利文表示，…两人已有4次会面)
    persons = dedupe(tuple(a for a in flat([x for x in s.actors if s.start <= x.start_char < t_start])
                           if a.kind == "person" and a.name not in speakers))
    return persons if len(persons) == 2 and persons[0].country != persons[1].country else ()


def _named_first(named: tuple[Actor, ...], sides: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """`named` people, then the `sides` of countries none of them stands for."""
    stood_for = {a.country for a in named if a.kind == "person"}
    return named + tuple(a for a in sides if a.country not in stood_for or a.kind == "org")


def _with_host(focus: Focus) -> tuple[Actor, ...]:
    """The actors in focus; during a trip that they do not make, or that its traveller alone makes,
    the traveller and the host country (普京将对蒙古进行国事访问。访问期间，两国元首将…: Putin and Mongolia)."""
    actors, trip = focus.actors, focus.trip
    if trip is None or trip.country is None or not trip.people or trip.country not in get_lexicon().countries:
        return actors
    traveller = trip.people[0]
    if trip.country == traveller.country or (len(actors) > 1 and traveller in actors):
        return actors
    return traveller, get_lexicon().countries[trip.country].actor()


def _office_holders(actors: tuple[Actor, ...], word: str, titled: dict[Actor, tuple[str, str]]) -> tuple[Actor, ...]:
    """两国外长 after a meeting of two leaders, 两国元首 after a dyad of two countries: the holders of that
    office in their countries (re-resolved at the event's date later, like any title)."""
    lex, out = get_lexicon(), []
    office = _GROUP_OFFICES[word]
    for a in actors:
        holder = lex.holder(a.country, office, None) if a.country and a.kind in ("person", "country") else None
        person = lex.persons.get(a.name) if a.kind == "person" else None
        if a.country and a.kind == "person" and (a.role == office or (
                person is not None and any(o.key == office for o in person.offices))):
            out.append(a)  # (两国元首 after talks of 马英九 and a president: they are the heads of state)
            continue
        actor = Actor(holder.name, holder.name_en, "person", holder.country, office) if holder else (
            lex.countries[a.country].actor() if a.country in lex.countries else a)
        titled[actor] = (a.country, office)
        out.append(actor)
    return tuple(out)


# the leaders or ministers of the countries a sentence just listed (访问埃及、加纳和肯尼亚，并与这些国家领袖会谈)
# (与这些国家领袖, 同4国领导人, 与友邦元首: the countries listed or visited before)
_THESE_COUNTRIES = re.compile(r"(?<=[与同和跟])(?:这些|上述|这几个|各|友邦|[2-9两三四五六七八九](?=国))(?:国家|国)?的?"
                              r"(领导人|领袖|首脑|元首|外长)")
_THESE_OFFICES = {"领导人": "leader", "领袖": "leader", "首脑": "leader", "元首": "head_of_state", "外长": "foreign_minister"}


def _listed_holders(s: Sentence, before: int, word: str, titled: dict[Actor, tuple[str, str]],
                    subject: tuple[Actor, ...], focus: Focus) -> tuple[Actor, ...]:
    """The holders of the office `word` names in each country the sentence lists before `before`, or
    with none listed, each country the subject's trips told so far went to (…转到意大利、斯洛伐克。期间与
    各国首脑会谈), or else each country the document told the subject visits (`_holder_for`: re-resolved
    at the event's date later, like any title)."""
    countries = get_lexicon().countries
    isos = dict.fromkeys(p.location.country for p in s.places
                         if p.end_char <= before and p.location.kind == "country" and p.location.country in countries)
    if not isos:
        travellers = {a.name for a in subject}
        isos = dict.fromkeys(t.country for t in (*focus.trips, *s.trips)
                             if t.travellers & travellers and t.country in countries)
    if not isos:  # (1月9日前往A、B、C和D进行访问。…分别同4国领导人举行会谈: the countries of the visits told)
        isos = dict.fromkeys(iso for name, iso in s.doc.user_data.get("visited", ())
                             if name in {a.name for a in subject} and iso in countries)
    return tuple(_holder_for(countries[iso].actor(), _THESE_OFFICES[word], s.dct, titled) for iso in isos)


def holders_on(actors: tuple[Actor, ...], when: When, titled: dict[Actor, tuple[str, str]],
               said: str = "", written: date | None = None) -> tuple[Actor, ...]:
    """Actors named only by a title or a dyad (日本首相, 中美元首) re-resolved to the holder on
    the event's date, which may differ from the holder on the publication date; dropped where a
    named person of the same country is present (李克强出席中日韩领导人会议). A person whose name the
    sentence `said` is that person, whatever the date (他与莫迪的第一次会面是十年前); a country the sentence
    names still stands for its office's holder (中国外交部… 中美关系重回两国元首…会晤时). A date after the
    day the story was `written` counts as that day: a plan is its present holder's."""
    if not titled:
        return actors
    lex = get_lexicon()
    titled = {a: office for a, office in titled.items() if a.kind != "person" or not lex.named_in(a.name, said)}
    named = {a.country for a in actors if a.kind == "person" and a not in titled}
    actors = tuple(a for a in actors if not (a in titled and a.country in named))
    if not when.date_start:
        return actors
    day = date.fromisoformat(when.date_start)
    last = date.fromisoformat(when.date_end or when.date_start)
    if written is not None:
        day, last = min(day, written), min(last, written)
    out = []
    for a in actors:
        office = titled.get(a)
        holder = lex.holder(office[0], office[1], day) if office else None
        at_end = lex.holder(office[0], office[1], last) if office else None
        if holder is None or office is None or (at_end is not None and at_end.name == a.name):
            out.append(a)  # (still the holder by the end of the interval: 去年5月 and the president since 10 May)
        else:
            out.append(Actor(holder.name, holder.name_en, "person", holder.country, office[1]))
    return tuple(out)


def _agreed_by(s: Sentence, c_start: int, t_start: int) -> tuple[Actor, ...]:
    """The sides of the call or meeting this sentence told before a clause that opens with their
    decision to hold another (举行电话会议，决定于11日在明斯克举行会晤); () when it is not so."""
    if not _AGREED_TO_HOLD.match(s.text, c_start) or c_start == s.start:
        return ()
    talks = [e for e in s.found if e.type in ("call", "meeting") and len(e.actors) > 1]
    return talks[-1].actors if talks else ()
