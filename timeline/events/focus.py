"""The discourse focus: what the narrative is about so far.

After each sentence the focus holds the sides of the latest event with the most sides, the
date in force and the subject (the first actor of the sentence's first event). Anaphors
(双方, 两国领导人, 他) and clauses without a subject of their own read it; a look-back sentence
(这是…以来首次出访) does not move it.
"""
from __future__ import annotations

from dataclasses import dataclass

from timeline.events.sentence import CORE, Named, flat
from timeline.record import Actor, Event, Location, When


_TRIPS_KEPT = 12


@dataclass(frozen=True)
class Trip:
    """The dated visit the narrative last told: who travels, to which country, when."""

    travellers: frozenset[str]
    country: str | None
    when: When
    location: Location | None = None
    people: tuple[Actor, ...] = ()  # the travellers as told (a delegation that meets: its leader)


@dataclass
class Focus:
    """What the narrative is about so far: the last event's actors and date, the subject,
    and the trip under way."""

    actors: tuple[Actor, ...] = ()
    when: When | None = None
    subject: Actor | None = None
    trip: Trip | None = None
    occasion: When | None = None  # the dated summit or conference last told (峰会期间: within it)
    place: Location | None = None  # where the latest event told with a place happened
    trips: tuple[Trip, ...] = ()  # every trip told so far (访问法国期间: the French leg of a tour)
    said: When | None = None  # the last date a sentence wrote, event or not (峰会19日举行；届时…: that day)
    visit: Event | None = None  # a person's visit of one day abroad the last dated events told (22日前往华盛顿)


def trip_to(trips: tuple[Trip, ...], country: str, travellers: set[str]) -> Trip | None:
    """The latest of `trips` to `country` by one of `travellers`."""
    return next((t for t in reversed(trips) if t.country == country and t.travellers & travellers), None)


def core_in(found: list[Event]) -> bool:
    """True when this sentence already told a call, meeting or visit between several sides
    (…同斯塔默首相通话，就…达成重要共识: the agreement is theirs)."""
    return any(e.type in CORE and len(e.actors) > 1 for e in found)


def focus_with(focus: Focus, found: list[Event]) -> Focus:
    """The focus including the events already found in this sentence (会谈，双方达成共识)."""
    core = [e for e in found if e.type in CORE and len(e.actors) > 1]
    return Focus(core[-1].actors, focus.when, focus.subject, focus.trip, focus.occasion, focus.place,
                 focus.trips, focus.said, focus.visit) if core else focus


def update_focus(focus: Focus, found: list[Event], s_actors: list[Named], trip: Trip | None = None,
                 occasion: When | None = None, relative: frozenset[int] = frozenset(), reported: frozenset[int] = frozenset(),
                 trips: tuple[Trip, ...] = (), said: When | None = None, venue: Location | None = None) -> Focus:
    """The focus after a sentence that told `found`, named `s_actors` and, maybe, a `trip` and an
    `occasion`; `relative`: the indexes of the events of `found` told in a relative clause (来访的X);
    `reported`: those told in a speaker's words, which date no later sentence; `trips`: the trips it
    told; `said`: the last date it wrote; `venue`: the place it held a gathering at."""
    trips = (focus.trips + trips)[-_TRIPS_KEPT:]
    said = said or focus.said
    trip = trip or focus.trip
    occasion = occasion or focus.occasion
    place = next((e.location for e in reversed(found) if e.type in CORE and e.location is not None), venue or focus.place)
    persons = [a for a in flat(s_actors) if a.kind == "person"]
    # the subject: of the sentence's first event (its first actor), else its first person
    # (穆伊兹同来访的印度外长苏杰生举行会谈: the subject is not the visitor of the relative clause)
    told = [e.actors[0] for i, e in enumerate(found) if e.actors and e.actors[0].kind == "person" and i not in relative]
    subject = told[0] if told else persons[0] if persons else focus.subject
    core = [(i, e) for i, e in enumerate(found) if e.type in ("call", "meeting", "visit", "agreement")]
    dated_core = [e for i, e in core if e.when.date_start and i not in reported and i not in relative]
    visit = next((e for e in reversed(dated_core) if _day_abroad(e)), None) if dated_core else focus.visit
    if core:
        # the most sides, then the most people; of equals, the latest told
        # (not one told as the time of the deed: 感谢蓬佩奥会晤金正恩前，先到访东京)
        main = [e for i, e in core if i not in relative] or [e for _, e in core]
        last = max(reversed(main), key=lambda e: (len(e.actors), sum(a.kind == "person" for a in e.actors)))
        when = next((e.when for i, e in core if e.when.date_start and i not in reported), focus.when)
        if len(last.actors) == 1 and last.type == "visit":
            # 应苏林邀请，普京抵达河内: the visitor and the host named with them are 两国领导人 next
            visitor = last.actors[0]
            host = next((a for a in persons if a.name != visitor.name and a.country and a.country != visitor.country), None)
            if host is not None:
                return Focus((visitor, host), when, subject, trip, occasion, place, trips, said, visit)
        return Focus(last.actors if len(last.actors) > 1 else focus.actors or last.actors, when, subject, trip,
                     occasion, place, trips, said, visit)
    dated = next((e.when for i, e in enumerate(found) if e.when.date_start and i not in reported), None)
    return Focus(focus.actors, dated or focus.when, subject, trip, occasion, place, trips, said,
                 None if dated else visit)


def _day_abroad(e: Event) -> bool:
    """A visit made by one person, told with a single day, to a place of a country not the person's own
    (one still to come tells only the day it starts, not the days of its talks)."""
    return e.type == "visit" and e.status == "occurred" and len(e.actors) == 1 and e.actors[0].kind == "person" \
        and e.when.days == 1 and e.location is not None and e.location.country is not None \
        and e.location.country != e.actors[0].country


def trip_of(event: Event) -> Trip | None:
    """A dated visit by people, or by the body whose delegation travels (a country or an organisation
    with no person named), as the trip under way (the caller leaves out arrivals: the day of an
    arrival is not the interval of the stay)."""
    # (a body's delegation travels too: 欧洲议会代表团访台，期间将晋见…, 访团将接受…款宴)
    people = tuple(a for a in event.actors if a.kind == "person") or tuple(a for a in event.actors[:1] if a.kind in ("org", "country"))
    if event.type != "visit" or event.when.days > 31 or not people:
        return None  # (a visit "in 2025" is no trip under way)
    country = event.location.country if event.location is not None else None
    return Trip(frozenset(a.name for a in people), country, event.when, event.location, people)


def delegations(trips: tuple[Trip, ...], trip: Trip) -> tuple[Actor, ...]:
    """The leaders of the delegations that stay as `trip` does (A、B和C昨日率团访台: 庆贺团在台期间将
    分别晋见…): the travellers of the trips to its country over its interval, in the order told."""
    people: list[Actor] = []
    for t in trips:
        if t.country == trip.country and t.when == trip.when:
            people += [a for a in t.people if a not in people]
    return tuple(people)
