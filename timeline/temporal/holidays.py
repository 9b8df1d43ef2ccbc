"""Holiday dates: solar ones fixed, lunar ones converted with the `lunardate` library."""
from __future__ import annotations

from datetime import date, timedelta

from lunardate import LunarDate


def holiday(kind: str, month: int, day: int, year: int) -> date | None:
    """The Gregorian date of a holiday in Gregorian `year` (lunar_eve = the day before)."""
    try:
        if kind == "solar":
            return date(year, month, day)
        solar = LunarDate(year, month, day).to_solar_date()
        return solar - timedelta(days=1) if kind == "lunar_eve" else solar
    except ValueError:
        return None
