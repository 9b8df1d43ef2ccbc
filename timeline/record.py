"""The SPEC.md event record: actors, places, one event, and their (de)serialization."""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, replace

CORE_TYPES = ("call", "meeting", "visit")
EVENT_TYPES = ("call", "meeting", "visit", "agreement", "statement")
FIELDS = ("event_id", "type", "cameo", "status", "date", "date_mod", "date_start", "date_end", "date_text",
          "actors", "location", "doc_id", "doc_ids", "sentence", "char_start", "char_end", "mentions",
          "confidence", "url", "published")  # the source's address and time last: earlier columns keep their places


@dataclass(frozen=True)
class Actor:
    """A person, country or organisation; `name` is the Simplified full name when known."""

    name: str
    name_en: str | None = None
    kind: str = "person"
    country: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class Location:
    name: str
    name_en: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    city: str | None = None
    kind: str = "city"


@dataclass(frozen=True)
class When:
    """A date as SPEC.md gives it: TIMEX3 value, modifier, inclusive ISO day interval, the words."""

    date: str | None = None
    date_mod: str | None = None
    date_start: str | None = None
    date_end: str | None = None
    date_text: str | None = None

    @property
    def starts_journey(self) -> bool:
        """True when the words tell the first day of a journey, whose end they leave untold (周四(18日)起)."""
        return (self.date_text or "").endswith(("起", "开始"))

    @property
    def days(self) -> int:
        """Interval length in days (a large number when undated: less precise than anything)."""
        if not self.date_start or not self.date_end:
            return 10**6
        from datetime import date

        return (date.fromisoformat(self.date_end) - date.fromisoformat(self.date_start)).days + 1


@dataclass
class Event:
    """One event: a mention as found in a sentence, or several mentions merged."""

    type: str
    cameo: str
    status: str
    actors: tuple[Actor, ...]
    when: When
    location: Location | None
    doc_id: str
    sentence: str
    char_start: int
    char_end: int
    confidence: float = 0.7
    doc_ids: list[str] = field(default_factory=list)
    mentions: int = 1
    url: str | None = None  # the source address of `doc_id`'s document
    published: str | None = None  # its publication time (DCT), ISO 8601
    # implied by a "first since" (自3月以来首次会面), told by no words of its own: no undated mention is it
    implied: bool = field(default=False, compare=False)

    def __post_init__(self) -> None:
        if not self.doc_ids:
            self.doc_ids = [self.doc_id]

    @property
    def event_id(self) -> str:
        """Stable id from what identifies the event: type, actors, date, first mention, and the
        status and place (one sentence can tell visits to two countries, or a visit made and one planned)."""
        key = "|".join([self.type, ",".join(sorted(a.name for a in self.actors)), self.when.date_start or "",
                        self.when.date_end or "", self.doc_id, str(self.char_start), self.status,
                        self.location.name if self.location else ""])
        return "ev_" + hashlib.sha1(key.encode("utf-8")).hexdigest()[:12]

    def to_record(self) -> dict:
        where = self.location
        loc = None if where is None else {"name": where.name, "name_en": where.name_en, "country": where.country,
                                          "lat": where.lat, "lon": where.lon}
        return {
            "event_id": self.event_id, "type": self.type, "cameo": self.cameo, "status": self.status,
            "date": self.when.date, "date_mod": self.when.date_mod, "date_start": self.when.date_start,
            "date_end": self.when.date_end, "date_text": self.when.date_text,
            "actors": [{"name": a.name, "name_en": a.name_en, "kind": a.kind, "country": a.country, "role": a.role}
                       for a in self.actors], "location": loc,
            "doc_id": self.doc_id, "doc_ids": list(self.doc_ids), "sentence": self.sentence,
            "char_start": self.char_start, "char_end": self.char_end, "mentions": self.mentions,
            "confidence": round(self.confidence, 3), "url": self.url, "published": self.published,
        }

    def with_(self, **changes: object) -> Event:
        return replace(self, **changes)


def to_json_line(record: dict) -> str:
    return json.dumps(record, ensure_ascii=False)
