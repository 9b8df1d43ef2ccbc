"""`Timeline`: SPEC.md event records as a chronological pandas table, with queries and exports.

    tl = Timeline.from_jsonl("events.jsonl")
    tl.events                      # DataFrame, oldest first, undated last
    tl.met("习近平", "Trump")       # every call / meeting / visit between the two
    tl.to_csv("events.csv", safe=True); tl.to_timelinejs("timeline.json"); tl.graph()
    tl.chart(); tl.graph_view(); tl.map()   # pictures that Jupyter shows inline
"""
from __future__ import annotations

import csv
import html
import io
import json
import math
from collections.abc import Iterable
from pathlib import Path

import pandas as pd

from timeline import query as _q
from timeline.atomic import atomic_write
from timeline.record import FIELDS

EVENT_TYPES = ("call", "meeting", "visit", "agreement", "statement")
STATUSES = ("occurred", "planned", "cancelled")
LIST_FIELDS = ("actors", "doc_ids")
INT_FIELDS = ("char_start", "char_end", "mentions")
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


class Timeline:
    """The event records of one extraction, as a table sorted by date."""

    def __init__(self, records: Iterable[dict] = ()) -> None:
        self.records: list[dict] = [_clean_record(r) for r in records]
        self.events: pd.DataFrame = _frame(self.records)
        # the records in the table's order
        self.records = [self.records[i] for i in self.events["_pos"]] if len(self.records) else []
        self.events = self.events.drop(columns="_pos").reset_index(drop=True)

    # ------------------------------------------------------------ construction

    @classmethod
    def from_records(cls, records: Iterable[dict]) -> Timeline:
        return cls(list(records))

    @classmethod
    def from_jsonl(cls, path: str | Path) -> Timeline:
        records = []
        with open(path, encoding="utf-8-sig") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    records.append(json.loads(line))
                except json.JSONDecodeError as exc:
                    raise ValueError(f"{path}:{n}: not a JSON record: {exc.msg}") from exc
        return cls(records)

    @classmethod
    def from_csv(cls, path: str | Path) -> Timeline:
        """Records from a SPEC.md CSV (as `to_csv` writes it; actors and location come back as names)."""
        with open(path, encoding="utf-8-sig", newline="") as f:
            return cls([_from_csv_row(row) for row in csv.DictReader(f)])

    @classmethod
    def from_db(cls, path: str | Path) -> Timeline:
        """Every event of a SQLite store written by `timeline ingest` (see `timeline.store`)."""
        from timeline.store import Store

        with Store(path, create=False) as store:
            return cls(store.records())

    @classmethod
    def load(cls, path: str | Path) -> Timeline:
        """A .jsonl or .csv file of records, by extension."""
        suffix = Path(path).suffix.lower()
        if suffix == ".csv":
            return cls.from_csv(path)
        if suffix in (".jsonl", ".json", ".ndjson"):
            return cls.from_jsonl(path)
        raise ValueError(f"{path}: expected a .jsonl or .csv file of event records")

    def __len__(self) -> int:
        return len(self.records)

    def __repr__(self) -> str:
        return f"<Timeline: {len(self)} events>"

    def _repr_html_(self) -> str:
        return self.table()._repr_html_()

    def table(self) -> pd.DataFrame:
        """A readable view: date, type, status, actors, place, evidence."""
        e = self.events
        return pd.DataFrame({
            "date": e["date"], "type": e["type"], "status": e["status"],
            "actors": e["actor_names"].map("、".join), "place": e["place"], "evidence": e["sentence"],
        })

    # ------------------------------------------------------------ queries

    def met(self, a: str, b: str) -> pd.DataFrame:
        """Every call, meeting and hosted visit between two actors (any name form)."""
        return _q.met(self.events, a, b)

    def of(self, actor: str, start=None, end=None, types=None) -> pd.DataFrame:
        return _q.of(self.events, actor, start, end, types)

    def at(self, place: str) -> pd.DataFrame:
        return _q.at(self.events, place)

    def between(self, start=None, end=None) -> pd.DataFrame:
        return _q.between(self.events, start, end)

    def resolve(self, name: str) -> set[str]:
        """The actors' canonical names that `name` stands for (raises `NameNotFound`)."""
        return _q.resolve_actor(self.events, name)

    # ------------------------------------------------------------ graph

    def graph(self, aggregate: bool = False, statements: bool = False):
        """Actors and the events between them: calls, meetings, visits, agreements (and
        statements with `statements=True`); see `timeline.graph`."""
        from timeline.graph import build_graph

        return build_graph(self.records, aggregate=aggregate, statements=statements)

    def write_graph(self, path: str | Path, aggregate: bool = False, title: str | None = None,
                    statements: bool = False) -> None:
        """A graph file by extension: .graphml/.gexf (`aggregate`: one weighted edge per pair),
        .html (interactive) or .png; the pictures draw one line per pair and type either way."""
        from timeline.graph_export import write_graph

        picture = Path(path).suffix.lower() in (".html", ".htm", ".png")
        write_graph(self.graph(aggregate=aggregate and not picture, statements=statements), path, title=title)

    def graph_view(self, title: str = "Who met whom", statements: bool = False):
        """The interactive graph page, shown inline in Jupyter (`.save(path)` writes it)."""
        from timeline.graph_html import GraphView

        return GraphView(self.graph(statements=statements), title=title)

    def chart(self, title: str = "Diplomatic events by actor"):
        """The timeline chart: actors by date, markers by type (a matplotlib Figure)."""
        from timeline.chart import timeline_chart

        return timeline_chart(self.events, title=title)

    # ------------------------------------------------------------ map

    def map(self, title: str = "Where it happened"):
        """The events on a map (a folium.Map: it shows itself in Jupyter); see `timeline.event_map`."""
        from timeline.event_map import build_map

        return build_map(self.records, title=title)

    def write_map(self, path: str | Path, title: str = "Where it happened") -> None:
        """The map as a self-contained HTML page (it draws its markers offline)."""
        from timeline.event_map import write_map

        write_map(self.records, path, title=title)

    # ------------------------------------------------------------ exports

    def csv_text(self, safe: bool = False) -> str:
        """The records as SPEC.md CSV text (header row, lists joined with `; `)."""
        buf = io.StringIO()
        writer = csv.writer(buf, lineterminator="\n")
        # the csv module leaves a lone CR unquoted (only the line terminator's characters are): quote such rows
        quoted = csv.writer(buf, lineterminator="\n", quoting=csv.QUOTE_ALL)
        writer.writerow(FIELDS)
        for r in self.records:
            row = [_flat(f, r.get(f)) for f in FIELDS]
            row = [_neutralize(c) if safe else c for c in row]
            (quoted if any("\r" in c for c in row) else writer).writerow(row)
        return buf.getvalue()

    def to_csv(self, path: str | Path, safe: bool = False) -> None:
        """SPEC.md CSV; `safe=True` prefixes cells that a spreadsheet would run as formulas with `'`."""
        atomic_write(path, self.csv_text(safe=safe))

    def jsonl_text(self) -> str:
        return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in self.records)

    def to_jsonl(self, path: str | Path) -> None:
        atomic_write(path, self.jsonl_text())

    def to_parquet(self, path: str | Path) -> None:
        """The events table; actors and location as JSON strings, dates as timestamps."""
        frame = self.events.copy()
        frame["actors"] = frame["actors"].map(lambda v: json.dumps(v, ensure_ascii=False))
        frame["location"] = frame["location"].map(lambda v: None if v is None else json.dumps(v, ensure_ascii=False))
        buf = io.BytesIO()
        frame.to_parquet(buf, index=False)
        atomic_write(path, buf.getvalue())

    def timelinejs(self, title: str = "Diplomatic timeline") -> dict:
        """Knight Lab TimelineJS3 JSON (undated events are left out: TimelineJS needs a start)."""
        events = []
        for r in self.records:
            start, end = _tjs_dates(r.get("date_start"), r.get("date_end"))
            if start is None:
                continue
            names = [a.get("name") or "" for a in r.get("actors") or []]
            place = (r.get("location") or {}).get("name")
            headline = f"{r.get('type')}: {' — '.join(names)}" + (f" ({place})" if place else "")
            text = [f"<p>{html.escape(r.get('sentence') or '')}</p>"]
            meta = [r.get("status"), r.get("date_text"), r.get("doc_id")]
            text.append("<p><small>" + html.escape(" · ".join(str(m) for m in meta if m)) + "</small></p>")
            item = {"start_date": start, "text": {"headline": html.escape(headline), "text": "".join(text)},
                    "group": r.get("type"), "unique_id": r.get("event_id")}
            if end is not None:
                item["end_date"] = end
            if r.get("date"):
                item["display_date"] = html.escape(str(r["date"]))
            events.append(item)
        return {"title": {"text": {"headline": html.escape(title), "text": ""}}, "events": events}

    def to_timelinejs(self, path: str | Path, title: str = "Diplomatic timeline") -> None:
        atomic_write(path, json.dumps(self.timelinejs(title), ensure_ascii=False, indent=1))


# ---------------------------------------------------------------- helpers

def _clean_record(r: dict) -> dict:
    r = dict(r)
    r["actors"] = [a if isinstance(a, dict) else {"name": str(a)} for a in (r.get("actors") or [])]
    loc = r.get("location")
    if isinstance(loc, str):
        loc = {"name": loc} if loc else None
    r["location"] = loc or None
    r.setdefault("doc_ids", [r["doc_id"]] if r.get("doc_id") else [])
    return r


def _frame(records: list[dict]) -> pd.DataFrame:
    rows = []
    for pos, r in enumerate(records):
        row = {f: r.get(f) for f in FIELDS}
        for k, v in r.items():  # fields added after SPEC.md are kept
            row.setdefault(k, v)
        row["actor_names"] = [a.get("name") for a in r["actors"] if a.get("name")]
        row["actor_countries"] = [a.get("country") for a in r["actors"]]
        row["place"] = (r["location"] or {}).get("name")
        row["place_country"] = (r["location"] or {}).get("country")
        row["_pos"] = pos
        rows.append(row)
    columns = list(FIELDS) + ["actor_names", "actor_countries", "place", "place_country", "_pos"]
    frame = pd.DataFrame(rows, columns=columns if not rows else None)
    if frame.empty:
        frame = pd.DataFrame({c: pd.Series(dtype=object) for c in columns})
    for f in ("date_start", "date_end"):
        frame[f] = pd.to_datetime(frame[f], errors="coerce", format="ISO8601").astype("datetime64[ns]")
    frame["type"] = pd.Categorical(frame["type"], categories=_cats(frame["type"], EVENT_TYPES))
    frame["status"] = pd.Categorical(frame["status"], categories=_cats(frame["status"], STATUSES))
    for f in INT_FIELDS:
        frame[f] = pd.to_numeric(frame[f], errors="coerce").astype("Int64")
    frame["confidence"] = pd.to_numeric(frame["confidence"], errors="coerce").astype("float64")
    for f in ("event_id", "cameo", "date", "date_mod", "date_text", "doc_id", "url", "published", "sentence", "place",
              "place_country"):
        frame[f] = frame[f].astype(object).where(frame[f].notna(), None)
    # chronological: start day, then the narrower interval (day < month < year), undated last, stable
    span = (frame["date_end"] - frame["date_start"]).dt.days
    key = pd.DataFrame({"undated": frame["date_start"].isna(), "start": frame["date_start"],
                        "span": span.fillna(10**6), "pos": frame["_pos"]})
    order = key.sort_values(["undated", "start", "span", "pos"], kind="mergesort", na_position="last").index
    return frame.loc[order]


def _cats(values: pd.Series, known: tuple[str, ...]) -> list[str]:
    extra = sorted({str(v) for v in values.dropna()} - set(known))
    return list(known) + extra


def _flat(field: str, value) -> str:
    """A record field as one CSV cell."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    if field == "actors":
        return "; ".join((a.get("name") or "") if isinstance(a, dict) else str(a) for a in value)
    if field == "location":
        return (value.get("name") or "") if isinstance(value, dict) else str(value)
    if isinstance(value, (list, tuple)):
        return "; ".join(str(v) for v in value)
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _neutralize(cell: str) -> str:
    """Make a cell inert in spreadsheets (CSV/formula injection): `=1+1` -> `'=1+1`."""
    return "'" + cell if cell and cell.startswith(FORMULA_START) else cell


def _from_csv_row(row: dict) -> dict:
    def cell(name: str) -> str | None:
        v = row.get(name)
        if v is None or v == "":
            return None
        if len(v) > 1 and v[0] == "'" and v[1] in "=+-@\t\r":
            v = v[1:]  # undo `safe=True`
        return v

    r: dict = {k: cell(k) for k in row if k is not None}
    r["actors"] = [{"name": n} for n in _split(cell("actors"))]
    loc = cell("location")
    r["location"] = {"name": loc} if loc else None
    r["doc_ids"] = _split(cell("doc_ids"))
    for f in INT_FIELDS:
        r[f] = int(r[f]) if r.get(f) not in (None, "") else None
    r["confidence"] = float(r["confidence"]) if r.get("confidence") not in (None, "") else None
    return r


def _split(cell: str | None) -> list[str]:
    return [p.strip() for p in cell.split(";") if p.strip()] if cell else []


def _tjs_dates(start: str | None, end: str | None) -> tuple[dict | None, dict | None]:
    """TimelineJS start/end dates: a day, a whole month or a whole year as such, else two days."""
    if not start:
        return None, None
    s = pd.Timestamp(start)
    e = pd.Timestamp(end) if end else s

    def ymd(t: pd.Timestamp, parts: int) -> dict:
        d = {"year": str(t.year)}
        if parts >= 2:
            d["month"] = str(t.month)
        if parts >= 3:
            d["day"] = str(t.day)
        return d

    if s == e:
        return ymd(s, 3), None
    if s.day == 1 and e == s + pd.offsets.MonthEnd(0):
        return ymd(s, 2), None
    if s.month == 1 and s.day == 1 and e.month == 12 and e.day == 31 and s.year == e.year:
        return ymd(s, 1), None
    return ymd(s, 3), ymd(e, 3)
