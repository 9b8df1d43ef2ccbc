"""The meeting of a gathering whose attendees a sentence lists (本次会议由A主持，B、C和D参会): one
meeting of them all, beside the journey each makes to it."""
from __future__ import annotations

import re

from timeline.events.sentence import Sentence
from timeline.record import Actor

_CHAIR = re.compile(r"由[^，。；,;]{1,24}?主持")
_MEETING_NOUN = re.compile(r"会议|峰会|首脑会|会晤")
MIN_ATTENDEES = 3  # fewer is a meeting the keys tell pair by pair


def attendees(s: Sentence, t_start: int, clause: tuple[int, int], told: tuple[Actor, ...] = ()) -> tuple[Actor, ...]:
    """The persons a sentence lists as taking part in the meeting a bare attend word closes (A、B和C
    参会): those named in the trigger's clause and its chair (由X主持); () unless the sentence names
    the gathering as a meeting and there are at least `MIN_ATTENDEES`, or they are people of each
    country of the talks just `told` (日韩举行战略对话。日本次官A与韩国次官B出席: the two met)."""
    chair = _CHAIR.search(s.text, s.start, t_start)
    spans = [x for x in s.actors if clause[0] <= x.start_char < t_start
             or (chair is not None and chair.start() <= x.start_char < chair.end())]
    people = tuple(dict.fromkeys(a for x in spans for a in (x.actors or ()) if a.kind == "person"))
    if _MEETING_NOUN.search(s.text, s.start, t_start):
        return people if len(people) >= MIN_ATTENDEES else ()
    countries = {a.country for a in people}
    sides = {a.country for a in told}
    return people if len(countries) == len(people) >= 2 and None not in countries and countries == sides else ()
