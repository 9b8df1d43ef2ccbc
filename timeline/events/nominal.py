"""Meetings named by a noun phrase: sides, then an office, modifiers and an event noun.

中俄元首会晤, 法德外长会谈, 澳大利亚和新西兰两国总理年度会晤, 北欧五国外长会议, 伊朗—沙特外长会晤,
日菲外交与国防部长“2+2”会谈, 第46届东盟峰会, “特金会” (`nicknames`): the phrase names its own sides, wherever it stands in the
clause (subject, object of 举行/出席/推迟, inside a time clause). The sides are a dyad (中俄), a group
(`timeline.groups`: 北欧五国, 七国集团) or countries joined by 、/和/与/及 or a dash; with an office word
they are that office's holders in each country (re-resolved at the event's date like any title), with
峰会/首脑会议 the leaders, else the countries. Parts: `data/nominal.tsv`; office words:
`data/group_words.tsv`.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date
from functools import lru_cache

from timeline.groups import LEADER, MAX_SPELLED, GroupMention, get_groups
from timeline.events.nicknames import nickname_meetings
from timeline.components.names import continues_a_name
from timeline.lexicon import COUNTRY, PLACE, get_lexicon, letters_start
from timeline.events.sentence import Named
from timeline.record import Actor
from timeline.tsv import DATA, read_tsv

_NUM = r"(?:[0-9]{1,2}|[两二三四五六七八九十]{1,2})"
_JOIN = re.compile(r"\s*(?:、|和|与|及|-|—|–|－)\s*$")
_SHARED = re.compile(r"\s*(?:、|和|与|及)\s*")
_PARTNERS_AFTER = re.compile(r"(?:与|同|(?<![共])和|跟)\s*$")  # (the partners of a subject before them)
_SUMMIT = ("峰会", "首脑会议", "首脑会谈", "首脑会晤", "领导人会议")


@dataclass(frozen=True)
class Nominal:
    """A meeting noun phrase: [start, end) in the text, its type and its sides."""

    start: int
    end: int
    type: str
    actors: tuple[Actor, ...]
    titled: tuple[tuple[Actor, str, str], ...]  # (holder, country, office) for re-resolution by date


_FIELD_NOUNS = "(?:对话|磋商|协商)"


@lru_cache(maxsize=1)
def _parts() -> tuple[re.Pattern[str], dict[str, str], dict[str, str]]:
    rows = list(read_tsv(DATA / "nominal.tsv"))
    nouns = {r["word"]: r["type"] for r in rows if r["kind"] == "noun"}
    alt = lambda ws: "|".join(re.escape(w) for w in sorted(ws, key=len, reverse=True))  # noqa: E731
    offices = {r["word"]: r["office"] for r in read_tsv(DATA / "group_words.tsv") if r.get("kind") == "office"}
    offices.update({r["word"]: r["type"] for r in rows if r["kind"] == "office"})  # (外长和防长: two offices)
    mods = alt([r["word"] for r in rows if r["kind"] == "modifier"])
    tail = re.compile(
        rf"(?:\s*[（(][^（）()，。]{{1,16}}[）)])?(?:{_NUM}个?(?:国|方))?的?"
        rf"(?:(?P<office>{alt(offices)})的?)?(?:{mods}|第[0-9一二三四五六七八九十]{{1,3}}[次届轮])*"
        rf"(?:[\u4e00-\u9fff]{{0,8}}?(?:{alt([r['word'] for r in rows if r['kind'] == 'body'])})"
        rf"(?:{mods}|第[0-9一二三四五六七八九十]{{1,3}}[次届轮])*)?"  # (中哈合作委员会第八次会议)
        rf"(?:(?:(?:(?!举行|进行|召开|开展|举办|展开|[入的了将在是与和及闭])[\u4e00-\u9fff]){{1,4}}?"
        rf"|[\u4e00-\u9fff]{{2}}[与和][\u4e00-\u9fff]{{2}}(?:战略)?)(?={_FIELD_NOUNS}))?"  # the field of a dialogue (德中财金对话, 中美经贸磋商, 中德外交与安全战略对话; not 宣言中加入闭门磋商)
        rf"(?P<noun>{alt(nouns)})(?!{alt([r['word'] for r in rows if r['kind'] == 'after_block'])})")
    return tail, nouns, offices


def find_nominals(text: str, actors: list[Named], day: date | None,
                  group_mentions: list[GroupMention] | None = None) -> list[Nominal]:
    """Every meeting noun phrase of `text` whose sides the actor spans or the group table give
    (`group_mentions`: the groups of `text`, when already found)."""
    tail, nouns, offices = _parts()
    anchors: list[tuple[int, int, list[str], str | None, bool]] = []  # start, end, countries, office, group
    for span in actors:
        if span.label_ == "DYAD":
            anchors.append((span.start_char, span.end_char, [a.country for a in span.actors if a.country], None, False))
    for start, end, isos in _country_chains(text, actors):
        anchors.append((start, end, isos, None, False))
    taken = [(s.start_char, s.end_char) for s in actors if s.label_ != "DYAD"]
    named = {a.country for s in actors for a in s.actors if a.country}
    for start, end, isos in _letter_dyads(text, taken, named):
        anchors.append((start, end, isos, None, False))
    groups = get_groups()
    for m in group_mentions if group_mentions is not None else groups.find(text):
        if m.key is None:
            continue
        members = groups.members(m.key, day)
        # a small group is its members (北欧五国外长, 中亚五国); an organisation without an office word is
        # itself (东盟峰会, 二十国集团峰会: not a meeting of named sides), and so is a large one
        if len(members) <= MAX_SPELLED and (m.office or not groups.groups[m.key].org):
            anchors.append((m.start, m.end, members, m.office, True))
    out: list[Nominal] = []
    ordered = sorted(anchors, key=lambda a: (a[0], -a[1]))
    for start, end, isos, office, group in ordered:
        if len(set(isos)) < 2 or any(n.start <= start < n.end for n in out):
            continue
        m = tail.match(text, end)
        stop = m.end() if m is not None else end
        if m is None:  # 韩日、韩中首脑会谈: sides sharing the noun of the next ones
            shared = next((a for a in ordered if a[0] > end and _SHARED.fullmatch(text, end, a[0])), None)
            m = tail.match(text, shared[1]) if shared is not None else None
        if m is None:
            continue
        word = m.group("office") or office
        # (a group of more than two meets at the top: 北欧五国会晤; a pair as any dyad: 两韩会谈 are the two Koreas)
        key = offices.get(word, word) if word else (
            LEADER if m.group("noun") in _SUMMIT or (group and len(set(isos)) > 2) else None)
        actors_, titled = _sides(list(dict.fromkeys(isos)), key, day)
        out.append(Nominal(start, stop, nouns[m.group("noun")], actors_, titled))
    out = [_with_partner(text, n, actors) for n in out]
    for start, end, sides in nickname_meetings(text, day):  # “特金会”, 习拜会: the leaders' initials
        if not any(n.start < end and start < n.end for n in out):
            out.append(Nominal(start, end, "meeting", sides, ()))
    return out


_NUMERALS = "〇一二三四五六七八九十廿卅"
_DURING_AFTER = "晤谈议问见程判面话"  # the last letters of event words before 中 (会晤中, 访问中, 谈判中)
_WITH = re.compile(r"[^，。；、,;：:与同跟和]{0,8}?(?:与|同|跟)\s*")  # (拜登周四与…, 拜登将于本周与…)


def _with_partner(text: str, n: Nominal, actors: list[Named]) -> Nominal:
    """The phrase with the side named before it by 与/同/跟 (特朗普与中亚国家领导人会晤: he meets them too)."""
    partner = next((a for a in actors if a.actors and a.label_ != "DYAD" and (m := _WITH.match(text, a.end_char))
                    and m.end() == n.start and not any(a.end_char < b.start_char < n.start for b in actors)), None)
    if partner is None:
        return n
    return Nominal(n.start, n.end, n.type, (*[a for a in partner.actors if a not in n.actors], *n.actors), n.titled)


def _country_chains(text: str, actors: list[Named]) -> list[tuple[int, int, list[str]]]:
    """Runs of two or more country spans joined by 、/和/与/及 or a dash (法国、德国和波兰, 伊朗—沙特),
    except runs of partners after 与/同/和/跟 (东盟将分别和俄罗斯、新西兰会谈: talks with each)."""
    countries = [s for s in actors if s.label_ == "COUNTRY" and s.actors and len(s.actors) == 1
                 and s.actors[0].kind == "country"]
    out, run = [], []
    for span in countries:
        if run and _JOIN.match(text, run[-1].end_char, span.start_char):
            run.append(span)
            continue
        if len(run) > 1 and not _PARTNERS_AFTER.search(text, 0, run[0].start_char):
            out.append((run[0].start_char, run[-1].end_char, [s.actors[0].country for s in run]))
        run = [span]
    if len(run) > 1 and not _PARTNERS_AFTER.search(text, 0, run[0].start_char):
        out.append((run[0].start_char, run[-1].end_char, [s.actors[0].country for s in run]))
    return out


def _letter_dyads(text: str, taken: list[tuple[int, int]], named: set[str]) -> list[tuple[int, int, list[str]]]:
    """Runs of two to four one-letter country forms (日菲, 美日澳印) that no name covers; a letter of
    several countries (巴: Brazil, Pakistan) is the one the text names (巴土战略对话 after 巴基斯坦外长)."""
    by_short = get_lexicon().country_by_short
    out = []
    for m in _letters().finditer(text):
        a, b = m.span()
        a = letters_start(text, a, b)  # (参加中俄…: the 加 of 参加 is no Canada)
        if (text[a] == "中" and text[a - 1:a] and text[a - 1] in _DURING_AFTER) or (
                text[a] == "日" and text[a - 1:a] and (text[a - 1].isdigit() or text[a - 1] in _NUMERALS)):
            a += 1  # 会晤中意识到: 中 is "during" the event just named, no China; 20日以视频会议: a day, no Japan
        if b - a < 2 or any(s < b and a < e for s, e in taken) or continues_a_name(text, a) \
                or any(e.label in (COUNTRY, PLACE) for k in range(2, 6) for e in get_lexicon().lookup(text[a:a + k])):
            continue  # (阿拉斯加峰会: the end of a place's name; 印尼外长会谈: Indonesia, not India and Nepal;
            # 墨西哥总统对话: Mexico, not Mexico and Spain; 在巴黎会晤: Paris, not Brazil and Lebanon)
        isos = [next((iso for iso in by_short[c] if iso in named), by_short[c][0]) for c in text[a:b]]
        if len(set(isos)) == b - a:
            out.append((a, b, isos))
    return out


@lru_cache(maxsize=1)
def _letters() -> re.Pattern[str]:
    shorts = "".join(sorted(s for s in get_lexicon().country_by_short if len(s) == 1))
    return re.compile(rf"(?<![{shorts}])[{shorts}]{{2,4}}(?![{shorts}])")


def _sides(isos: list[str], office: str | None, day: date | None) -> tuple[tuple[Actor, ...], tuple]:
    """Each country's holders of `office` (several offices joined by +) on `day`, else the country (the
    leaders of a group with meetings of its own as that group's meetings take them: 中日韩 China's premier)."""
    lex, groups = get_lexicon(), get_groups()
    group = groups.exactly(set(isos), day)
    actors: list[Actor] = []
    titled: list[tuple[Actor, str, str]] = []
    for iso in isos:
        country = lex.countries.get(iso)
        held = []
        for key in (office or "").split("+"):
            if not key:
                continue
            key = groups.leader_of(iso, group) if key == LEADER else key
            person = lex.holder(iso, key, day) if day is not None else None
            if person is not None:
                actor = Actor(person.name, person.name_en, "person", person.country, key)
                held.append(actor)
                titled.append((actor, iso, key))
        if held:
            actors.extend(held)
        elif country is not None:
            actors.append(Actor(country.name, country.name_en, "org" if country.kind in ("org", "movement") else "country",
                                iso if country.kind == "country" else None))
    return tuple(actors), tuple(titled)
