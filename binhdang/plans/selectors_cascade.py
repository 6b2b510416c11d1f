"""Reads for the cascade: which plans a unit may start from, and how far a plan carries out
the plan above it (coverage), for one plan or for every unit below the issuer at once."""

from dataclasses import dataclass, field

from django.db.models import Count, F, Q, QuerySet

from binhdang.lib.vntext import sort_key
from binhdang.orgs.models import OrgUnit

from .models import Plan, PlanStatus, Task, TaskGroup

# A plan that is being carried out ranks before a draft when a unit has several derived plans.
_STATUS_RANK = {PlanStatus.ISSUED: 0, PlanStatus.SUBMITTED: 1, PlanStatus.DRAFT: 2}


def _ancestor_ids(unit: OrgUnit) -> list[int]:
    """Ids of the units above `unit`, read off its materialised path (".1.4.9." → [1, 4])."""
    return [int(part) for part in unit.path.strip(".").split(".")[:-1] if part]


def _current_versions(plans: QuerySet[Plan]) -> QuerySet[Plan]:
    """Leave out a version that an issued amendment has replaced: nobody starts from it."""
    return plans.exclude(amendments__status=PlanStatus.ISSUED)


def plans_from_above(unit: OrgUnit) -> QuerySet[Plan]:
    """Issued plans of the units above `unit` (and of their internal bodies, whose plans carry
    the unit as issuer), newest first: the plans a unit is asked to carry out."""
    plans = Plan.objects.filter(issuer_unit_id__in=_ancestor_ids(unit), status=PlanStatus.ISSUED)
    return (
        _current_versions(plans)
        .select_related("issuer_unit", "issuer_body")
        .order_by(F("year").desc(nulls_last=True), F("document_date").desc(nulls_last=True), "-created_at", "-id")
    )


def plans_of_unit_before(unit: OrgUnit, year: int | None = None) -> QuerySet[Plan]:
    """The unit's own plans of a year before `year` (any status), newest first: what
    "from last year's plan" starts from. A plan without a year cannot be moved on a year."""
    plans = Plan.objects.filter(issuer_unit=unit, year__isnull=False)
    if year is not None:
        plans = plans.filter(year__lt=year)
    return (
        _current_versions(plans)
        .select_related("issuer_unit", "issuer_body")
        .order_by("-year", "-created_at", "-id")
    )


@dataclass
class CoverageRow:
    task: Task  # a task of the plan above
    group: TaskGroup
    depth: int
    implemented_by: list[Task] = field(default_factory=list)  # the child plan's tasks carrying it out

    @property
    def addressed(self) -> bool:
        return bool(self.implemented_by)


@dataclass
class Coverage:
    plan: Plan
    source: Plan | None
    rows: list[CoverageRow]
    own_tasks: list[Task]  # the child's tasks that carry out no task of the plan above

    @property
    def total(self) -> int:
        return len(self.rows)

    @property
    def covered(self) -> int:
        return sum(1 for row in self.rows if row.addressed)

    @property
    def missing(self) -> list[CoverageRow]:
        return [row for row in self.rows if not row.addressed]

    @property
    def percent(self) -> int | None:
        return percent(self.covered, self.total)


def percent(covered: int, total: int) -> int | None:
    """Whole percent, rounded down so that 99.6% never shows as a finished 100%."""
    return covered * 100 // total if total else None


def _tree_order(tasks: list[Task]) -> list[tuple[Task, int]]:
    """(task, depth) of one group's tasks, parents before their children, each level by position."""
    by_parent: dict[int | None, list[Task]] = {}
    for task in tasks:
        by_parent.setdefault(task.parent_id, []).append(task)
    ordered: list[tuple[Task, int]] = []

    def walk(parent_id, depth):
        for task in sorted(by_parent.get(parent_id, []), key=lambda t: (t.position, t.pk)):
            ordered.append((task, depth))
            walk(task.pk, depth + 1)

    walk(None, 0)
    return ordered


def coverage(child: Plan) -> Coverage:
    """Each task of child.source_plan in tree order, with the child's tasks implementing it.

    Three queries whatever the size of either plan."""
    child_tasks = list(Task.objects.filter(group__plan=child).select_related("group")
                       .order_by("group__position", "position", "pk"))
    source = child.source_plan
    if source is None:
        return Coverage(plan=child, source=None, rows=[], own_tasks=child_tasks)
    source_tasks = list(Task.objects.filter(group__plan=source).select_related("group"))
    groups: dict[int, list[Task]] = {}
    for task in source_tasks:
        groups.setdefault(task.group_id, []).append(task)
    rows: list[CoverageRow] = []
    for group_tasks in sorted(groups.values(), key=lambda tasks: (tasks[0].group.position, tasks[0].group_id)):
        rows.extend(CoverageRow(task=task, group=task.group, depth=depth) for task, depth in _tree_order(group_tasks))
    by_source = {row.task.pk: row for row in rows}
    own = []
    for task in child_tasks:
        row = by_source.get(task.implements_id)
        if row is None:
            own.append(task)
        else:
            row.implemented_by.append(task)
    return Coverage(plan=child, source=source, rows=rows, own_tasks=own)


def implementing_units(parent: Plan) -> QuerySet[OrgUnit]:
    """The units whose coverage of `parent` its issuer follows.

    The units directly below the issuer, because a plan is sent to them "để thực hiện" and
    each answers for it (for a commune, the usual issuer since 2025, these are its schools);
    plus any unit further down that derived a plan straight from `parent`, so no derived plan
    is hidden. A school under a commune answers to the commune's plan: the Sở sees it one
    click further, on the commune's own plan."""
    issuer = parent.issuer_unit
    derived_units = Plan.objects.filter(source_plan=parent).values("issuer_unit_id")
    return OrgUnit.objects.filter(
        Q(parent=issuer, valid_to__isnull=True) | Q(pk__in=derived_units, path__startswith=issuer.path)
    ).exclude(pk=issuer.pk)


@dataclass
class UnitCoverage:
    unit: OrgUnit
    plans: list[Plan]  # every plan of the unit derived from the parent plan, the main one first
    covered: int
    total: int

    @property
    def plan(self) -> Plan | None:
        return self.plans[0] if self.plans else None

    @property
    def percent(self) -> int | None:
        return percent(self.covered, self.total) if self.plans else None


def coverage_by_unit(parent: Plan, units) -> list[UnitCoverage]:
    """For each unit: its plans derived from `parent` and how many of parent's tasks the main one
    carries out; laggards first (no plan, then lowest coverage), then by name.

    Three queries whatever the number of units: the units, the parent's task count, and the
    derived plans with their covered-task counts."""
    units = list(units)
    total = Task.objects.filter(group__plan=parent).count()
    derived = (
        Plan.objects.filter(source_plan=parent, issuer_unit_id__in=[unit.pk for unit in units])
        .select_related("issuer_body")
        .annotate(covered=Count("task_groups__tasks__implements",
                                filter=Q(task_groups__tasks__implements__group__plan=parent), distinct=True))
    )
    by_unit: dict[int, list[Plan]] = {}
    for plan in derived:
        by_unit.setdefault(plan.issuer_unit_id, []).append(plan)
    result = []
    for unit in units:
        plans = sorted(by_unit.get(unit.pk, []), key=lambda p: (_STATUS_RANK.get(p.status, 9), -p.version,
                                                               -p.created_at.timestamp()))
        covered = plans[0].covered if plans else 0
        result.append(UnitCoverage(unit=unit, plans=plans, covered=covered, total=total))
    result.sort(key=lambda row: (-1 if row.percent is None else row.percent, sort_key(row.unit.name)))
    return result
