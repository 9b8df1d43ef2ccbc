"""Actor and place resolution: one canonical actor per mention.

Takes the gazetteer's and the name finder's spans and decides, for each, what it names:
a person of the table (choosing among namesakes by the country in front of them), a person
the table does not know (short forms resolved to the full name introduced earlier), the
holder of a bare title on the reference date (日本首相 -> 高市早苗; 秘鲁总统、总理和外长: each office of
that country; 日本外相表示，首相…: the country the sentence names), the holders of an office in the
countries listed (立陶宛、拉脱维亚和爱沙尼亚三国外长, or 两国外长 pointing back to them), a country
(日方, 日本政府, the sides of a dyad such as 中日, 美日韩), a country's opposition (委内瑞拉反对派), or a place. Journalists, analysts and media outlets
never become actors. Results: `doc.spans["actors"]` with `span._.actors` (a tuple of Actor)
and `span._.office` (country, office key) for bare titles, and `doc.spans["places"]` with
`span._.location`.
"""
from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache
from datetime import date

from timeline.components.doctext import doc_text, span_text
from timeline.components.names import (CONCURRENT_OFFICE, NAME_MAX_CJK, OFFICE_SEATS, continues_a_name, envoy_sender,
                                       listed_country, posted_abroad)
from spacy.language import Language
from spacy.tokens import Doc, Span

from timeline.groups import MAX_SPELLED, get_groups
from timeline.tsv import DATA, read_tsv
from timeline.lexicon import (COUNTRY, NONACTOR, ORG, PERSON, PLACE, TITLE, Lexicon, Person, Title, common_words, get_lexicon,
                              letters_start)
from timeline.record import Actor, Location
from timeline.temporal import as_date
from timeline.temporal.numerals import to_int

for _ext in ("actors", "office", "location"):
    if not Span.has_extension(_ext):
        Span.set_extension(_ext, default=None)

_CJK = re.compile(r"[\u4e00-\u9fff]")
_LATIN = re.compile(r"[A-Za-z]+")  # a word: one Chinese character weighs about as much
# words between a country and a title that still describe the same person (中国外交部发言人)
_ORG_BETWEEN = re.compile(r"^(?:外交部|国防部|国务院|政府|总统府|内阁|驻华|驻[\u4e00-\u9fff]{1,4}|国家|外务省|白宫|前|新任|新|现任|时任|副|代理|署理|候任|\s|former |new |acting )*$")
# the rest of a ministry's or agency's name before the title of its head (中国农业农村部长, 中国生态环境部长)
_MINISTRY_BEFORE = re.compile(r"^[^\W\d_和与同及对在向为将是也已派请由并、两三四五六七八九十几各诸多]{2,8}$")
_HEAD_TITLES = ("部长", "大臣", "局长", "署长", "主任", "主席", "委员长", "秘书长")
_DYAD_AFTER = ("关系", "联盟", "同盟", "领导人", "领袖", "首脑", "峰会", "会谈", "会晤", "外长", "两国", "三国", "三方", "四国",
               "四方", "五国",
               "双方", "合作", "建交", "政府", "元首", "总理", "防长", "对话", "磋商", "战略", "官员", "代表",
               "谈判", "高层", "通话", "贸易", "国防部长", "外交部长")


class ActorResolver:
    """Resolve recognized spans to actors and places."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        self.lex = lexicon or get_lexicon()
        shorts = "".join(sorted(s for s in self.lex.country_by_short if len(s) == 1))
        # 中美关系, 美日韩三国领导人; 美朝新加坡首脑会谈 (a place between the sides and the meeting)
        self.dyad = re.compile(rf"[{re.escape(shorts)}]{{2,4}}(?={'|'.join(_DYAD_AFTER)}|[\u4e00-\u9fff]{{2,4}}?"
                               rf"(?:首脑会谈|首脑会晤|峰会|会晤|会谈))") if shorts else None
        roles = sorted((n for n, kind in self.lex.nonactors.items() if kind == "role"), key=len, reverse=True)
        # a role word, then no punctuation or line break up to the name (not 记者会, a press conference;
        # not 招待会; not a page's 多媒体 label over a caption)
        self.role_before = re.compile(rf"(?:{'|'.join(map(re.escape, roles))})(?![会招])[^，,。：:；;、\n]*\Z") if roles \
            else re.compile("(?!)")
        self.leader_office = {r["iso3"]: r["leader_office"] for r in read_tsv(DATA / "leaders.tsv")}
        # each country's persons of the tables whose names have several parts (穆罕默德·本·萨勒曼)
        self.dotted: dict[str, list[Person]] = {}
        for person in self.lex.persons.values():
            if "·" in person.name and person.country:
                self.dotted.setdefault(person.country, []).append(person)

    # -- helpers -------------------------------------------------------------
    def person_actor(self, person: Person, role: str | None, on: date | None) -> Actor:
        office = person.office_on(on)
        return Actor(person.name, person.name_en, "person", person.country, role or (office.key if office else None))

    def country_actor(self, iso: str, role: str | None = None) -> Actor:
        return self.lex.countries[iso].actor(role)

    def location(self, name: str) -> Location | None:
        place = self.lex.places.get(name)
        if place is None:
            return None
        return Location(place.name, place.name_en, place.country, place.lat, place.lon, place.city, place.kind)

    def country_location(self, iso: str) -> Location:
        c = self.lex.countries[iso]
        return Location(c.name, c.name_en, iso, None, None, None, "country")

    # -- the component -------------------------------------------------------
    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        on = as_date(doc.user_data.get("dct"))
        gaz = sorted(doc.spans.get("gazetteer", []), key=lambda s: s.start_char)
        names = list(doc.spans.get("names", []))
        spans = sorted([*gaz, *names], key=lambda s: (s.start_char, -s.end_char))
        index = _SpanIndex(spans)
        occupied: list[tuple[int, int]] = []
        actors: list[Span] = []
        places: list[Span] = []
        listed: tuple[int, list[str]] = (-1, [])  # where the last person named ends, and its countries
        known: dict[str, Actor] = {}  # full names found so far in this document, for short forms
        namesakes: set[str] = set()  # forms of the table's persons that name someone else here
        commentators: set[str] = set()  # names introduced as analysts, scholars or journalists
        by_end = {s.end_char: s for s in spans}
        prev: Span | None = None
        taken = bytearray(len(text) + 1)  # characters already claimed by an earlier (longer) span
        for span in spans:
            if any(taken[span.start_char:span.end_char]):
                continue
            taken[span.start_char:span.end_char] = b"\x01" * (span.end_char - span.start_char)
            occupied.append((span.start_char, span.end_char))
            label = span.label_
            if label == PLACE:
                loc = self.location(span.kb_id_)
                if loc is not None and not _CLOCK.match(text, span.end_char):  # (北京时间下午4时: a clock)
                    span._.location = loc
                    places.append(span)
            elif label in (COUNTRY, ORG):
                nxt = index.next_after(span.end_char)
                gap = text[span.end_char:nxt.start_char] if nxt is not None else ""
                if nxt is not None and nxt.label_ in (TITLE, PERSON) and (_ORG_BETWEEN.match(gap) or (
                        nxt.label_ == TITLE and _MINISTRY_BEFORE.match(gap) and span_text(nxt).endswith(_HEAD_TITLES)) or (
                        nxt.label_ == TITLE and _AGENCY.fullmatch(gap) and not _CHAIN_VERB.search(gap)
                        and _names_follow(index, nxt))):  # (菲律宾海岸警卫队司令加西亚)
                    isos = {e.key for e in span._.entries if e.label == COUNTRY}
                    if len(isos) == 1:  # still a country the article is about (巴方 later is 巴基斯坦)
                        doc.user_data.setdefault("countries_seen", set()).update(isos)
                    prev = span
                    continue  # 中国外长王毅: the country describes the person
                # (法国领导人 is France's side: 领导人 is a word kept from names, no medium or institute; but
                # APEC领导人非正式会议, 中国—欧盟领导人会晤 name a meeting, unless a partner: 将与越南领导人会晤)
                if (nxt is not None and nxt.label_ == NONACTOR and nxt.start_char - span.end_char <= 2
                        and not _BREAK_BETWEEN.search(text, span.end_char, nxt.start_char)  # (…和马来西亚。共同社报导)
                        and (self.lex.nonactors.get(span_text(nxt)) != "word"
                             or (nxt.start_char > span.end_char and text[span.end_char:nxt.start_char] != "的")
                             or (_MEETING_AFTER.match(text, nxt.end_char)
                                 and text[span.start_char - 1:span.start_char] not in ("与", "同", "跟")))) or \
                        _NOT_ACTOR_AFTER.match(text, span.end_char):
                    prev = span
                    continue  # 日本共同社, 美国智库: the country describes a medium or an institute
                iso = self._pick_country(span, doc)
                if iso and len([e for e in span._.entries if e.label in (COUNTRY, ORG)]) <= 1:
                    doc.user_data.setdefault("countries_seen", set()).add(iso)
                if iso:
                    span._.actors = (self.country_actor(iso),)
                    actors.append(span)
                    if label == COUNTRY and not text[span.end_char:span.end_char + 1] == "方":
                        places.append(span)
                        span._.location = self.country_location(iso)
            elif label == PERSON:
                if _possessor(index, span, text) or _IN_A_NAME.match(text, span.end_char):
                    continue  # (哈立德国王国际机场: a name inside a place's name)
                if re.fullmatch(r"[A-Za-z]+", span_text(span)) and _LATIN_GOES_ON.match(text, span.end_char):
                    continue  # Lee Mark Chang is not the Lee of our table: a longer name holds it
                glossed = actors[-1] if actors and _GLOSS_OPEN.fullmatch(text, actors[-1].end_char, span.start_char) \
                    and actors[-1].label_ == PERSON else None
                if glossed is not None:  # 总理巴洛(Dean Barrow): the English name glosses the name before it
                    if span.kb_id_ in self.lex.persons and glossed.kb_id_ not in self.lex.persons and (
                            person := self._person(span, _title_before(by_end, glossed, text), on, known, None, namesakes)) is not None:
                        glossed._.actors = (person,)  # (not when the English name resolves to no one: a commentator's)
                        known[span_text(glossed)] = person
                    prev = span
                    continue
                if self._commentator(text, span) or _said_by_commentator(commentators, span_text(span)):
                    commentators.update({span_text(span), span_text(span).rsplit("·", 1)[-1]})
                    continue  # 教授史蒂芬·纳吉 … 纳吉说: a commentator stays one all through the article
                role = _title_before(by_end, span, text)
                actor = self._person(span, role, on, known, prev, namesakes)
                chain = _chain_countries(index, span, text) or _agency_country(index, span, text)
                if not chain and listed[1] and _LIST_ITEM.fullmatch(text, listed[0], span.start_char):
                    chain = listed[1]  # 阿富汗前外长拉苏尔、阿卜杜拉: the next item of a list of one country's officials
                listed = (span.end_char, chain)
                title = by_end.get(span.start_char)
                if role and title is not None and posted_abroad(text, title.start_char):
                    # 中国驻肯尼亚大使周平剑: China's envoy; 驻巴西大使祝青桥: not Brazil's (whose, the text does not say)
                    sender = envoy_sender(index.spans, title.start_char, text)
                    chain = [sender] if sender is not None else []
                if actor is not None and span.kb_id_ not in self.lex.persons and chain:
                    if role:
                        actor = self._variant_of_holder(actor, chain[0], role, on, known, span_text(span))
                    actor = self._first_part_of(actor, chain[0], role, on, known, span_text(span))
                    if actor.country is None:  # 摩洛哥外交大臣布里达: a new name takes the country before it
                        actor = Actor(actor.name, actor.name_en, actor.kind, chain[0], actor.role)
                        known[span_text(span)] = actor
                if actor is not None and actor.country is None and span.kb_id_ not in self.lex.persons and role:
                    # 外交部政务次长俞大㵢: the country of the title itself; 越南政府总理范明政和国会主席陈清敏:
                    # of the office listed before
                    own = self._title_country(role, span.doc) or (listed_country(index.spans, title, text) if title else None)
                    if own is not None:
                        actor = Actor(actor.name, actor.name_en, actor.kind, own, actor.role)
                        known[span_text(span)] = actor
                if actor is not None and chain and actor.country not in chain and span.label_ == PERSON \
                        and span.kb_id_ in self.lex.persons:
                    # 英国首相国家安全顾问鲍威尔 is not the American 鲍威尔 of our table: a namesake
                    actor = Actor(span_text(span), None, "person", chain[0], role)
                    known[span_text(span)] = actor
                    # (巴林王储兼首相萨勒曼: the first part of a name of that country's, 萨勒曼·本·哈马德)
                    actor = self._first_part_of(actor, chain[0], role, on, known, span_text(span))
                    if role:  # (told by country and office: the same form names the namesake all through)
                        namesakes.add(span_text(span))
                if actor is not None and span.kb_id_ in self.lex.persons and (
                        gloss := _ENGLISH_GLOSS.match(text, span.end_char)) is not None:
                    actor = self._glossed(actor, gloss.group(1), span, role, chain, known)
                if actor is not None:
                    span._.actors = (actor,)
                    actors.append(span)
            elif label == TITLE:
                actor_span = self._addressed(span, actors, on, text) or self._bare_title(span, index, on, text)
                if actor_span is not None:
                    actors.append(actor_span)
            prev = span
        _one_person_per_form(actors, self.lex.persons, namesakes)
        actors = self._surname_titles(doc, gaz, actors, on)
        actors.extend(self._dyads(doc, occupied))
        actors = self._groups(doc, actors, on)
        actors = self._country_lists(doc, actors, on)
        actors = _oppositions(doc, actors)
        doc.spans["actors"] = sorted(actors, key=lambda s: s.start_char)
        doc.spans["places"] = places
        return doc

    def _glossed(self, actor: Actor, english: str, span: Span, role: str | None, chain: list[str],
                 known: dict[str, Actor]) -> Actor:
        """A known name glossed in English (卡斯特罗(Xiomara Castro)): the person the gloss names when
        the table knows it, else, when the gloss is another full name than the table's, a namesake."""
        named = [e for e in self.lex.lookup(english) if e.label == PERSON]
        if any(e.key == span.kb_id_ for e in named) or not actor.name_en or english.casefold() == actor.name_en.casefold():
            return actor
        mine = actor.name_en.casefold().split()
        given, family = english.casefold().split()[0], english.casefold().split()[-1]
        if named:
            other = self.person_actor(self.lex.persons[named[0].key], role, None)
        elif given != mine[0] and not (family == mine[-1] and given[:2] == mine[0][:2]):
            # (里希·苏纳克（Richi Sunak): the table's person, the given name misspelt)
            other = Actor(span_text(span), english, "person", chain[0] if chain else None, role)
        else:
            return actor
        known[span_text(span)] = other
        return other

    def _title_country(self, title_text: str, doc: Doc) -> str | None:
        """The country a title belongs to (外交部政务次长 -> TWN); of a title several countries use
        (行政长官: HKG or MAC), the one the document names first among them or is written from;
        else None."""
        iso = _own_country(self.lex.titles.get(title_text), doc)
        country = self.lex.countries.get(iso) if iso else None
        return country.iso3 if country is not None and country.kind == "country" else None

    def _pick_country(self, span: Span, doc: Doc) -> str | None:
        isos = [e.key for e in span._.entries if e.label in (COUNTRY, ORG)] or (
            [span.kb_id_] if span.kb_id_ in self.lex.countries else [])
        if len(isos) <= 1:
            return isos[0] if isos else None
        mentioned = doc.user_data.setdefault("countries_seen", set())
        for iso in isos:
            if iso in mentioned:
                return iso
        return isos[0]

    def _commentator(self, text: str, span: Span) -> bool:
        """A person introduced as a scholar, analyst or journalist, or speaking to a media outlet."""
        near = text[max(0, span.start_char - 6):span.start_char]
        if self.role_before.search(near):
            return True  # (记者会 is a press conference; 综合外媒报导，马克宏…: the media is a source)
        after = text[span.end_char:span.end_char + 40]
        return bool(re.match(r"^\s*[（(][^）)]*(?:University|Institute|大学|学院)", after))

    def _person(self, span: Span, role: str | None, on: date | None, known: dict[str, Actor],
                prev: Span | None, namesakes: set[str]) -> Actor | None:
        if re.fullmatch(r"[A-Z][a-z]+", span_text(span)):  # Lee after 李在明 (Lee Jae-myung): the person named
            named = next((a for a in known.values() if a.kind == "person" and a.name_en and len(a.name_en.split()) > 1
                          and span_text(span) in (a.name_en.split()[0], a.name_en.split()[-1])), None)
            if named is not None:
                return named
            if role is None and _chinese(span.doc):
                return None  # in Chinese copy, an English word alone (English website) is no one it named
        if span.kb_id_ and span.kb_id_ in self.lex.persons and span.label_ == PERSON and span._.entries:
            if span_text(span) in namesakes:
                return known[span_text(span)]  # 马来西亚国防部长哈立德 … 哈立德说: the namesake the text introduced
            if role is None and "·" not in span_text(span) and span_text(span) not in known and (
                    fuller := next((a for full, a in known.items() if full.endswith("·" + span_text(span))
                                    and a.kind == "person" and a.name != span_text(span)), None)) is not None:
                return fuller  # 王储穆罕默德·本·萨勒曼 … 萨勒曼也计划: the last part of the name told, not the king
            candidates = [self.lex.persons[e.key] for e in span._.entries if e.label == PERSON]
            if role is None and on is not None and "·" not in span_text(span) and not span_text(span).isascii() \
                    and span_text(span) not in known and all(_before_their_time(p, on) for p in candidates):
                return None  # 马林鱼队 in 2016: a short form of no one yet in the news (桑娜·马林 took office in 2019)
            country = prev.kb_id_ if prev is not None and prev.label_ == COUNTRY and prev.end_char >= span.start_char - 8 else None
            title = self.lex.titles.get(role or "")
            if title is not None and on is not None and len(candidates) > 1:  # 阿根廷总统费尔南德斯 in 2021
                office = [p for p in candidates if any(o.key == title.office and o.held_on(on) for o in p.offices)]
                candidates = office or candidates
            of_country = [p for p in candidates if country and p.country == country]
            # (Chinese Premier Li in 2024: of the namesakes of that country, the one in office on the date)
            best = next((p for p in of_country if on is not None and p.office_on(on) and p.office_on(on).held_on(on)),
                        of_country[0] if of_country else None)
            if best is None and len(candidates) > 1:  # the namesake the article has already named
                seen = {a.name for a in known.values()}
                best = next((p for p in candidates if p.name in seen), None)
            if best is None and on is not None:
                best = next((p for p in candidates if p.office_on(on) and p.office_on(on).held_on(on)), None)
            actor = self.person_actor(best or candidates[0], role, on)
            known[span_text(span)] = actor
            return actor
        surface = span_text(span)
        if surface.isascii():  # an English name the table does not know
            actor = Actor(surface, surface, "person", None, role)
            known[surface] = actor
            return actor
        for full, actor in known.items():  # a short form of a name introduced earlier
            if full != surface and (full.startswith(surface) or full.endswith(surface)) and len(surface) >= 2:
                return actor
        name = surface.rsplit("·", 1)[-1] if "·" in surface else surface
        known_last = [e for e in self.lex.lookup(name) if e.label == PERSON] if name != surface else []
        for part in reversed(surface.split("·")[1:-1] if not known_last else []):
            # (迪娜·埃尔西利娅·博鲁阿尔特·塞加拉: a Spanish name's first surname, before the mother's)
            known_last = [e for e in self.lex.lookup(part) if e.label == PERSON]
            if known_last:
                break
        if len(known_last) == 1:  # 彼得·西雅尔托: a full form of a name the table knows by its last part
            actor = self.person_actor(self.lex.persons[known_last[0].key], role, on)
            known[surface] = actor
            return actor
        country = _country_from_role(prev)
        actor = known.get(surface) or Actor(name, span._.name_en, "person", country, role)
        known[surface] = actor
        return actor

    def _addressed(self, span: Span, actors: list[Span], on: date | None, text: str) -> Span | None:
        """A title followed by 先生 (首相先生, 总统先生: how a readout addresses the partner) names the last
        person named before it who holds that office on the date, not of the country of the person the
        sentence names before it (the speaker); else None."""
        title = self.lex.titles.get(span_text(span))
        if on is None or title is None or not text.startswith("先生", span.end_char):
            return None
        # (习近平主席同总理先生举行会晤: the one addressed is not of the speaker's country, named just before)
        start = max(text.rfind(c, 0, span.start_char) for c in "。！？\n") + 1
        speaker = next((a._.actors[0] for a in reversed(actors) if start <= a.start_char < span.start_char
                        and a._.actors and a._.actors[0].kind == "person"), None)
        for named in reversed(actors):
            person = self.lex.persons.get(named._.actors[0].name) if named._.actors else None
            if speaker is not None and person is not None and person.country == speaker.country:
                continue
            if person is not None and any(o.key == title.office and o.held_on(on) for o in person.offices):
                span._.actors = (named._.actors[0],)
                return span
        return None

    def _bare_title(self, span: Span, index: _SpanIndex, on: date | None, text: str) -> Span | None:
        """A title with no name after it: the office holder on the date, else the country."""
        title = self.lex.titles.get(span_text(span)) or self.lex.titles.get(span.kb_id_)  # Prime Minister -> 总理
        if text[span.end_char:span.end_char + 1] in OFFICE_SEATS:
            return None  # 总统府, 外交部: an institution, not a person
        nxt = index.next_after(span.end_char)
        if title is None or title.rank == "honorific" or (
                nxt is not None and nxt.start_char == span.end_char and nxt.label_ == PERSON):
            return None
        if nxt is not None and nxt.start_char == span.end_char and nxt.label_ == TITLE:
            return None
        if self._title_chain_to_name(span, index, text):
            return None  # 中共中央政治局常委、国务院副总理丁薛祥: the titles describe the name
        if _after_name_and_title(span, index, text):
            return None  # 苏林总书记、国家主席: the offices of the name before, listed after it
        if text[span.start_char - 2:span.start_char] == "前任" or (text[span.start_char - 1:span.start_char] == "前" and any(
                o.label_ == COUNTRY for o in index.ending_in(span.start_char - 1, span.start_char - 1))):
            return None  # 尼泊尔前总理: a former holder, not the one in office on the date
        country = None
        for other in index.ending_in(span.start_char - 6, span.start_char):
            if other.label_ == COUNTRY and _ORG_BETWEEN.match(text[other.end_char:span.start_char]):
                country = other.kb_id_
        if country is None and not (text[span.start_char - 1:span.start_char] == "以"
                                    and _CAPACITY.match(text, span.end_char)):
            # 俄总统抵达杜尚别后, 韩外长表示: the one letter of a country before it (not 以总理身份: "as premier")
            country = self._letter_before(text, span.start_char)
        if country is None:  # 秘鲁总统、总理和外长: the country of the office listed before
            country = listed_country(index.spans, span, text)
        if country is None:
            country = _own_country(title, span.doc)
        if country is None:  # 日本外相表示，首相访华计划已推迟: the country the sentence is about, when it has that office
            country = self._country_in_sentence(index, span, text, title.office, on)
        if country is None:  # 總統今天出訪 in a Taiwan paper: the outlet's own country's
            country = self._home_country(index, span, text, title.office, on)
        if country is None:
            if (named := _named_holder(index, span, text, title.office, self.lex.titles)) is not None:
                span._.actors = (named,)  # 将于明日与总统会面: the president the article has named
                return span
            return None
        holder = self.lex.holder(country, title.office, on) if title.office not in SHARED_OFFICES else None
        span._.office = (country, title.office)
        if holder is not None:
            self._titled(span.doc)[self.person_actor(holder, title.office, on)] = (country, title.office)
        span._.actors = (self.person_actor(holder, title.office, on),) if holder else (
            self.country_actor(country, title.office),)
        return span

    def _letter_before(self, text: str, at: int) -> str | None:
        """The country whose one-letter form stands right before offset `at` and starts its word
        (俄总统, 韩外长, 美防长; not 访俄总统 or 中俄总统), when that letter names one country; but a
        country named in full just before whose name starts with the letter, when the letter's own is
        not named (伊拉克总统、伊总理: Iraq's, not Iran's)."""
        if at < 1 or (at >= 2 and "\u4e00" <= text[at - 2] <= "\u9fff" and text[at - 2] not in _BEFORE_LETTER):
            return None
        letter = text[at - 1]
        isos = self.lex.country_by_short.get(letter, [])
        if len(isos) != 1:
            return None
        before = text[max(0, at - _LETTER_REACH):at - 1]
        if self.lex.countries[isos[0]].name in before:
            return isos[0]
        named = max(((before.rfind(c.name), iso) for iso, c in self.lex.countries.items()
                     if c.name.startswith(letter) and len(c.name) > 1), default=(-1, None))
        return named[1] if named[0] >= 0 else isos[0]

    def _letter_country(self, letter: str, text: str) -> str | None:
        """The country a one-letter form names in a dyad (中日, 印巴): of several (巴 is Brazil, Pakistan
        or Palestine), the one the document names in full most often, else the table's first."""
        options = self.lex.country_by_short.get(letter, [])
        if len(options) < 2:
            return options[0] if options else None
        counts = [text.count(self.lex.countries[iso].name) for iso in options]
        return options[counts.index(max(counts))]

    def _country_in_sentence(self, index: _SpanIndex, span: Span, text: str, office: str,
                             on: date | None) -> str | None:
        """The country last named before `span` in its sentence, when the tables know who holds
        `office` there on the date (not the host's country for a guest's bare title)."""
        if office in SHARED_OFFICES or not _opens_clause(span, text):
            return None  # only a title that opens its clause (not 会见了来访的首相: a guest)
        for other in index.ending_by(span.start_char):
            if _SENTENCE_END.search(text, other.end_char, span.start_char):
                return None
            if other.label_ == COUNTRY and other.kb_id_ and not _visited(index, other, text):
                return other.kb_id_ if self.lex.holder(other.kb_id_, office, on) is not None else None
        return None

    def _home_country(self, index: _SpanIndex, span: Span, text: str, office: str, on: date | None) -> str | None:
        """The country the article is written from (`timeline.home`), for a bare title that opens
        its clause, when it has a holder of `office` and no one of another country holding that
        office was named before."""
        home = span.doc.user_data.get("home")
        if home is None or office in SHARED_OFFICES or self.lex.holder(home, office, on) is None \
                or not _opens_clause(span, text, _DATELINE_END):
            return None
        for other in index.ending_by(span.start_char):
            if other.label_ == PERSON and any(a.role == office and a.country not in (None, home)
                                              for a in (other._.actors or ())):
                return None  # (泽连斯基…。总统表示: that president)
        return home

    @staticmethod
    def _title_chain_to_name(span: Span, index: _SpanIndex, text: str) -> bool:
        """True when titles, organisations and 、/兼/和 lead from `span` to a person's name."""
        more = CONCURRENT_OFFICE.match(text, span.end_char)  # 副首相兼外交与侨务大臣萨法迪: a second office
        pos = more.end() if more else span.end_char
        for other in index.from_(pos):
            gap = text[pos:other.start_char]
            if not _CHAIN_GAP.match(gap) or _CHAIN_BREAK.search(gap):
                return False  # (与奥地利总理会谈时莫迪表示: the talks stand between, not a department)
            if other.label_ == PERSON:
                return True
            if other.label_ not in (TITLE, ORG, COUNTRY):
                return False
            pos = other.end_char
        return False

    def _first_part_of(self, actor: Actor, iso: str, role: str | None, on: date | None,
                       known: dict[str, Actor], surface: str) -> Actor:
        """An unknown name after a country (and title) that is the first part of the one person of
        that country in the tables whose name starts so, or of the one of them in office on `on`
        (沙特王储穆罕默德 = 穆罕默德·本·萨勒曼 in 2017): that person; the name as it is otherwise."""
        if actor.name != surface or "·" in surface:
            return actor
        starting = [p for p in self.dotted.get(iso, ()) if p.name.startswith(surface + "·")]
        if len(starting) > 1 and on is not None:  # (the one of them in office that day, in the title's
            starting = [p for p in starting if any(o.held_on(on) for o in p.offices)]  # office if several)
            title = self.lex.titles.get(role) if role else None
            if len(starting) > 1 and title is not None:
                starting = [p for p in starting if any(o.key == title.office and o.held_on(on)
                                                       for o in p.offices)]
        if len(starting) != 1:
            return actor
        resolved = self.person_actor(starting[0], role, on)
        known[surface] = resolved
        return resolved

    def _variant_of_holder(self, actor: Actor, iso: str, title_text: str, on: date | None,
                           known: dict[str, Actor], surface: str) -> Actor:
        """An unknown name after a country and title that is another transliteration of the
        office holder's name (捷克参议院议长维特齐 = 韦德齐): the holder, when the two share a
        character and their lengths differ by at most one."""
        title = self.lex.titles.get(title_text)
        if title is None or title.office in SHARED_OFFICES:
            return actor
        holder = self.lex.holder(iso, title.office, on)
        if holder is None or abs(len(holder.name) - len(surface)) > 1 or not set(holder.name) & set(surface):
            return actor
        resolved = self.person_actor(holder, title.office, on)
        known[surface] = resolved
        return resolved

    @staticmethod
    def _titled(doc: Doc) -> dict[Actor, tuple[str, str]]:
        """Actors that a bare title named, with (country, office), for re-resolution at event dates."""
        return doc.user_data.setdefault("titled", {})

    def _dyads(self, doc: Doc, occupied: list[tuple[int, int]]) -> list[Span]:
        """中日, 美日韩, 中法德领导人: one country per character."""
        if self.dyad is None:
            return []
        out = []
        text = doc_text(doc)
        for m in self.dyad.finditer(text):
            a, b = m.span()
            a = letters_start(text, a, b)  # (参加韩美日三国首脑会议: the 加 of 参加 is no Canada)
            if continues_a_name(text, a):
                continue  # 阿拉斯加峰会: the end of a place's name
            # 美朝新加坡首脑会谈: the letters end where a name begins (新 of 新加坡 is not a side)
            b = min([b] + [s for s, e in occupied if a < s < b])
            if text[b - 1:b] == "新" and (office := _DYAD_OFFICE.match(text, b)) is not None and not office.group(0).startswith(
                    ("两", "三", "四", "五", "双")) and not _MEETING_AFTER.match(text, office.end()):
                b -= 1  # 韩新外长首访美: the new foreign minister of Korea, not Korea's and Singapore's
            if b - a < 2 or any(a < e and b > s for s, e in occupied):
                continue
            if not text.startswith(_DYAD_AFTER, b) and not any(
                    s == b and _MEETING_NOUN.match(text, e) for s, e in occupied):
                continue  # between the sides and the meeting noun only a place's name may stand
            isos = [iso for iso in (self._letter_country(ch, text) for ch in text[a:b]) if iso is not None]
            if len(set(isos)) < 2:
                continue
            span = doc.char_span(a, b, label="DYAD")
            if span is not None:
                on = as_date(doc.user_data.get("dct"))
                office = _DYAD_OFFICE.match(text, b) or _PLACE_SUMMIT.match(text, b)  # 中美元首, 美朝新加坡首脑会谈
                word = office.group(1) if office else ""
                span._.actors = tuple(self._dyad_member(doc, iso, word, on) for iso in dict.fromkeys(isos))
                out.append(span)
        return out

    def _groups(self, doc: Doc, actors: list[Span], on: date | None) -> list[Span]:
        """Groups named as one side (七国集团外长, 北欧五国, MIKTA国家领导人): a span whose actors are
        each member's office holder (else the member), replacing the names inside it."""
        groups = get_groups()
        found = doc.user_data["group_mentions"] = groups.find(doc_text(doc), simplified=True)  # (the events read them too)
        for m in found:
            if m.key is None or (not m.office and groups.groups[m.key].org):
                continue  # 三国外长 is the events' to resolve; 东盟 alone is the organisation
            if len(groups.members(m.key, on)) > MAX_SPELLED or any(
                    a.start_char < m.start < a.end_char or a.start_char < m.end < a.end_char for a in actors):
                continue
            span = doc.char_span(m.start, m.end, label="GROUP", alignment_mode="expand")
            if span is None:
                continue
            members = groups.as_actors(m.key, m.office, on)
            span._.actors = tuple(a for a, _, _ in members)
            for actor, iso, office in members:
                if office:
                    self._titled(doc)[actor] = (iso, office)
            actors = [a for a in actors if not (m.start <= a.start_char < m.end)] + [span]
        return actors

    def _surname_titles(self, doc: Doc, gaz: list[Span], actors: list[Span], on: date | None) -> list[Span]:
        """A surname and a title (李总理, 习主席, 尹总统) name the person of that surname the
        document names elsewhere, the one holding that office (of two, see `_latest_holder`); later
        uses of the same form name the same person."""
        text = doc_text(doc)
        told = [(s.start_char, a) for s in actors if s.label_ == PERSON for a in (s._.actors or ())
                if a.kind == "person" and a.country in _SURNAME_FIRST]
        persons = [a for _, a in told]
        said: dict[str, Actor] = {}  # 李总理 -> the person its first use named
        taken = bytearray(len(text) + 1)
        for s in actors:
            taken[s.start_char:s.end_char] = b"\x01" * (s.end_char - s.start_char)
        for t in gaz:
            at = t.start_char - 1
            title = self.lex.titles.get(span_text(t))
            if title is None or at < 0 or taken[at] or not "\u4e00" <= text[at] <= "\u9fff" \
                    or (at > 0 and "\u4e00" <= text[at - 1] <= "\u9fff" and text[at - 1] not in _BEFORE_SURNAME
                        and text[max(0, at - 2):at] not in common_words()):  # (所以马总统决定出访: after a word)
                continue
            named = list(dict.fromkeys(p for p in persons if p.name.startswith(text[at])))
            holding = [p for p in named if p.role in (title.office, span_text(t))]
            short = text[at:t.end_char]
            who = said.get(short) or _latest_holder(_sentence_at(doc, text, at), at, told, holding) if holding else named[0] if len(named) == 1 else self._holder_by_surname(
                text[at], title.office, on) if not named else None
            span = doc.char_span(at, t.end_char, label=PERSON) if who is not None else None
            if span is None:
                continue
            span._.actors = (who,)
            said.setdefault(short, who)  # a writer keeps one short form for one person
            actors = [s for s in actors if not (s.start_char < t.end_char and at < s.end_char)] + [span]
        return sorted(actors, key=lambda s: s.start_char)

    def _holder_by_surname(self, surname: str, office: str, on: date | None) -> Actor | None:
        """The one holder of `office` on `on`, in a country of surname-first names, whose name
        begins with `surname` (习主席 in a text that never writes 习近平)."""
        found = {p.name: p for iso in _SURNAME_FIRST
                 if (p := self.lex.holder(iso, office, on)) is not None and p.name.startswith(surname)}
        return self.person_actor(next(iter(found.values())), office, on) if len(found) == 1 else None

    def _country_lists(self, doc: Doc, actors: list[Span], on: date | None) -> list[Span]:
        """Countries listed, then an office (刚果(金)、马里…等9国总统, 立陶宛、拉脱维亚和爱沙尼亚这三个
        波罗的海国家的元首): one span whose actors are each country's holder of that office."""
        text = doc_text(doc)
        countries = [a for a in actors if a.label_ == COUNTRY and (held := a._.actors) and held[0].kind == "country"]
        groups = get_groups()
        runs: list[list[Span]] = []
        for span in countries:
            if runs and _LIST_JOIN.fullmatch(text, runs[-1][-1].end_char, span.start_char):
                runs[-1].append(span)
            else:
                runs.append([span])
        pattern, offices = _list_office()
        listed: list[tuple[int, int, list[Span]]] = []  # (where, how many, which) countries listed with an office
        for run in runs:
            m = pattern.match(text, run[-1].end_char) if len(run) > 1 else _SOLE_LEADER.match(text, run[0].end_char)
            if m is None and (last := _holder_after_list(text, run[-1], actors, offices)) is not None:
                # 会见美国与法国总统: the last country went into its title (法国总统: its holder); the office is shared
                span = doc.char_span(run[0].start_char, last.end_char, label="GROUP", alignment_mode="expand")
                if span is not None:
                    office = offices[span_text(last)]
                    span._.actors = self._holders(doc, run, office, on) + tuple(last._.actors)
                    actors = [a for a in actors if not (span.start_char <= a.start_char < span.end_char)] + [span]
                continue
            if m is None or (len(run) == 1 and any(a.start_char == m.end() for a in actors)):
                continue  # (中国领导人上一次出访: its leader; not 朝鲜领导人金正恩, who is named)
            span = doc.char_span(run[0].start_char, m.end(), label="GROUP", alignment_mode="expand")
            if span is None:
                continue
            span._.actors = self._holders(doc, run, offices[m.group("office")], on)
            actors = [a for a in actors if not (span.start_char <= a.start_char < span.end_char)] + [span]
            listed.append((span.end_char, len(run), run))
        # 访问肯尼亚、坦桑尼亚，并分别同两国外长会谈: N国 + office points back to the N countries just listed
        # (or to the N countries an earlier 阿根廷、玻利维亚及秘鲁三国外长 listed with that count)
        for m in _counted_office().finditer(text):
            n = to_int(m.group("n"))
            before = [r for r in runs if len(r) == n and n > 1 and r[-1].end_char <= m.start()
                      and m.start() - r[-1].end_char <= _COUNTED_REACH and not _SENTENCE_END.search(text, r[-1].end_char, m.start())]
            before = before or [r for end, k, r in listed if k == n and n > 1 and end <= m.start()]
            if not before or any(a.start_char <= m.start() < a.end_char for a in actors if a.label_ == "GROUP"):
                continue
            span = doc.char_span(m.start(), m.end(), label="GROUP", alignment_mode="expand")
            if span is None:
                continue
            span._.actors = self._holders(doc, before[-1], offices[m.group("office")], on)
            actors = [a for a in actors if not (span.start_char <= a.start_char < span.end_char)] + [span]
        return actors

    def _holders(self, doc: Doc, run: list[Span], office: str, on: date | None) -> tuple[Actor, ...]:
        """Each listed country's holder of `office` on the date (`leader`: its head of state or
        government, as the groups table says), or the country where the tables know no holder."""
        members = []
        for c in run:
            iso = c._.actors[0].country
            held = get_groups().leader_office.get(iso, "head_of_state") if office == "leader" else office
            person = self.lex.holder(iso, held, on)
            if person is None:
                members.append(c._.actors[0])
                continue
            actor = self.person_actor(person, held, on)
            self._titled(doc)[actor] = (iso, held)
            members.append(actor)
        return tuple(members)

    def _dyad_member(self, doc: Doc, iso: str, word: str, on: date | None) -> Actor:
        """One side of a dyad: the country, or its office holder when an office follows
        (中美元首 -> the two heads of state; 中日外长 -> the two foreign ministers)."""
        office = _DYAD_OFFICES.get(word)
        if office == "leader":
            office = self.leader_office.get(iso, "head_of_state")
        holder = self.lex.holder(iso, office, on) if office else None
        if holder is None:
            return self.country_actor(iso)
        actor = self.person_actor(holder, office, on)
        self._titled(doc)[actor] = (iso, office)
        return actor


# offices many people hold at once: a bare title of these never names one person
SHARED_OFFICES = frozenset({"senior_official", "minister", "deputy_foreign_minister", "ambassador", "spokesperson",
                            "envoy", "deputy_head_of_government", "office", "military_chief", "party_leader",
                            "legislator"})
_CHAIN_BREAK = re.compile(r"会谈|会晤|会见|会面|通话|时|期间|表示|访问|举行|^[与同跟]$")  # (乌克兰总统与普京: two people)
_BREAK_BETWEEN = re.compile(r"[。！？；，、,.!?;\n]")
_CHAIN_VERB = re.compile(r"出席|参加|访|前往|抵达|会见|会晤|赴|与|同|跟")  # (乌克兰总统与普京: another person)
_CHAIN_GAP = re.compile(r"^[、兼和及\s]{0,2}[\u4e00-\u9fff]{0,4}$")


# a place's clock, then a time (北京时间下午4时30分, 东京时间3日; not 抵达平壤时间延误, the time of arriving there)
_CLOCK = re.compile(r"时间\s*[（(]?(?:[0-9０-９一二三四五六七八九十]|上午|下午|凌晨|清晨|早上|中午|晚|傍晚|深夜|午夜|今|昨|明|前天|后天|周|星期|本月|当天)")
_NOT_ACTOR_AFTER = re.compile(r"(?:[两三四五六七八九十0-9]{1,2}国|各国)?(?:智库|媒体|(?:联合)?通讯社|联合社|新闻社|广播公司|广播电台|放送协会|新闻网|之声|日报|时报|邮报|共同社|研究所|研究院|学者|专家|分析人士|大学|"
                              r"学会|网站|报纸|电视台|民众|网民|企业|商界|工商界|青年|学生|运动员|球队|艺术家|国家队|国家足球队|"
                              r"足球队|篮球队|代表队|选手|侨民|侨胞|华侨|侨界|难民|移民|劳工|时间)"  # (台湾时间2日: a clock)
                              r"|(?:(?:[和、及][\u4e00-\u9fff]{2,5}?)?的[\u4e00-\u9fff]{0,5}?(?:侨民|侨胞|华侨|难民|移民|劳工))")
# (印尼和新加坡的菲律宾侨民: people living there)
# the office a dyad names when followed by these words (中美元首, 中日外长)
_DYAD_OFFICE = re.compile(r"(?:两国|三国|四国|五国|双方|三方|四方)?(元首|首脑|领导|领袖|总理|首相|外长|防长|国防部长|外交部长)")
_MEETING_AFTER = re.compile(r"(?:非正式)?(?:会议|会晤|峰会|会谈)")
_MEETING_NOUN = re.compile(r"首脑会谈|首脑会晤|峰会|会晤|会谈")
_PLACE_SUMMIT = re.compile(r"[\u4e00-\u9fff]{2,4}?(首脑|元首)(?:会谈|会晤)")
_DYAD_OFFICES = {"元首": "head_of_state", "首脑": "leader", "领导": "leader", "领袖": "leader", "总理": "head_of_government",
                 "首相": "head_of_government", "外长": "foreign_minister", "防长": "defence_minister",
                 "国防部长": "defence_minister", "外交部长": "foreign_minister"}
def _sentence_at(doc: Doc, text: str, at: int) -> tuple[int, int]:
    """The bounds of the segmenter's sentence holding offset `at`."""
    sentences = doc.user_data.get("sentences") or [(0, len(text), None)]
    i = bisect_right([s for s, _, _ in sentences], at) - 1
    return (sentences[i][0], sentences[i][1]) if i >= 0 else (0, len(text))


def _latest_holder(sentence: tuple[int, int], at: int, told: list[tuple[int, Actor]], holding: list[Actor]) -> Actor:
    """Of several holders of a title who share a surname (two premiers 李), the one named last
    before `at` outside its `sentence` (李显龙抵达广州。李总理上一次访华…), since a writer who just named
    one in full means the other (李强将为李总理举行欢迎仪式); else the first named."""
    start, end = sentence
    here = {a.name for pos, a in told if start <= pos < end}
    pool = [a for pos, a in told if pos < at and a in holding and a.name not in here] \
        or [a for a in holding if a.name not in here] or holding
    return pool[-1] if any(pos < at and a in pool for pos, a in told) else pool[0]


# countries whose people's names begin with the surname (李显龙 -> 李总理)
_SURNAME_FIRST = frozenset({"CHN", "TWN", "HKG", "MAC", "SGP", "KOR", "PRK", "VNM"})
# what may stand right before such a surname: a verb or a preposition, not the end of another word
_LETTER_REACH = 40  # how far back a country named in full may give a one-letter form its meaning (伊拉克总统、伊总理)
_BEFORE_SURNAME = frozenset("与同和跟及对向为由让请被把将在是据称说见访待盼望迎谢接送陪随等的了")  # (到访的李总理, 会见了李总理)
_LIST_JOIN = re.compile(r"\s*(?:、|和|与|及|以及)\s*")


@lru_cache(maxsize=1)
def _counted_office() -> re.Pattern[str]:
    """两国外长, 三国元首: a number of countries and an office word of group_words.tsv (not the name of
    their meeting, 三国领导人会议, which the meeting nouns read)."""
    words = [r["word"] for r in read_tsv(DATA / "group_words.tsv") if r.get("kind") == "office"]
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?P<n>[两三四五六七八九2-9])个?国的?(?P<office>{alt})(?!会议|峰会|首脑会)")  # not 三国领导人会议


# how far back the countries an N国 office points to may be listed, within the sentence
_COUNTED_REACH = 60
_SENTENCE_END = re.compile(r"[。！？!?]")
_CLAUSE_MARKS = frozenset("，。；：,;:“「\n ")
_DATELINE_END = frozenset("）)")  # (中央社记者台北18日电）总统…: a title right after the dateline opens its clause


def _opens_clause(span: Span, text: str, more: frozenset[str] = frozenset()) -> bool:
    """`span` stands at the start of the text or of a clause (or right after one of `more`)."""
    return not span.start_char or text[span.start_char - 1] in _CLAUSE_MARKS or text[span.start_char - 1] in more


_SOLE_LEADER = re.compile(r"(?P<office>领导人)(?![们等])")  # one country's leader: 中国领导人 (head of state or government)


def _holder_after_list(text: str, last: Span, actors: list[Span], offices: dict[str, str]) -> Span | None:
    """The bare title right after a join and one more country name (美国与法国总统: 总统 after 与法国), which
    names that country's holder, when the title is an office word of a group; else None."""
    join = _LIST_JOIN.match(text, last.end_char)
    if join is None:
        return None
    title = next((a for a in actors if a.label_ == TITLE and join.end() < a.start_char <= join.end() + 8
                  and span_text(a) in offices and a._.actors and a._.actors[0].kind == "person"), None)
    if title is None or not re.fullmatch(r"[\u4e00-\u9fff]{2,6}", text[join.end():title.start_char]):
        return None
    return title


@lru_cache(maxsize=1)
def _list_office() -> tuple[re.Pattern[str], dict[str, str]]:
    """After listed countries: 等9国, 这三个…国家, 在内的各成员国, 等邦交国, 的, then an office word of group_words.tsv (and its key)."""
    words = {r["word"]: r["office"] for r in read_tsv(DATA / "group_words.tsv") if r.get("kind") == "office"}
    alt = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?:等|这|在内的各?)?(?:[0-9一二两三四五六七八九十]{{1,3}}个?)?(?:[\u4e00-\u9fff]{{0,6}}?国家|(?:成员|邦交|友好)?国|友邦)?的?"
                      rf"(?P<office>{alt})"), words


_LATIN_GOES_ON = re.compile(r"[ -][A-Z][a-z]")  # Lee Mark Chang: the table's Lee is part of a longer name
_LIST_ITEM = re.compile(r"\s*(?:[（(][^）)]{1,40}[）)])?\s*[、和及]\s*")  # between two names of one list
_ENGLISH_GLOSS = re.compile(r"\s*[（(]\s*([A-Z][A-Za-zÀ-ÿ'’.-]+(?:\s+[A-Z][A-Za-zÀ-ÿ'’.-]+)+)\s*[)）]")  # a full English name
# 巴洛(Dean Barrow): a bracket opening right after a name, and the given names before the one the
# tables know (苏纳克（Richi Sunak): a misspelt given name)
_GLOSS_OPEN = re.compile(r"\s*[（(]\s*(?:[A-Z][A-Za-zÀ-ÿ'’.-]+\s+){0,3}")
_IN_A_NAME = re.compile(r"(?:国王|王子|总统)?(?:国际)?(?:机场|大学|医院|广场|大街|大道|纪念馆|纪念堂|清真寺|基金会|研究所|港|号)")
_KIN = re.compile(r"^的?(?:父亲|母亲|儿子|女儿|女婿|儿媳|妻子|夫人|丈夫|兄弟|弟弟|哥哥|姐姐|妹妹|家人|助手|幕僚)")


_OPPOSITION = re.compile(r"反对派")
_GOVERNMENT_AND = re.compile(r"政府(?:代表团?)?\s*(?:和|与|及|同|跟)\s*$")  # 委内瑞拉政府和反对派


def _oppositions(doc: Doc, actors: list[Span]) -> list[Span]:
    """A country's opposition as a side of talks (委内瑞拉反对派; 委内瑞拉政府和反对派): one actor named
    for the country, written right before it or as the government it faces."""
    text = doc_text(doc)
    countries = [a for a in actors if a.label_ == COUNTRY and a._.actors and a._.actors[0].kind == "country"]
    out = list(actors)
    for m in _OPPOSITION.finditer(text):
        before = next((a for a in reversed(countries) if a.end_char == m.start()), None)
        facing = next((a for a in reversed(countries) if a.end_char < m.start() and m.start() - a.end_char <= 8
                       and _GOVERNMENT_AND.search(text, a.end_char, m.start())), None)
        country = before or facing
        if country is None:
            continue
        span = doc.char_span(before.start_char if before else m.start(), m.end(), label="GROUP", alignment_mode="expand")
        if span is None:
            continue
        c = country._.actors[0]
        span._.actors = (Actor(f"{c.name}反对派", f"{c.name_en} opposition" if c.name_en else None, "org", None, None),)
        out = [a for a in out if not (span.start_char <= a.start_char < span.end_char)] + [span]
    return out


def _after_name_and_title(span: Span, index: "_SpanIndex", text: str) -> bool:
    """True when a title follows a name and a title of it, joined by 、 or 和 (苏林总书记、国家主席)."""
    if text[span.start_char - 1:span.start_char] not in ("、", "和", "兼"):
        return False
    titles = [t for t in index.ending_in(span.start_char - 1, span.start_char - 1) if t.label_ == TITLE]
    return any(p.label_ == PERSON for t in titles for p in index.ending_in(t.start_char, t.start_char))


def _one_person_per_form(actors: list[Span], table: dict, namesakes: set[str]) -> None:
    """A form the document resolves to a known person somewhere (俄羅斯總統普廷 -> 普京) names that
    person everywhere in it, also where it came earlier without the words that told who it is
    (the headline 普廷飛抵平壤); not a form that names a namesake of the table's person here."""
    named: dict[str, Actor] = {}
    for span in actors:
        a = (span._.actors or (None,))[0]
        if span.label_ == PERSON and a is not None and a.kind == "person" and a.name != span_text(span):
            named.setdefault(span_text(span), a)
    for span in actors:
        a = (span._.actors or (None,))[0]
        if span.label_ == PERSON and a is not None and a.name == span_text(span) and a.name not in table \
                and span_text(span) not in namesakes and span_text(span) in named:
            span._.actors = (named[span_text(span)],)


def _chinese(doc: Doc) -> bool:
    """True for a document written mostly in Chinese characters (counted once per document)."""
    if "chinese" not in doc.user_data:
        text = doc_text(doc)
        doc.user_data["chinese"] = len(_CJK.findall(text)) > len(_LATIN.findall(text))
    return doc.user_data["chinese"]


def _said_by_commentator(commentators: set[str], surface: str) -> bool:
    """True when `surface` is, or is a part of, a name introduced as a commentator."""
    return any(surface == c or (len(surface) >= 2 and (c.endswith(surface) or c.startswith(surface)))
               for c in commentators)


_CAPACITY = re.compile(r"(?:的)?(?:身份|身分|名义|名義)")  # 以总理身份: in the capacity of, no Israel
_BEFORE_LETTER = frozenset("的和与同及跟对向在将称由为据是")  # words a country's one letter may follow (据俄总统)


def _named_holder(index: _SpanIndex, span: Span, text: str, office: str, titles: dict) -> Actor | None:
    """The person last named before `span` with the title's office, when the bare title is a partner
    (与总统会面 after 刚果（金）总统齐塞克迪…抵达: that president) and that office is one person's."""
    if office in SHARED_OFFICES or text[span.start_char - 1:span.start_char] not in _PARTNER_BEFORE:
        return None
    for other in index.ending_by(span.start_char):
        if other.label_ == PERSON:
            held = next((a for a in other._.actors or () if a.kind == "person" and a.role
                         and getattr(titles.get(a.role), "office", None) == office), None)
            if held is not None:
                return held
    return None


_PARTNER_BEFORE = ("与", "同", "跟", "和", "见", "晤")  # (与总统, 会见总统, 会晤总统)


def _possessor(index: _SpanIndex, person: Span, text: str) -> bool:
    """True for 特朗普 in 特朗普外交特使维特科夫 or 约翰逊的父亲: a person who only says whose
    envoy, aide or relative is meant."""
    if _KIN.match(text[person.end_char:person.end_char + 4]):
        return True
    title = next((s for s in index.starting_in(person.end_char, person.end_char + 3) if s.label_ == TITLE), None)
    gap = text[person.end_char:title.start_char] if title is not None else ""
    if title is None or not re.fullmatch(r"[\u4e00-\u9fff]{0,2}", gap) or re.search(_NOT_POSSESSING, gap):
        return False  # (范明政和国会主席王廷惠: two people, not 范明政's speaker; 齐塞克迪应国家主席习近平邀请: a guest)
    if any(s.label_ == PERSON for s in index.starting_in(title.end_char, title.end_char + 1)):
        return True
    # 国家主席习近平特使、国家副主席韩正: the envoy named after another office of theirs
    envoy = next((s for s in index.starting_in(title.end_char, title.end_char + 14) if s.label_ == PERSON), None) \
        if span_text(title).endswith(_ENVOYS) else None
    return envoy is not None and _ENVOY_GAP.fullmatch(text, title.end_char, envoy.start_char) is not None


_ENVOYS = ("特使", "特别代表", "私人代表")
# a word between a name and a title that joins two people or starts a predicate: no possession
_NOT_POSSESSING = re.compile(r"[和与及同跟应是在于将对向为被请邀会致]")
_ENVOY_GAP = re.compile(r"[、，,][^，,。；、和与及同跟]{0,12}")


_VISITED = re.compile(r"(?:访问|到访|出访|抵达|前往|飞往|访|赴)$")


def _chain_countries(index: _SpanIndex, person: Span, text: str) -> list[str]:
    """The countries in the run of countries, organisations and titles right before a name
    (中国驻英国大使刘晓明 -> CHN, GBR)."""
    out: list[str] = []
    pos = person.start_char
    for span in index.ending_by(person.start_char):
        gap = text[span.end_char:pos]
        if span.end_char < pos - 2 or not _CHAIN_GAP.match(gap) or len(gap) > 2 or _CHAIN_VERB.search(gap):
            break  # (到泰国出席…会议的国家主席习近平: a verb stands between; 泰国 is where he went)
        if span.label_ not in (TITLE, ORG, COUNTRY, PLACE) or span_text(span).endswith("方"):
            break  # (韩方希望习近平…: 韩方 is a party that speaks, not a country describing the name)
        if _VISITED.search(text, max(0, span.start_char - 2), span.start_char):
            break  # (到访印度的莫里森: India is where he goes, not his country)
        if span.label_ == COUNTRY and span.kb_id_:
            out.insert(0, span.kb_id_)
        pos = span.start_char
    return out


def _names_follow(index: _SpanIndex, title: Span) -> bool:
    """True when a person's name comes right after the title."""
    nxt = index.next_after(title.end_char)
    return nxt is not None and nxt.start_char == title.end_char and nxt.label_ == PERSON


def _agency_country(index: _SpanIndex, person: Span, text: str) -> list[str]:
    """The country of an agency no table holds, named right before a title and the name
    (菲律宾海岸警卫队司令加西亚 -> PHL): [country][agency word][title][name]."""
    title = next((s for s in index.ending_by(person.start_char) if s.end_char == person.start_char and s.label_ == TITLE), None)
    if title is None:
        return []
    for span in index.ending_by(title.start_char):
        if span.end_char < title.start_char - 9:
            break
        if span.label_ == COUNTRY and span.kb_id_ and _AGENCY.fullmatch(text, span.end_char, title.start_char) \
                and not _CHAIN_VERB.search(text, span.end_char, title.start_char):
            return [span.kb_id_]
        if span.label_ not in (TITLE, ORG):  # (海军总司令部司令: a title word inside the agency's name)
            break
    return []


# the name of an agency: a few characters ending in a word for a body of state (海岸警卫队, 移民局, 北方司令部)
_AGENCY = re.compile(r"[\u4e00-\u9fff]{1,8}(?:部|局|队|军|院|署|厅|委员会|办公室|总署)")


class _SpanIndex:
    """The recognized spans of a Doc by start and by end, for the neighbours of a span."""

    def __init__(self, spans: list[Span]) -> None:
        self.spans = spans  # by start, longer first
        self.starts = [s.start_char for s in spans]
        self.by_end = sorted(spans, key=lambda s: s.end_char)
        self.ends = [s.end_char for s in self.by_end]

    def next_after(self, pos: int) -> Span | None:
        """The first span starting at or after `pos`."""
        i = bisect_left(self.starts, pos)
        return self.spans[i] if i < len(self.spans) else None

    def from_(self, pos: int) -> list[Span]:
        """The spans starting at or after `pos`, in order."""
        return self.spans[bisect_left(self.starts, pos):]

    def starting_in(self, a: int, b: int) -> list[Span]:
        return self.spans[bisect_left(self.starts, a):bisect_left(self.starts, b)]

    def ending_in(self, a: int, b: int) -> list[Span]:
        """The spans ending in [a, b], by end."""
        return self.by_end[bisect_left(self.ends, a):bisect_right(self.ends, b)]

    def ending_by(self, pos: int) -> list[Span]:
        """The spans ending at or before `pos`, the latest end first."""
        return self.by_end[:bisect_right(self.ends, pos)][::-1]


def _visited(index: _SpanIndex, country: Span, text: str) -> bool:
    """True for a country named as where someone goes (出访帛琉、瑙鲁及马绍尔群岛), alone or in a list
    after the travel word: a destination, not the country of a title after it."""
    first = country
    for other in index.ending_by(country.start_char):
        if other.label_ != COUNTRY or not _LIST_GAP.fullmatch(text, other.end_char, first.start_char):
            break
        first = other
    return _TRAVEL_BEFORE.search(text, max(0, first.start_char - 4), first.start_char) is not None


_LIST_GAP = re.compile(r"\s*[、和及与]\s*")
_TRAVEL_BEFORE = re.compile(r"(?:访问?|前往|赴|抵达|飞往|出访|造访|到访)\s*$")


def _title_before(by_end: dict[int, Span], span: Span, text: str) -> str | None:
    """The title right before a name; past an honorific, the office before it (首相拿督斯里安华: 首相)."""
    title = by_end.get(span.start_char)
    if title is not None and title.label_ == TITLE and _is_honorific(span_text(title)):
        title = by_end.get(title.start_char)
    if title is not None and title.label_ == TITLE:
        return title.text
    return None


_NEWS_BEFORE_OFFICE_DAYS = 3 * 365  # how long before a first office a person is named by a short form alone


def _before_their_time(person: Person, on: date) -> bool:
    """True when every office the table gives `person` starts years after `on`, and the name is a
    transliteration (a sound sequence that words can hold: 马林鱼队), not one written in characters."""
    return bool(person.offices) and person.country not in NAME_MAX_CJK \
        and (min(o.start for o in person.offices) - on).days > _NEWS_BEFORE_OFFICE_DAYS


def _is_honorific(title_text: str) -> bool:
    title = get_lexicon().titles.get(title_text)
    return title is not None and title.rank == "honorific"


def _own_country(title: Title | None, doc: Doc) -> str | None:
    """The country or organisation a title belongs to: its one, or of several (行政长官: HKG or
    MAC) the one the document has named or is written from."""
    if title is None or not title.countries:
        return None
    if len(title.countries) == 1:
        return title.countries[0]
    seen = doc.user_data.get("countries_seen", set())
    return next((c for c in title.countries if c in seen or c == doc.user_data.get("home")), None)


def _country_from_role(prev: Span | None) -> str | None:
    if prev is not None and prev.label_ == COUNTRY:
        return prev.kb_id_
    return None


@Language.factory("timeline_actors")
def make_actors(nlp: Language, name: str) -> ActorResolver:
    return ActorResolver(nlp)
