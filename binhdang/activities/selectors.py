"""Reads of activities: the list of a unit (and the units below it), one activity for its page,
the tasks an activity may carry out, and a plan's progress task by task."""

import datetime as dt
from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Prefetch, QuerySet, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.orgs.models import OrgUnit
from binhdang.people.models import Sex
from binhdang.plans.models import Plan, PlanStatus, Task, TaskGroup

from .models import Activity, ActivityStatus, Evidence, Participation
from .selectors_campaign import campaign_tasks_for, open_campaign_entries


def _subtotal(model, aggregate):
    inner = (model.objects.filter(activity=OuterRef("pk")).order_by().values("activity")
             .annotate(value=aggregate).values("value"))
    return Coalesce(Subquery(inner), 0)


def activity_list(unit: OrgUnit, filters: dict | None = None) -> QuerySet[Activity]:
    """Activities of `unit` and of every unit below it (officers follow their schools), newest first.

    filters: status, kind, month ("YYYY-MM"), task (a task pk), unplanned (True: no task only)."""
    filters = filters or {}
    queryset = (
        Activity.objects.filter(unit__path__startswith=unit.path)
        .select_related("unit", "task__group__plan", "responsible_body")
        # Subqueries, not joins: two joined children would multiply each other's sums.
        .annotate(participants=_subtotal(Participation, Sum("count")), evidence_count=_subtotal(Evidence, Count("id")))
        .order_by("-starts_at", "-id")
    )
    if filters.get("status"):
        queryset = queryset.filter(status=filters["status"])
    if filters.get("kind"):
        queryset = queryset.filter(kind=filters["kind"])
    month = filters.get("month")
    if month:
        start = timezone.make_aware(dt.datetime(month.year, month.month, 1))
        end = timezone.make_aware(dt.datetime(month.year + month.month // 12, month.month % 12 + 1, 1))
        queryset = queryset.filter(starts_at__gte=start, starts_at__lt=end)
    if filters.get("task"):
        queryset = queryset.filter(task_id=filters["task"])
    if filters.get("unplanned"):
        queryset = queryset.filter(task__isnull=True)
    return queryset


def activity_for_reading() -> QuerySet[Activity]:
    """Everything the detail page shows, in a fixed number of queries."""
    return Activity.objects.select_related(
        "unit", "task__group__plan", "responsible_body", "created_by", "campaign",
    ).prefetch_related(
        Prefetch("participations", queryset=Participation.objects.order_by("group", "sex")),
        Prefetch("evidence", queryset=Evidence.objects.select_related("uploaded_by").order_by("id")),
    )


def task_choices(unit: OrgUnit) -> list[tuple[Plan, TaskGroup, list[tuple[Task, int]]]]:
    """The tasks of the unit's issued plans (a version replaced by an issued amendment left out),
    as (plan, group, [(task, depth)]) in the plan's own order, for the activity form."""
    plans = (Plan.objects.filter(issuer_unit=unit, status=PlanStatus.ISSUED)
             .exclude(amendments__status=PlanStatus.ISSUED)
             .order_by("-issued_at", "-id")
             .prefetch_related(Prefetch("task_groups", queryset=TaskGroup.objects.prefetch_related(
                 Prefetch("tasks", queryset=Task.objects.order_by("position"))))))
    result = []
    for plan in plans:
        for group in plan.task_groups.all():
            rows = _tree_order(list(group.tasks.all()))
            if rows:
                result.append((plan, group, rows))
    return result


def task_options(unit: OrgUnit) -> list[tuple[str, list[tuple[Task, int]]]]:
    """Every task an activity (or a training) of `unit` may carry out, as labelled groups of
    (task, depth) for a select: the issued plans' groups, then the open Action Month campaigns'
    groups of the school (their plan may still be a draft; once issued the group shows once)."""
    options: list[tuple[str, list[tuple[Task, int]]]] = []
    seen_groups = set()
    for plan, group, rows in task_choices(unit):
        seen_groups.add(group.pk)
        options.append((f"{plan.number or plan.title[:60]} · {group.position}. {group.title[:60]}", rows))
    campaign_tasks: dict[int, list[tuple[Task, int]]] = {}
    for task in campaign_tasks_for(unit):
        campaign_tasks.setdefault(task.group_id, []).append((task, 0))
    for entry in open_campaign_entries(unit):
        rows = campaign_tasks.get(entry.task_group_id)
        if rows and entry.task_group_id not in seen_groups:
            seen_groups.add(entry.task_group_id)
            label = _("Tháng hành động %(year)s: %(theme)s") % {"year": entry.campaign.year,
                                                                "theme": entry.campaign.theme[:80]}
            options.append((label, rows))
    return options


def task_allowed(unit: OrgUnit, task: Task) -> bool:
    """An activity of `unit` may carry out a task of an issued plan of the unit, or a task of an
    open Action Month campaign of the school (its plan may still be a draft)."""
    status = Task.objects.filter(pk=task.pk).values_list("group__plan__status", "group__plan__issuer_unit_id").first()
    if status == (PlanStatus.ISSUED, unit.pk):
        return True
    return campaign_tasks_for(unit).filter(pk=task.pk).exists()


def _tree_order(tasks: list[Task]) -> list[tuple[Task, int]]:
    """(task, depth) depth-first, each level by position."""
    by_parent: dict[int | None, list[Task]] = {}
    for task in tasks:
        by_parent.setdefault(task.parent_id, []).append(task)
    rows: list[tuple[Task, int]] = []

    def walk(parent_id, depth):
        for task in sorted(by_parent.get(parent_id, []), key=lambda t: t.position):
            rows.append((task, depth))
            walk(task.pk, depth + 1)
    walk(None, 0)
    return rows


@dataclass
class TaskProgress:
    task: Task
    group: TaskGroup
    depth: int
    planned: int = 0
    done: int = 0
    cancelled: int = 0
    by_sex: dict[str, int] = field(default_factory=lambda: {sex: 0 for sex in Sex.values})

    @property
    def total(self) -> int:
        """Activities that count (a cancelled one neither helps nor hurts)."""
        return self.planned + self.done

    @property
    def percent(self) -> int:
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def participants(self) -> int:
        return sum(self.by_sex.values())

    @property
    def has_activity(self) -> bool:
        return bool(self.planned or self.done or self.cancelled)


@dataclass
class PlanProgress:
    plan: Plan
    rows: list[TaskProgress]

    @property
    def without_activity(self) -> list[TaskProgress]:
        return [row for row in self.rows if not row.has_activity]

    @property
    def with_done(self) -> int:
        return sum(1 for row in self.rows if row.done)

    def totals(self) -> dict[str, int]:
        sums = {"planned": 0, "done": 0, "cancelled": 0, **{sex: 0 for sex in Sex.values}}
        for row in self.rows:
            sums["planned"] += row.planned
            sums["done"] += row.done
            sums["cancelled"] += row.cancelled
            for sex, count in row.by_sex.items():
                sums[sex] += count
        return sums


def plan_progress(plan: Plan) -> PlanProgress:
    """Each task of the plan in tree order with its activities by status and the participants of
    its done activities by sex. Four queries whatever the size of the plan."""
    groups = list(TaskGroup.objects.filter(plan=plan).order_by("position"))
    tasks = list(Task.objects.filter(group__plan=plan).order_by("position"))
    by_group: dict[int, list[Task]] = {}
    for task in tasks:
        by_group.setdefault(task.group_id, []).append(task)
    rows: dict[int, TaskProgress] = {}
    ordered = []
    for group in groups:
        for task, depth in _tree_order(by_group.get(group.pk, [])):
            rows[task.pk] = TaskProgress(task=task, group=group, depth=depth)
            ordered.append(rows[task.pk])
    counts = (Activity.objects.filter(task__group__plan=plan).values("task_id", "status")
              .annotate(n=Count("id")).order_by())
    for item in counts:
        row = rows.get(item["task_id"])
        if row is not None:
            setattr(row, {ActivityStatus.PLANNED: "planned", ActivityStatus.DONE: "done",
                          ActivityStatus.CANCELLED: "cancelled"}[item["status"]], item["n"])
    people = (Participation.objects.filter(activity__task__group__plan=plan, activity__status=ActivityStatus.DONE)
              .values("activity__task_id", "sex").annotate(n=Sum("count")).order_by())
    for item in people:
        row = rows.get(item["activity__task_id"])
        if row is not None:
            row.by_sex[item["sex"]] += item["n"]
    return PlanProgress(plan=plan, rows=ordered)
