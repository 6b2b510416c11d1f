"""Periods are school years, "2025-2026": 1 September to 31 August (see models.py)."""

import datetime as dt
import re

from django.utils import timezone

PERIOD_RE = re.compile(r"^(\d{4})-(\d{4})$")


class PeriodError(ValueError):
    pass


def parse(period: str) -> tuple[dt.date, dt.date]:
    """(first day, last day) of a period code, or PeriodError with a Vietnamese message."""
    match = PERIOD_RE.match(period or "")
    if not match or int(match.group(2)) != int(match.group(1)) + 1:
        raise PeriodError(f"Kỳ “{period}” không hợp lệ: cần dạng năm học, ví dụ 2025-2026.")
    start = int(match.group(1))
    return dt.date(start, 9, 1), dt.date(start + 1, 8, 31)


def period_of(day: dt.date) -> str:
    start = day.year if day.month >= 9 else day.year - 1
    return f"{start}-{start + 1}"


def current() -> str:
    return period_of(timezone.localdate())


def reference_date(period: str) -> dt.date:
    """The day whose tree the period is aggregated on: its last day, or today while it runs."""
    _start, end = parse(period)
    return min(end, timezone.localdate())


def recent(n: int = 5, *, until: str | None = None) -> list[str]:
    """The last n periods, oldest first, ending with `until` (default: the current one)."""
    last = int((until or current())[:4])
    return [f"{year}-{year + 1}" for year in range(last - n + 1, last + 1)]
