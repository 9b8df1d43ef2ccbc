"""Gazetteer matching: every lexicon surface form, found with spaCy's PhraseMatcher.

Runs on the Simplified view at character level, so a dictionary name is found whatever
the segmentation would have said. Spans go to `doc.spans["gazetteer"]`, labelled with the
lexicon label (PERSON, COUNTRY, ORG, PLACE, TITLE, NONACTOR); `span._.entries` holds every
entry the surface may name (ambiguous short forms are resolved later, in context).

A foreign person's name of three or more characters is matched on its sounds, not its letters:
every character of a set in `data/translit_variants.tsv` stands for the set's first one (the
tokens' NORM), so 卢比奥 and 盧比歐 find 鲁比奥 as other outlets spell him. A foreign name written
inside a longer transliteration, or running on into one, is not that person (克鲁托伊 holds no 鲁托,
卡尔纳 is not 卡尔); nor is a Japanese surname a given name follows (斋藤健), nor a place inside a
name (卡瓦利亚); and a country or a place written right after a title and running on in one opens a
name (国防部长马里扎蒙达: not Mali; 司长马卡帕加尔: not Macapá). A newspaper's name in book-title marks,
and the country written before it, hold no side (《澳大利亚人报》, 英国《金融时报》).
"""
from __future__ import annotations

import calendar
import re

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from timeline.components.doctext import doc_text, span_text
from timeline.components.names import NAME_END_MARKS, NAME_MAX_CJK, OFFICE_SEATS, STOP_AFTER, TIME_WORDS, VERB_START
from timeline.lexicon import COUNTRY, PERSON, PLACE, TITLE, Entry, Lexicon, common_words, get_lexicon
from timeline.transliteration import TRANSLIT_BASE
from timeline.tsv import DATA, read_tsv, split_cell

if not Span.has_extension("entries"):
    Span.set_extension("entries", default=())

# words that start with a character of foreign sounds and follow a name without being a common word
# (卢拉因患肺炎推迟访华, 谢尔曼亚洲之行, 莫迪欧洲行程, 普京非洲之行, 拜登拉美之行, 普京明起访华)
_WORDS_AFTER_A_NAME = ("因", "亚洲", "欧洲", "非洲", "美洲", "拉美", "欧盟", "亚太", "中东", "中亚", "南亚", "东亚",
                       "明起", "明晨", "明晚", "明早", "明天", "明日", "明年")
# a surface of one CJK character is too ambiguous to match on its own (习 in 学习)
MIN_CJK = 2


def _surfaces(lex: Lexicon) -> dict[str, list[Entry]]:
    """Surface form -> entries, including 方-forms of countries (日方, 中方)."""
    table: dict[str, list[Entry]] = {}
    for entry, forms in lex.forms.items():
        for form in forms:
            if _usable(form):
                table.setdefault(form, [])
                if entry not in table[form]:
                    table[form].append(entry)
    for short, isos in lex.country_by_short.items():
        for iso in isos:
            table.setdefault(short + "方", []).append(Entry(COUNTRY, iso))
    return table


def _usable(form: str) -> bool:
    if not form.strip():
        return False
    if form.isascii():
        return len(form) >= 2
    return len(form) >= MIN_CJK


class Gazetteer:
    """Find lexicon surfaces; keep the longest non-overlapping matches."""

    def __init__(self, nlp: Language, lexicon: Lexicon | None = None) -> None:
        self.lexicon = lexicon or get_lexicon()
        self.matcher = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.lower = PhraseMatcher(nlp.vocab, attr="LOWER")  # English forms in any case too
        self.entries: dict[int, tuple[Entry, ...]] = {}
        self.months: set[int] = set()  # names that are also months (May, June)
        self.foreign: set[int] = set()  # forms in characters that name only foreign persons
        self.surnames: set[int] = set()  # a Japanese person's surname on its own (斋藤 of 斋藤铁夫)
        self.places: set[int] = set()  # forms in characters that name only places
        self.sounds = PhraseMatcher(nlp.vocab, attr="NORM")  # foreign names, spelled any outlet's way
        for chars in (split_cell(r.get("chars")) for r in read_tsv(DATA / "translit_variants.tsv")):
            for c in chars:
                nlp.vocab[c].norm_ = chars[0]
        for form, entries in _surfaces(self.lexicon).items():
            key = nlp.vocab.strings.add("G:" + form)
            self.entries[key] = tuple(entries)
            if form in _MONTHS and entries[0].label == PERSON:
                self.months.add(key)
            pattern = [nlp.make_doc(form)]
            if self._foreign_only(form, entries):
                self.foreign.add(key)
            elif self._surname_only(form, entries):
                self.surnames.add(key)
            elif not form.isascii() and all(e.label == PLACE for e in entries):
                self.places.add(key)
            (self.sounds if len(form) >= 3 and key in self.foreign else self.matcher).add("G:" + form, pattern)
            if form.isascii() and len(form) > 3 and (" " in form or entries[0].label != PERSON):
                self.lower.add("G:" + form, pattern)  # (a one-word name only as written: Pace, not pace)

    def _foreign_only(self, form: str, entries: list[Entry]) -> bool:
        """True for a form in CJK characters that names only foreign persons (transliterated)."""
        persons = self.lexicon.persons
        return not form.isascii() and all(
            e.label == PERSON and e.key in persons and persons[e.key].country not in NAME_MAX_CJK for e in entries)

    def _surname_only(self, form: str, entries: list[Entry]) -> bool:
        """True for a form that is only the start of Japanese persons' names (斋藤 of 斋藤铁夫)."""
        persons = self.lexicon.persons
        return len(form) == 2 and all(
            e.label == PERSON and e.key in persons and persons[e.key].country == "JPN"
            and len(persons[e.key].name) > 2 and persons[e.key].name.startswith(form) for e in entries)

    @staticmethod
    def _runs_on(doc: Doc, end: int, text: str, starts: set[int], sounds: bool) -> bool:
        """True when the characters after tokens …:end go on with the name (卡尔纳, 斋藤健: longer
        names than 卡尔, 斋藤). With `sounds`, one character that writes foreign sounds is enough;
        otherwise one or two that a mark, a stop word or another match ends (斋藤健、, not 岸田继去年).
        Neither starts another match, a verb, a word a name stops before (表示), a common word or an
        office's seat."""
        if end >= len(doc) or end in starts:
            return False
        at = doc[end].idx
        if text[at] in VERB_START or text.startswith(STOP_AFTER, at) or text[at:at + 2] in common_words() \
                or text[at] in OFFICE_SEATS or text.startswith(_WORDS_AFTER_A_NAME, at):
            return False
        if sounds:
            return text[at] in TRANSLIT_BASE
        match_at = {doc[i].idx for i in starts}
        return "\u4e00" <= text[at] <= "\u9fff" and any(
            at + k <= len(text) and (at + k == len(text) or text[at + k] in NAME_END_MARKS or at + k in match_at
                                     or text.startswith(STOP_AFTER, at + k))
            and all("\u4e00" <= c <= "\u9fff" for c in text[at:at + k]) for k in (1, 2))

    @staticmethod
    def _inside_name(doc: Doc, start: int, end: int, text: str, both: bool = False,
                     ends: frozenset[int] = frozenset(), starts: frozenset[int] = frozenset()) -> bool:
        """True when a character of a transliterated name goes on before or after tokens start:end
        (with `both`, before and after); not one of another match that ends at `start` or starts
        at `end` (阿曼苏丹海瑟姆: the 丹 of 苏丹)."""
        first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
        before = first > 0 and text[first - 1] in TRANSLIT_BASE and start not in ends
        after = last < len(text) and text[last] in TRANSLIT_BASE and end not in starts \
            and not text.startswith(TIME_WORDS, last)  # (安华明天展开…: the day after the name)
        return (before and after) if both else (before or after)

    def __call__(self, doc: Doc) -> Doc:
        spans: list[tuple[Span, tuple[Entry, ...]]] = []
        strings, text = doc.vocab.strings, doc_text(doc)
        # a name spelled as written before one spelled alike (filter_spans keeps the first of equals);
        # one spelled alike only when it is a whole name (布罗克曼 holds no 布洛克)
        found = self.matcher(doc)
        found_ends = frozenset(end for _, _, end in found)
        found_starts = frozenset(start for _, start, _ in found)
        alike = [(not _as_written(strings[key], doc, start, end), key, start, end) for key, start, end in self.sounds(doc)]
        sounds = [(key, start, end) for spelled, key, start, end in sorted(alike, key=lambda m: m[0])
                  if not spelled or not self._inside_name(doc, start, end, text, ends=found_ends, starts=found_starts)]
        lower = self.lower(doc)
        starts = {start for _, start, _ in [*found, *sounds, *lower]}
        ends = {end for _, _, end in [*found, *sounds, *lower]}
        # a foreign name written as it is, but inside a longer one (克鲁托伊 holds no 鲁托, 卡尔纳 no
        # 卡尔), a Japanese surname that a given name follows (斋藤健 is not 斋藤铁夫), and a place
        # inside a transliteration (卡瓦利亚 holds no 瓦利, The Valley)
        exact = [(key, start, end) for key, start, end in found
                 if not (key in self.foreign and (self._inside_name(doc, start, end, text, both=True)
                                                  or self._runs_on(doc, end, text, starts, sounds=True)))
                 and not (key in self.surnames and self._runs_on(doc, end, text, starts, sounds=False))
                 and not (key in self.places and self._inside_name(doc, start, end, text, both=True)
                          and end not in starts and start not in ends)  # (柏林勃兰登堡机场: two places)
                 and not (key in self.places and _across_words(doc, start, end, text))]
        for key, start, end in [*exact, *sounds, *lower]:
            entries = self.entries[key]
            if key in self.months and end < len(doc) and doc[end].like_num:
                continue  # on May 27: the month, not Theresa May
            span = Span(doc, start, end, label=entries[0].label, kb_id=entries[0].key)
            spans.append((span, entries))
        kept = _one_dotted_name(_no_place_opening_a_name(filter_spans([span for span, _ in spans]), text), text)
        # entries go on the kept spans only: an extension's value is stored by offsets, so a span
        # dropped for an equal one (a name spelled alike) would overwrite the kept one's
        chosen = {id(span): entries for span, entries in spans}
        kept = _other_spellings(doc, kept, chosen, text)
        kept = _letter_countries(doc, kept, chosen, text)
        if "《" in text:  # 《澳大利亚人报》报道称, 英国《金融时报》: a newspaper's name and country are no side
            titles = [m.span() for m in _PUBLICATION.finditer(text)]
            kept = [sp for sp in kept if not any(a <= sp.start_char and sp.end_char <= b or sp.end_char == a
                                                 for a, b in titles)]
        for span in kept:
            span._.entries = chosen[id(span)]
        doc.spans["gazetteer"] = _compound_offices(doc, kept)
        return doc


_LETTER_COUNTRY = re.compile(r"([\u4e00-\u9fff])国")
# what may stand before X国 of a country named before (与尼国总统会面): not a word's first character
_LETTER_BEFORE = frozenset("与同和跟及、，,对向在赴访由为是的")


def _letter_countries(doc: Doc, spans: list[Span], chosen: dict[int, tuple[Entry, ...]], text: str) -> list[Span]:
    """`spans` with X国 written before an office or a government as the country last named whose name
    starts with X (普京到访尼加拉瓜，与尼国总统会面: Nicaragua); nothing when no country so named came
    before, or when the characters are part of a word."""
    if "国" not in text:
        return spans
    out = sorted(spans, key=lambda sp: sp.start_char)
    titles = {sp.start_char for sp in out if sp.label_ == TITLE}
    covered: set[int] = set()
    added: list[Span] = []
    for m in _LETTER_COUNTRY.finditer(text):
        at = m.start()
        if m.end() not in titles and not text.startswith(("政府", "元首", "领导人", "官员"), m.end()):
            continue  # (most X国 are words or countries of their own: 中国外长, 美国政府 are spans already)
        if at > 0 and text[at - 1] not in _LETTER_BEFORE:
            continue
        if not covered:
            covered = {i for sp in out for i in range(sp.start_char, sp.end_char)}
        if at in covered or at + 1 in covered:
            continue
        named = [sp for sp in out if sp.end_char <= at and sp.label_ == COUNTRY and len(sp.text) > 1
                 and sp.text[0] == m.group(1)]
        if not named:
            continue
        span = doc.char_span(at, m.end(), label=COUNTRY, kb_id=named[-1].kb_id_)
        if span is not None:
            chosen[id(span)] = chosen[id(named[-1])]
            added.append(span)
    return sorted(out + added, key=lambda sp: sp.start_char) if added else spans


# the name of a newspaper, an agency or a broadcaster in book-title marks (《澳大利亚人报》, 《朝日新闻》)
_PUBLICATION = re.compile(r"《[^《》]{1,20}?(?:报|日报|时报|新闻|新闻网|周刊|杂志|电视台|广播|通讯社|社|网)》")


# a bracket that gives another spelling of the name before it (副总理马速库(H.E. Themba Masuku,另译,马苏库))
_OTHER_SPELLING = re.compile(r"[（(][^（()）]*?(?:另|又|或|亦|一)译[^（()）]*$")
_SPELLING_END = frozenset("）),，、;；")


def _other_spellings(doc: Doc, spans: list[Span], chosen: dict[int, tuple[Entry, ...]], text: str) -> list[Span]:
    """`spans` with each match inside a bracket of another spelling moved onto the name before the
    bracket, when it fills its item there and a title ends right before that name (马速库(…另译,马苏库)
    is 马苏库 of the tables); dropped otherwise (克恩斯(…另译,柯恩诗) holds no 柯恩)."""
    out: list[Span] = []
    for span in spans:
        bracket = _OTHER_SPELLING.search(text, max(0, span.start_char - 40), span.start_char)
        if bracket is None:
            out.append(span)
            continue
        title = next((s for s in reversed(out) if s.end_char <= bracket.start()), None)
        if span.label_ != PERSON or text[span.end_char:span.end_char + 1] not in _SPELLING_END \
                or title is None or title.label_ != TITLE or not 2 <= bracket.start() - title.end_char <= 6:
            continue
        moved = doc.char_span(title.end_char, bracket.start(), label=span.label_, kb_id=span.kb_id_)
        if moved is not None:
            chosen[id(moved)] = chosen[id(span)]
            out.append(moved)
    return out


_NAME_DOTS = frozenset("·‧•・")


def _across_words(doc: Doc, start: int, end: int, text: str) -> bool:
    """True when a place name of two characters is split between two common words, each of its
    characters ending or starting one with the character beside it (阁下关于: 阁下 + 关于, no 下关)."""
    first, last = doc[start].idx, doc[end - 1].idx + len(doc[end - 1])
    if last - first != 2 or first == 0 or last >= len(text):
        return False
    words = common_words()
    return text[first - 1:first + 1] in words and text[last - 1:last + 1] in words


def _one_dotted_name(spans: list[Span], text: str) -> list[Span]:
    """`spans` without a person's name that goes on another one after a name dot (海瑟姆·本·塔里克·赛义德
    is one man: no 赛义德 of another)."""
    out: list[Span] = []
    for span in spans:
        last = out[-1] if out else None
        if span.label_ == PERSON and last is not None and last.label_ == PERSON \
                and span.start_char == last.end_char + 1 and text[last.end_char] in _NAME_DOTS:
            continue
        out.append(span)
    return out


def _no_place_opening_a_name(spans: list[Span], text: str) -> list[Span]:
    """`spans` without a country or a place written right after a title and running on in a
    transliteration (卢旺达国防部长马里扎蒙达: a name after the title, not Mali; 司长马卡帕加尔: not Macapá)."""
    return [span for i, span in enumerate(spans)
            if not (span.label_ in (COUNTRY, PLACE) and i > 0 and spans[i - 1].label_ == TITLE
                    and spans[i - 1].end_char == span.start_char
                    and span.end_char < len(text) and text[span.end_char] in TRANSLIT_BASE)]


def _as_written(key: str, doc: Doc, start: int, end: int) -> bool:
    """True when tokens start:end spell the form of matcher key `key` ("G:" + form) as written."""
    return key[2:] == "".join(t.text for t in doc[start:end])


_MONTHS = frozenset(calendar.month_name[1:]) | frozenset(calendar.month_abbr[1:])

# a minister of a ministry with a compound name, right after the country: 史瓦济兰外交暨国际合作部长,
# 法国欧洲与外交部长, 巴西发展、工业、贸易和服务部长 (the parts joined by 暨/与/和/及/、)
_COMPOUND = re.compile(r"[\u4e00-\u9fff]{2,5}(?:(?:暨|与|和|及|、)[\u4e00-\u9fff]{2,5}){1,3}")
_MINISTER_END = ("部长", "大臣")
_NOT_A_MINISTRY_START = frozenset("与和同及跟对向在赴")


def _compound_offices(doc: Doc, spans: list[Span]) -> list[Span]:
    """Minister titles stretched back over the compound name of their ministry, so that the title
    follows its country directly."""
    text = doc_text(doc)
    out = list(spans)
    for i, span in enumerate(spans):
        if span.label_ != TITLE or i == 0 or not span_text(span).endswith(_MINISTER_END):
            continue
        before = spans[i - 1]
        gap = text[before.end_char:span.start_char]
        if before.label_ != COUNTRY or not gap or gap[0] in _NOT_A_MINISTRY_START \
                or not _COMPOUND.fullmatch(gap + span_text(span)[:-2]):
            continue  # (前往阿联酋与该国外交与国际合作部长…: a partner, not the ministry's name)
        longer = doc.char_span(before.end_char, span.end_char, label=TITLE, kb_id=span.kb_id_)
        if longer is not None:
            longer._.entries = span._.entries
            out[i] = longer
    return out


@Language.factory("timeline_gazetteer")
def make_gazetteer(nlp: Language, name: str) -> Gazetteer:
    """spaCy factory for `Gazetteer`."""
    return Gazetteer(nlp)
