"""Event mentions: triggers and their arguments, clause by clause.

For each sentence, each trigger of the lexicon (`data/triggers.tsv`) is read in its clause:
who (the sides of a call or meeting, the host and the visitor of a visit, the speaker of a
statement), where (在/于 a place, the destination of a visit), when (the time expression of
the clause, else of the sentence, else the date in focus when the text points back to it:
当天, 同日, 随后), and whether it happened (cues of `data/cues.tsv`: planned, cancelled,
negated, hypothetical, or not an event at all). Anaphors (双方, 两国领导人, 他们, 他, 她)
take the actors of the event or subject before them. The mentions go to
`doc.user_data["mentions"]` as `Event` objects; merging happens later, across documents.
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from datetime import date, datetime

from timeline.components.doctext import doc_text
from timeline.components.names import CONCURRENT_OFFICE
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span

from timeline.record import Actor, Event, Location, When
from timeline.temporal import TimeExpr
from timeline.tsv import DATA, read_tsv

CLAUSE_BREAK = re.compile(r"[，,；;：:]")
LOCATIVE = ("在", "于", "赴", "到", "抵达", "访问", "前往", "访", "in ", "at ", "to ", "visit ", "visits ", "visited ",
            "visiting ")
CONJ = re.compile(r"^\s*(?:和|与|及|以及|、|同|跟|,|，|and)\s*$")
OBJECT_GAP = re.compile(r"^\s*(?:了|到访的|来访的|的|(?:来华|访华|来访|到访|在华)[^，。,；]{0,12}?的|the|"
                        r"(?:his|her|their|its)\s+(?:[A-Za-z-]+\s+)?counterparts?,?)?\s*$")  # 会见来华进行正式访问的X


@dataclass(frozen=True)
class Trigger:
    word: str
    type: str
    cameo: str
    frame: str
    dest: str | None


def load_triggers() -> dict[str, Trigger]:
    return {r["trigger"]: Trigger(r["trigger"], r["type"], r["cameo"], r["frame"], r.get("dest") or None)
            for r in read_tsv(DATA / "triggers.tsv")}


def load_cues() -> dict[str, list[str]]:
    cues: dict[str, list[str]] = {}
    for r in read_tsv(DATA / "cues.tsv"):
        cues.setdefault(r["kind"], []).append(r["cue"])
    for words in cues.values():
        words.sort(key=len, reverse=True)
    return cues


@dataclass
class Focus:
    """What the narrative is about so far: the last event's actors and date, the subject."""

    actors: tuple[Actor, ...] = ()
    when: When | None = None
    subject: Actor | None = None


class EventExtractor:
    def __init__(self, nlp: Language) -> None:
        self.triggers = load_triggers()
        self.cues = load_cues()
        self.look_back = tuple(self.cues["look_back"])
        # one regex per cue kind: a cue occurs anywhere (_has), or as a whole English word (_anaphor)
        self.cue_res = {k: re.compile("|".join(map(re.escape, words)), re.I) for k, words in self.cues.items()}
        self.anaphor_res = {k: re.compile("|".join(
            rf"(?<![A-Za-z]){re.escape(c)}(?![A-Za-z])" if c.isascii() else re.escape(c) for c in words), re.I)
            for k, words in self.cues.items()}
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        for word in self.triggers:
            self.matcher.add(word, [nlp.make_doc(word)])

    # ------------------------------------------------------------------ helpers
    def _has(self, kind: str, text: str) -> bool:
        pattern = self.cue_res.get(kind)
        return pattern is not None and pattern.search(text) is not None

    def _ends_with(self, kind: str, text: str) -> bool:
        return any(text.endswith(c) for c in self.cues.get(kind, ()))

    def _anaphor(self, kind: str, text: str) -> bool:
        pattern = self.anaphor_res.get(kind)
        return pattern is not None and pattern.search(text) is not None

    # ---------------------------------------------------------------- component
    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc.user_data.get("doc_id", "")
        original = doc.user_data.get("original", doc_text(doc))
        sentences = doc.user_data.get("sentences") or [(0, len(doc_text(doc)), None)]
        triggers = _filter_triggers(doc, self.matcher(doc), self.triggers)
        doc.user_data["masked"] = _mask_modifiers(doc)
        actors = list(doc.spans.get("actors", []))
        doc.user_data["dyad_ends"] = {a.end_char for a in actors if a.label_ == "DYAD"}
        places = list(doc.spans.get("places", []))
        mentions: list[Event] = []
        focus = Focus()
        text = doc_text(doc)
        # each sentence's dates, actors, places and triggers, by binary search on their starts
        all_dates = sorted(((d.start_char, d.end_char, d._.timex) for d in doc.spans.get("dates", [])),
                           key=lambda d: d[0])
        actors.sort(key=lambda a: a.start_char)
        places.sort(key=lambda p: p.start_char)
        starts = {"d": [d[0] for d in all_dates], "a": [a.start_char for a in actors],
                  "p": [p.start_char for p in places], "t": [t[0] for t in triggers]}
        for start, end, dct in sentences:
            dates = [t for s, e, t in _within(all_dates, starts["d"], start, end)
                     if not DATELINE.match(text[e:end])]  # 新德里27日专电: the dateline, not the event
            s_actors = _within(actors, starts["a"], start, end)
            s_places = _within(places, starts["p"], start, end)
            s_triggers = _within(triggers, starts["t"], start, end)
            clauses = _clauses(doc_text(doc), start, end)
            found: list[Event] = []
            for t_start, t_end, trig in s_triggers:
                c_start, c_end = next(((a, b) for a, b in clauses if a <= t_start < b), (start, end))
                event = self._event(doc, trig, t_start, t_end, (start, end), (c_start, c_end), s_actors,
                                    s_places, dates, dct, focus, found)
                if event is None:
                    continue
                for ev in event:
                    found.append(ev)
                    mentions.append(ev.with_(doc_id=doc_id, sentence=original[start:end],
                                             char_start=start, char_end=end, doc_ids=[doc_id]))
            if not text.startswith(self.look_back, start):  # 这是…继…会晤后: a look back,
                focus = _update_focus(focus, found, s_actors)  # not what the story is about
        doc.user_data["mentions"] = mentions
        return doc

    # ------------------------------------------------------------- one trigger
    def _event(self, doc: Doc, trig: Trigger, t_start: int, t_end: int, sent: tuple[int, int],
               clause: tuple[int, int], s_actors: list[Span], s_places: list[Span], dates: list[TimeExpr],
               dct: datetime | date | None, focus: Focus, found: list[Event]) -> list[Event] | None:
        text = doc_text(doc)
        c_start, c_end = clause
        before = text[c_start:t_start]
        near = text[max(c_start, t_start - 3):t_start]
        if self._ends_with("negation", near) or self._has("hypothetical", text[c_start:t_start].replace("若干", "")):
            return None  # 如果…会晤, 川普与蒲亭若再度举行峰会: a condition, not an event
        if any(self._has("hypothetical", text[m.end():m.end() + 3])
               for m in CLAUSE_BREAK.finditer(text, sent[0], c_start)) or self._has("hypothetical", text[sent[0]:sent[0] + 3]):
            return None  # 如果卢拉下月前往喀山，他将与普京会晤: the consequence of a condition
        if _EN_NEGATION.search(text[c_start:t_start]):
            return None  # would not meet, has never visited
        bare = _strip_actors(doc.user_data["masked"], c_start, t_start, s_actors).replace(" ", "")
        if re.search(r"(?:未|没有|并未|尚未|从未|未曾|未能)(?:[与同和跟]|(?:举行|进行|有)过?[^，。]{0,4}$|$)", bare[-12:]) \
                or "是否" in bare:
            return None  # 未与习通话, 从未举行过公开会晤: negated (partner or light verb between); 是否: undecided
        if self._has("nonevent", _INTERVIEWED.sub("", text[c_start:t_start])[-6:]):
            return None
        if trig.frame == "visit" and (len(trig.word) == 1 or trig.word == "踏上") and not any(
                p.start_char == t_end for p in s_places):
            return None  # 抵/赴/踏上 only before a place: 抵京, 赴德, 踏上美国领土 (not 抵制, 踏上征程)
        if trig.word == "致电" and self._has("message", text[t_end:sent[1]]):
            return None  # 致电祝贺/慰问: a message, not a phone call
        if trig.frame == "visit" and re.search(r"^[^，。,；]{0,12}?(?:使馆|领事馆|代表处)", text[t_end:c_end]):
            return None  # 到访中国驻伦敦大使馆: a call at an embassy, not a visit to a country
        clause_starts = [sent[0]] + [m.end() for m in CLAUSE_BREAK.finditer(text, sent[0], t_start)]
        if any(self._has("reference", text[a:a + 4]) for a in clause_starts) \
                and self._has("first", text[sent[0]:t_start]):
            return None  # 这是她上任以来的首次出访: the visit just told, not a new one
        dated = any(c_start <= d.start < c_end for d in dates)
        possessive = text[t_start - 1:t_start] == "的" and not any(a.end_char == t_start - 1 for a in s_actors)
        if text[t_end:t_end + 1] in NOUN_AFTER:
            return None  # 访问团, 会谈桌: the trigger is part of a noun
        nominal = text[t_end:t_end + 1] == "的" and not any(  # 正在德国访问的中国外长王毅 is a visit
            a.start_char > t_end and not doc.user_data["masked"][t_end + 1:a.start_char].strip() for a in s_actors)
        if not dated and (possessive or nominal or self._ends_with("refer", text[c_start:t_start])):
            return None  # 在前一次通话中, 此议题的磋商: a reference to an event, not a new one
        cancelled = self._has("cancelled", before) or self._has("cancelled", text[t_end:t_end + 6]) or (
            # 原计划本月访问澳大利亚，但因…取消了行程: a plan told in retrospect, then called off
            _RETRO_PLAN.search(before) is not None and self._has("cancelled", text[t_end:sent[1]]))
        dyad_ends = doc.user_data["dyad_ends"]
        left = [a for a in s_actors if c_start <= a.start_char < t_start and not _locative(text, a)
                and not _after_dyad(a, dyad_ends)]
        right = [a for a in s_actors if t_end <= a.start_char < c_end and not _locative(text, a)]
        group = self._anaphor("group", before) or self._anaphor("group", text[t_end:c_end])
        one = self._anaphor("one", before[-8:]) or before.lstrip()[:1] in ("他", "她")
        sides: list[tuple[Actor, ...]]
        if trig.frame == "visit":
            visitor = self._visitor(text, trig, t_start, t_end, c_start, left, right, s_actors, focus, one, found)
            if visitor is None:
                return None
            # one visit per visitor (each travels; a joint trip is several visits, as the keys count them)
            sides = [(v,) for v in _coordinated(doc.user_data["masked"], s_actors, visitor, t_start)]
        elif trig.frame == "invite":  # 重申了对德国总理默茨的邀请: a visit the guest is invited to make
            masked = doc.user_data["masked"]
            guests = [a for a in _flat([x for x in left if re.search(r"[对向]\s*$", masked[c_start:x.start_char])])
                      if a.kind == "person"]
            if not guests:
                return None
            sides = [(guests[-1],)]
        elif trig.frame == "say":
            speaker = _flat(left[-1:]) or ((focus.subject,) if one and focus.subject else ())
            if not speaker or text[t_end:t_end + 1] in "明法服":  # 说明, 称呼 are not statements
                return None
            if left and text[left[-1].end_char:left[-1].end_char + 1] == "的":
                return None  # 新加坡的庄嘉颖说: the speaker is the person after 的, not the country
            sides = [speaker]
        elif trig.frame in ("trans", "sym") and _objects(doc.user_data["masked"], t_end, right) and (
                left or self._zero_subject(text, sent, c_start, t_start, s_actors, focus)):
            objs = _objects(doc.user_data["masked"], t_end, right)
            subj = _flat(left) or _coordinated(doc.user_data["masked"], s_actors,
                                               self._zero_subject(text, sent, c_start, t_start, s_actors, focus), c_start)
            sides = [(*subj, *_flat([o])) for o in objs] if len(objs) > 1 else [(*subj, *_flat(objs))]
        else:
            sides = self._sym_sides(text, trig, t_start, t_end, sent, (c_start, c_end), left, right,
                                    s_actors, _focus_with(focus, found), group or (trig.frame == "agree" and _core_in(found)),
                                    doc.user_data.setdefault("titled", {}), doc.user_data["masked"])
        events = []
        for actors in sides:
            actors = _dedupe(actors)
            if trig.type in ("call", "meeting") and len(_names(actors)) < 2:
                continue
            if not actors:
                continue
            when = self._when(text, dates, t_start, clause, sent, trig, focus, before)
            actors = _holders_on(actors, when, doc.user_data.get("titled", {}))
            wheres = (_destinations(text, t_end, c_end, s_places) or _destinations_before(text, t_start, c_start, s_places)
                      if trig.frame == "visit" else [])
            if len(wheres) < 2:
                wheres = [self._where(doc, trig, t_start, t_end, clause, sent, s_places)]
            status = "cancelled" if cancelled else self._status(before, when, dct, trig, text, t_start, c_start)
            for where in wheres:  # 访问日本和印尼: one visit per country
                events.append(Event(trig.type, trig.cameo, status, actors, when, where, "", "", 0, 0,
                                    confidence=_confidence(actors, when, trig)))
        return events or None

    def _sym_sides(self, text: str, trig: Trigger, t_start: int, t_end: int, sent: tuple[int, int],
                   clause: tuple[int, int], left: list[Span], right: list[Span], s_actors: list[Span],
                   focus: Focus, group: bool, titled: dict[Actor, tuple[str, str]], masked: str) -> list[tuple[Actor, ...]]:
        """The sides of "A 与 B(、C) <trigger>" and of "A、B <trigger>" / "双方 <trigger>".

        With 与/同/和/跟: A is the subject (a pronoun or nothing means the sentence's or the
        focus's subject) and B, C its partners: one event per partner for talks, one
        event for all when the clause says they act jointly (共同出席, 三方会议)."""
        c_start, c_end = clause
        near_right = _flat([r for r in right if r.start_char - t_end <= 2])
        conj = None
        # in the text with titles blanked: 外交与对外经济部长西雅尔托同拉夫罗夫通电话 joins at 同, not 与
        for m in re.finditer(r"与|同|和|跟|and |with ", masked[c_start:t_start]):
            at = c_start + m.start()
            if any(a.start_char > at for a in left) or _PARTNER_PRONOUN.match(text, at):
                conj = at
                break
        if conj is None:
            actors = _flat(left) + near_right
            if not actors and not group:
                actors = self._previous_clause_pair(text, sent, c_start, s_actors)
            if (group and len(_names(actors)) < 2) or (not actors and self._anaphor("group", text[sent[0]:t_start])):
                office = _GROUP_OFFICE.search(text, sent[0], t_start)
                actors = actors + (self._office_holders(focus.actors, office.group(1), titled) if office
                                   else tuple(focus.actors))
            return [_dedupe(actors)]
        subject = _flat([a for a in left if a.start_char < conj])
        partners = _dedupe(_flat([a for a in left if a.start_char > conj]))
        if not subject and self._anaphor("group", text[c_start:conj]) and len(focus.actors) > 1:
            subject = focus.actors  # 四国领袖当天与泽连斯基会谈: the leaders of the event just told
        if not subject:
            zero = self._zero_subject(text, sent, c_start, conj, s_actors, focus)
            subject = (zero,) if zero is not None else ()
        if not partners and subject and _PARTNER_PRONOUN.match(text, conj):
            # 卢拉当天与他举行会谈: 他 is the person the narrative is about, other than the subject
            other = [a for a in (focus.subject, *focus.actors) if a is not None and a.kind == "person"
                     and a.name not in _names(subject)]
            partners = tuple(other[:1])
        # together (共同, 三方峰会) when the clause or the sentence before it says so, unless 分别
        joint = (self._has("joint", text[sent[0]:c_end]) or self._has("joint", trig.word)) \
            and "分别" not in text[c_start:c_end]
        if subject and len(partners) > 1 and not joint:
            return [(*subject, p) for p in partners]
        return [_dedupe(subject + partners + near_right)]

    @staticmethod
    def _previous_clause_pair(text: str, sent: tuple[int, int], c_start: int,
                              s_actors: list[Span]) -> tuple[Actor, ...]:
        """The sides named by the clause before (特朗普与普京，7月16日在赫尔辛基举行峰会)."""
        starts = [sent[0]] + [m.end() for m in CLAUSE_BREAK.finditer(text, sent[0], c_start)]
        prev_start = max([p for p in starts if p < c_start - 1], default=sent[0])
        prev = [a for a in s_actors if prev_start <= a.start_char < c_start]
        ends_with_pair = prev and not text[prev[-1].end_char:c_start].strip("，,；; ")
        if len(prev) >= 2 and ends_with_pair and re.search(r"[与同和跟及]", text[prev[0].end_char:prev[-1].start_char]):
            return _flat(prev)
        return ()

    @staticmethod
    def _office_holders(actors: tuple[Actor, ...], word: str, titled: dict[Actor, tuple[str, str]]) -> tuple[Actor, ...]:
        """两国外长 after a meeting of two leaders: the holders of that office in their countries
        (re-resolved at the event's date later, like any title)."""
        from timeline.lexicon import get_lexicon

        lex, out = get_lexicon(), []
        office = _GROUP_OFFICES[word]
        for a in actors:
            holder = lex.holder(a.country, office, None) if a.country and a.kind == "person" else None
            if a.country and a.kind == "person" and a.role == office:
                out.append(a)
                continue
            actor = Actor(holder.name, holder.name_en, "person", holder.country, office) if holder else (
                Actor(lex.countries[a.country].name, lex.countries[a.country].name_en, "country", a.country)
                if a.country in lex.countries else a)
            titled[actor] = (a.country, office)
            out.append(actor)
        return tuple(out)

    def _zero_subject(self, text: str, sent: tuple[int, int], c_start: int, t_start: int,
                      s_actors: list[Span], focus: Focus) -> Actor | None:
        """The subject of a clause that leaves it out (王毅，昨日在北京会见…): the first person
        of the sentence before the clause, else the subject in focus. Only when nothing but
        time, place and adverbs stands between the clause start and the trigger."""
        if re.search(r"[与同和跟及]", text[c_start:t_start]):
            return None
        c_end = next((m.start() for m in CLAUSE_BREAK.finditer(text, t_start, sent[1])), sent[1])
        if re.search(r"(?:时|期间|之际|之后|后)\s*$", text[t_start:c_end]):
            # 会见拉米时，丁薛祥表示: a time clause takes the subject of the clause after it
            later = [a for a in _flat([x for x in s_actors if c_end <= x.start_char < sent[1]]) if a.kind == "person"]
            if later:
                return later[0]
        # the subject of the nearest clause before that names a person, or the subject in focus
        # when that clause starts with a pronoun (他在开罗会见塞西，并同舒凯里举行会谈)
        starts = [sent[0]] + [m.end() for m in CLAUSE_BREAK.finditer(text, sent[0], c_start)]
        for a, b in reversed(list(zip(starts, starts[1:] + [c_start]))):
            spans = [s for s in s_actors if a <= s.start_char < b and not _locative(text, s)]
            pronoun = _PRONOUN_SUBJECT.match(text, a, b)
            if pronoun and not any(s.start_char < pronoun.end() for s in spans):
                return focus.subject
            persons = [x for x in _flat(spans) if x.kind == "person"]
            if persons:
                return persons[0]
        return focus.subject

    def _visitor(self, text: str, trig: Trigger, t_start: int, t_end: int, c_start: int, left: list[Span],
                 right: list[Span], s_actors: list[Span], focus: Focus, one: bool,
                 found: list[Event]) -> Actor | None:
        rel = re.match(r"[^，。,；、]{0,8}?的", text[t_end:t_end + 9])
        if rel and right:  # 到访的日本外相岩屋毅, 来华出席论坛的智利外长: a relative clause on the visitor
            after = [a for a in _flat([r for r in right if r.start_char >= t_end + rel.end()]) if a.kind == "person"]
            if after:
                return after[0]
            if text[t_end:t_end + 1] == "的":
                return _flat(right[:1])[0]
        persons = [a for a in left if _flat([a])[0].kind == "person"]
        if persons:
            return _flat(persons[-1:])[0]
        if one and self._has("invite", text[c_start:t_start]):  # 会见高市早苗，并邀请她访美
            named = [a for a in _flat([x for x in s_actors if x.start_char < t_start]) if a.kind == "person"]
            if named:
                return named[-1]
        if one and focus.subject is not None:
            return focus.subject
        if not persons:  # 邀请她访美，日本官员提议3月下旬访问华盛顿: the visit just named in this sentence
            visits = [ev for ev in found if ev.type == "visit"]
            if visits:
                return visits[-1].actors[0]
        told = [ev for ev in found if ev.type in CORE and ev.actors[0].kind == "person"]
        if told:  # 13日在安曼会见阿卜杜拉二世，此后又到访卡塔尔: the subject of the event just told
            return told[-1].actors[0]
        earlier = [a for a in s_actors if a.start_char < c_start and _flat([a])[0].kind == "person"
                   and not _invited_by(text, a)]
        if earlier:
            return _flat(earlier[:1])[0]
        hosts = [a for a in left if text[a.start_char - 1:a.start_char] != "对" and not _invited_by(text, a)]
        if hosts:
            return _flat(hosts[-1:])[0]
        later = [a for a in s_actors if a.start_char >= t_end and _flat([a])[0].kind == "person"]
        if later:
            return _flat(later[:1])[0]
        for ev in reversed(found):
            if ev.type == "visit":
                return ev.actors[0]
        return focus.subject

    def _when(self, text: str, dates: list[TimeExpr], t_start: int, clause: tuple[int, int],
              sent: tuple[int, int], trig: Trigger, focus: Focus, before: str) -> When:
        c_start, c_end = clause
        # 2008年以来首位…: the start of a period the event ends, not the event's date
        dates = [d for d in dates if not text.startswith(("以来", "以後", "以后"), d.end)]
        # said on Tuesday that Biden was postponing his trip: Tuesday dates the words, not the trip
        dates = [d for d in dates if not (d.start < t_start and any(
            m.end() > d.end for m in _REPORTED_THAT.finditer(text, max(c_start, d.start - 25), t_start)))]
        trip: list[TimeExpr] = []
        if trig.frame != "visit":  # 18日抵达柏林举行磋商: the day of the journey is not the talks' date
            journey = [m for m in _ARRIVAL.finditer(text, c_start, t_start)
                       if m.group() not in ("前往", "赴") or _DEPARTURE.search(text, sent[0], m.start())]
            arrival = max((m.end() for m in journey), default=None)  # (7日赴莫斯科与普京会谈: talks that day)
            if arrival is not None:
                # but talks during a trip of several days fall within it (将于20日至21日赴莫斯科举行会晤)
                trip = [d for d in dates if c_start <= d.start < arrival and _days(d) > 1]
                c_start = arrival
                dates = [d for d in dates if d.start >= arrival]
        in_clause = [d for d in dates if c_start <= d.start < c_end]
        pick = [d for d in in_clause if d.start < t_start][-1:] or in_clause[:1]
        subordinate = re.match(r"(?:之后|之前|以后|以来|前夕|后|前)", text[t_start + len(trig.word):])
        if not pick and not self._has("invite", text[c_start:t_start]) and not subordinate:
            # a time adverbial of an earlier clause scopes over the rest of the sentence,
            # but not over a visit someone is invited to make, nor over an event that only
            # locates the time (正值…会谈之后)
            pick = [d for d in dates if d.start < c_start][-1:]
        pick = pick or trip[-1:]
        if pick:
            d = pick[0]
            return When(d.date, d.date_mod, d.date_start, d.date_end, d.text)
        sentence = text[sent[0]:sent[1]]
        carry = self._has("carry", sentence) or (trig.type not in CORE and self._has("carry_say", sentence)) or (
            trig.frame == "agree" and self._anaphor("group", sentence))  # 两国元首一致同意: at the talks just told
        if focus.when is not None and carry:
            return focus.when
        return When()

    def _where(self, doc: Doc, trig: Trigger, t_start: int, t_end: int, clause: tuple[int, int],
               sent: tuple[int, int], s_places: list[Span]) -> Location | None:
        text = doc_text(doc)
        c_start, c_end = clause
        if trig.frame == "visit":
            after = [p for p in s_places if t_end <= p.start_char <= min(t_end + 6, c_end)]
            if trig.dest:
                from timeline.lexicon import get_lexicon

                c = get_lexicon().countries.get(trig.dest)
                inside = [p for p in after if c is not None and p._.location.country == c.iso3]
                if inside:
                    return inside[0]._.location
                if c is not None:
                    return Location(c.name, c.name_en, c.iso3, None, None, None, "country")
            if after:
                first = after[0]._.location
                inner = next((p for p in s_places if after[0].end_char < p.start_char <= after[0].end_char + 6
                              and p._.location.country == first.country and p._.location.kind != "country"
                              and re.fullmatch(r"[^，。、和与及]*", text[after[0].end_char:p.start_char])), None)
                # 抵达乌克兰首都基辅, 抵达巴西北部城市贝伦: the city, not the country before it
                return inner._.location if first.kind == "country" and inner is not None else first
            dui = [p for p in s_places if c_start <= p.start_char < t_start and text[p.start_char - 1:p.start_char] in "对赴"]
            if dui:
                return dui[-1]._.location
        located = [p for p in s_places if c_start <= p.start_char < c_end
                   and (_locative(text, p) or _after_dyad(p, doc.user_data["dyad_ends"]))]
        if not located:
            located = [p for p in s_places if sent[0] <= p.start_char < t_start and _locative(text, p)]
        if located:
            return _specific(located[-1]._.location)
        inside = [p for p in s_places if c_start <= p.start_char < c_end and p._.location.kind != "country"]
        return _specific(inside[0]._.location) if inside else None

    def _status(self, before: str, when: When, dct: datetime | date | None, trig: Trigger, text: str,
                t_start: int, c_start: int) -> str:
        if trig.frame == "invite":
            return "planned"
        if trig.frame in ("say",):
            return "occurred"
        day = dct.date() if isinstance(dct, datetime) else dct
        past_year = day is not None and when.date_end is not None and int(when.date_end[:4]) < day.year
        if self._has("planned", before) and not past_year:  # 将落实2018年…会谈成果: the talks are history
            return "planned"
        if self._has("invite", before) and "应" not in before:  # 邀请她访美 (but 应…邀请 reports a visit)
            return "planned"
        if text[t_start + len(trig.word):t_start + len(trig.word) + 2] == "邀请":  # 访华邀请: an invitation
            return "planned"
        if day is not None and when.date_start and when.date_start > day.isoformat() and not _perfective(text, t_start):
            return "planned"
        return "occurred"


def _perfective(text: str, t_start: int) -> bool:
    return "了" in text[t_start:t_start + 6] or "曾" in text[max(0, t_start - 10):t_start]


def _specific(loc: Location | None) -> Location | None:
    """A venue stands for its city in the record (迎宾馆 -> 东京)."""
    if loc is None or loc.kind != "venue" or not loc.city:
        return loc
    from timeline.lexicon import get_lexicon

    city = get_lexicon().places.get(loc.city)
    if city is None:
        return loc
    return Location(city.name, city.name_en, city.country, city.lat, city.lon, None, city.kind)


def _confidence(actors: tuple[Actor, ...], when: When, trig: Trigger) -> float:
    score = 0.5
    if when.date_start:
        score += 0.2
    if sum(1 for a in actors if a.kind == "person") >= (2 if trig.type in ("call", "meeting") else 1):
        score += 0.2
    if len(trig.word) >= 2:
        score += 0.05
    return min(score, 0.95)


def _after_dyad(span: Span, dyad_ends: set[int]) -> bool:
    """True for a place right after the sides it hosts (美朝新加坡首脑会谈: 新加坡 is where, not who)."""
    return span.label_ == "COUNTRY" and span.start_char in dyad_ends


def _coordinated(masked: str, s_actors: list[Span], person: Actor | None, before: int) -> tuple[Actor, ...]:
    """`person` and the persons coordinated with it before `before` (朔尔茨、马克龙和德拉吉一同抵达基辅):
    named one after another, with only titles, countries and 、/和/与/及 between them."""
    persons = [s for s in s_actors if s.end_char <= before and any(a.kind == "person" for a in s._.actors or ())]
    at = next((i for i, s in enumerate(persons) if person in (s._.actors or ())), None)
    if person is None or at is None:
        return (person,) if person is not None else ()
    first = last = at
    while first > 0 and CONJ.match(masked[persons[first - 1].end_char:persons[first].start_char]):
        first -= 1
    while last + 1 < len(persons) and CONJ.match(masked[persons[last].end_char:persons[last + 1].start_char]):
        last += 1
    return _dedupe(_flat(persons[first:last + 1]))


def _flat(spans: list[Span]) -> tuple[Actor, ...]:
    out: list[Actor] = []
    for s in spans:
        out.extend(s._.actors or ())
    return tuple(out)


def _names(actors: tuple[Actor, ...]) -> set[str]:
    return {a.name for a in actors}


def _dedupe(actors: tuple[Actor, ...]) -> tuple[Actor, ...]:
    """One actor per name; a country is dropped when a person of that country is present."""
    seen: dict[str, Actor] = {}
    for a in actors:
        seen.setdefault(a.name, a)
    persons = {a.country for a in seen.values() if a.kind == "person"}
    return tuple(a for a in seen.values() if not (a.kind == "country" and a.country in persons))


def _strip_actors(text: str, start: int, end: int, actors: list[Span]) -> str:
    """text[start:end] with actor names removed (未与习近平通话 -> 未与通话)."""
    chars = list(text[start:end])
    for a in actors:
        for i in range(max(a.start_char, start), min(a.end_char, end)):
            chars[i - start] = ""
    return "".join(chars)


def _invited_by(text: str, span: Span) -> bool:
    """True for the inviter in 应德国总理朔尔茨邀请: a host, never the visitor."""
    before = text[max(0, span.start_char - 12):span.start_char]
    after = text[span.end_char:span.end_char + 12]
    return "应" in before and "邀" in after and "，" not in before[before.rfind("应"):]


def _locative(text: str, span: Span) -> bool:
    """True when a country or place span is the place of the clause (在日本, 访问中国), not an actor."""
    if any(a.kind == "person" for a in span._.actors or ()):
        return False
    before = text[max(0, span.start_char - 9):span.start_char]
    return any(before.endswith(p) for p in LOCATIVE) or text[span.end_char:span.end_char + 1] in ("州", "市")


MODIFIERS = ("TITLE", "COUNTRY", "ORG")
NOUN_AFTER = frozenset("团者桌室厅")
CORE = ("call", "meeting", "visit")
_INTERVIEWED = re.compile(r"^.*接受[^，。]{0,12}?采访")  # 接受当地媒体采访时表示: the interviewee speaks
_RETRO_PLAN = re.compile(r"原计划|原定|原订|原本|本来")
_PRONOUN_SUBJECT = re.compile(r"[^，,。；;]{0,10}?(?:他|她)(?!们)")
_PARTNER_PRONOUN = re.compile(r"(?:与|同|和|跟)\s*(?:他|她)(?!们)")
_GROUP_OFFICE = re.compile(r"(?:两国|双方|三国)(外长|防长|总理|首相)")
_GROUP_OFFICES = {"外长": "foreign_minister", "防长": "defence_minister", "总理": "head_of_government",
                  "首相": "head_of_government"}
_EN_NEGATION = re.compile(r"\b(?:not|never|no plans? to|n't)\s+(?:[a-z]+\s+){0,2}$", re.I)
_REPORTED_THAT = re.compile(r"\b(?:said|says|announced|confirmed|stated|reported|told\s+[A-Za-z ]{1,30}?)\s+[^.;]{0,40}?\bthat\b", re.I)
_DEPARTURE = re.compile(r"离开|启程|动身|出发|包机|专机")
_ARRIVAL = re.compile(r"抵达|飞抵|抵京|前往|赴")
TITLE_ENDINGS = "部长|大臣|长|使|总理|总统|主席|首相|卿|官|主任|委员|书记|顾问|代表|特使|大使|议员|参赞"
DATELINE = re.compile(r"^\s*(?:电|专电|讯|報道|报道)")


def _days(t: TimeExpr) -> int:
    """The length of a time expression's interval in days (0 when it has none)."""
    if not t.date_start or not t.date_end:
        return 0
    return (date.fromisoformat(t.date_end) - date.fromisoformat(t.date_start)).days + 1


def _mask_modifiers(doc: Doc) -> str:
    """The text with titles, countries and organisations blanked out, so that the gap
    between a verb and its object (会见俄罗斯总理梅德韦杰夫) reads as empty."""
    text = doc_text(doc)
    chars = list(text)
    for span in doc.spans.get("gazetteer", []):
        if span.label_ in MODIFIERS:
            chars[span.start_char:span.end_char] = " " * (span.end_char - span.start_char)
            more = CONCURRENT_OFFICE.match(text, span.end_char) if span.label_ == "TITLE" else None
            if more:  # 副首相兼外交与侨务大臣: the second office too
                chars[more.start():more.end()] = " " * (more.end() - more.start())
    return "".join(chars)


def _objects(text: str, t_end: int, right: list[Span]) -> list[Span]:
    """The objects right after a transitive trigger: A 会见(了) B、C 和 D."""
    out: list[Span] = []
    pos = t_end
    for i, span in enumerate(right):
        nxt = right[i + 1] if i + 1 < len(right) else None
        if nxt is not None and _modifies(text, span, nxt):
            continue  # 巴西总统府首席部长科斯塔: the country describes the person after it
        gap = text[pos:span.start_char]
        if not out and not (OBJECT_GAP.match(gap) or _is_description(gap)):
            break
        rest = re.sub(r"^\s*(?:和|与|及|、|,|，|and\b)\s*", "", gap)
        if out and not (CONJ.match(gap) or _is_description(rest) or re.fullmatch(r"(?:[A-Z][a-z]+\s+)+", rest)):
            break
        if out and not CONJ.match(gap[:3].strip() or "和") and not re.match(r"^\s*(?:和|与|及|、|,|，|and)", gap):
            break
        out.append(span)
        pos = span.end_char
    return out


def _holders_on(actors: tuple[Actor, ...], when: When, titled: dict[Actor, tuple[str, str]]) -> tuple[Actor, ...]:
    """Actors named only by a title or a dyad (日本首相, 中美元首) re-resolved to the holder on
    the event's date, which may differ from the holder on the publication date; dropped where a
    named person of the same country is present (李克强出席中日韩领导人会议)."""
    if not titled:
        return actors
    named = {a.country for a in actors if a.kind == "person" and a not in titled}
    actors = tuple(a for a in actors if not (a in titled and a.country in named))
    if not when.date_start:
        return actors
    from timeline.lexicon import get_lexicon

    lex, day = get_lexicon(), date.fromisoformat(when.date_start)
    last = date.fromisoformat(when.date_end or when.date_start)
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


def _destinations(text: str, t_end: int, c_end: int, places: list[Span]) -> list[Location]:
    """The countries right after a visit word, joined by 和/、/及 (访问日本和印尼)."""
    out: list[Location] = []
    pos = t_end
    for p in sorted((p for p in places if t_end <= p.start_char < c_end), key=lambda p: p.start_char):
        gap = text[pos:p.start_char]
        if (out and not CONJ.match(gap)) or (not out and gap.strip()):
            break
        out.append(p._.location)
        pos = p.end_char
    return out


def _destinations_before(text: str, t_start: int, c_start: int, places: list[Span]) -> list[Location]:
    """The countries of "对A和B的访问" / "赴A、B访问": joined by 和/、/及 after 对 or 赴, right before the visit word."""
    before = sorted((p for p in places if c_start <= p.start_char < t_start), key=lambda p: p.start_char)
    for i, first in enumerate(before):
        if text[first.start_char - 1:first.start_char] not in ("对", "赴"):
            continue
        chain, pos = [first], first.end_char
        for p in before[i + 1:]:
            if not CONJ.match(text[pos:p.start_char]):
                break
            chain.append(p)
            pos = p.end_char
        if len(chain) > 1 and re.fullmatch(r"的?[^，。,、和与及]{0,6}", text[pos:t_start]):
            return [p._.location for p in chain]
    return []


def _modifies(text: str, country: Span, person: Span) -> bool:
    """True when a country span only describes the person named after it."""
    if not all(a.kind == "country" for a in country._.actors or ()):
        return False
    if not any(a.kind == "person" for a in person._.actors or ()):
        return False
    gap = text[country.end_char:person.start_char]
    if re.fullmatch(r"\s*(?:(?:[A-Z][a-z]+|counterparts?)\s+)*", gap):  # New Zealand counterpart Winston Peters
        return True
    return not gap.strip() or (_is_description(gap) and not re.search(r"[，,、和与及]", gap))


def _is_description(gap: str) -> bool:
    """Words between a verb and its object that only describe it: 到访的, 来华的 …"""
    if re.match(r"^\s*(?:了)?[\u4e00-\u9fff]{0,6}的\s*$", gap):
        return True
    # an office the title table does not know (总统府首席部长), or words before a known title,
    # which the masked text shows as blanks (外交发展  )
    return bool(re.match(rf"^\s*[\u4e00-\u9fff]{{0,10}}(?:{TITLE_ENDINGS})\s*$", gap)
                or re.match(r"^[\u4e00-\u9fff\s]{0,14}\s$", gap) and len(gap.strip()) <= 8)


def _clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    out, pos = [], start
    for m in CLAUSE_BREAK.finditer(text, start, end):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, end))
    return [(a, b) for a, b in out if b > a]


def _within(items: list, starts: list[int], start: int, end: int) -> list:
    """The items (sorted by their `starts`) that start in [start, end)."""
    return items[bisect_left(starts, start):bisect_left(starts, end)]


def _filter_triggers(doc: Doc, matches: list[tuple[int, int, int]],
                     table: dict[str, Trigger]) -> list[tuple[int, int, Trigger]]:
    """Longest triggers first, none inside a name or place."""
    spans = []
    for key, s, e in matches:
        span = Span(doc, s, e)
        word = doc.vocab.strings[key]
        spans.append((span.start_char, span.end_char, table[word]))
    spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
    blocked = bytearray(len(doc_text(doc)) + 1)  # characters inside a name or a place
    for span in [*doc.spans.get("actors", []), *doc.spans.get("places", [])]:
        blocked[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
    out: list[tuple[int, int, Trigger]] = []
    last_end = -1
    for s, e, trig in spans:
        if s < last_end or any(blocked[s:e]):
            continue
        if trig.word.isascii() and not _word_boundary(doc_text(doc), s, e):
            continue
        out.append((s, e, trig))
        last_end = e
    return out


def _word_boundary(text: str, s: int, e: int) -> bool:
    return (s == 0 or not text[s - 1].isalpha()) and (e == len(text) or not text[e].isalpha())


def _core_in(found: list[Event]) -> bool:
    """True when this sentence already told a call, meeting or visit between several sides
    (…同斯塔默首相通话，就…达成重要共识: the agreement is theirs)."""
    return any(e.type in CORE and len(e.actors) > 1 for e in found)


def _focus_with(focus: Focus, found: list[Event]) -> Focus:
    """The focus including the events already found in this sentence (会谈，双方达成共识)."""
    core = [e for e in found if e.type in CORE and len(e.actors) > 1]
    return Focus(core[-1].actors, focus.when, focus.subject) if core else focus


def _update_focus(focus: Focus, found: list[Event], s_actors: list[Span]) -> Focus:
    persons = [a for a in _flat(s_actors) if a.kind == "person"]
    # the subject: of the sentence's first event (its first actor), else its first person
    told = [e.actors[0] for e in found if e.actors and e.actors[0].kind == "person"]
    subject = told[0] if told else persons[0] if persons else focus.subject
    core = [e for e in found if e.type in ("call", "meeting", "visit", "agreement")]
    if core:
        # the most sides, then the most people; of equals, the latest told
        last = max(reversed(core), key=lambda e: (len(e.actors), sum(a.kind == "person" for a in e.actors)))
        when = next((e.when for e in core if e.when.date_start), focus.when)
        if len(last.actors) == 1 and last.type == "visit":
            # 应苏林邀请，普京抵达河内: the visitor and the host named with them are 两国领导人 next
            visitor = last.actors[0]
            host = next((a for a in persons if a.name != visitor.name and a.country and a.country != visitor.country), None)
            if host is not None:
                return Focus((visitor, host), when, subject)
        return Focus(last.actors if len(last.actors) > 1 else focus.actors or last.actors, when, subject)
    dated = next((e.when for e in found if e.when.date_start), None)
    return Focus(focus.actors, dated or focus.when, subject)


@Language.factory("timeline_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    return EventExtractor(nlp)
