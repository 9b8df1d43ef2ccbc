"""Whether an event occurred, is planned or was cancelled (SPEC.md `status`)."""
from __future__ import annotations

import re
from datetime import date, datetime

from timeline.events.cues import Cues
from timeline.events.triggers import Trigger
from timeline.record import When
from timeline.temporal import as_date

_RETRO_PLAN = re.compile(r"原计划|原定|原订|原本|本来")
_BUT = re.compile(r"[，,]\s*(?:但|但是|然而|却|不过)")
# 访问巴拉圭期间将会见…: a trip named as the time of what is still planned is planned itself
_DURING_PLANNED = re.compile(r"[^，。；,;]{0,12}?(?:期间|之际|时)[，,]?[^，。；,;]{0,12}?(?:将|拟|计划|预计|准备)")


# a meeting noun, then its holding still to come (会晤即将举行, 会谈将于9月4日在索契举行)
# (会谈正在调整中, 会谈也在分别进行协调: being arranged; 会谈也在计划之中; 会谈将是两国…的首次: to come)
HELD_LATER = re.compile(r"\s*(?:也|还|预计)?(?:即将|将|拟|定于|计划)[^，。；,;]{0,14}?(?:举行|召开|进行)"
                         r"|\s*(?:也|还|均)?(?:正在|仍在|还在|在)(?:分别)?(?:进行)?(?:调整|协调|安排|筹备|磋商|商讨)"
                         r"|\s*(?:也|还|均)?在(?:计划|安排|筹划|酝酿|筹备)之中|\s*(?:也|还)?将是"
                         r"|\s*(?:已经|已)?(?:得到|获得|获)了?[^，。；,;]{0,10}?(?:证实|确认)")  # (会晤已经得到了…证实: set, not held)
# the plan a trip is part of (有访问韩国的预定, 访华的计划): still to come
_PLAN_NOUN = re.compile(r"[^，。；,;的]{0,8}的(?:预定|计划|安排|打算|日程)")
# a clause joined to the one before (并同…会谈), or one that leaves its subject out and opens with the
# partner (…还将利用机会，与巴拿马总统会晤)
_JOINED = re.compile(r"\s*(?:并且?|随后|然后|接着|还将?|再|也|(?:分别)?[与同跟](?![其他她之]))")
_HELD_PAST = re.compile(r"了|曾|已经")
# the clause right before, telling only when what follows starts (将从本星期六开始，, 将于下月5日起，)
_OPENS_AT = re.compile(r"[^，。；,;！？\n]{1,30}(?:起|开始)[，,]\s*$")
# what the event reached or signed, right after its noun (以新加坡美朝首脑会谈达成的协议为基础): it was held
_REACHED = re.compile(r"(?:达成|取得|形成|签署|签订)了?的")
_OUTCOME_OF = re.compile(r"\s*(?:上|中|时|期间)?所?(?:达成|取得|形成|签署|签订)(?:了)?的")


class Status:
    """Status from the cues before and after the trigger, the date and the DCT."""

    def __init__(self, cues: Cues) -> None:
        self.cues = cues

    def cancelled(self, text: str, t_start: int, t_end: int, c_start: int, s_end: int) -> bool:
        """取消/推迟/延期 around the trigger, or a plan told in retrospect and then called off."""
        before = text[c_start:t_start]
        return self.cues.has("cancelled", before) or self.cues.has("cancelled", text[t_end:t_end + 6]) or (
            # 原计划本月访问澳大利亚，但因…取消了行程: a plan told in retrospect, then called off
            _RETRO_PLAN.search(before) is not None and self.cues.has("cancelled", text[t_end:s_end])) or (
            # 提议年内访日，但遭对方婉拒: a plan, then a clause of "but" that calls it off
            self.cues.has("planned", before) and (but := _BUT.search(text, t_end, s_end)) is not None
            and self.cues.has("cancelled", text[but.end():s_end]))

    def of(self, text: str, trig: Trigger, t_start: int, c_start: int, when: When,
           dct: date | datetime | None) -> str:
        """occurred or planned (cancellation is decided by `cancelled`)."""
        before = text[c_start:t_start]
        if trig.frame == "invite":
            return "planned"
        if trig.frame == "say":
            return "occurred"
        day = as_date(dct)
        past_year = day is not None and when.date_end is not None and int(when.date_end[:4]) < day.year
        if _OUTCOME_OF.match(text, t_start + len(trig.word)) or (trig.frame == "agree" and _REACHED.match(text, t_start)):
            return "occurred"  # (…会谈达成的协议: the agreement reached, its talks held)
        if self.cues.has("planned", before) and not past_year:  # 将落实2018年…会谈成果: the talks are history
            return "planned"
        past_day = day is not None and when.date_end is not None and when.date_end < day.isoformat()
        if (_JOINED.match(text, c_start) or not before.strip()) and not past_year and not past_day \
                and not _perfective(text, t_start):  # (两人昨日通电话，同意…: done, whatever the sentence plans)
            # 将会见智利领导人，并同东盟领导人举行会谈: a clause joined to a plan is planned too (将晋见总统A，
            # 拜会院长B: one that opens with its verb)
            s_start = max(text.rfind(p, 0, c_start) for p in "。！？\n") + 1
            if self.cues.has("planned", text[s_start:c_start]) and not _HELD_PAST.search(text, s_start, c_start):
                return "planned"
        if not past_year and not past_day and (opening := _OPENS_AT.search(text, max(0, c_start - 40), c_start)) is not None \
                and self.cues.has("planned", opening.group()) and not _HELD_PAST.search(opening.group()):
            return "planned"  # 将从本星期六(26日)开始，对美国进行八天访问: the clause that says when it starts
        if trig.frame == "visit" and _DURING_PLANNED.match(text, t_start + len(trig.word)) and not past_year:
            return "planned"
        if (HELD_LATER.match(text, t_start + len(trig.word)) or _PLAN_NOUN.match(text, t_start + len(trig.word))) \
                and not past_year:
            return "planned"  # 两人的会晤即将举行, 会谈将于4日在索契举行: still to be held
        if self.cues.invites(before):  # 邀请她访美 (but 应…邀请 reports a visit)
            return "planned"
        if text[t_start + len(trig.word):t_start + len(trig.word) + 2] in ("邀请", "事宜"):
            return "planned"  # 访华邀请: an invitation; 访韩事宜: the matter of a trip still to make
        if day is not None and when.date_start and when.date_start > day.isoformat() and not _perfective(text, t_start):
            return "planned"
        return "occurred"


def _perfective(text: str, t_start: int) -> bool:
    return "了" in text[t_start:t_start + 6] or "曾" in text[max(0, t_start - 10):t_start]
