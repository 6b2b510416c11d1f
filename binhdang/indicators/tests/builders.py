"""Small builders for the indicator tests: records dated inside a period, a unit's figure."""

import datetime as dt

from django.utils import timezone

from binhdang.activities.models import Activity, ActivityKind, ActivityStatus, Participation
from binhdang.indicators.models import Rollup


def at(day: dt.date, hour: int = 8) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time(hour)))


def done_activity(unit, day: dt.date, kind=ActivityKind.FLAG_TALK, status=ActivityStatus.DONE, campaign=None,
                  **counts) -> Activity:
    """An activity on `day` with participants, e.g. students_F=30, parents_M=4."""
    activity = Activity.objects.create(unit=unit, kind=kind, title="Hoạt động", starts_at=at(day), status=status,
                                       campaign=campaign)
    for name, count in counts.items():
        group, sex = name.rsplit("_", 1)
        Participation.objects.create(activity=activity, group=group, sex=sex, count=count)
    return activity


def figure(unit, code: str, period: str, disaggregation: str = "") -> tuple[int, int | None] | None:
    """(numerator, denominator) of a unit's rollup, None when it has none."""
    row = Rollup.objects.filter(unit=unit, indicator__code=code, period=period, disaggregation=disaggregation).first()
    return (row.numerator, row.denominator) if row else None
