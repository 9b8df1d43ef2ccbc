"""Talks told during a visit, with no day of their own, take the stay once the document has dated it.

访华期间，哈格尔亦会与常万全会谈 tells talks inside a stay whose days the document may give only later
or only in pieces: the arrival in one sentence and the day of leaving for the next stop in another
(周四会转往蒙古), which `legs.py` joins into the stay after the sentences are read. SPEC.md ("Dates")
gives a meeting during a trip the trip's interval when the text gives no day, so an undated meeting
or agreement whose sentence says it falls during a visit (访问期间, 访华期间, 此行期间, 访美时) takes the stay of
several days of one of its sides, in the country of another side when the sides say which.
"""
from __future__ import annotations

from timeline.events.dating import DURING_TRIP, STAY_DAYS
from timeline.record import Event, When
from timeline.script import to_simplified


def date_in_stays(mentions: list[Event]) -> list[Event]:
    """`mentions` with each undated meeting or agreement told during a visit dated by the one stay of
    several days (at most STAY_DAYS) that the document gives a traveller among its sides."""
    stays: dict[tuple[str, str], set[tuple[When, str | None]]] = {}  # (doc, traveller) -> (stay, country)
    for m in mentions:
        if m.type == "visit" and m.status != "cancelled" and 1 < m.when.days <= STAY_DAYS:
            for a in m.actors:
                if a.kind == "person":
                    stays.setdefault((m.doc_id, a.name), set()).add(
                        (m.when, m.location.country if m.location is not None else None))
    if not stays:
        return mentions
    out = []
    for m in mentions:
        when = _stay_of(m, stays) if m.type in ("meeting", "agreement") and m.when.date_start is None \
            and m.status != "cancelled" and DURING_TRIP.search(to_simplified(m.sentence)) else None
        out.append(m.with_(when=when) if when is not None else m)
    return out


def _stay_of(m: Event, stays: dict[tuple[str, str], set[tuple[When, str | None]]]) -> When | None:
    """The one stay of a traveller among the sides of `m` in the country of a side that is not
    travelling (访华期间…与常万全会谈: the stay in China), or the one stay of its travellers when the
    other sides name no country; None when there is none or more than one (访问俄罗斯期间 with only a
    stay in Germany dated)."""
    travellers = {a.name for a in m.actors if a.kind == "person" and (m.doc_id, a.name) in stays}
    found = {s for name in travellers for s in stays[(m.doc_id, name)]}
    hosts = {a.country for a in m.actors if a.country and a.name not in travellers}
    candidates = {w for w, country in found if country in hosts} if hosts else {w for w, _ in found}
    return next(iter(candidates)) if len(candidates) == 1 else None
