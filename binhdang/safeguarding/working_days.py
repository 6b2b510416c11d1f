"""Vietnamese working days, for the 5-working-day plan clock of a case (NĐ 56/2017).

A working day is Monday to Friday and not a public holiday of Việt Nam (the `holidays` package,
pinned in pyproject: Tết, 30/4, 1/5, 2/9 and their days off). Counting happens on the local
calendar (settings.TIME_ZONE, Asia/Ho_Chi_Minh): a report at 23:30 UTC on a Friday arrives on a
Saturday morning in Việt Nam, and that is the day the school received it.

Substituted working Saturdays (a Saturday worked in exchange for a bridge day off, e.g.
22/8/2026 for 31/8/2026) are not counted: the rule here is Monday to Friday, so in such a week
the plan deadline falls one working day later than a count that includes that Saturday.
"""

import datetime as dt
from functools import lru_cache

import holidays
from django.utils import timezone


@lru_cache(maxsize=32)
def _holidays(year: int) -> frozenset[dt.date]:
    # One year at a time, cached: list pages compute "due soon" for every row without queries.
    return frozenset(holidays.Vietnam(years=year).keys())


def is_working_day(day: dt.date) -> bool:
    return day.weekday() < 5 and day not in _holidays(day.year)


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """`start` moved forward by `days` working days, at the same local time of day. The day of
    `start` itself does not count (the law counts "kể từ ngày nhận được"), and a start on a
    weekend or holiday counts from the next working day: Saturday 10:00 + 1 → Monday 10:00."""
    if days < 0:
        raise ValueError("days must not be negative")
    local = timezone.localtime(start, timezone.get_default_timezone())
    day, left = local.date(), days
    while left:
        day += dt.timedelta(days=1)
        if is_working_day(day):
            left -= 1
    moved = dt.datetime.combine(day, local.time().replace(tzinfo=None))
    return timezone.make_aware(moved, timezone.get_default_timezone())
