"""Merge mentions of the same real event into one record.

Two mentions are the same event when they have the same type and the same actors, their
dates nest (one interval contains the other, or one is undated) and their places nest (the
same place, a city inside the other's country, or one is unknown). The merged record keeps
the most precise date and place any mention gives, counts its mentions and lists its
documents. Different events stay apart: two calls on different days are two events.
"""
from __future__ import annotations

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
    docs = list(dict.fromkeys([*into.doc_ids, *other.doc_ids]))
    status = into.status if into.status == other.status else ("cancelled" if "cancelled" in (
        into.status, other.status) else into.status)
    return into.with_(when=when, location=where, actors=tuple(actors.values()), doc_ids=docs,
                      mentions=into.mentions + other.mentions, status=status,
                      confidence=max(into.confidence, other.confidence))


def _refines(coarse: Event, fine: Event) -> bool:
    """True when `fine` names the same sides as `coarse`, more precisely: every person of
    `coarse` is in `fine`, and every country of `coarse` is in `fine` or is the country of
    a person of `fine` not otherwise accounted for (中德会谈 vs 李强与朔尔茨会谈)."""
    if coarse.type != fine.type or coarse is fine or not set(coarse.doc_ids) & set(fine.doc_ids):
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


def _fold_coarse(events: list[Event]) -> list[Event]:
    """Fold events whose sides are countries into the event naming the people for them."""
    out = list(events)
    for coarse in sorted(events, key=lambda e: sum(a.kind == "country" for a in e.actors), reverse=True):
        fine = next((f for f in out if f is not coarse and _refines(coarse, f)), None)
        if fine is not None and coarse in out:
            i = out.index(fine)
            absorbed = _absorb(fine, coarse)
            out[i] = absorbed.with_(actors=fine.actors)
            out.remove(coarse)
    return out


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
    from datetime import date

    gap = (date.fromisoformat(second.when.date_start) - date.fromisoformat(first.when.date_end)).days
    return gap <= VISIT_DAYS and first.when.days <= 1 and second.when.days <= 1


def _join_trips(events: list[Event]) -> list[Event]:
    """Fold the days of one visit into its first day."""
    out: list[Event] = []
    for e in sorted(events, key=lambda e: (e.type != "visit", e.when.date_start or "9999")):
        trip = next((i for i, o in enumerate(out) if _same_trip(o, e)), None)
        if trip is None:
            out.append(e)
            continue
        first = out[trip]
        status = "occurred" if "occurred" in (first.status, e.status) else first.status
        out[trip] = _absorb(first, e).with_(when=first.when, status=status)
    order = {id(e): i for i, e in enumerate(events)}
    return sorted(out, key=lambda e: order.get(id(e), 0))


def merge(mentions: list[Event]) -> list[Event]:
    """One event per real-world event, in the order of first mention."""
    return _join_trips(_fold_coarse(_merge_same(mentions)))


def _merge_same(mentions: list[Event]) -> list[Event]:
    """Merge mentions with the same type and actors (see the module docstring)."""
    merged: list[Event] = []
    by_key: dict[tuple[str, frozenset[str]], list[int]] = {}
    # dated mentions first, so an undated mention joins the event its date-less words refer to
    order = sorted(range(len(mentions)), key=lambda i: (mentions[i].when.date_start is None, i))
    for i in order:
        m = mentions[i]
        key = _key(m)
        candidates = [j for j in by_key.get(key, []) if _nested(merged[j].when, m.when)
                      and _places_agree(merged[j].location, m.location) and _status_agree(merged[j], m)]
        if m.when.date_start is None and len(candidates) > 1:
            same_doc = [j for j in candidates if m.doc_id in merged[j].doc_ids]
            candidates = [max(same_doc or candidates, key=lambda j: merged[j].char_start
                              if merged[j].char_start <= m.char_start else -1)]
        if candidates:
            j = candidates[0]
            merged[j] = _absorb(merged[j], m) if _first(merged[j], m) else _absorb(m, merged[j])
        else:
            by_key.setdefault(key, []).append(len(merged))
            merged.append(m)
    return merged


def _status_agree(a: Event, b: Event) -> bool:
    return a.status == b.status or a.when.date_start is None or b.when.date_start is None


def _first(a: Event, b: Event) -> bool:
    return (a.doc_id, a.char_start) <= (b.doc_id, b.char_start)
