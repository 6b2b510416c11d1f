"""Reads for the calendar and "my work": which activities fall on which local days.

Day boundaries are those of Asia/Ho_Chi_Minh (settings.TIME_ZONE): an activity at 23:30 local
time on the 16th is stored as 16:30 UTC and belongs to the 16th, whatever the server's clock.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.db.models import Count, F, Q, QuerySet
from django.utils import timezone

from binhdang.orgs.models import OrgUnit
from binhdang.plans.models import PlanStatus, Task

from .models import Activity, ActivityStatus


def local_midnight(day: dt.date) -> dt.datetime:
    return dt.datetime.combine(day, dt.time.min, tzinfo=ZoneInfo(settings.TIME_ZONE))


def calendar_activities(unit: OrgUnit, start: dt.date, end: dt.date) -> list[Activity]:
    """Activities of `unit` and the units below it that touch the local days start..end
    (end excluded), by start time; one query whatever the number of units or activities."""
    begin, finish = local_midnight(start), local_midnight(end)
    return list(
        Activity.objects.filter(unit__path__startswith=unit.path, starts_at__lt=finish)
        .filter(Q(starts_at__gte=begin) | Q(ends_at__gte=begin))
        .select_related("unit")
        .order_by("starts_at", "id")
    )


def by_day(activities: list[Activity], start: dt.date, end: dt.date) -> dict[dt.date, list[Activity]]:
    """Each local day of start..end (end excluded) with the activities on it; an activity
    spanning several days is listed on each of them."""
    days: dict[dt.date, list[Activity]] = {start + dt.timedelta(n): [] for n in range((end - start).days)}
    last = end - dt.timedelta(days=1)
    for activity in activities:
        first_day = timezone.localtime(activity.starts_at).date()
        last_day = timezone.localtime(activity.ends_at).date() if activity.ends_at else first_day
        day = max(first_day, start)
        while day <= min(max(last_day, first_day), last):
            days[day].append(activity)
            day += dt.timedelta(days=1)
    return days


def my_tasks(user, unit: OrgUnit) -> QuerySet[Task]:
    """Tasks of the unit's issued plans that are the user's: led by a body where their staff
    record holds a seat, or carried out by an activity they logged. Each is annotated with
    how many of its activities are done and still planned (two queries in all)."""
    mine = Q(responsible_bodies__members__staff__user=user) | Q(activities__created_by=user, activities__unit=unit)
    ids = (
        Task.objects.filter(group__plan__issuer_unit=unit, group__plan__status=PlanStatus.ISSUED)
        .filter(mine)
        # An amended plan stays readable, but its successor's tasks are the live ones.
        .exclude(group__plan__amendments__status=PlanStatus.ISSUED)
        .values("pk")
    )
    return (
        Task.objects.filter(pk__in=ids)
        .select_related("group__plan")
        .annotate(
            done=Count("activities", filter=Q(activities__status=ActivityStatus.DONE), distinct=True),
            planned=Count("activities", filter=Q(activities__status=ActivityStatus.PLANNED), distinct=True),
        )
        .order_by(F("due_on").asc(nulls_last=True), "group__plan_id", "group__position", "position")
    )


def unreported_activities(unit: OrgUnit, *, today: dt.date, author=None) -> QuerySet[Activity]:
    """Activities still "planned" whose start day is before `today` (not yet reported)."""
    queryset = Activity.objects.filter(
        unit__path__startswith=unit.path, status=ActivityStatus.PLANNED, starts_at__lt=local_midnight(today)
    )
    if author is not None:
        queryset = queryset.filter(created_by=author)
    return queryset.select_related("unit").order_by("starts_at", "id")
