"""Computations over activities, trainings, integrated lessons and the Action Month: flows, counted
from the records dated inside the period (an activity by its start, a lesson by its day, a campaign
by its first day). Only activities carried out (status "done") count: a planned one has not
happened and a cancelled one never will."""

from django.db.models import Count, Q, Sum
from django.db.models.signals import post_save
from django.utils import timezone

from binhdang.activities.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Audience,
    CampaignSchool,
    LessonIntegration,
    Participation,
    TrainingAttendance,
)
from binhdang.people.models import Position, Sex, StaffMember

from . import periods
from .computing import Result, computation, day_bounds, fold, for_units, period_of_instant
from .refresh import deferred, touch, watch


def _done_in(period: str, prefix: str = ""):
    start, end = day_bounds(period)
    return Q(**{f"{prefix}status": ActivityStatus.DONE, f"{prefix}starts_at__gte": start,
                f"{prefix}starts_at__lt": end})


@computation("girls_participation_share")
def girls_participation_share(unit_ids, period) -> Result:
    """Girls among the student participants of the activities carried out in the period."""
    students = Participation.objects.filter(_done_in(period, "activity__"), group=Audience.STUDENTS)
    rows = for_units(students, unit_ids, "activity__unit_id").values(
        "activity__unit_id", "activity__unit__school_level").annotate(
        all=Sum("count"), girls=Sum("count", filter=Q(sex=Sex.FEMALE)))
    return fold(((r["activity__unit_id"], None, {"level": r["activity__unit__school_level"]}, r["girls"] or 0,
                  r["all"] or 0) for r in rows), rate=True)


@computation("communication_sessions")
def communication_sessions(unit_ids, period) -> Result:
    rows = for_units(Activity.objects.filter(_done_in(period), kind=ActivityKind.COMMUNICATION), unit_ids).values(
        "unit_id", "unit__school_level").annotate(n=Count("id"))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"]}, r["n"], None) for r in rows), rate=False)


@computation("communication_reach")
def communication_reach(unit_ids, period) -> Result:
    """People reached by the communication activities, by audience group and sex."""
    rows = for_units(Participation.objects.filter(_done_in(period, "activity__"),
                                                  activity__kind=ActivityKind.COMMUNICATION),
                     unit_ids, "activity__unit_id").values(
        "activity__unit_id", "activity__unit__school_level", "group", "sex").annotate(n=Sum("count"))
    return fold(((r["activity__unit_id"], r["sex"], {"level": r["activity__unit__school_level"],
                                                     "audience": r["group"]}, r["n"] or 0, None) for r in rows),
                rate=False)


@computation("action_month_activities")
def action_month_activities(unit_ids, period) -> Result:
    """Activities carried out for an Action Month campaign."""
    rows = for_units(Activity.objects.filter(_done_in(period), campaign__isnull=False), unit_ids).values(
        "unit_id", "unit__school_level").annotate(n=Count("id"))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"]}, r["n"], None) for r in rows), rate=False)


def _staff_share(numerator, unit_ids, *, positions=None) -> Result:
    """Active staff (of `positions`) counted in `numerator` (distinct people, per unit, sex and
    position) over the active staff now, by sex, level and position. The denominator is the roster
    as it stands when computed (no history; see computing.SNAPSHOT_SOURCES)."""
    staff = for_units(StaffMember.objects.filter(is_active=True), unit_ids)
    if positions:
        staff = staff.filter(position__in=positions)
    group = ("unit_id", "unit__school_level", "sex", "position")
    done = {tuple(r[g] for g in group): r["n"] for r in staff.filter(pk__in=numerator).values(*group).annotate(
        n=Count("id"))}
    everyone = staff.values(*group).annotate(n=Count("id"))
    return fold(((r["unit_id"], r["sex"], {"level": r["unit__school_level"], "position": r["position"]},
                 done.get(tuple(r[g] for g in group), 0), r["n"]) for r in everyone), rate=True)


@computation("staff_trained_gender")
def staff_trained_gender(unit_ids, period) -> Result:
    """Staff who attended at least one gender-equality training carried out in the period."""
    trained = TrainingAttendance.objects.filter(_done_in(period, "training__activity__"),
                                                staff__isnull=False).values("staff_id")
    return _staff_share(trained, unit_ids)


@computation("gender_lessons")
def gender_lessons(unit_ids, period) -> Result:
    """Lessons integrating gender content taught in the period, by grade and the teacher's sex."""
    first, last = periods.parse(period)
    rows = for_units(LessonIntegration.objects.filter(taught_on__range=(first, last)), unit_ids).values(
        "unit_id", "unit__school_level", "grade", "teacher__sex").annotate(n=Count("id"))
    return fold(((r["unit_id"], r["teacher__sex"], {"level": r["unit__school_level"], "grade": r["grade"]}, r["n"],
                  None) for r in rows), rate=False)


@computation("teachers_integrating_share")
def teachers_integrating_share(unit_ids, period) -> Result:
    """Teachers who taught at least one integrated lesson in the period, among the teachers."""
    first, last = periods.parse(period)
    taught = LessonIntegration.objects.filter(taught_on__range=(first, last)).values("teacher_id")
    return _staff_share(taught, unit_ids, positions=[Position.TEACHER])


def _campaign_entries(unit_ids, period):
    first, last = periods.parse(period)
    return for_units(CampaignSchool.objects.filter(campaign__starts_on__range=(first, last),
                                                   campaign__launched_at__isnull=False), unit_ids)


@computation("action_month_reporting_rate")
def action_month_reporting_rate(unit_ids, period) -> Result:
    """Schools' Action Month end reports sent, among the campaigns they were given."""
    rows = _campaign_entries(unit_ids, period).values("unit_id", "unit__school_level").annotate(
        all=Count("id"), sent=Count("id", filter=Q(reported_at__isnull=False)))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"]}, r["sent"], r["all"]) for r in rows),
                rate=True)


@computation("action_month_on_time_rate")
def action_month_on_time_rate(unit_ids, period) -> Result:
    """End reports sent by the campaign's deadline (its whole day), among the campaigns given."""
    entries = list(_campaign_entries(unit_ids, period).values_list(
        "unit_id", "unit__school_level", "reported_at", "campaign__report_deadline"))
    # The deadline is a local date: comparing in Python keeps the time zone right on every database
    # (a handful of rows per school and year).
    return fold(((unit_id, None, {"level": level}, 1 if at and timezone.localdate(at) <= deadline else 0, 1)
                 for unit_id, level, at, deadline in entries), rate=True)


def _activity_period(row) -> str | None:
    return period_of_instant(row.starts_at)


watch("activities.Activity", "activities", lambda row: row.unit_id, _activity_period)
watch("activities.Participation", "activities", lambda row: row.activity.unit_id,
      lambda row: _activity_period(row.activity))
watch("activities.Activity", "trainings", lambda row: row.unit_id if row.kind == ActivityKind.TRAINING else None,
      _activity_period)
watch("activities.TrainingAttendance", "trainings", lambda row: (row.staff or row.student).unit_id,
      lambda row: _activity_period(row.training.activity))
watch("activities.LessonIntegration", "lessons", lambda row: row.unit_id, lambda row: periods.period_of(row.taught_on))
watch("activities.CampaignSchool", "campaigns", lambda row: row.unit_id,
      lambda row: periods.period_of(row.campaign.starts_on))
# The rates' denominators are the roster now: a change of staff moves the current period's rates.
watch("people.StaffMember", "trainings", lambda row: row.unit_id)
watch("people.StaffMember", "lessons", lambda row: row.unit_id)


def _campaign_changed(sender, instance, raw=False, **kwargs):
    """A campaign launched, or its deadline moved: every school given it is recomputed."""
    if raw:
        return
    period = periods.period_of(instance.starts_on)
    with deferred():  # many schools: recomputed together, set-based
        for unit_id in CampaignSchool.objects.filter(campaign=instance).values_list("unit_id", flat=True):
            touch(unit_id, "campaigns", period)


post_save.connect(_campaign_changed, sender="activities.ActionMonthCampaign", weak=False,
                  dispatch_uid="indicators:campaign:save")
