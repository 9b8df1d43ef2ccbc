"""Time expressions of Chinese and English news, resolved to TIMEX3 values and day intervals.

`find_dates(text, dct)` returns `TimeExpr`s; `as_date(dct)` the day of a publication time; `sentence_tense(text)` the tense a sentence
points to; the spaCy component `timeline_dates` puts them on a Doc.
"""
from timeline.temporal.expr import TimeExpr
from timeline.temporal.find import as_date, find_dates
from timeline.temporal.tense import sentence_tense

__all__ = ["TimeExpr", "as_date", "find_dates", "sentence_tense"]
