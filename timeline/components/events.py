"""The spaCy component `timeline_events`: event mentions, sentence by sentence.

For each sentence, each trigger word (`timeline.events.triggers`) is read in its clause: is it
blocked (`blocks`), who are the sides (`frames`), when (`dating`), where (`places`), did it
happen (`status`). The discourse focus (`focus`) carries subjects, sides and dates from one
sentence to the next; the gatherings the document places anywhere (在内罗毕召开的…会议,
`places.held_gatherings`) are read first, in `doc.user_data["venues"]`, for sentences that attend
them without a place. The mentions go to `doc.user_data["mentions"]` as `Event` objects;
merging happens later, across documents. In traced runs every trigger's fate is recorded
(`trace`).
"""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date

from spacy.language import Language
from spacy.tokens import Doc

from timeline.components.doctext import doc_text
from timeline.events import trace
from timeline.events.blocks import blocked
from timeline.events.cues import get_cues
from timeline.events.dating import (BEFORE_DOING_PHRASE, FOCUS, OCCASION, SAID, STAY_DAYS, TRIP, Dating, departure_day,
                                    ended_long_before, itinerary_told, last_said, opened_stay, stated_length, stay_told,
                                    stay_until, time_told_after, tour_starts, tour_told)
from timeline.events.visit_days import date_by_talks
from timeline.events.windows import within_windows
from timeline.events.guests import REACH, announces_guests, guest_visit
from timeline.events.focus import Focus, Trip, trip_of, update_focus
from timeline.events.nominal import find_nominals
from timeline.events.frames import MISSING, Frames, holders_on
from timeline.events.legs import stretch_legs
from timeline.events.talks_in_stay import date_in_stays
from timeline.events.places import attended_places, destinations, held_gatherings, listed_venues, where
from timeline.events.sentence import (CORE, THIS, Named, Sentence, dedupe, listed_from, mask_modifiers, names,
                                      opened_before_time, outcome_named, partner, within, without_subject)
from timeline.events.status import Status
from timeline.events.summit import attendees
from timeline.events.triggers import Trigger, TriggerFinder
from timeline.lexicon import get_lexicon
from timeline.record import Actor, Event, Location, When
from timeline.temporal import as_date, sentence_tense

CAMEO = {"meeting": "040", "call": "041", "visit": "042"}
DATELINE = re.compile(r"\s*(?:电|专电|讯|報道|报道|消息)")
HEADLINE_END = re.compile(r"[。！？!?]")
# a meeting held over video (以视讯方式, 通过视频连线, 改以线上方式): a call
_COPULA = re.compile(r"\s*(?:这|此|那)?(?:也|还|将|亦)?是")  # a clause that opens on a copula (是她…再次访问中国)
_CALL_ON = frozenset({"拜访", "拜会"})  # calling on a person; on a place, a visit
# the manner in a clause of its own right before the trigger's (王毅前晚以视像方式，与博雷利会晤)
_BY_VIDEO_BEFORE = re.compile(r"(?:以|通过|透过|经由|改以)(?:视频|视讯|视像|线上|网络|远程|网上)(?:连线)?(?:方式|形式)\s*[，,]\s*$")
_BY_VIDEO = re.compile(r"(?:以|通过|透过|经由|改以|采取|采用)(?:视频|视讯|视像|线上|网络|远程|网上)(?:连线)?(?:方式|形式)?|进行(?:视频|视讯|视像|线上)"
                       r"|(?:视频|视讯|视像|在线)$")  # (与A和B视频会见, 举行了在线会谈: right before the verb)


class EventExtractor:
    """Triggers -> blocks -> frames -> date, place, status, per sentence."""

    def __init__(self, nlp: Language) -> None:
        self.cues = get_cues()
        self.triggers = TriggerFinder(nlp)
        self.frames = Frames(self.cues)
        self.dating = Dating(self.cues)
        self.status = Status(self.cues)

    def __call__(self, doc: Doc) -> Doc:
        doc_id = doc.user_data.get("doc_id", "")
        text = doc_text(doc)
        original = doc.user_data.get("original", text)
        sentences = doc.user_data.get("sentences") or [(0, len(text), None)]
        masked = mask_modifiers(doc, list(doc.spans.get("gazetteer", [])))
        actors = sorted(map(Named.of, doc.spans.get("actors", [])), key=lambda a: a.start_char)
        places = sorted(map(Named.of, doc.spans.get("places", [])), key=lambda p: p.start_char)
        nominals = find_nominals(text, actors, as_date(doc.user_data.get("dct")), doc.user_data.get("group_mentions"))
        titled = doc.user_data.setdefault("titled", {})
        for n in nominals:
            titled.update({actor: (iso, office) for actor, iso, office in n.titled})
        triggers = sorted([*((n.start, n.end, Trigger(text[n.start:n.end], n.type, CAMEO[n.type], "np", None))
                             for n in nominals),
                           *(t for t in self.triggers(doc, [*actors, *places])
                             if not any(n.start < t[1] and t[0] < n.end for n in nominals))],
                          key=lambda t: t[0])
        sides = {n.start: n.actors for n in nominals}
        dyad_ends = {a.end_char for a in actors if a.label_ == "DYAD"}
        doc.user_data["venues"] = held_gatherings(text, places)  # (the place of a gathering told anywhere)
        # each sentence's dates, actors, places and triggers, by binary search on their starts
        all_dates = sorted(((d.start_char, d.end_char, d._.timex) for d in doc.spans.get("dates", [])),
                           key=lambda d: d[0])
        starts = {"d": [d[0] for d in all_dates], "a": [a.start_char for a in actors],
                  "p": [p.start_char for p in places], "t": [t[0] for t in triggers]}
        mentions: list[Event] = []
        implied: list[Event] = []  # events of a day gone by that a "first since" implies, kept out of the discourse
        weak: set[int] = set()  # mentions dated by the discourse, not by their own words
        departures: set[int] = set()  # visits told as leaving for the place (转往, 飞往)
        trip_dated: set[int] = set()  # talks dated by the trip under way
        focus = Focus()
        told: set[str] = doc.user_data.setdefault("told", set())  # the actors of the events told so far
        kinds: set[str] = doc.user_data.setdefault("told_types", set())  # and their types
        visited: list[tuple[str, str]] = doc.user_data.setdefault("visited", [])  # (traveller, country) told so far
        guests_left, host = 0, ""  # sentences that may still name the guests a sentence announced (来华出席峰会的元首)
        person_starts = {a.start_char for a in actors if any(x.kind == "person" for x in a.actors)}
        for start, end, dct in sentences:
            announced = announces_guests(text, start, end, person_starts)
            guests_left, host = (REACH + 1, announced) if announced is not None else (max(guests_left - 1, 0), host)
            dates = [t for s, e, t in within(all_dates, starts["d"], start, end)
                     if not DATELINE.match(text, e)]  # 新德里27日专电: the dateline, not the event
            s = Sentence(doc, text, masked, start, end, dct, dates, within(actors, starts["a"], start, end),
                         within(places, starts["p"], start, end), dyad_ends,
                         nominal={k: v for k, v in sides.items() if start <= k < end})
            if left := self._left(s, mentions):
                s.trip = left[-1]
                s.trips += left
            for t_start, t_end, trig in within(triggers, starts["t"], start, end):
                if trig.frame == "visit" and (stay := _stay_during(s, t_start, t_end, focus, mentions)) is not None:
                    s.trip = stay  # 将在为期3天的访问期间，与…会晤: the stay of the visit told, which the talks fall in
                    s.trips.append(stay)
                found = self._event(s, trig, t_start, t_end, focus, original[start:end])
                last = next((m for m in reversed(mentions) if m.type == trig.type), None) if not found else None
                if last is not None and (before := _since_before(s, t_start, last)) is not None:
                    # 普京与奥巴马28日会晤。这是两人自2013年6月以来首次举行正式会谈: the talks just told, and those then
                    implied.append(before.with_(sentence=original[start:end]))
                if guests_left and trig.frame == "trans":  # 陆续会见A、B等9国总统: each came
                    found += [(v, inherited) for e, inherited in found if (v := guest_visit(e, host)) is not None]
                for ev, inherited in found:
                    if ev.type != "statement" and any(e.type == "statement" for e in s.found):
                        s.reported.add(len(s.found))  # (辛格说，李克强今年5月首访…: the speaker's words, another time)
                    if text.startswith("的", t_end) or _time_clause(s, t_start):  # 来访的印度外长苏杰生
                        s.relative.add(len(s.found))  # (在马杜罗抵达北京之前，: a clause of when, not the subject's)
                    if trig.frame == "visit" and (inherited or not ev.when.date_start) \
                            and (stay := _stay_of_told(ev, stated_length(text, *s.clause_of(t_start)), mentions)):
                        ev = ev.with_(when=stay)  # 受邀访问新加坡三天 after 星期三到新加坡访问: the whole stay
                        s.trip = trip_of(ev)
                        s.trips += [s.trip] if s.trip is not None else []
                    elif ev.type == "visit" and not ev.when.date_start and not self.cues.looks_back(text, start) \
                            and _city_of_trip(focus.trip, ev, mentions):
                        ev = ev.with_(when=focus.trip.when)  # 10月22日至25日访问以色列…。在特拉维夫出席了…: in the stay
                    s.found.append(ev)
                    told.update(a.name for a in ev.actors)
                    kinds.add(ev.type)
                    if ev.type == "visit" and ev.location is not None and ev.location.country:
                        visited += [(a.name, ev.location.country) for a in ev.actors]
                    if inherited:
                        weak.add(len(mentions))
                    if trig.frame == "visit" and self.cues.has("departure", text[start:t_end]):
                        departures.add(len(mentions))
                    if any(ev is e for e in s.in_trip):
                        trip_dated.add(len(mentions))
                    mentions.append(ev.with_(doc_id=doc_id, sentence=original[start:end],
                                             char_start=start, char_end=end, doc_ids=[doc_id]))
                    if (before := _since_before(s, t_start, ev)) is not None:
                        implied.append(before.with_(doc_id=doc_id, sentence=original[start:end], doc_ids=[doc_id]))
            s.trip = s.trip or tour_told(s, focus.subject) or self._lengthened(s, focus, mentions)
            _dated_later(s, focus, mentions)
            if not self.cues.looks_back(text, start):  # 这是…继…会晤后: a look back moves no focus
                named = [a for a in s.actors if not any(x.kind == "person" for x in (a.actors or ()))] \
                    if without_subject(s) else s.actors  # (no subject of its own: the one in focus stays)
                focus = update_focus(focus, s.found, named, s.trip, self.dating.occasion(s), frozenset(s.relative),
                                     frozenset(s.reported), tuple(s.trips), last_said(s), self.dating.venue(s))
        _in_stays_told(mentions, trip_dated)
        doc.user_data["mentions"] = within_windows(date_in_stays(stretch_legs(
            date_by_talks(_yield_dates(mentions, weak, _headline(mentions, text, sentences),
                                      as_date(doc.user_data.get("dct")))), departures))) + implied
        return doc

    @staticmethod
    def _lengthened(s: Sentence, focus: Focus, mentions: list[Event]) -> Trip | None:
        """The arrival told last, as long as this sentence says the stay is (周一抵达安哥拉。此次为期三天的
        行程中…): its visit takes the whole stay and is the trip under way; else None."""
        stay = stay_told(s, focus) if focus.subject is not None else None
        k = next((k for k in reversed(range(len(mentions))) if mentions[k].type == "visit"
                  and mentions[k].when.date_start == stay.date_start and focus.subject in mentions[k].actors), None) \
            if stay is not None else None
        if k is None:
            return None
        mentions[k] = mentions[k].with_(when=stay)
        return trip_of(mentions[k])

    @staticmethod
    def _left(s: Sentence, mentions: list[Event]) -> list[Trip]:
        """The visits told last, when this sentence says the day their visitors leave (5日抵达北京，开始…
        访问。访问团将于9日离开北京): they take the whole stay and are the trips under way."""
        leaving = departure_day(s)
        home = leaving is None  # (周四返抵韩国: the day home, not the day of leaving the place)
        leaving = leaving or departure_day(s, home=True)
        if leaving is None:
            return []
        k = next((k for k in reversed(range(len(mentions))) if mentions[k].type == "visit"), None)
        if k is None or mentions[k].status == "cancelled":
            return []
        traveller = mentions[k].actors[0]
        abroad = {m.location.country for m in mentions if traveller in m.actors and m.location is not None} \
            | {p.location.country for p in s.places}
        if home and len(abroad - {traveller.country, None}) > 1:
            _home_from_tour(s.text, mentions, traveller, leaving, as_date(s.dct))  # (it ends no one stop of the tour)
            return []
        if (stay := stay_until(mentions[k].when, leaving)) is None:
            return []
        arrival = mentions[k]  # (and the other visits its sentence told: 抵达北京，开始…访问; A、B和C率团访台)
        trips = []
        for j, m in enumerate(mentions):
            if m.type == "visit" and m.when == arrival.when and m.char_start == arrival.char_start:
                mentions[j] = m.with_(when=stay)
                trips.append(trip_of(mentions[j]))
        return [t for t in trips if t is not None]

    def _event(self, s: Sentence, trig: Trigger, t_start: int, t_end: int, focus: Focus,
               sentence: str) -> list[tuple[Event, bool]]:
        """The events one trigger states (one per side set and place), each with whether its
        date is inherited from the discourse, or none."""
        clause = s.clause_of(t_start)
        if trig.frame in ("trans", "sym"):  # (分别同A,B,C座谈: a list of partners from an earlier clause;
            # 落实A和B…会面达成的共识: talks named inside the clause)
            clause = (outcome_named(s, opened_before_time(s, listed_from(s, clause[0], t_start), t_start), t_start, t_end),
                      clause[1])
        attended: list[Location] = []
        gathering_told = False  # A、B都将亲自出席: the gathering the story told, its place and day
        if trig.frame == "attend":  # 出席在泰国举行的峰会: a visit to the place, by whoever comes from elsewhere
            attended = attended_places(s, t_start, t_end, clause)
            if not attended and focus.place is not None and not s.text[t_end:clause[1]].strip(" ，,。；;！!"):
                attended, gathering_told = [focus.place], True
            venues = s.doc.user_data.get("venues") or {}
            if not attended and (name := next((n for n in venues if n in s.text[t_end:clause[1]]), None)):
                attended = [venues[name]]  # 安倍将出席非洲开发会议 … 在内罗毕召开的…非洲开发会议: there
            if not attended:
                self._trace(s, trig, t_start, sentence, trace.BLOCKED, "no place held")
                return []
            trig = replace(trig, frame="visit")
        if trig.word in _CALL_ON and any(p.start_char == t_end and p.location.kind != "building" for p in s.places) \
                and not any(a.start_char == t_end for a in s.actors if any(x.kind == "person" for x in (a.actors or ()))):
            trig = replace(trig, type="visit", cameo=CAMEO["visit"], frame="visit")  # 特使团21日拜访中国北京: a visit
        if trig.type == "meeting" and (_BY_VIDEO.search(s.text, clause[0], t_start)
                                       or _BY_VIDEO_BEFORE.search(s.text, s.start, clause[0])):
            trig = replace(trig, type="call", cameo="041")  # 以视讯方式与…会谈, 改以线上方式举行: a call
        reason = blocked(s, self.cues, trig, t_start, t_end, clause)
        if reason is not None:
            self._trace(s, trig, t_start, sentence, trace.BLOCKED, reason)
            return []
        sides = [d for d in (dedupe(a) for a in self.frames.sides(s, trig, t_start, t_end, clause, focus)) if d]
        if trig.type == "meeting" and len(sides) == 1 and len(sides[0]) == 1 and not _GATHERING_WORD.search(trig.word) \
                and (host := _visit_host(s, sides[0][0])):
            sides = [(sides[0][0], host)]  # 抵达堪培拉展开双边会谈: talks with the country visited
        sides = [a for a in sides if trig.type not in ("call", "meeting") or len(names(a)) >= 2]
        if trig.frame == "visit":  # (首个出访的东盟国家: the countries of an organisation are no traveller)
            sides = [a for a in sides if not _members_named(s, a)]
        if trig.type == "meeting":  # (出席二十国集团峰会: a summit attended, no meeting with the organisation)
            sides = [a for a in sides if not _attends_organisation(s, a)]
        if gathering_told:  # (…认出A与B，原来是B以亲友身分参加: only those its own clause names)
            named = {a for x in s.actors if clause[0] <= x.start_char < t_start for a in (x.actors or ())}
            sides = [a for a in sides if a[0] in named]
        if attended:  # (not 习近平在北京出席…: at home)
            sides = [a for a in sides if a[0].kind == "person" and a[0].country and a[0].country != attended[0].country
                     and not _invited_group(s, a[0], clause[0], t_start)]
            if not sides:
                self._trace(s, trig, t_start, sentence, trace.BLOCKED, "attended at home")
                return []
            # 3日至5日访问比利时，并出席4日在布鲁塞尔举行的…会议: a stop of the visit this sentence told
            told = [e for e in s.found if e.type == "visit" and e.location is not None
                    and e.location.country == attended[0].country]
            sides = [a for a in sides if not any(a[0] in e.actors for e in told)]
            if not sides:
                self._trace(s, trig, t_start, sentence, trace.BLOCKED, "attended on a visit told")
                return []
        if not sides:
            self._trace(s, trig, t_start, sentence, trace.NO_SIDES, MISSING.get(trig.frame, "sides"))
            return []
        cancelled = self.status.cancelled(s.text, t_start, t_end, clause[0], s.end)
        titled = s.doc.user_data.get("titled", {})
        events = []
        # the event told already: its words date it no better than the telling did
        this = _told_already(s, t_start, t_end, clause[0]) and not time_told_after(s, clause)
        spread = self.dating.respectively(s, t_start, len(sides))  # 分别于12日、14日: one day each
        each_time = False  # 分别于3月与10月走访罗马及巴黎: the first time to the first place, and so on
        if spread is None and len(sides) == 1 and (trig.frame == "visit" or trig.type in ("call", "meeting")):
            times = self.dating.repeated(s, t_start, clause)  # 3月、5月和6月三次访华: one trip each
            if times:
                sides, spread = sides * len(times), times
                each_time = "分别" in s.text[clause[0]:t_start]
        dated = [(spread[i], SAID) if spread else self.dating.when(s, trig, t_start, clause, focus, actors)
                 for i, actors in enumerate(sides)]
        if attended and (occasion := focus.occasion) is not None and occasion.date_start:
            # (A、B都将亲自出席: on the day of the gathering told; 将出席月底举行的峰会 after 峰会6月29、30日举行:
            # on the days told of it, inside the coarser ones)
            dated = [(occasion, OCCASION) if (source is None and gathering_told) or _inside(occasion, when)
                     else (when, source) for when, source in dated]
        elif gathering_told and focus.when is not None and focus.when.date_start:
            # (…5日在首尔举行战略对话。A与B出席: on the day of the talks told)
            dated = [(focus.when, FOCUS) if source is None else (when, source) for when, source in dated]
        # (她会见了格鲁吉亚总统A、总理B和外长C: one trigger's partners meet within the same trip, though
        # only one of them is known as a host of it)
        in_trip = next((d for d in dated if d[1] == TRIP), None)
        for i, actors in enumerate(sides):
            when, source = in_trip if in_trip is not None and dated[i][1] is None else dated[i]
            if source == TRIP and self._held_before(s, trig, t_start, clause, when):
                when, source = When(), None
            inherited = source in (TRIP, OCCASION, FOCUS) or this
            actors = holders_on(actors, when, titled, s.text[s.start:s.end], as_date(s.dct))
            if trig.type in ("call", "meeting") and len(names(actors)) < 2:
                continue  # (中国-欧盟领导人会晤 whose other side no one holds on the day: no meeting of one)
            wheres = attended or destinations(s, trig, t_start, t_end, clause) or (
                listed_venues(s, t_start, clause) if trig.type in ("meeting", "call") else [])  # (曾在A、B和C进行磋商: each)
            if len(wheres) < 2 and not attended:
                wheres = [where(s, trig, t_start, t_end, clause) or _place_of(source, s, focus, actors, when)]
            if each_time and len(wheres) == len(sides):
                wheres = [wheres[i]]
            if trig.type == "meeting" and len(wheres) == 1:
                wheres = [_host_stop(s, actors, wheres[0])]
            status = "cancelled" if cancelled else self.status.of(s.text, trig, t_start, clause[0], when, s.dct)
            # a day of travel before a tour of several countries: 12日抵达惠灵顿，开始对新西兰、澳大利亚进行访问
            # dates the first stop only, as do the day a tour starts (12日展开三国访问，行程包括…) and the day of
            # setting off (18日从东京出发前往越南和印尼: reached that day or the next) (9日访问马来西亚和新加坡: both)
            told = s.text[s.start:t_start]
            tour = len(wheres) > 1 and when.date_start is not None and when.date_start == when.date_end and (
                self.cues.has("journey", told) or self.cues.has("tour_start", told[-12:])  # (12日展开三国访问)
                or self.cues.has("tour_start", s.text[clause[0]:t_start])  # (25日展开A、B和C的三国访问)
                or _OVER_DAYS.search(s.text, clause[0], t_start) is not None)  # (今天展开…访问，在8天时间到访A、B…)
            # (目前正在进行A、B和C的三国访问: a tour under way is at one of its stops today, which the words do not say)
            under_way = len(wheres) > 1 and _UNDER_WAY.search(s.text, clause[0], t_start) is not None
            for n, place in enumerate(wheres):  # 访问日本和印尼: one visit per country
                if trig.type == "visit" and _at_home(actors, place):
                    continue  # 王毅抵达北京, 习近平访华: a trip home is no visit
                leg = When() if (tour and n) or under_way else when
                events.append((Event(trig.type, trig.cameo, status, actors, leg, place, "", "", 0, 0,
                                     confidence=_confidence(actors, leg, trig)), inherited))
                if source == TRIP:
                    s.in_trip.append(events[-1][0])
        if gathering_told and (present := attendees(s, t_start, clause, focus.actors)):  # 由A主持，B、C和D参会: they met
            when, source = dated[0]
            status = "cancelled" if cancelled else self.status.of(s.text, trig, t_start, clause[0], when, s.dct)
            events.append((Event("meeting", CAMEO["meeting"], status, present, when, attended[0], "", "", 0, 0,
                                 confidence=_confidence(present, when, trig)), source in (TRIP, OCCASION, FOCUS)))
        if trig.frame == "visit" and not cancelled and not _COPULA.match(s.text, clause[0]):
            # (…，是她去年7月后再次访问中国: a copula looking back names no trip under way)
            # a stay (访问, 访华, 将于17日至23日…赴法国), not a journey told with a day (周四抵达北京展开访问:
            # the day of arrival)
            # (a day's journey told as a one-day stay is the stay: 今日启程前往新加坡，进行为期一天的访问)
            length = stated_length(s.text, s.start, s.end)
            journey = self.cues.has("journey", s.text[s.start:t_end]) and length != 1
            # (in the arrival's clause or the next: 抵达河内，开始为期三天的访问; not 进行三天访问后…续程前往东京)
            told_then = s.clause_of(s.clause_of(t_start)[1])[1] if journey else t_start
            opened = stated_length(s.text, t_start, told_then, stop_only=True) if journey else None
            stays = []
            for i, (e, inherited) in enumerate(events):
                if not journey or e.when.days > 1:
                    stays.append(e)
                elif (length or 0) > 1:  # 周一抵达河内，开始为期三天的访问: the stay the arrival opens holds
                    stays.append(replace(e, when=opened_stay(e.when, length)))  # the meetings told in it,
                    if opened:  # and is the visit told (SPEC: 昨起…为期三天 is the whole interval), unless the
                        events[i] = (stays[-1], inherited)  # length is a tour's (开启为期六天的访欧之旅)
            looked_back = self.cues.looks_back_in(s.text, clause[0], t_start)  # (莫迪上一回访马是2015年…: no trip under way)
            # (比拉瓦尔此次中国之行是应…邀请 after 今天宣布: the trip told already, not one on the report's day)
            # (习近平表示，今年6月，我对墨西哥进行了国事访问: a past trip in the speaker's words is none under way)
            spoken = any(e.type == "statement" for e in s.found)
            trips = [t for e in stays if not ((looked_back or spoken) and ended_long_before(e.when.date_end, s.dct))
                     and not this and (t := trip_of(e)) is not None and not _leg_of(t, focus.trip)]
            s.trip = trips[-1] if trips else s.trip
            s.trips += trips
        self._trace(s, trig, t_start, sentence, trace.EVENT,
                    "; ".join("/".join(a.name for a in e.actors) for e, _ in events))
        return events

    def _held_before(self, s: Sentence, trig: Trigger, t_start: int, clause: tuple[int, int], trip: When) -> bool:
        """True when the event is told as held (in a time clause of the words after it, or with a past
        cue) while the trip whose days it would take starts after the story's day (在与X会谈时，表示将于6月
        访日; 日前访问瓜国期间): it was not in that trip."""
        return bool(trip.date_start) and s.dct is not None and trip.date_start > as_date(s.dct).isoformat() \
            and (_AT_THE_TIME.search(s.text, *s.clause_of(t_start)) is not None
                 or sentence_tense(s.text[s.start:s.end], t_start - s.start) == "past") \
            and self.status.of(s.text, trig, t_start, clause[0], When(), s.dct) == "occurred"

    @staticmethod
    def _trace(s: Sentence, trig: Trigger, t_start: int, sentence: str, outcome: str, detail: str) -> None:
        if trace.tracing(s.doc):
            at = t_start + s.doc.user_data.get("offset", 0)
            trace.record(s.doc, trace.TraceEntry(s.doc.user_data.get("doc_id", ""), trig.word, trig.type, at,
                                                 sentence, outcome, detail))


def _members_named(s: Sentence, side: tuple[Actor, ...]) -> bool:
    """True when the side is only organisations the sentence writes as a modifier of their member
    countries (东盟国家, 欧盟成员国), not as a body that sends someone (欧盟特别代表)."""
    orgs = {a.name for a in side if a.kind == "org"}
    return len(orgs) == len(side) and any(
        a.name in orgs and _MEMBER_COUNTRIES.match(s.text, x.end_char) for x in s.actors for a in (x.actors or ()))


_MEMBER_COUNTRIES = re.compile(r"(?:成员国|国家|各国)")


def _inside(inner: When, outer: When) -> bool:
    """True when `inner` lies within the longer interval `outer`."""
    return bool(inner.date_start and inner.date_end and outer.date_start and outer.date_end) \
        and outer.date_start <= inner.date_start and inner.date_end <= outer.date_end and inner.days < outer.days


_GATHERING_WORD = re.compile(r"峰会|会议|论坛|大会")  # a gathering, no talks with the country it is held in
_OWNED = re.compile(r"(?:总统|总理|首相|主席|国王)?(?:伉俪)?的(?:率团|此次|这次|本次)?$")  # X总统的率团来访


def _told_already(s: Sentence, t_start: int, t_end: int, c_start: int) -> bool:
    """True for a trigger that names the event told already: 这次访华, 此次会谈; 双方在通话中回顾了…;
    an event word owned by a person (今年适逢建交80周年，X总统的率团来访别具意义)."""
    return THIS.search(s.text, max(c_start, t_start - 8), t_start) is not None \
        or (s.text[t_start - 1:t_start] == "在" and _IN_IT.match(s.text, t_end) is not None) or _possessed(s, t_start)


def _possessed(s: Sentence, t_start: int) -> bool:
    """True for an event word owned by the person right before it (X总统的率团来访, Y的访问): the event
    as a thing told already, not a new one."""
    m = _OWNED.search(s.text, max(s.start, t_start - 8), t_start)
    owner = next((x for x in s.actors if m is not None and x.end_char == m.start()
                  and any(a.kind == "person" for a in (x.actors or ()))), None)
    return owner is not None and not partner(s.text, owner, s.clause_of(t_start)[0])  # (与X总统的会谈: talks with X)


_IN_IT = re.compile(r"(?:中|时|上)")  # 在通话中, 在会谈时: inside the event told already


def _invited_group(s: Sentence, person: Actor, c_start: int, t_start: int) -> bool:
    """True for a member of a group invited to a gathering (将邀请东盟成员国首脑等出席…会议), not named
    in the sentence by a name of its own: whether and when each comes, the text does not say."""
    if "邀请" not in s.text[c_start:t_start]:
        return False
    grouped = any(x.label_ == "GROUP" and person in (x.actors or ()) for x in s.actors)
    return grouped and not any(x.label_ != "GROUP" and person in (x.actors or ()) for x in s.actors)


def _stay_of_told(visit: Event, n: int | None, mentions: list[Event]) -> When | None:
    """The stay of `n` days that the visit told last by the same traveller to the same country opens,
    when it was told on a single day (星期三到新加坡访问。…受邀访问新加坡三天): that visit takes it too;
    None when there is no such visit or no length."""
    if not n or visit.location is None:
        return None
    k = next((k for k in reversed(range(len(mentions))) if mentions[k].type == "visit"
              and visit.actors[0].name in {a.name for a in mentions[k].actors} and mentions[k].location is not None
              and mentions[k].location.country == visit.location.country), None)
    if k is None or (stay := opened_stay(mentions[k].when, n)) is mentions[k].when:
        return None
    mentions[k] = mentions[k].with_(when=stay)
    return stay


def _stay_during(s: Sentence, t_start: int, t_end: int, focus: Focus, mentions: list[Event]) -> Trip | None:
    """The trip a visit word with its length and 期间 names (拉布将在为期3天的访问期间，与…会晤): the last
    visit of the clause's traveller (else the one in focus) told on one day, now a stay of that length;
    None when the words are not so or no such visit was told."""
    if not s.text.startswith("期间", t_end):
        return None
    c_start, c_end = s.clause_of(t_start)
    n = stated_length(s.text, c_start, t_end)
    persons = [a for x in s.actors if c_start <= x.start_char < t_start for a in (x.actors or ()) if a.kind == "person"]
    traveller = persons[0] if persons else focus.subject
    if not n or n < 2 or traveller is None:
        return None
    k = next((k for k in reversed(range(len(mentions))) if mentions[k].type == "visit"
              and traveller.name in names(mentions[k].actors) and mentions[k].when.days == 1), None)
    if k is None or (stay := opened_stay(mentions[k].when, n)) is mentions[k].when:
        return None
    mentions[k] = mentions[k].with_(when=stay)
    return trip_of(mentions[k])


def _dated_later(s: Sentence, focus: Focus, mentions: list[Event]) -> None:
    """The visits told undated of the traveller this sentence names (else the one in focus) take the
    interval it gives their journey (…出访印尼、马来西亚。…康达从11月27日至12月4日的行程…)."""
    span = itinerary_told(s) if not any(e.type == "visit" for e in s.found) else None
    if span is None:
        return
    persons = [a for x in s.actors for a in (x.actors or ()) if a.kind == "person"]
    traveller = persons[0] if persons else focus.subject
    if traveller is None:
        return
    mentions[:] = [m.with_(when=span) if m.type == "visit" and traveller.name in names(m.actors) and m.when.date_start is None
                   and m.status != "cancelled" else m for m in mentions]


def _home_from_tour(text: str, mentions: list[Event], traveller: Actor, home: When, dct: date | None) -> None:
    """The stops of a tour that set off on a told day (周四出发, 22日起访问欧美多国) and comes home on another
    (……周日返回日本) within a fortnight: those told undated after it take the whole journey, and so do those
    the day of setting off dated when no stop has a day of its own between (9日启程，首站新加坡，10日…会谈；
    11日在雅加达…，12日返国: each stop keeps its days). A journey still to come is planned."""
    mine = [i for i, m in enumerate(mentions)
            if m.type == "visit" and traveller.name in names(m.actors) and m.status != "cancelled"]
    start = next((mentions[i] for i in mine if tour_starts(text[mentions[i].char_start:mentions[i].char_end],
                                                            mentions[i].when)), None)
    journey = stay_until(start.when, home) if start is not None else None
    if start is None or journey is None:
        return
    ahead = dct is not None and journey.date_start > dct.isoformat()
    between = any(traveller.name in names(m.actors) and m.when.date_start == m.when.date_end
                  and journey.date_start < (m.when.date_start or "") < journey.date_end for m in mentions)
    for i in mine:
        m = mentions[i]
        if m.char_start >= start.char_start and (m.when.date_start is None or (
                not between and m.char_start == start.char_start and m.when.date_start == start.when.date_start)):
            mentions[i] = m.with_(when=journey, status="planned" if ahead else m.status)


# an organisation met through its people: 非盟领导人, 欧盟中亚事务特别代表, 多个东盟成员国领导人
_ORG_HEAD = re.compile(r"[^，。；、,;]{0,8}?(?:领导人|秘书长|主席|负责人|代表|首脑|特使|官员|委员)")


# an organisation as the subject that meets a partner (东盟将分别同日本、韩国举行外长会议)
_ORG_MEETS = re.compile(r"\s*(?:将|也|还|又|已|分别|随后|当天){0,3}\s*(?:与|同|跟)")


def _attends_organisation(s: Sentence, actors: tuple[Actor, ...]) -> bool:
    """True when the sides are one person and organisations not met through their heads: a person at
    an organisation's summit (李在明出席二十国集团峰会), not talks with it (同非盟领导人会谈), nor the
    organisation meeting a partner (东盟将同日本举行外长会议)."""
    orgs = {a.name for a in actors if a.kind == "org" and not get_lexicon().is_movement(a.name)}  # (与塔利班谈判: talks)
    if not orgs or sum(a.kind != "org" for a in actors) != 1 or any(a.kind == "country" for a in actors):
        return False
    named = [x for x in s.actors if orgs & {a.name for a in x.actors or ()}]
    if not named:
        return False  # (访团将接受…款宴: a body's delegation on the trip told, not a summit this sentence names)
    return not any(_ORG_HEAD.match(s.text, x.end_char) or _ORG_MEETS.match(s.text, x.end_char) for x in named)


def _at_home(actors: tuple[Actor, ...], place: Location | None) -> bool:
    """The traveller is a person going to their own country or its capital (王毅抵达北京: home
    again); a trip to another city at home may be a visit (普京飞抵海参崴会见金正恩)."""
    if place is None or not place.country or not actors or actors[0].kind != "person" \
            or actors[0].country != place.country:
        return False
    country = get_lexicon().countries.get(place.country)
    return place.kind == "country" or (country is not None and place.name == country.capital)


# a clause telling the time of the words after it (X在与Y会谈时，表示…)
_AT_THE_TIME = re.compile(r"在[^，,。；;]{2,30}?时\s*$")
_WHEN_CLAUSE = re.compile(r"在[^，,。；;]{2,30}?(?:之前|之后|以前|以后|前|后|时)\s*[，,]")


# an event years before, as the time a clause counts from (此行是江泽民访伊14年后，…的首次访问)
_YEARS_AFTER = re.compile(r"[^，,。；;]{1,12}?[0-9一二三四五六七八九十两]+多?(?:年|个月)(?:之后|以后|后|来)\s*[，,]")


def _leg_of(trip: Trip, whole: Trip | None) -> bool:
    """True when `trip` is a day or two well inside `whole`, the same travellers' stay in the same country
    (出席2月2日在北京举行的会晤 during a visit to China from 1月31日 to 2月3日): a part, not a new trip."""
    if whole is None or not (trip.travellers & whole.travellers) or trip.country != whole.country:
        return False
    a, b = trip.when, whole.when  # (not 6月17日至20日 after 下周访华: the same trip told more precisely)
    return bool(a.date_start and b.date_start) and b.date_start <= a.date_start and a.date_end <= b.date_end \
        and a.days <= 2 and b.days >= a.days + 2


def _time_clause(s: Sentence, t_start: int) -> bool:
    """True when the trigger stands in a clause that only tells when (在马杜罗抵达北京之前，), or in a
    phrase of "before doing" or "years after" that closes its clause (感谢蓬佩奥会晤金正恩前，先到访东京;
    此行是江泽民访伊14年后，)."""
    c_start, c_end = s.clause_of(t_start)
    m = _WHEN_CLAUSE.match(s.text, c_start)
    return (m is not None and m.end() >= min(c_end, len(s.text))) \
        or BEFORE_DOING_PHRASE.match(s.text, t_start, c_end + 1) is not None \
        or _YEARS_AFTER.match(s.text, t_start, c_end + 1) is not None


def _in_stays_told(mentions: list[Event], trip_dated: set[int]) -> None:
    """Talks dated by a trip that a sentence told by its first day only take the stay a later
    sentence tells from that day (将于周三访问新加坡。期间，A会与B会晤。…将于本周三至下周一到新加坡)."""
    for i in trip_dated:
        m = mentions[i]
        if m.type not in ("meeting", "agreement") or m.when.days != 1:
            continue
        people = {a.name for a in m.actors if a.kind == "person"}
        stays = [v.when for v in mentions if v.type == "visit" and 1 < v.when.days <= STAY_DAYS
                 and v.when.date_start == m.when.date_start and people & {a.name for a in v.actors}]
        if stays:
            mentions[i] = m.with_(when=max(stays, key=lambda w: w.days))


def _city_of_trip(trip: Trip | None, visit: Event, mentions: list[Event]) -> bool:
    """True when `visit` goes to another city of the country that the trip under way visits, by
    one of its travellers, and a visit was told with the trip's interval (访问以色列 from the 22nd to
    the 25th; not 抵达立陶宛，开启为期六天的访欧之旅: a tour's days, not the stay's)."""
    place = visit.location
    return trip is not None and trip.when.date_start is not None and place is not None and place.kind != "country" \
        and place.country is not None and place.country == trip.country \
        and (trip.location is None or trip.location.name != place.name) \
        and any(a.name in trip.travellers for a in visit.actors if a.kind == "person") \
        and any(m.type == "visit" and m.when == trip.when for m in mentions)


def _visit_host(s: Sentence, actor: Actor) -> Actor | None:
    """The country `actor` visits in this sentence, abroad, as the other side of talks the sentence
    names no partner for (抵达堪培拉展开双边会谈)."""
    visit = next((e for e in reversed(s.found) if e.type == "visit" and e.actors[0].name == actor.name
                  and e.location is not None and e.location.country and e.location.country != actor.country), None)
    if visit is None or actor.kind != "person":
        return None
    c = get_lexicon().countries.get(visit.location.country)
    return c.actor() if c is not None and c.kind == "country" else None


# a tour under way as the story is written (not 正在协调11月3日至5日出访: arranging one)
_UNDER_WAY = re.compile(r"正在(?:进行|展开|访问|出访|巡访)|目前正(?:进行|展开|访问|出访)")
# a tour told over some days (在8天时间到访A、B、C和D): its day is the first stop's
_OVER_DAYS = re.compile(r"[0-9一二两三四五六七八九十]+天(?:时间|之内|内)")


def _host_stop(s: Sentence, actors: tuple[Actor, ...], place: Location | None) -> Location | None:
    """Talks on a tour of several countries this sentence told happen in the host's country, one
    of its stops (此行将访问印尼、新加坡，除会见两国元首外: each head of state at home), not at the
    last stop named."""
    if place is None:
        return None
    stops = [e.location for e in s.found if e.type == "visit" and e.location is not None and e.actors[:1] == actors[:1]]
    hosts = {a.country for a in actors[1:] if a.kind == "person" and a.country}
    if len({p.country for p in stops}) < 2 or place.country not in {p.country for p in stops} or place.country in hosts:
        return place
    return next((p for p in stops if p.country in hosts), place)


def _place_of(source: str | None, s: Sentence, focus: Focus, actors: tuple[Actor, ...], when: When) -> Location | None:
    """Where an event with no place of its own happened: where the trip (or the event) its date
    comes from took place (访问期间会见…: in the country visited; 当天还会见…: where the day's talks were):
    the trip of one of its sides over those days, else the one under way."""
    if source == TRIP:
        names = {a.name for a in actors}
        ours = [t for t in (s.trip, *reversed(s.trips), focus.trip, *reversed(focus.trips)) if t is not None
                and t.when == when and t.travellers & names]
        hosts = {a.country for a in actors if a.country and a.name not in (ours[0].travellers if ours else ())}
        met = next((t for t in ours if t.country in hosts), None) if len({t.country for t in ours}) > 1 else None
        if met is not None:  # (a tour of three, 分别同三国外长举行战略对话: the stop in the country of the side met)
            return met.location
        trip = (ours[0] if ours else None) or s.trip or focus.trip
        if trip is not None and focus.place is not None and any(
                t.when == trip.when and t.country == focus.place.country for t in (*focus.trips, *s.trips)):
            return focus.place  # (a tour of four countries, the story at its Moscow stop: there, not the last stop)
        return trip.location if trip is not None else None
    return focus.place if source == FOCUS else None


def _since_before(s: Sentence, t_start: int, ev: Event) -> Event | None:
    """The event of the same kind and sides that an event told as the first or another since a day
    implies on that day (这将是韩中外长自2023年11月以来首次会晤, X自去年11月以来时隔一年再次访俄): the
    day is all the 自…以来 holds, not a deed of its own (自去年3月当选总理以来); else None."""
    if ev.type not in CORE or not ev.actors:
        return None
    m = _SINCE_AGAIN.search(s.text, s.clause_of(t_start)[0], t_start)
    day = next((d for d in s.dates if m is not None and d.date_start and d.start == m.start("when")
                and d.end == m.end("when")), None)
    if day is None:
        return None
    when = When(day.date, day.date_mod, day.date_start, day.date_end, day.text)
    titled = s.doc.user_data.get("titled") or {}  # (俄美领导人: the leaders of then, not of now)
    actors = holders_on(ev.actors, when, titled, s.text[s.start:s.end], as_date(s.dct))
    # (its own words' span: the event told in the same sentence does not merge into it as its reading)
    return ev.with_(when=when, status="occurred", actors=actors, char_start=m.start(), char_end=m.end(), implied=True)


# 自2023年11月以来首次会晤, 自去年11月以来时隔一年再次访俄: the day since which, right before the event told
_SINCE_AGAIN = re.compile(r"自(?P<when>[^，。；]{2,12}?)以来[^，。；]{0,10}?(?:首次|再次|第一次|又一次|头一次|首度|再度)"
                          r"[^，。；]{0,6}$")


def _headline(mentions: list[Event], text: str, sentences: list) -> set[int]:
    """The mentions of the headline: its 今/昨 is the desk's day, the body dates the event
    (韩越领导人今会晤 … 23日将同…会谈)."""
    if len(sentences) < 2:
        return set()
    start, end, _ = sentences[0]
    if end - start > 60 or HEADLINE_END.search(text, start, end):
        return set()
    return {i for i, m in enumerate(mentions) if m.char_start == start}


def _yield_dates(mentions: list[Event], weak: set[int], headline: set[int], day: date | None) -> list[Event]:
    """Mentions dated weakly (by the discourse, or in a headline) take the date and status of
    the same event (type and sides) where the document tells it in words of its own, so that
    they merge into it instead of standing as a second event. A headline's words carry no tense
    (中韩外长会谈本月举行): where the body tells the event undated, the headline takes its status,
    unless the headline's own date lies wholly after or before the publication `day` (明天开始访问).
    A visit elsewhere dated only by the discourse is not on the day of the traveller's dated visit."""
    said: dict[tuple, Event] = {}
    told: dict[tuple, Event] = {}
    for i, m in enumerate(mentions):
        if i not in weak and i not in headline:
            key = _same_event(m)
            told.setdefault(key, m)
            if m.when.date_start:
                said.setdefault(key, m)
    out = []
    for i, m in enumerate(mentions):
        key = _same_event(m)
        own = said.get(key) if i in weak or i in headline else None
        body = told.get(key) if i in headline else None
        if own is not None:
            m = m.with_(when=When(), status=own.status)
        elif body is not None and not (day is not None and m.when.date_start and (
                m.when.date_start > day.isoformat() or m.when.date_end < day.isoformat())):
            m = m.with_(status=body.status)
        elif i in weak and m.type == "visit" and any(k[:2] == key[:2] and k[2] != key[2] for k in said):
            m = m.with_(when=When())  # 4日飞抵法国。访法结束后，他将访问瑞典: not on the French leg's day
        out.append(m)
    return out


def _same_event(m: Event) -> tuple:
    """What makes two mentions one event for `_yield_dates`: type and sides, and for a visit the
    country it goes to (访法结束后，他将访问瑞典: another visit, not the French one)."""
    place = m.location.country if m.type == "visit" and m.location is not None else None
    return m.type, frozenset(a.name for a in m.actors), place


def _confidence(actors: tuple[Actor, ...], when: When, trig: Trigger) -> float:
    score = 0.5
    if when.date_start:
        score += 0.2
    if sum(1 for a in actors if a.kind == "person") >= (2 if trig.type in ("call", "meeting") else 1):
        score += 0.2
    if len(trig.word) >= 2:
        score += 0.05
    return min(score, 0.95)


@Language.factory("timeline_events")
def make_events(nlp: Language, name: str) -> EventExtractor:
    """spaCy factory for `EventExtractor`."""
    return EventExtractor(nlp)
