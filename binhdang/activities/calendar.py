"""The calendar's periods: a month grid (whole weeks, Monday first) or one week, around a day.

Pure date arithmetic; the view reads the activities with selectors_calendar.
"""

import datetime as dt
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

# Vietnamese weekday names, Monday first (thứ Hai … Chủ nhật).
WEEKDAYS = (_("T2"), _("T3"), _("T4"), _("T5"), _("T6"), _("T7"), _("CN"))
# A month cell lists this many activities, then "+N".
MONTH_CELL_LIMIT = 3
MONTH, WEEK = "thang", "tuan"


@dataclass
class Day:
    date: dt.date
    activities: list = field(default_factory=list)
    today: bool = False
    outside: bool = False  # a day of the neighbouring month, shown to fill the week

    @property
    def shown(self) -> list:
        return self.activities[:MONTH_CELL_LIMIT]

    @property
    def more(self) -> int:
        return max(0, len(self.activities) - MONTH_CELL_LIMIT)


def monday(day: dt.date) -> dt.date:
    return day - dt.timedelta(days=day.weekday())


def add_months(day: dt.date, months: int) -> dt.date:
    """The first of the month `months` away from `day`'s month."""
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)


@dataclass
class Period:
    view: str
    anchor: dt.date
    start: dt.date  # first day shown
    end: dt.date  # day after the last day shown
    previous: dt.date
    next: dt.date


def period(view: str, anchor: dt.date) -> Period:
    if view == WEEK:
        start = monday(anchor)
        return Period(WEEK, anchor, start, start + dt.timedelta(days=7),
                      anchor - dt.timedelta(days=7), anchor + dt.timedelta(days=7))
    first = anchor.replace(day=1)
    following = add_months(first, 1)
    start = monday(first)
    end = monday(following - dt.timedelta(days=1)) + dt.timedelta(days=7)
    return Period(MONTH, first, start, end, add_months(first, -1), following)


def weeks(per: Period, days: dict[dt.date, list], today: dt.date) -> list[list[Day]]:
    """The period's days in rows of seven, each with its activities."""
    cells = [
        Day(date=day, activities=days.get(day, []), today=day == today,
            outside=per.view == MONTH and day.month != per.anchor.month)
        for day in (per.start + dt.timedelta(n) for n in range((per.end - per.start).days))
    ]
    return [cells[i:i + 7] for i in range(0, len(cells), 7)]
