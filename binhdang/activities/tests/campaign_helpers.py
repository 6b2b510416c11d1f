"""Helpers of the campaign tests: a draft campaign, activities with participants, many schools."""

import datetime as dt

from django.utils import timezone

from binhdang.activities.campaigns import campaign_save
from binhdang.activities.models import ActionMonthCampaign, Activity, Participation
from binhdang.orgs.models import OrgUnit

ITEMS = [
    {"kind": "communication", "text": "Treo băng rôn, áp phích hưởng ứng Tháng hành động", "required": True},
    {"kind": "flag_talk", "text": "Sinh hoạt dưới cờ về phòng, chống bạo lực trên cơ sở giới", "required": True},
    {"kind": "contest", "text": "Cuộc thi vẽ tranh về bình đẳng giới", "required": False},
]


def make_campaign(actor, unit, year=2026, items=ITEMS) -> ActionMonthCampaign:
    return campaign_save(actor=actor, unit=unit, theme="Chung tay chấm dứt bạo lực với phụ nữ và trẻ em gái",
                         starts_on=dt.date(year, 11, 15), ends_on=dt.date(year, 12, 15),
                         report_deadline=dt.date(year, 12, 20), items=items)


def log(unit, campaign, *, task=None, status="done", title="Hoạt động", day=20, counts=None, group="students"):
    """An activity of `unit` in the campaign with participants {sex: count} of one group."""
    activity = Activity.objects.create(
        unit=unit, campaign=campaign, task=task, kind="communication", title=title, status=status,
        starts_at=timezone.make_aware(dt.datetime(campaign.year, 11, day, 7, 30)),
    )
    for sex, count in (counts or {}).items():
        Participation.objects.create(activity=activity, group=group, sex=sex, count=count)
    return activity


def bulk_schools(parent: OrgUnit, count: int, prefix: str = "bulk") -> list[OrgUnit]:
    """`count` schools under `parent`, made with bulk_create (paths set after the ids are known)."""
    units = OrgUnit.objects.bulk_create([
        OrgUnit(code=f"{prefix}-{n}", name=f"Trường Tiểu học {prefix} {n:04d}", kind="school",
                school_level="primary", parent=parent, path="") for n in range(count)
    ], batch_size=500)
    for unit in units:
        unit.path = f"{parent.path}{unit.pk}."
    OrgUnit.objects.bulk_update(units, ["path"], batch_size=500)
    return units


def bulk_activities(campaign, per_school: int) -> int:
    """`per_school` activities for every school of the campaign: the first half done against the
    campaign's tasks with participants (3 F, 2 M, 1 U students each), the rest planned."""
    from binhdang.plans.models import Task

    entries = list(campaign.schools.all())
    tasks: dict[int, list[int]] = {}
    for task in Task.objects.filter(group_id__in=[e.task_group_id for e in entries]).order_by("position"):
        tasks.setdefault(task.group_id, []).append(task.pk)
    start = timezone.make_aware(dt.datetime(campaign.year, 11, 16, 7, 30))
    activities = []
    for entry in entries:
        own = tasks.get(entry.task_group_id, [None])
        for n in range(per_school):
            activities.append(Activity(unit_id=entry.unit_id, campaign=campaign, task_id=own[n % len(own)],
                                       kind="communication", title=f"Hoạt động {n}",
                                       status="done" if n < per_school // 2 else "planned",
                                       starts_at=start + dt.timedelta(hours=n)))
    Activity.objects.bulk_create(activities, batch_size=2000)
    Participation.objects.bulk_create([
        Participation(activity=a, group="students", sex=sex, count=count)
        for a in activities if a.status == "done" for sex, count in (("F", 3), ("M", 2), ("U", 1))
    ], batch_size=2000)
    return len(activities)
