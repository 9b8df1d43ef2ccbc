"""Names that no table of ours holds, found from the grammar of news.

* [country] [title] NAME — 德国总理默茨, 新西兰国防部长柯林斯, 韩国国家安保室长郑义溶; an envoy's
  country is the one that posts him (中国驻肯尼亚大使周平剑), an office listed after another takes
  its country (越南政府总理范明政和国会主席陈清敏), an honorific is passed over (首相拿督斯里安华);
  in a list of officials the name fills its item (代表院主席谢尔盖延科、, 缅甸国防部长貌貌埃、);
* NAME [title] after a verb of meeting or in a list, as state media write guests — 会见内塔尼亚胡总理和
  瑞夫林总统, 同斯克利亚尔第一副总理举行会谈: a transliteration right before an office holder's title;
* NAME (English gloss) — 岩屋毅(Takeshi Iwaya), 丹·德里斯科尔（Dan Driscoll）;
* transliterated names written with a middle dot — 史蒂夫·维特科夫;
* English title + name — Prime Minister Sanae Takaichi, President Donald Trump; a Chinese title
  + a name in Latin letters — 参议院议长Sue Lines.

A name found once is then found everywhere in the document, as are its short forms
(the part after the last ·: 维特科夫). Spans go to `doc.spans["names"]` labelled PERSON;
`span._.name_en` carries an English gloss when the text gives one.
"""
from __future__ import annotations

import re
from functools import lru_cache

from timeline.components.doctext import doc_text, span_text
from spacy.language import Language
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from timeline.lexicon import COUNTRY, NONACTOR, PERSON, PLACE, TITLE, Title, common_words, get_lexicon
from timeline.transliteration import TRANSLIT_BASE
from timeline.tsv import DATA, read_tsv

if not Span.has_extension("name_en"):
    Span.set_extension("name_en", default=None)

CJK = "\u4e00-\u9fff"
STOP_AFTER = ("表示", "说", "在", "与", "同", "和", "及", "于", "等", "将", "也", "已", "曾", "是", "的",
               "对", "就", "向", "会见", "会晤", "通电话", "通话", "举行", "称", "指出", "强调", "出席",
               "访问", "抵达", "当地时间", "周", "星期", "今天", "昨天", "今日", "昨", "应", "上", "下", "还",
               "则", "认为", "宣布", "并", "前往", "率", "一行", "为", "以", "指", "要", "会", "则", "又", "伉俪", "夫妇", "提出",
               "计划", "预计", "预定", "拟")
# words of time that may follow a title (总统明日会晤…): no name starts with one
TIME_WORDS = ("今天", "今日", "明天", "明日", "昨天", "昨日", "当天", "次日", "同日", "近日", "日前", "今年", "去年",
               "明年", "本月", "下月", "上月", "月底", "月初", "稍后", "随后", "当晚", "今晚", "明晚")
_OF_TITLE = ("之邀", "之约", "之请", "之托", "之命", "之际", "之后", "之前", "之间",  # (总统之邀: no name)
             "登基", "就职", "就任", "上任", "去世", "逝世", "辞职", "下台", "卸任", "当选", "连任", "遇刺")  # (国王登基以来: a deed)
NAME_MAX_CJK = {"CHN": 3, "TWN": 3, "HKG": 3, "MAC": 3, "KOR": 3, "PRK": 3, "VNM": 3, "SGP": 3, "JPN": 5}
MIN_TRANSLIT_USES = 4
NAME_END_MARKS = frozenset("，。、；：,;:（(")
# characters that start the verbs of news right after a title (访日, 会见, 赴美, 抵京, 出席, 来华, 致电 …);
# some of them also start Japanese surnames (前田, 和田, 出口, 来栖, 向井, 会田, 主税)
_JAPANESE_SURNAME_START = frozenset("前和出来向会主")
VERB_START = frozenset("访会赴抵出来到前与同和在将已曾再首还也都又并及就对向为以被把让请率派应邀致通举召主参表说称指强宣回发接见晤谈飞离返")
# 周 starts a name (周平剑) unless a weekday or 周末 follows it
_SURNAME_ZHOU = re.compile(r"周(?![一二三四五六日天末内年前后])")
_INSTITUTION_END = ("大学", "学院", "公司", "组织", "委员会", "中心", "协会", "银行", "研究所", "基金会",
                    "学会", "集团", "部", "院", "社", "报", "台", "党", "军", "局", "处", "馆", "所",
                    "宫", "府", "殿", "堂", "厦", "园", "庄", "邸", "场", "港", "桥", "湾", "岛", "山")  # (罗济塔王宫(Lozitha Palace): a building)
_SPOUSE = ("夫人", "妻子", "太太", "丈夫")
_PRESS = re.compile(r"记者|通讯员|特派员|主播|编辑|评论员|撰稿人|摄影师?")  # the press, right before a glossed name
_GLOSS = re.compile(rf"([{CJK}·]{{2,16}})\s*[（(]\s*([A-Z][A-Za-z.'\- ]{{2,40}}?)\s*[)）]")
# the verbs of news inside what a gloss follows: a clause, not a name
_VERB_IN_NAME = re.compile(r"接受|访问|表示|举行|会见|会晤|出席|参加|抵达|前往|宣布|发表|采访|报道|指出|认为")
_DOTTED = re.compile(rf"[{CJK}]{{1,6}}(?:·[{CJK}]{{1,8}})+")
_EN_TITLE = re.compile(
    r"\b(?:Prime Minister|President|Vice President|Foreign Minister|Foreign Secretary|Secretary of State|"
    r"Defen[cs]e Minister|Defen[cs]e Secretary|Chancellor|Premier|Minister|Secretary|Ambassador|Envoy|"
    r"Special Envoy|Chairman|King|Queen|Emperor|Spokesperson|Spokesman|National Security Adviser|PM)\s+"
    r"((?:[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?)"
    r"(?:\s+(?:(?:al|el|ad|as|ash)-|(?:bin|ibn|van|von|de|da|dos|del|der|la|le)\s+)?[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){0,3})"
)  # the name: capitalised words and the particles inside Arabic and European names (Abdel Fattah al-Sisi)


# a name in Latin letters right after a Chinese title: two to four capitalised words
_LATIN_NAME = re.compile(r"\s?([A-Z][a-z'ʻ’-]+(?:\s+[A-Z][A-Za-z'ʻ’-]+){1,3})(?![A-Za-z])")

# 兼 + an office ending in a title head: the second of two offices one person holds
CONCURRENT_OFFICE = re.compile(rf"兼[{CJK}、]{{0,16}}?(?:大臣|部长|外长|防长|总理|首相|主席|总统|秘书长|议长|大使|国务卿|主任)")

# 驻 before a title, at most this far: 日本驻华使馆首席公使 (the embassy and a rank between)
_POSTED_REACH = 10
_OFFICIALS = frozenset({"official", "diplomat", "envoy", "spokesperson"})
# 级: 局长级磋商; 馆: 驻华大使馆 (a title inside an institution's name)
_NOT_NAME_START = frozenset("除对在与和将于是也已就向为以把被从等并及同跟还又都曾正首后前级馆")


# a name written before its title (会见内塔尼亚胡总理): the ranks, what opens the name, what follows the title
_NAMED_BEFORE = frozenset({"leader", "minister", "official", "envoy", "diplomat"})
_BEFORE_NAME = re.compile(r"(?:会见|会晤|接见|拜会|拜见|会谈|同|与|和|及|、|向|致电|分别会见)$")
_AFTER_TITLE = re.compile(r"[和及、，。；,;]|举行|会谈|会晤|共同|一行|$")

# right after a place: the head of that city or province (高雄市长; not 城市长远)
LOCAL_OFFICE = re.compile(r"市?(?:市长|省长|州长|县长)")
# an office of an organisation the title table does not list, written before a name: the seat
# (党校, 大学, 委员会, 研究院, 办公室, 联络部 …) then its office (常务副校长, 主任, 秘书长 …)
_UNLISTED_OFFICE = re.compile(r"(?:党校|大学|学院|委员会|研究院|研究所|办公室|联络部|宣传部|组织部|统战部)"
                              r"(?:常务|执行|第一)?副?(?:校长|院长|主任|秘书长|部长|书记|所长|会长|理事长)")


@lru_cache(maxsize=1)
def _surnames() -> frozenset[str]:
    """Characters that begin Chinese, Korean and Vietnamese names (`data/surnames.txt`)."""
    lines = (DATA / "surnames.txt").read_text(encoding="utf-8").splitlines()
    return frozenset("".join(line.strip() for line in lines if not line.startswith("#")))


def _translit_chars() -> frozenset[str]:
    """The base set plus every character of the foreign names in our actor tables."""
    from collections import Counter

    counts: Counter[str] = Counter()
    for person in get_lexicon().persons.values():
        if person.country not in NAME_MAX_CJK:
            counts.update(c for c in person.name if "\u4e00" <= c <= "\u9fff")
    # a character seen in one or two foreign names only is not a transliteration character
    return TRANSLIT_BASE | {c for c, n in counts.items() if n >= MIN_TRANSLIT_USES}


def continues_a_name(text: str, at: int) -> bool:
    """The two characters before `at` write a foreign name's sounds, the last of them no country's
    letter, so what starts at `at` goes on with that name (阿拉斯加峰会: 斯加 is no Sri Lanka and Canada)."""
    return at >= 2 and text[at - 2] in TRANSLIT_BASE and text[at - 1] in TRANSLIT_BASE \
        and text[at - 1] not in get_lexicon().country_by_short


def _han(ch: str) -> bool:
    """A Han character of a personal name: the basic block or Extension A (俞大㵢)."""
    return "\u4e00" <= ch <= "\u9fff" or "\u3400" <= ch <= "\u4dbf"


def _grammar_of(title: Title | None) -> str | None:
    """The country whose way of writing names a title's holder follows: its one country, or the
    first of several that write names alike (行政长官: Hong Kong or Macao, three-character names)."""
    if title is None or not title.countries:
        return None
    alike = len({NAME_MAX_CJK.get(c) for c in title.countries}) == 1 and title.countries[0] in NAME_MAX_CJK
    return title.countries[0] if len(title.countries) == 1 or alike else None


def _name_after(text: str, pos: int, country: str | None, translit: frozenset[str]) -> int:
    """End offset of a name starting at `pos`, or `pos` when there is none."""
    limit = NAME_MAX_CJK.get(country or "")
    end = pos
    if text.startswith(TIME_WORDS, pos):
        return pos
    if limit and (text[pos:pos + 1] in _NOT_NAME_START or (
            text.startswith(STOP_AFTER, pos) and not _SURNAME_ZHOU.match(text, pos))):
        return pos
    if limit and country != "JPN" and text[pos:pos + 1] not in _surnames() and not _rare_surname_name(text, pos):
        return pos
    if country == "JPN" and text[pos:pos + 1] in VERB_START - _JAPANESE_SURNAME_START:
        return pos  # 日本首相访日期间: a verb (前田, 和田, 出口, 来栖, 向井 are names)
    if limit and text[pos:pos + 2] in common_words():  # 韩国总统时隔6年: a word, not 时 + a given name
        return pos
    if limit and text[pos] == "时" and (text[pos + 1:pos + 3] in common_words() or text.startswith(STOP_AFTER, pos + 1)):
        return pos  # 会晤来访的韩国外长时承诺: "when", then a word, not 时 + a given name
    if limit:  # a Chinese, Korean, Japanese or Vietnamese name: 2..limit characters
        while end < len(text) and end - pos < limit and _han(text[end]):
            if end - pos >= 2 and text.startswith(STOP_AFTER, end) and not _ENDS_IN_HE.match(text, end) and not (
                    country == "JPN" and _ENDS_IN_YE.match(text, end)):
                break
            if end - pos >= 4 and text[end] in _NUMERAL_CHARS:
                break  # 船越健裕十四日: the day after a four-character name
            if end - pos >= 2 and text.startswith(TIME_WORDS, end):
                break  # 首相拿督斯里安华明天展开…: a day word after a two-character name
            if end - pos == 2 and text[end:end + 2] in common_words():
                break  # 部长韩俊临时取消: a word begins after a two-character name
            end += 1
        return end if end - pos >= 2 else pos
    while end < len(text) and (text[end] in translit or (text[end] == "·" and end > pos)):
        if end - pos >= 2 and ((text.startswith(STOP_AFTER, end) and text[end] not in "尔斯特克")
                               or text.startswith(TIME_WORDS, end)):
            break  # (安华明天展开…: 明天 is the day, not the end of the name)
        end += 1
    while end > pos and text[end - 1] == "·":
        end -= 1
    if end - pos >= 2 and _last_sound(text, end):
        end += 1  # 总理戴克礼接受…, 总统索本嘉(: a last character the table of sounds lacks
    return end if end - pos >= 2 else pos


def _last_sound(text: str, end: int) -> bool:
    """True when the Han character at `end` ends the foreign name read so far: no verb, stop word,
    common word or office's seat starts there, and a mark, a verb or a stop word comes right after it."""
    if end + 1 > len(text) or not _han(text[end]) or text[end] in VERB_START or text[end] in OFFICE_SEATS \
            or text[end] in _WHEN_AFTER_NAME \
            or text.startswith(STOP_AFTER, end) or text[end:end + 2] in common_words():
        return False
    after = text[end + 1:end + 2]
    return after == "" or after in NAME_END_MARKS or after in VERB_START or text.startswith(STOP_AFTER, end + 1)


# prepositions that stand before a name (于布林肯陪同下, 与约翰逊会谈), and the digits of a day before 日
_BEFORE_A_NAME = frozenset("于与和同在对向跟及为被由给把将")
_DAY_DIGITS = frozenset("0123456789〇一二三四五六七八九十廿卅")
# adverbs that stand between a subject and its verb (王毅都于去年访问, 金成亦将出席)
_ADVERBS = frozenset("都也还就又亦均皆已曾将则再才便即正仍却")
_WHEN_AFTER_NAME = frozenset("时后前等")  # 会见王储穆罕默德时, 两人: "when", no last sound of the name
_NUMERAL_CHARS = frozenset("〇一二三四五六七八九十两廿卅")
_ITEM_END = frozenset("、，。；,;（(和及与")
OFFICE_SEATS = frozenset("府部办院署厅局处委")  # 总统府, 总理办: an office's seat after the title


def _item_end(text: str, pos: int, end: int) -> int:
    """Where an item of a list of officials ends when a name begun at `pos` and read up to `end`
    stops short of it by one or two characters (谢尔盖延科、 with 谢尔盖 read), or fills it whole
    with two to four (貌貌埃、 with nothing read): at a list mark or the end of the clause, the
    characters left starting no verb, numeral or common word; else `end`."""
    limit = 2 if end > pos else 4
    k = end
    while k < len(text) and k - end < limit and _han(text[k]) and text[k] not in _ITEM_END:
        k += 1
    if k == end or (k < len(text) and text[k] not in _ITEM_END) or k - pos < 2:
        return end
    words = common_words()
    if text[end] in VERB_START or text[end] in _NUMERAL_CHARS or text[end] in _NOT_NAME_START \
            or text[end] in OFFICE_SEATS or text.startswith(STOP_AFTER, end) \
            or (end > pos and k - end == 1 and text[end] in _WHEN_AFTER_NAME) \
            or any(text[i:i + 2] in words for i in range(max(pos, end - 1), k - 1)):
        return end  # (总统府消息: an office and a word, no name; 王储穆罕默德时，: "when")
    return k


# a given name ending in 和 before a list mark or the end of the clause (国会议长郑义和、总理…)
_ENDS_IN_HE = re.compile(r"和(?=[、，。；,;）)]|$)")
# a Japanese given name ending in 也 before 与, a list mark, a date or the end of the clause (小川淳也与…)
_ENDS_IN_YE = re.compile(r"也(?=[与和及、，。；,;）)0-9]|$)")


def _rare_surname_name(text: str, pos: int) -> bool:
    """True for a two-character name with a surname our list lacks (副委员长铁凝出席): the two
    characters are no word of the dictionary, and a verb, a preposition or a stop follows them."""
    two, words = text[pos:pos + 2], common_words()
    if two[:1] in VERB_START:
        return False  # 韩国总统访日是在…: a verb, not a name
    # (公司长期参与: 长期 and 参与 are words across the edges, so 期参 is no name)
    return len(two) == 2 and all(_han(c) for c in two) and two not in words \
        and text[pos - 1:pos + 1] not in words and text[pos + 1:pos + 3] not in words \
        and (text.startswith(STOP_AFTER, pos + 2) or text[pos + 2:pos + 3] in NAME_END_MARKS)


class NameFinder:
    """Grammar rules for unknown person names, then their repetitions in the document."""

    def __init__(self, nlp: Language) -> None:
        self.lexicon = get_lexicon()
        self.translit = _translit_chars()
        self.nonperson = {row["name"] for row in read_tsv(DATA / "nonactors.tsv")} if (
            DATA / "nonactors.tsv").exists() else set()

    def _longer_name(self, text: str, lead: int, known: int) -> bool:
        """True when the characters right before a known name, after any title or country, write the
        sounds of the same name (秘书长马祖达尔（Jaideep Mazumdar）: 马祖 + 达尔 is one name, not 达尔)."""
        return 0 < known - lead <= 4 and all(c in self.translit for c in text[lead:known]) \
            and not text.startswith(STOP_AFTER, lead)

    def _longer_known_name(self, text: str, known: Span, country: str | None) -> int | None:
        """The end of a Chinese or Korean name of three characters that a known two-character name right
        after a title runs on into, a stop or a mark after it (副部长金成男当天: not the table's 金成); else None."""
        own = country if NAME_MAX_CJK.get(country or "") else "KOR" if text[known.start_char:known.start_char + 1] in _surnames() else None
        if NAME_MAX_CJK.get(own or "") != 3 or known.end_char - known.start_char != 2:
            return None
        end = _name_after(text, known.start_char, own, self.translit)
        stops = end == len(text) or not _han(text[end]) or text.startswith((*STOP_AFTER, *TIME_WORDS), end)
        if text[known.end_char:known.end_char + 1] in _ADVERBS:
            return None  # (外长王毅都于去年访问印度: 都 "both", not the name's third character)
        return end if end == known.end_char + 1 and stops else None

    def __call__(self, doc: Doc) -> Doc:
        text = doc_text(doc)
        gaz = list(doc.spans.get("gazetteer", []))
        found: dict[tuple[int, int], str | None] = {}
        taken = [(s.start_char, s.end_char) for s in gaz if s.label_ in (PERSON, COUNTRY, NONACTOR, PLACE)]

        def free(a: int, b: int) -> bool:
            return all(b <= s or a >= e for s, e in taken)

        inner = [(s.start_char, s.end_char) for s in gaz if s.label_ == PERSON and "·" not in s.text]

        def free_but_inner_persons(a: int, b: int) -> bool:
            """Free, or overlapping only known names strictly inside [a, b) (a longer name wins)."""
            return all(b <= s or a >= e or ((s, e) in inner and a <= s and e <= b and e - s < b - a)
                       for s, e in taken)

        # [country] [title] NAME
        by_start = {s.start_char: s for s in gaz}
        for span in gaz:
            if span.label_ != TITLE:
                continue
            title = self.lexicon.titles.get(span_text(span))
            if title is not None and title.rank == "nonactor":
                continue
            country = _country_before(gaz, span, text) or listed_country(gaz, span, text) or _grammar_of(title)
            title_end = span.end_char
            more = CONCURRENT_OFFICE.match(text, title_end)  # 副首相兼外交与侨务大臣: a second office, maybe unlisted
            if more and not any(s.label_ in (PERSON, COUNTRY) and title_end <= s.start_char < more.end() for s in gaz):
                title_end = more.end()
            nxt = by_start.get(title_end)
            longer = self._longer_known_name(text, nxt, country) if nxt is not None and nxt.label_ == PERSON else None
            if longer is not None and free_but_inner_persons(title_end, longer):
                found[(title_end, longer)] = None  # 副部长金成男当天: a longer name than the table's 金成
                continue
            if (nxt is not None and nxt.label_ in (PERSON, TITLE, COUNTRY)) or text.startswith(_OF_TITLE, title_end):
                continue  # (应总统之邀: the 之 of the title's invitation, no name)
            end = _name_after(text, title_end, country, self.translit)
            if country not in NAME_MAX_CJK and (item := _item_end(text, title_end, end)) > end \
                    and free(title_end, item) and (end > title_end or _country_before(gaz, span, text) is not None):
                end = item  # 代表院主席谢尔盖延科、 / 缅甸国防部长貌貌埃、: the name fills the list's item
            if end == title_end and country is not None and country not in NAME_MAX_CJK \
                    and (han := _name_after(text, title_end, "CHN", self.translit)) - title_end == 3 \
                    and (han == len(text) or text[han] in NAME_END_MARKS or text.startswith(STOP_AFTER, han)):
                end = han  # 美国交通部长赵小兰等人, 马来西亚交通部长陆兆福表示: a Chinese name abroad, closed off
            if end == title_end and country is None and title is not None and (
                    title.rank in _OFFICIALS or (title.rank == "minister" and len(span_text(span)) >= 4)):
                # 特使王岐山, 國安局長蔡明彥, 越共中央经济部长阮文平: an official's Chinese name of three
                # characters, no country said (not after a short title inside a word: 理财相关合作)
                end = _name_after(text, title_end, "CHN", self.translit)
                end = end if end - title_end == 3 else title_end
            if end > title_end and free(title_end, end):
                found[(title_end, end)] = None
            elif end == title_end and (latin := _LATIN_NAME.match(text, title_end)) and free(*latin.span(1)):
                found[latin.span(1)] = latin.group(1)  # 参议院议长Sue Lines: a name in Latin letters
        # [title] NAME、NAME (同俄副外长A、B举行磋商): the next foreign name of a list shares the office
        titles_end = {s.end_char for s in gaz if s.label_ == TITLE}
        named = [(s.start_char, s.end_char) for s in gaz if s.label_ == PERSON] + list(found)
        for start, end in named:
            if start not in titles_end or text[end:end + 1] != "、" \
                    or not all(c in self.translit or c == "·" for c in text[start:end]):
                continue  # (a name written by sound right after its title, then a list's mark)
            nxt = _name_after(text, end + 1, None, self.translit)
            if nxt - end - 1 >= 2 and free(end + 1, nxt) and text[end + 1:nxt] not in common_words() \
                    and (nxt == len(text) or text[nxt] in NAME_END_MARKS or text.startswith(STOP_AFTER, nxt)):
                found.setdefault((end + 1, nxt), None)
        # NAME [title] after a verb of meeting or in a list (会见内塔尼亚胡总理和瑞夫林总统, 同阿巴斯总统会谈):
        # a transliterated name of two to eight characters, the title an office holder's
        for span in gaz:
            if span.label_ != TITLE or (title := self.lexicon.titles.get(span_text(span))) is None \
                    or title.rank not in _NAMED_BEFORE or not _AFTER_TITLE.match(text, span.end_char):
                continue
            start = span.start_char
            while start > span.start_char - 8 and start > 0 and text[start - 1] in self.translit:
                start -= 1
            while start < span.start_char and not _BEFORE_NAME.search(text, max(0, start - 4), start):
                start += 1  # (the name begins right after the verb or the list's mark)
            if span.start_char - start >= 2 and free(start, span.start_char) \
                    and text[start:span.start_char] not in common_words():
                found.setdefault((start, span.start_char), None)
        # [organisation] [office the tables lack] NAME (中共中央党校常务副校长何毅亭将…): a Chinese name
        # of two or three characters, a stop word or a mark right after it
        local = [m for m in (LOCAL_OFFICE.match(text, sp.end_char) for sp in gaz if sp.label_ == PLACE) if m]
        for m in [*_UNLISTED_OFFICE.finditer(text), *local]:  # (and a city's mayor: 高雄市长陈其迈)
            pos = m.end()
            if any(s.start_char < pos and m.start() < s.end_char and s.label_ == TITLE for s in gaz):
                continue  # (an office the tables hold: handled above)
            end = _name_after(text, pos, "CHN", self.translit)
            if 2 <= end - pos <= 3 and free(pos, end) and (end == len(text) or not _han(text[end])
                                                     or text.startswith(STOP_AFTER, end) or text[end] in VERB_START):
                found.setdefault((pos, end), None)
        # NAME (English gloss)
        for m in _GLOSS.finditer(text):
            start, end = m.span(1)
            if not re.search(r"[a-z]", m.group(2)):
                continue  # 合作备忘录（MOU）, 国内生产总值（GDP）: an acronym glosses a term, not a name
            inner = [s for s in gaz if start <= s.start_char < end and s.label_ in (TITLE, COUNTRY, PERSON)]
            longer = bool(inner) and inner[-1].label_ == PERSON and inner[-1].end_char == end and self._longer_name(
                text, max([start, *(s.end_char for s in inner[:-1])]), inner[-1].start_char)
            if inner and inner[-1].label_ == PERSON and inner[-1].end_char == end and not longer:
                found[(inner[-1].start_char, end)] = m.group(2).strip()
                continue
            if inner:
                start = max([start, *(s.end_char for s in (inner[:-1] if longer else inner))])
            while start < end - 2 and text[start] not in self.translit:
                start += 1  # 曾遭俄军占领的伊尔平: the name is the transliteration at the end
            if _PRESS.search(text, max(0, start - 6), end) is not None:
                continue  # 本台非洲通讯员朱丽叶（Juliette Dubois）: who reports, no side of diplomacy
            name = text[start:end]
            if _VERB_IN_NAME.search(name) or (start and text[start - 1].isdigit()):
                continue  # 27日接受福斯商业网（Fox Business）访问: a date and a deed before a medium's name
            if len(name) < 2 or name.endswith(_INSTITUTION_END) or name in self.nonperson or name in common_words():
                continue  # (国是访问(State Visit): a word glossed, not a name)
            if name.startswith(_SPOUSE) or text[:start].endswith(_SPOUSE):
                continue  # 特朗普夫人梅拉尼娅(Melania Trump): a leader's spouse, no side of diplomacy
            if len(m.group(2).split()) < 2:
                continue  # 伊尔平（Irpin）: one English word glosses a place or a body; a person has two
            if longer or free(start, end):  # (马祖达尔 over the place 马祖 and the person 达尔 it holds)
                found[(start, end)] = m.group(2).strip()
        # transliterated names with a middle dot
        for m in _DOTTED.finditer(text):
            start, end = m.span()
            while start < end and text[start] not in self.translit:
                start += 1
            first_dot = text.find("·", start, end)
            for t in gaz:  # 乌克兰外长安德烈·西比加: the country and title are not part of the name
                if t.label_ in (TITLE, COUNTRY, PLACE) and start < t.end_char <= first_dot:
                    start = max(start, t.end_char)
            last_dot = text.rfind("·", start, end)
            stop = last_dot + 1
            while stop < end and text[stop] in self.translit and not (
                    stop - last_dot > 2 and text.startswith(STOP_AFTER, stop)):
                stop += 1
            end = stop
            first, last = text[start:end].split("·", 1)[0], text[start:end].rsplit("·", 1)[-1]
            share = sum(c in self.translit for c in first + last) / max(1, len(first + last))
            if len(first) < 2 or len(last) < 2 or share < 0.6:
                continue  # 法律·政策, 定位·个人信息: words joined by a dot, not a name
            if end - start >= 3 and "·" in text[start:end] and free_but_inner_persons(start, end):
                found.setdefault((start, end), None)  # 克里斯托弗·拉克森 is not 克里
        # a longer foreign name around a known one: 史丹利约翰逊 is not 约翰逊
        for span in gaz:
            if span.label_ != PERSON or span_text(span).isascii() or self._written_in_characters(span):
                continue  # (谢谢蔡英文: a Chinese name has no transliteration before it)
            start = span.start_char
            while start > 0 and text[start - 1] in self.translit and start > span.start_char - 4 \
                    and text[start - 1] not in _BEFORE_A_NAME and not (
                        text[start - 1] == "日" and start > 1 and text[start - 2] in _DAY_DIGITS):
                start -= 1  # (not 28日於布林肯陪伴下: a day and a preposition before the name)
            if span.start_char - start >= 2 and not any(t.end_char > start and t.start_char < span.start_char
                                                         for t in gaz if t is not span):
                found[(start, span.end_char)] = None
        # English title + name
        for m in _EN_TITLE.finditer(text):
            start, end = m.span(1)
            if free(start, end):
                found.setdefault((start, end), m.group(1))
        spans = [self._span(doc, a, b, en) for (a, b), en in found.items()]
        spans = [s for s in spans if s is not None]
        spans.extend(self._repeats(doc, spans, taken))
        doc.spans["names"] = filter_spans(spans)
        return doc

    def _written_in_characters(self, span: Span) -> bool:
        """True for a person of the tables from a country that writes names in characters (CHN, JPN …)."""
        person = self.lexicon.persons.get(span.kb_id_)
        return person is not None and person.country in NAME_MAX_CJK

    @staticmethod
    def _span(doc: Doc, start: int, end: int, name_en: str | None) -> Span | None:
        span = doc.char_span(start, end, label=PERSON, alignment_mode="expand")
        if span is not None:
            span._.name_en = name_en
        return span

    def _repeats(self, doc: Doc, spans: list[Span], taken: list[tuple[int, int]]) -> list[Span]:
        """Every other occurrence of a found name and of its last part after `·`."""
        text = doc_text(doc)
        forms: dict[str, str | None] = {}
        for span in spans:
            if span_text(span).isascii():
                continue
            forms.setdefault(span_text(span), span._.name_en)
            if "·" in span_text(span):
                last = span_text(span).rsplit("·", 1)[1]
                if len(last) >= 2:
                    forms.setdefault(last, span._.name_en)
        seen = {(s.start_char, s.end_char) for s in spans}
        out = []
        for form, en in forms.items():
            for m in re.finditer(re.escape(form), text):
                a, b = m.span()
                if (a, b) in seen or any(not (b <= s or a >= e) for s, e in taken):
                    continue
                span = self._span(doc, a, b, en)
                if span is not None:
                    out.append(span)
        return out


def _country_before(gaz: list[Span], title: Span, text: str) -> str | None:
    """The country named right before a title (德国总理 -> DEU); the caller falls back on the title's own."""
    if posted_abroad(text, title.start_char):  # 驻巴西大使祝青桥: Brazil is where he serves, not whose envoy he is
        return envoy_sender(gaz, title.start_char, text)
    for span in gaz:
        if span.end_char == title.start_char and span.label_ == COUNTRY:
            return span.kb_id_
        if span.end_char <= title.start_char and title.start_char - span.end_char <= 5 and span.label_ == COUNTRY:
            return span.kb_id_
    return None


_LIST_SEP = re.compile(r"(?:、|和|及|以及)$")
_LIST_DEPTH = 4  # titles listed after one country: 秘鲁总统、总理、外长和国防部长


def listed_country(spans: list[Span], title: Span, text: str, depth: int = 0) -> str | None:
    """The country of a title listed after another office of one country (秘鲁总统、总理和外长;
    越南政府总理范明政和国会主席陈清敏): the country of the item before it in the list."""
    sep = _LIST_SEP.search(text, max(0, title.start_char - 2), title.start_char)
    if sep is None or depth > _LIST_DEPTH:
        return None
    pos = sep.start()
    prev = next((s for s in spans if s.end_char == pos and s.label_ in (TITLE, PERSON)), None)
    if prev is None:  # an unknown name after the previous title (范明政 before 和)
        prev = next((s for s in spans if s.label_ == TITLE and 2 <= pos - s.end_char <= 4
                     and all("\u4e00" <= c <= "\u9fff" for c in text[s.end_char:pos])), None)
    if prev is None:
        return None
    if prev.label_ == PERSON:
        person = get_lexicon().persons.get(prev.kb_id_)
        return person.country if person is not None else None
    return _country_before(spans, prev, text) or listed_country(spans, prev, text, depth + 1)


def posted_abroad(text: str, title_start: int) -> bool:
    """True for a title told as …驻[host]…: an envoy serving in the host country."""
    return _posted_at(text, title_start) >= 0


def _posted_at(text: str, title_start: int) -> int:
    """Where the 驻 before a title stands (at most `_POSTED_REACH` before it), else -1."""
    return text.rfind("驻", max(0, title_start - _POSTED_REACH), title_start)


def envoy_sender(spans: list[Span], title_start: int, text: str) -> str | None:
    """The country that posts an envoy, for a title told as [country]驻[host]…: 中国驻肯尼亚大使 -> CHN,
    日本驻华使馆首席公使 -> JPN (the host is the nearer country, and not whose envoy it is); None
    when the text does not say (驻巴西大使)."""
    posted = _posted_at(text, title_start)
    if posted < 0:
        return None
    return next((s.kb_id_ for s in spans if s.label_ == COUNTRY and s.end_char == posted), None)


@Language.factory("timeline_names")
def make_names(nlp: Language, name: str) -> NameFinder:
    """spaCy factory for `NameFinder`."""
    return NameFinder(nlp)
