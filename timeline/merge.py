"""Merge mentions of the same real event into one record.

Two mentions are the same event when they have the same type and the same actors, their
dates nest (one interval contains the other, or one is undated) and their places nest (the
same place, a city inside the other's country, or one is unknown). The merged record keeps
the most precise date and place any mention gives, counts its mentions and lists its
documents. Different events stay apart: two calls on different days are two events, and an
undated statement joins only a statement of its own article (people speak all the time).
"""
from __future__ import annotations

from datetime import date, timedelta

from timeline.record import Event, Location, When


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
    if a is None or b is None or a.name == b.name:
        return True
    return (a.kind == "country" and b.country == a.country) or (b.kind == "country" and a.country == b.country)


def _key(e: Event) -> tuple[str, frozenset[str]]:
    return e.type, frozenset(a.name for a in e.actors)


def _absorb(into: Event, other: Event) -> Event:
    when = other.when if other.when.days < into.when.days else into.when
    where = other.location if _place_rank(other.location) > _place_rank(into.location) else into.location
    actors = {a.name: a for a in other.actors}
    actors.update({a.name: a for a in into.actors})
    docs = _union(into.doc_ids, other.doc_ids)
    status = into.status if into.status == other.status else ("cancelled" if "cancelled" in (
        into.status, other.status) else into.status)
    return into.with_(when=when, location=where, actors=tuple(actors.values()), doc_ids=docs,
                      mentions=into.mentions + other.mentions, status=status,
                      confidence=max(into.confidence, other.confidence))


def _union(docs: list[str], more: list[str]) -> list[str]:
    """`docs` then the documents of `more` not in it (a mention adds one document: no rebuild)."""
    if len(more) == 1:
        return docs if more[0] in docs else [*docs, more[0]]
    return list(dict.fromkeys([*docs, *more]))


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
                folded = _absorb(fine, coarse).with_(actors=fine.actors)
                if fine.status != coarse.status:  # a plan told twice: the coarse words do not date it
                    folded = folded.with_(when=fine.when, status=fine.status)
                out[f] = folded
                out[c] = None
    return [e for e in out if e is not None]


VISIT_DAYS = 3  # a visit reported on consecutive days (arrival, then a speech) is one visit


def _same_trip(a: Event, b: Event) -> bool:
    """Two dated visits of the same visitor to the same place within a few days of each other."""
    if a.type != "visit" or b.type != "visit" or _key(a) != _key(b) or not set(a.doc_ids) & set(b.doc_ids):
        return False
    if not a.when.date_start or not b.when.date_start or not _places_agree(a.location, b.location):
        return False
    if a.location is None or b.location is None:
        return False
    first, second = sorted((a, b), key=lambda e: e.when.date_start or "")
    gap = (date.fromisoformat(second.when.date_start) - date.fromisoformat(first.when.date_end)).days
    return gap <= VISIT_DAYS and first.when.days <= 1 and second.when.days <= 1


def _join_trips(events: list[Event]) -> list[Event]:
    """Fold the days of one visit into its first day."""
    out: list[Event | None] = list(events)
    visits: dict[tuple[str, frozenset[str]], list[int]] = {}
    for i, e in enumerate(events):
        if e.type == "visit" and e.when.date_start:
            visits.setdefault(_key(e), []).append(i)
    for members in visits.values():
        members.sort(key=lambda i: events[i].when.date_start or "")
        for n, i in enumerate(members):
            if out[i] is None or out[i].when.days > 1:
                continue
            # later visits are sorted by start: past the last day a trip can reach, none can join
            last = (date.fromisoformat(out[i].when.date_end) + timedelta(days=VISIT_DAYS)).isoformat()
            for j in members[n + 1:]:
                first, later = out[i], out[j]
                if later is not None and (later.when.date_start or "") > last:
                    break
                if later is not None and _same_trip(first, later):
                    status = "occurred" if "occurred" in (first.status, later.status) else first.status
                    out[i] = _absorb(first, later).with_(when=first.when, status=status)
                    out[j] = None
    return [e for e in out if e is not None]


def merge(mentions: list[Event]) -> list[Event]:
    """One event per real-world event, in the order of first mention."""
    return _join_trips(_fold_coarse(_merge_same(mentions)))


class Merger:
    """`merge` fed one document at a time: the same result as `merge` of all mentions at once.

    Dated mentions are merged as they arrive (`_merge_same` takes them first, in order of
    mention, so doing it early changes nothing); undated ones wait for the end, as they do
    in `merge`. Memory holds the merged events and the undated mentions, not the documents.
    """

    def __init__(self) -> None:
        self._merged: list[Event] = []
        self._index = _Index()
        self._undated: list[Event] = []
        self.count = 0

    def add(self, mentions: list[Event]) -> None:
        for m in mentions:
            self.count += 1
            if m.when.date_start is None:
                self._undated.append(m)
            else:
                _merge_one(self._merged, self._index, m)

    def result(self) -> list[Event]:
        """The merged events (call once, after the last `add`)."""
        for m in self._undated:
            _merge_one(self._merged, self._index, m)
        self._undated = []
        return _join_trips(_fold_coarse(self._merged))


def _merge_same(mentions: list[Event]) -> list[Event]:
    """Merge mentions with the same type and actors (see the module docstring)."""
    merged: list[Event] = []
    index = _Index()
    # dated mentions first, so an undated mention joins the event its date-less words refer to
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].when.date_start is None, i))
    for i in order:
        _merge_one(merged, index, mentions[i])
    return merged


class _Index:
    """The merged events by key (type + actors), and within a key by year and by document, so
    that merging a long corpus looks only at events that can nest with a mention."""

    def __init__(self) -> None:
        self.by_key: dict[tuple[str, frozenset[str]], list[int]] = {}
        self.by_year: dict[tuple, set[int]] = {}
        self.by_doc: dict[tuple, set[int]] = {}
        self.undated: dict[tuple, set[int]] = {}

    def add(self, j: int, e: Event, docs: list[str] | None = None) -> None:
        """Index event `j` (`e`) under its years and under `docs` (default: all its documents)."""
        key = _key(e)
        if e.when.date_start:
            self.undated.get(key, set()).discard(j)
        else:
            self.undated.setdefault(key, set()).add(j)
        for year in _years(e.when):
            self.by_year.setdefault((key, year), set()).add(j)
        for doc in docs if docs is not None else (e.doc_ids or [e.doc_id]):
            self.by_doc.setdefault((key, doc), set()).add(j)


def _years(when: When) -> range:
    """The years an interval touches (nested intervals always share one)."""
    if not when.date_start or not when.date_end:
        return range(0)
    return range(int(when.date_start[:4]), int(when.date_end[:4]) + 1)


def _merge_one(merged: list[Event], index: _Index, m: Event) -> None:
    """Merge mention `m` into `merged` (or append it as a new event).

    A dated mention joins the first event (in order of creation) whose interval nests with its
    own; an undated one the nearest event of its own document, else the latest event it fits."""
    key = _key(m)

    def fits(j: int) -> bool:
        return (_nested(merged[j].when, m.when) and _places_agree(merged[j].location, m.location)
                and _status_agree(merged[j], m))

    def nearest(js: list[int]) -> int:
        return max(js, key=lambda j: merged[j].char_start if merged[j].char_start <= m.char_start else -1)

    if m.when.date_start:
        near = set().union(*(index.by_year.get((key, y), set()) for y in _years(m.when)))
        near |= index.undated.get(key, set())
        candidates = sorted(j for j in near if fits(j))[:1]
    else:
        same_doc = sorted(j for j in index.by_doc.get((key, m.doc_id), set()) if fits(j))
        if same_doc:
            candidates = [nearest(same_doc)]
        elif m.type == "statement":  # people speak all the time: an undated remark is not last month's
            candidates = []
        else:  # from another document: the latest event it fits (one step, not a scan of the key)
            latest = next((j for j in reversed(index.by_key.get(key, [])) if fits(j)), None)
            candidates = [] if latest is None else [latest]
    if candidates:
        j = candidates[0]
        merged[j] = _absorb(merged[j], m) if _first(merged[j], m) else _absorb(m, merged[j])
        index.add(j, merged[j], docs=m.doc_ids or [m.doc_id])
    else:
        index.by_key.setdefault(key, []).append(len(merged))
        index.add(len(merged), m)
        merged.append(m)


def _status_agree(a: Event, b: Event) -> bool:
    return a.status == b.status or a.when.date_start is None or b.when.date_start is None


def _first(a: Event, b: Event) -> bool:
    return (a.doc_id, a.char_start) <= (b.doc_id, b.char_start)
