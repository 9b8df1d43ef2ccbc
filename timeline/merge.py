"""Merge mentions of the same real event into one record.

One real-world event is one record, however many sentences or documents mention it, and
merging never guesses across documents (SPEC.md, "The event record"). Three steps:

1. Within a document (`merge_document`), mentions with the same type and actors are one event
   when their dates nest (one interval contains the other, or one is undated) and their places
   nest (the same place, a city inside the other's country or inside a member of the other's
   organisation, a town or venue inside the other's city, or one unknown): an undated mention
   joins the nearest event of its document that it fits, the dated event its words refer to. A
   wording by countries folds into the event that names the people for them (中澳会晤 beside
   李强同阿尔巴尼斯会晤); talks with no place, told of the sides of a call on its day (or undated, the only
   talks told of them), are that call; a trip to a country and its legs to several places in it are apart.
2. Across documents (`link`), a document's event joins the events of other documents only when
   they are the one candidate it can refer to, with the same type, actors and status and a place
   that agrees:
   - a dated event: one whose date agrees with its own, the same interval or one inside it (the
     month of a meeting contains its day); when two agree, it guesses neither;
   - an undated event: one dated within the `WINDOW_DAYS` days up to its own document's
     publication time (DCT, the event's `published`), as an article reports a recent event as
     news; 曾 or 此前 without a date do not say which of a pair's many meetings is meant. An
     undated statement never joins another document's (people speak all the time).
   Otherwise it stays a record of its own. `link` is a function of the set of the documents'
   events (it takes them most precise first, in a fixed order), so the records do not depend on
   the order in which documents arrive: `merge` of a corpus, `Merger` fed one document at a time,
   the store (`timeline.store`) and the Dask engine give the same records.
3. The days of one visit that a document tells (arrival, then a speech the next day) fold into
   its first day (`_join_trips`).

The merged record keeps the most precise date and place any mention gives (but a visit's stay of
a few days, told by its first day and its length or by a range told of that one place, over a day
of it told alone), counts its
mentions and lists its documents. Every step looks only at events with the same type and actors, indexed
by date, so merging a corpus costs time linear in its mentions (and a sort).
"""
from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, timedelta

from timeline.groups import get_groups
from timeline.record import Event, Location, When

WINDOW_DAYS = 14  # SPEC.md: an undated event of another document is at most 14 days before the DCT
_TRIP_DAYS = 31  # a visit of at most a month is a trip whose legs can be told apart
VISIT_DAYS = 3  # a visit reported on consecutive days (arrival, then a speech) is one visit


def _nested(a: When, b: When) -> bool:
    if not a.date_start or not b.date_start:
        return True
    return (a.date_start <= b.date_start and b.date_end <= a.date_end) or (
        b.date_start <= a.date_start and a.date_end <= b.date_end)


def _place_rank(loc: Location | None) -> int:
    if loc is None:
        return 0
    return {"country": 1, "region": 2}.get(loc.kind, 3)


def _places_agree(a: Location | None, b: Location | None) -> bool:
    """The same place, a place inside the other's country or city (都江堰 in 成都, a venue in its city), or
    a city inside a member of the other's organisation (访欧 and Vilnius: the EU holds Lithuania; not 访欧
    and 访问法国: a country of its own)."""
    if a is None or b is None or a.name == b.name or a.city == b.name or b.city == a.name:
        return True
    return (a.kind == "country" and b.country == a.country) or (b.kind == "country" and a.country == b.country) \
        or (a.kind == "country" and b.kind != "country" and _holds(a.country, b.country)) \
        or (b.kind == "country" and a.kind != "country" and _holds(b.country, a.country))


def _holds(org: str | None, iso3: str | None) -> bool:
    return bool(org and iso3) and get_groups().org_has(org, iso3, None)


def _key(e: Event) -> tuple[str, frozenset[str]]:
    return e.type, frozenset(a.name for a in e.actors)


def _absorb(into: Event, other: Event, stays: frozenset[tuple] = frozenset()) -> Event:
    when = other.when if other.when.days < into.when.days else into.when
    if into.type == "visit" and (_stay_from(into.when, other.when) or _told_stay(into.when, other.when, stays)):
        when = max(into.when, other.when, key=lambda w: w.days)  # (a stay of days told beside its first day)
    where = other.location if _place_rank(other.location) > _place_rank(into.location) else into.location
    actors = {a.name: a for a in other.actors}
    actors.update({a.name: a for a in into.actors})
    docs = _union(into.doc_ids, other.doc_ids)
    status = into.status if into.status == other.status else ("cancelled" if "cancelled" in (
        into.status, other.status) else _status_by_day(when, into.published or other.published) or into.status)
    return into.with_(when=when, location=where, actors=tuple(actors.values()), doc_ids=docs,
                      mentions=into.mentions + other.mentions, status=status,
                      confidence=max(into.confidence, other.confidence), implied=into.implied and other.implied)


def _status_by_day(when: When, published: str | None) -> str | None:
    """Of two mentions that disagree (a headline's 赴美访问, the body's 将…访问), the status the day says:
    planned when the event starts after the day the story was published, occurred when it ended
    before; None when the day does not tell."""
    if not published or not when.date_start or not when.date_end:
        return None
    day = published[:10]
    return "planned" if when.date_start > day else "occurred" if when.date_end < day else None


_STAY_DAYS = 14  # the longest stay, as `events.dating` bounds one (merge imports no pipeline module)
_RANGE = re.compile(r"至|到|[-~～－—∼…]")  # a range of days written (今天至12月3日, 25日至27日; 5日…9日: a stay to its last day)
_NO_STAY = re.compile(_RANGE.pattern + r"|之行|之旅|行程")  # a range or a journey's window (8天6国之行)


def _stay_from(a: When, b: When) -> bool:
    """True when one of two dated intervals is a stay of at most `_STAY_DAYS` days that a day and a
    length tell, and the other its first day (SPEC.md: a trip of several days is that whole interval;
    8日抵达莫斯科，开始…为期两天的访问 beside 8日抵达莫斯科). Not a range or a journey's window, which may
    be a whole tour (25日至27日访问古巴、巴西 beside 25日访问古巴), unless the day is told as the one the
    journey starts on (18日至23日访问A、B和C beside 从周四(18日)起出访A、B和C)."""
    longer, day = (a, b) if a.days > b.days else (b, a)
    return bool(a.date_start and b.date_start) and a.date_start == b.date_start and day.days == 1 \
        and 1 < longer.days <= _STAY_DAYS and (not _NO_STAY.search(longer.date_text or "")
                                               or day.starts_journey)


def _told_stay(a: When, b: When, stays: frozenset[tuple]) -> bool:
    """True when one of two dated intervals is a stay told of a visit to one place only (`stays`:
    今天至12月3日访问台湾, 18日起访问朝鲜2天; not 25日至27日访问古巴、巴西, 19日起对A、B、C展开为期5天的访问)
    and the other days inside it (到访的X on the day of the talks): one visit, the whole stay."""
    longer, inner = (a, b) if a.days > b.days else (b, a)
    return inner.days < longer.days and (longer.date_start, longer.date_end, longer.date_text) in stays \
        and longer.date_start <= inner.date_start and inner.date_end <= longer.date_end


def _single_stays(mentions: list[Event]) -> frozenset[tuple]:
    """The stays of two to `_STAY_DAYS` days that a document tells of a visit to one place only (a range,
    or a day and a length): an interval whose trigger has no visit to another country beside it (nor, for a
    day and a length, any other sentence: 8天6国之行的第一站伦敦 … 前往柏林和巴黎)."""
    places: dict[tuple, set] = {}
    windows: dict[tuple, set] = {}  # the same days told of visits to other countries anywhere: a tour's window
    for m in mentions:
        # (a range written, or a day and a length: 18日起访问朝鲜2天; not a vague part of a month, 9月初)
        if m.type == "visit" and m.when.date_start and 1 < m.when.days <= _STAY_DAYS \
                and (_RANGE.search(m.when.date_text or "") or len(m.when.date or "") == 10):
            country = m.location.country if m.location else None
            places.setdefault((m.char_start, m.when.date_start, m.when.date_end, m.when.date_text), set()).add(country)
            windows.setdefault((m.when.date_start, m.when.date_end), set()).add(country)
    return frozenset(k[1:] for k, where in places.items() if len(where - {None}) <= 1  # (a visit with no place told: the same)
                     and (_RANGE.search(k[3] or "") or len(windows[k[1:3]] - {None}) <= 1))



def _union(docs: list[str], more: list[str]) -> list[str]:
    """`docs` then the documents of `more` not in it (a mention adds one document: no rebuild)."""
    if len(more) == 1:
        return docs if more[0] in docs else [*docs, more[0]]
    return list(dict.fromkeys([*docs, *more]))


# ---------------------------------------------------------------- entry points

def merge(mentions: Iterable[Event]) -> list[Event]:
    """One event per real-world event, in the order of first mention."""
    merger = Merger()
    merger.add(mentions)
    return merger.result()


class Merger:
    """`merge` fed one document at a time: the same records as `merge` of all mentions at once,
    whatever the order of the documents.

    Each document's mentions are merged as they arrive (`merge_document`), the documents' events
    are linked at the end (`link`): memory holds the documents' events, not the documents."""

    def __init__(self) -> None:
        self._events: list[Event] = []

    def add(self, mentions: Iterable[Event]) -> None:
        """All the mentions of a document (or of several whole documents)."""
        for doc_mentions in _by_doc(mentions).values():
            self._events.extend(merge_document(doc_mentions))

    def result(self) -> list[Event]:
        """The merged events (after the last `add`)."""
        return [e for e, _ in link(self._events)]


def _by_doc(mentions: Iterable[Event]) -> dict[str, list[Event]]:
    groups: dict[str, list[Event]] = {}
    for m in mentions:
        groups.setdefault(m.doc_id, []).append(m)
    return groups


# ---------------------------------------------------------------- 1. within a document

def merge_document(mentions: list[Event]) -> list[Event]:
    """The events of one document: its mentions merged (step 1 of the module docstring)."""
    return _fold_talks_into_calls(_fold_coarse(_merge_same(mentions)))


def _fold_talks_into_calls(events: list[Event]) -> list[Event]:
    """Talks with no place told of the same sides on the day of their call (马克龙周五与泽连斯基通电话…
    马克龙周五下午还与泽连斯基会谈) are that call: folded into it; so are undated talks with no place
    when they are the only talks the document tells of the sides of a call on one day (a headline's
    菅义伟与特朗普首次会谈 over 20日晚…举行电话会谈)."""
    calls = {(frozenset(a.name for a in e.actors), e.when.date_start): i for i, e in enumerate(events)
             if e.type == "call" and e.when.date_start and e.when.date_start == e.when.date_end}
    if not calls:
        return events
    meetings = Counter(frozenset(a.name for a in e.actors) for e in events if e.type == "meeting")
    per_sides = Counter(sides for sides, _ in calls)
    one_call = {sides: i for (sides, _), i in calls.items() if per_sides[sides] == 1}
    out: list[Event | None] = list(events)
    for i, e in enumerate(events):
        if e.type != "meeting" or e.location is not None:
            continue
        sides = frozenset(a.name for a in e.actors)
        j = calls.get((sides, e.when.date_start)) if e.when.date_start == e.when.date_end else None
        if j is None and e.when.date_start is None and meetings[sides] == 1:
            j = one_call.get(sides)
        if j is not None and e.status == events[j].status:
            out[j] = _absorb(out[j], e).with_(type="call", cameo=events[j].cameo, location=events[j].location)
            out[i] = None
    return [e for e in out if e is not None]


def _merge_same(mentions: list[Event]) -> list[Event]:
    """Merge a document's mentions with the same type and actors."""
    merged: list[Event] = []
    index = _Index()
    # dated mentions first, so an undated mention joins the event its date-less words refer to
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].when.date_start is None, i))
    stays, legs = _single_stays(mentions), _legs(mentions)
    for i in order:
        _merge_one(merged, index, mentions[i], stays, legs)
    return merged


class _Index:
    """The merged events by key (type + actors), and within a key by year, so that merging a
    long document looks only at events that can nest with a mention."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, frozenset[str]], list[int]] = {}
        self.by_year: dict[tuple, set[int]] = {}
        self.undated: dict[tuple, set[int]] = {}

    def add(self, j: int, e: Event) -> None:
        """Index event `j` (`e`) under its years."""
        key = _key(e)
        if e.when.date_start:
            self.undated.get(key, set()).discard(j)
        else:
            self.undated.setdefault(key, set()).add(j)
        for year in _years(e.when):
            self.by_year.setdefault((key, year), set()).add(j)


def _years(when: When) -> range:
    """The years an interval touches (nested intervals always share one)."""
    if not when.date_start or not when.date_end:
        return range(0)
    return range(int(when.date_start[:4]), int(when.date_end[:4]) + 1)


def _merge_one(merged: list[Event], index: _Index, m: Event, stays: frozenset[tuple] = frozenset(),
               legs: frozenset[tuple] = frozenset()) -> None:
    """Merge mention `m` into `merged` (or append it as a new event).

    A dated mention joins the first event (in order of creation) whose interval nests with its
    own; an undated one the nearest event before it that it fits, else the first after it."""
    key = _key(m)

    def fits(j: int) -> bool:
        return (_nested(merged[j].when, m.when) and not (merged[j].implied and not m.when.date_start) and _places_agree(merged[j].location, m.location)
                and _status_agree(merged[j], m) and not _later_leg(merged[j], m)
                and not _one_of_legs(merged[j], m, legs))

    if m.when.date_start:
        near = set().union(*(index.by_year.get((key, y), set()) for y in _years(m.when)))
        near |= index.undated.get(key, set())
        target = min((j for j in near if fits(j)), default=None)
    else:
        # (of two told as near, the one with a place: 5日展开亚洲行…，6日先抵日本 … 抵东京后: the stop in Japan)
        # (期间会到德国出席慕尼黑安全会议 after 今出访欧洲: the stay in Germany told elsewhere, not the day of setting off)
        target = max((j for j in index.by_key.get(key, []) if fits(j)), default=None,
                     key=lambda j: (m.location is not None and merged[j].location is not None,
                                    merged[j].char_start if merged[j].char_start <= m.char_start else -1))
    if target is not None:
        merged[target] = _absorb(merged[target], m, stays) if _first(merged[target], m) else _absorb(m, merged[target], stays)
        index.add(target, merged[target])
    else:
        index.by_key.setdefault(key, []).append(len(merged))
        index.add(len(merged), m)
        merged.append(m)


def _later_leg(a: Event, b: Event) -> bool:
    """True when one of two dated visits is a later leg of the other: a city of the country
    the other visits, from a later day (访华4日至7日, 6日和7日访问上海)."""
    if a.type != "visit" or not a.when.date_start or not b.when.date_start or a.location is None \
            or b.location is None or a.location.name == b.location.name:
        return False
    country, city = (a, b) if a.location.kind == "country" else (b, a)
    return country.location.kind == "country" and city.location.kind != "country" \
        and city.when.date_start > country.when.date_start and country.when.days <= _TRIP_DAYS \
        and len(country.when.date or "") == 10  # (days told: 3月访问美国 is no trip of known days)


def _legs(mentions: list[Event]) -> frozenset[tuple]:
    """The visits of a document told to two or more places inside one country over the same interval
    (还将赴江苏、广东参观访问 during 9日至15日访华): (key, first day, last day, country) of each."""
    places: dict[tuple, set[str]] = {}
    for m in mentions:
        if m.type == "visit" and m.when.date_start and m.location is not None and m.location.kind != "country":
            places.setdefault((_key(m), m.when.date_start, m.when.date_end, m.location.country), set()).add(m.location.name)
    return frozenset(k for k, names in places.items() if len(names) > 1)


def _one_of_legs(a: Event, b: Event, legs: frozenset[tuple]) -> bool:
    """True when one of two visits over the same interval is to a country and the other to one of
    several places in it told over that interval (`legs`): the whole trip and one leg, two records."""
    if a.type != "visit" or a.location is None or b.location is None or \
            (a.location.kind == "country") == (b.location.kind == "country") or a.when != b.when:
        return False
    leg = b if a.location.kind == "country" else a
    return (_key(leg), leg.when.date_start, leg.when.date_end, leg.location.country) in legs


def _status_agree(a: Event, b: Event) -> bool:
    """Two mentions of one document may be one event: the same status, one undated, or a plan and
    a deed of the same days (…5日举行战略对话。…可能磋商了: the talks told, guessed at; 其间将访问北京 and
    During his visit to Beijing, both dated by the stay, of one place, or of a city and its country:
    抵达北京开启访华行程 and 飞抵北京,准备开启两天访华行程)."""
    if a.status == b.status or a.when.date_start is None or b.when.date_start is None:
        return True
    if {a.status, b.status} != {"planned", "occurred"}:
        return False
    same_place = (a.location and a.location.name) == (b.location and b.location.name) \
        or (a.location is not None and b.location is not None and _places_agree(a.location, b.location))
    if (a.when.date_start, a.when.date_end) == (b.when.date_start, b.when.date_end):
        return a.when.days == 1 or same_place
    # (飞抵北京，准备开启两天访华行程: the day of arrival, done, and the stay it opens, still ahead)
    return a.type == "visit" and same_place and _stay_from(a.when, b.when)


def _first(a: Event, b: Event) -> bool:
    return (a.doc_id, a.char_start) <= (b.doc_id, b.char_start)


def _refines(coarse: Event, fine: Event) -> bool:
    """True when `fine` names the same sides as `coarse`, more precisely: every person of
    `coarse` is in `fine`, and every country of `coarse` is in `fine` or is the country of
    a person of `fine` not otherwise accounted for (中德会谈 vs 李强与朔尔茨会谈). The caller
    pairs events of one document only (`_by_doc_and_type`)."""
    if coarse.type != fine.type or coarse is fine:
        return False
    names = {a.name for a in fine.actors}
    free = [a for a in fine.actors if a.name not in {c.name for c in coarse.actors}]
    if len(coarse.actors) > len(fine.actors) or not any(a.kind == "country" for a in coarse.actors):
        return False
    for a in coarse.actors:
        if a.name in names:
            continue
        if a.kind != "country":
            return False
        match = next((f for f in free if f.kind == "person" and f.country == a.country), None)
        if match is None:
            return False
        free.remove(match)
    return _nested(coarse.when, fine.when) and _places_agree(coarse.location, fine.location)


def _by_doc_and_type(events: list[Event]) -> dict[tuple[str, str], list[int]]:
    """Indexes of the events, grouped by (document, type): folding never crosses these."""
    groups: dict[tuple[str, str], list[int]] = {}
    for i, e in enumerate(events):
        for doc in dict.fromkeys(e.doc_ids or [e.doc_id]):
            groups.setdefault((doc, e.type), []).append(i)
    return groups


def _fold_coarse(events: list[Event]) -> list[Event]:
    """Fold events whose sides are countries into the event naming the people for them."""
    out: list[Event | None] = list(events)
    stays = _single_stays(events)
    for members in _by_doc_and_type(events).values():
        coarse_first = sorted(members, key=lambda i: sum(a.kind == "country" for a in events[i].actors), reverse=True)
        for c in coarse_first:
            coarse = out[c]
            if coarse is None or not any(a.kind == "country" for a in coarse.actors):
                continue
            fits = [j for j in members if j != c and out[j] is not None and _refines(coarse, out[j])]
            # the nearest reading: the same sentence, then the same status and date
            names = {a.name for a in coarse.actors}
            f = min(fits, key=lambda j: (out[j].char_start != coarse.char_start,
                                         -len(names & {a.name for a in out[j].actors}), out[j].status != coarse.status,
                                         out[j].when.date_start != coarse.when.date_start, j), default=None)
            if f is not None:
                fine = out[f]
                # (防相3日访美 over 木原稔3日到6日访美: the person's stay, not its first day)
                folded = _absorb(fine, coarse, stays).with_(actors=fine.actors)
                if fine.status != coarse.status:  # a plan told twice: the coarse words do not date it
                    folded = folded.with_(when=fine.when, status=fine.status)
                out[f] = folded
                out[c] = None
    return [e for e in out if e is not None]


# ---------------------------------------------------------------- 2. across documents

def link(events: list[Event]) -> list[tuple[Event, list[int]]]:
    """The documents' events merged across documents (steps 2 and 3 of the module docstring),
    in the order of first mention, each with the indexes of the `events` that went into it
    (the first mention's first)."""
    by_key: dict[tuple[str, frozenset[str]], list[int]] = {}
    for i, e in enumerate(events):
        by_key.setdefault(_key(e), []).append(i)
    out: list[tuple[Event, list[int]]] = []
    for members in by_key.values():
        out.extend(_join_trips(_link_key(events, members)))
    # events with the same first mention come from one document: in the order it gave them
    return sorted(out, key=lambda pair: (pair[0].doc_id, pair[0].char_start, pair[1][0]))


@dataclass
class _Cluster:
    """Documents' events found to be one event: the first (most precise) one's date, the best
    place so far, the documents they come from."""

    when: When
    location: Location | None
    status: str
    members: list[int] = field(default_factory=list)
    docs: set[str] = field(default_factory=set)

    def admits(self, e: Event) -> bool:
        """Same status, a place that agrees, and not from a document already in (that document
        told its events apart)."""
        return e.status == self.status and e.doc_id not in self.docs and _places_agree(self.location, e.location)

    def take(self, i: int, e: Event) -> None:
        self.members.append(i)
        self.docs.add(e.doc_id)
        if _place_rank(e.location) > _place_rank(self.location):
            self.location = e.location


def _precise_first(e: Event) -> tuple:
    """Shorter intervals first (undated last), then the better place, then a fixed order."""
    return (e.when.days, e.when.date_start or "", -_place_rank(e.location), e.doc_id, e.char_start, e.char_end,
            e.sentence, e.location.name if e.location else "")


def _link_key(events: list[Event], indexes: list[int]) -> list[tuple[Event, list[int]]]:
    """`link` for the events of one key."""
    clusters: list[_Cluster] = []
    by_month: dict[str, list[int]] = {}  # dated clusters by the month their interval starts
    undated: list[int] = []
    for i in sorted(indexes, key=lambda i: _precise_first(events[i])):
        e = events[i]
        if not e.when.date_start:
            undated.append(i)
            continue
        # the clusters so far are as precise or more: those inside this event's interval agree
        found = [c for month in _months(e.when) for c in by_month.get(month, [])
                 if e.when.date_start <= clusters[c].when.date_start and clusters[c].when.date_end <= e.when.date_end
                 and clusters[c].admits(e)]
        if len(found) != 1:
            by_month.setdefault(e.when.date_start[:7], []).append(len(clusters))
            clusters.append(_Cluster(e.when, e.location, e.status))
            found = [len(clusters) - 1]
        clusters[found[0]].take(i, e)
    starts = sorted((cluster.when.date_start, c) for c, cluster in enumerate(clusters))
    # the dated events as they are now: which undated events join them does not depend on one another
    joins = [(i, _recent(clusters, starts, events[i])) for i in undated]
    for i, c in joins:
        if c is None:
            clusters.append(_Cluster(events[i].when, events[i].location, events[i].status))
            c = len(clusters) - 1
        clusters[c].take(i, events[i])
    return [_combine(events, cluster.members) for cluster in clusters]


def _months(when: When) -> list[str]:
    """The months (`YYYY-MM`) an interval touches."""
    y, m = int(when.date_start[:4]), int(when.date_start[5:7])
    end = when.date_end[:7]
    out = []
    while f"{y:04d}-{m:02d}" <= end:
        out.append(f"{y:04d}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _recent(clusters: list[_Cluster], starts: list[tuple[str, int]], e: Event) -> int | None:
    """The one dated cluster an undated event can refer to: dated within `WINDOW_DAYS` days up
    to its document's DCT (`starts`: the clusters by start day), with the same status and a place
    that agrees; else None."""
    if not e.published or e.type == "statement":
        return None
    dct = e.published[:10]  # the day, as the article gives it (ISO 8601, local time)
    first = (date.fromisoformat(dct) - timedelta(days=WINDOW_DAYS)).isoformat()
    found = []
    k = bisect_left(starts, (first, -1))
    while k < len(starts) and starts[k][0] <= dct:
        c = starts[k][1]
        if clusters[c].when.date_end <= dct and clusters[c].admits(e):
            found.append(c)
        k += 1
    return found[0] if len(found) == 1 else None


def _combine(events: list[Event], members: list[int]) -> tuple[Event, list[int]]:
    """One event of several documents' events, and their indexes, the first mention first."""
    ordered = sorted(members, key=lambda i: (events[i].doc_id, events[i].char_start, i))
    out = events[ordered[0]]
    for i in ordered[1:]:
        out = _absorb(out, events[i])
    return out, ordered


# ---------------------------------------------------------------- 3. the days of a trip

def _same_trip(a: Event, b: Event) -> bool:
    """Two dated visits of the same visitor to the same place within a few days of each other,
    told by a document in common."""
    if a.type != "visit" or b.type != "visit" or _key(a) != _key(b) or not set(a.doc_ids) & set(b.doc_ids):
        return False
    if not a.when.date_start or not b.when.date_start or not _places_agree(a.location, b.location):
        return False
    if a.location is None or b.location is None:
        return False
    first, second = sorted((a, b), key=lambda e: e.when.date_start or "")
    if _AGAIN.search(second.sentence):
        return False  # 本周日，克里将重返安曼: a trip back, not another day of the first
    gap = (date.fromisoformat(second.when.date_start) - date.fromisoformat(first.when.date_end)).days
    return gap <= VISIT_DAYS and first.when.days <= 1 and second.when.days <= 1


_AGAIN = re.compile(r"重返|重访|再访|再次访问|再度访问")


def _join_trips(events: list[tuple[Event, list[int]]]) -> list[tuple[Event, list[int]]]:
    """Fold the days of one visit into its first day (`events` share one key)."""
    out: list[tuple[Event, list[int]] | None] = list(events)
    visits = sorted((i for i, (e, _) in enumerate(events) if e.type == "visit" and e.when.date_start),
                    key=lambda i: events[i][0].when.date_start or "")
    for n, i in enumerate(visits):
        if out[i] is None or out[i][0].when.days > 1:
            continue
        # later visits are sorted by start: past the last day a trip can reach, none can join
        last = (date.fromisoformat(out[i][0].when.date_end) + timedelta(days=VISIT_DAYS)).isoformat()
        for j in visits[n + 1:]:
            if out[j] is not None and (out[j][0].when.date_start or "") > last:
                break
            if out[j] is not None and _same_trip(out[i][0], out[j][0]):
                (first, taken), (later, more) = out[i], out[j]
                status = "occurred" if "occurred" in (first.status, later.status) else first.status
                out[i] = (_absorb(first, later).with_(when=first.when, status=status), taken + more)
                out[j] = None
    return [pair for pair in out if pair is not None]
