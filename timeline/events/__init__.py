"""Event extraction, one room per job (the spaCy component is `timeline.components.events`).

* `triggers` — the trigger lexicon (`data/triggers.tsv`) and where its words occur;
* `cues` — the cue table (`data/cues.tsv`): status, negation, conditions, anaphors;
* `blocks` — why a trigger word states no event here (negated, a condition, part of a noun …);
* `sentence` — one sentence's view: its clauses, actors, places, dates and text helpers;
* `frames` — who the sides are, one handler per frame (two-sided, host/guest, travel, speech,
  invitation, agreement);
* `focus` — the discourse focus that carries subjects, sides and dates across sentences;
* `dating` — the interval an event takes;
* `places` — where it happens;
* `status` — occurred, planned or cancelled;
* `trace` — in debug runs, what became of every trigger (for `timeline evaluate --explain`).
"""
