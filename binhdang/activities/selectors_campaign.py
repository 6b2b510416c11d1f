"""Reads of the Action Month campaign: the campaigns a user sees, the campaign tasks a school
logs activities against, the live board of the authority and one school's progress.

The board is one aggregate query over the campaign's activities and their participations,
grouped by school, plus a constant number of others (campaign entries, items), whatever the
number of schools: sorting, the "nothing logged yet" filter and the totals are done in Python
over those rows (1,000 schools are 1,000 small tuples), then one page of 50 is shown.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from functools import lru_cache

from django.core.paginator import Paginator
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Length

from binhdang.lib.vntext import sort_key
from binhdang.orgs.models import OrgUnit
from binhdang.plans.models import Task
from binhdang.plans.workflow import VIETNAM, today_in_vietnam

from .models import ActionMonthCampaign, Activity, ActivityStatus, CampaignSchool

PAGE_SIZE = 50
SEXES = ("F", "M", "U")
SORTS = ("ten", "da-thuc-hien", "nguoi-tham-gia", "gan-nhat", "bao-cao")


def campaigns_for(unit: OrgUnit):
    """The campaigns of the active unit and of the units above it that reached it: an officer's
    own (and those launched below them), a school's the ones it is enrolled in."""
    if unit.is_school:
        return (ActionMonthCampaign.objects.filter(schools__unit=unit)
                .select_related("issuer_unit").order_by("-year", "-id"))
    return (ActionMonthCampaign.objects.filter(issuer_unit__path__startswith=unit.path)
            .select_related("issuer_unit").order_by("-year", "-id"))


def campaign_tasks_for(unit: OrgUnit):
    """The tasks of the open (launched) campaigns of a school, in item order: what an activity of
    the Action Month carries out. The plan holding them may still be a draft (the school issues it
    through the workflow); activities may be logged against them meanwhile."""
    groups = CampaignSchool.objects.filter(unit=unit, campaign__status=ActionMonthCampaign.Status.LAUNCHED,
                                           task_group__isnull=False).values("task_group_id")
    return (Task.objects.filter(group_id__in=groups, parent__isnull=True)
            .select_related("group__plan").order_by("group_id", "position"))


def open_campaign_entries(unit: OrgUnit):
    """The school's entries in launched campaigns that gave it a task group (the groups the
    activity form offers, labelled with the campaign)."""
    return (CampaignSchool.objects.filter(unit=unit, campaign__status=ActionMonthCampaign.Status.LAUNCHED,
                                          task_group__isnull=False)
            .select_related("campaign").order_by("-campaign__year", "campaign_id"))


def campaign_for_activity(unit: OrgUnit, task: Task | None, starts_at: dt.datetime | None):
    """The campaign an activity of `unit` counts for, or None.

    1. Its task is in a campaign's task group of this school: that campaign (whatever the date:
       the school chose to carry out that item).
    2. Otherwise (unplanned, or a task of another plan) it counts for a launched or closed campaign
       the school is enrolled in when it starts inside the campaign's window (Vietnam dates): the
       report's "other activities". A closed campaign still matches so that editing an old
       activity does not drop it from a board already read. With two campaigns (a commune's and a
       Sở's) the nearest issuer wins.
    """
    if task is not None:
        entry = CampaignSchool.objects.filter(unit=unit, task_group_id=task.group_id).select_related("campaign").first()
        if entry is not None:
            return entry.campaign
    if starts_at is None:
        return None
    day = starts_at.astimezone(VIETNAM).date()
    return (ActionMonthCampaign.objects.filter(schools__unit=unit, starts_on__lte=day, ends_on__gte=day)
            .exclude(status=ActionMonthCampaign.Status.DRAFT)
            .order_by(Length("issuer_unit__path").desc(), "-id").first())


def report_state(entry: CampaignSchool, deadline: dt.date, today: dt.date) -> str:
    """ "on_time", "late", "overdue" (not reported, deadline passed) or "pending"."""
    if entry.reported_at is not None:
        return "on_time" if entry.reported_at.astimezone(VIETNAM).date() <= deadline else "late"
    return "overdue" if today > deadline else "pending"


@dataclass
class BoardRow:
    entry: CampaignSchool
    planned: int = 0
    done: int = 0
    cancelled: int = 0
    female: int = 0
    male: int = 0
    unknown: int = 0
    covered: int = 0
    last: dt.datetime | None = None
    report: str = "pending"

    @property
    def unit(self) -> OrgUnit:
        return self.entry.unit

    @property
    def logged(self) -> int:
        return self.planned + self.done + self.cancelled

    @property
    def participants(self) -> int:
        return self.female + self.male + self.unknown


@dataclass
class Board:
    campaign: ActionMonthCampaign
    page: object
    required: int
    totals: dict = field(default_factory=dict)
    sort: str = "chua-ghi"
    only_empty: bool = False


def board_aggregate(campaign: ActionMonthCampaign):
    """THE aggregate query: per school, activities by status, participants of done activities by
    sex, required items covered by a done activity, last activity date."""
    required = list(campaign.items.filter(required=True).values_list("position", flat=True))
    done = Q(status=ActivityStatus.DONE)
    groups = CampaignSchool.objects.filter(campaign=campaign).values("task_group_id")
    covered = done & Q(task__parent__isnull=True, task__position__in=required, task__group_id__in=groups)
    return (Activity.objects.filter(campaign=campaign).order_by().values("unit_id").annotate(
        planned=Count("id", filter=Q(status=ActivityStatus.PLANNED), distinct=True),
        done=Count("id", filter=done, distinct=True),
        cancelled=Count("id", filter=Q(status=ActivityStatus.CANCELLED), distinct=True),
        female=Sum("participations__count", filter=done & Q(participations__sex="F")),
        male=Sum("participations__count", filter=done & Q(participations__sex="M")),
        unknown=Sum("participations__count", filter=done & Q(participations__sex="U")),
        covered=Count("task__position", filter=covered, distinct=True),
        last=Max("starts_at", filter=~Q(status=ActivityStatus.CANCELLED)),
    )), len(required)


# Vietnamese sort keys are computed in Python (about 60 µs a name): cached per process, since a
# school's name rarely changes and the board sorts the same 1,000 names on every request.
name_key = lru_cache(maxsize=100_000)(sort_key)


def _sorted(rows: list[BoardRow], sort: str) -> list[BoardRow]:
    by_name = sorted(rows, key=lambda r: name_key(r.unit.name))
    if sort == "da-thuc-hien":
        return sorted(by_name, key=lambda r: -r.done)
    if sort == "nguoi-tham-gia":
        return sorted(by_name, key=lambda r: -r.participants)
    if sort == "gan-nhat":
        return sorted(by_name, key=lambda r: r.last is None)  # then newest first, below
    if sort == "bao-cao":
        order = {"overdue": 0, "pending": 1, "late": 2, "on_time": 3}
        return sorted(by_name, key=lambda r: order[r.report])
    if sort == "ten":
        return by_name
    # Default: the schools with nothing logged yet first (the ones to chase), then by name.
    return sorted(by_name, key=lambda r: r.logged > 0)


def campaign_board(campaign: ActionMonthCampaign, page=1, *, sort: str = "", only_empty: bool = False) -> Board:
    entries = list(CampaignSchool.objects.filter(campaign=campaign).select_related("unit").only(
        "campaign_id", "unit_id", "task_group_id", "report_number", "reported_at", "unit__name", "unit__uid"))
    aggregate, required = board_aggregate(campaign)
    figures = {row.pop("unit_id"): row for row in aggregate}
    today = today_in_vietnam()
    rows = []
    for entry in entries:
        values = {key: value or 0 for key, value in figures.get(entry.unit_id, {}).items() if key != "last"}
        row = BoardRow(entry=entry, last=figures.get(entry.unit_id, {}).get("last"), **values)
        row.report = report_state(entry, campaign.report_deadline, today)
        rows.append(row)
    totals = {name: sum(getattr(r, name) for r in rows)
              for name in ("planned", "done", "cancelled", "female", "male", "unknown", "participants")}
    totals.update(schools=len(rows), empty=sum(1 for r in rows if r.logged == 0),
                  reported=sum(1 for r in rows if r.entry.reported_at),
                  on_time=sum(1 for r in rows if r.report == "on_time"))
    sort = sort if sort in SORTS else "chua-ghi"
    ordered = _sorted(rows, sort)
    if sort == "gan-nhat":
        with_date = sorted((r for r in ordered if r.last), key=lambda r: r.last, reverse=True)
        ordered = with_date + [r for r in ordered if not r.last]
    if only_empty:
        ordered = [r for r in ordered if r.logged == 0]
    return Board(campaign=campaign, page=Paginator(ordered, PAGE_SIZE).get_page(page), required=required,
                 totals=totals, sort=sort, only_empty=only_empty)


@dataclass
class ItemProgress:
    item: object
    task: Task | None
    activities: list = field(default_factory=list)

    @property
    def done(self) -> list:
        return [a for a in self.activities if a.status == ActivityStatus.DONE]


@dataclass
class SchoolProgress:
    entry: CampaignSchool
    items: list[ItemProgress]
    extra: list  # activities of the campaign outside its tasks (unplanned or other tasks)
    by_sex: dict
    by_group: dict
    done: int
    planned: int
    cancelled: int

    @property
    def participants(self) -> int:
        return sum(self.by_sex.values())


def school_progress(entry: CampaignSchool) -> SchoolProgress:
    """One school's campaign: each item with the activities logged against its task, the others,
    and the participants of the done activities by sex and by group (three queries)."""
    items = list(entry.campaign.items.all())
    tasks = {t.position: t for t in Task.objects.filter(group_id=entry.task_group_id, parent__isnull=True)} \
        if entry.task_group_id else {}
    activities = list(Activity.objects.filter(campaign=entry.campaign, unit=entry.unit)
                      .prefetch_related("participations").order_by("starts_at", "id"))
    by_task: dict[int, list] = {}
    for activity in activities:
        by_task.setdefault(activity.task_id, []).append(activity)
    progress = [ItemProgress(item, tasks.get(item.position), by_task.pop(tasks[item.position].pk, [])
                             if item.position in tasks else []) for item in items]
    extra = [a for task_id, rows in by_task.items() for a in rows]
    extra.sort(key=lambda a: (a.starts_at, a.id))
    by_sex = dict.fromkeys(SEXES, 0)
    by_group: dict[str, dict] = {}
    for activity in activities:
        if activity.status != ActivityStatus.DONE:
            continue
        for p in activity.participations.all():
            by_sex[p.sex] += p.count
            by_group.setdefault(p.group, dict.fromkeys(SEXES, 0))[p.sex] += p.count
    count = {status: sum(1 for a in activities if a.status == status) for status in ActivityStatus.values}
    return SchoolProgress(entry=entry, items=progress, extra=extra, by_sex=by_sex, by_group=by_group,
                          done=count[ActivityStatus.DONE], planned=count[ActivityStatus.PLANNED],
                          cancelled=count[ActivityStatus.CANCELLED])

