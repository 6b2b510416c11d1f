"""Reads of plans: the list a user sees for a unit, one plan in reading order, and the
citations of a plan whose documents have been replaced."""

from django.db.models import Prefetch, QuerySet

from binhdang.legal.models import DocumentStatus
from binhdang.orgs.models import OrgUnit

from .models import LegalBasis, Plan, Task, TaskGroup


def plan_list(unit: OrgUnit) -> QuerySet[Plan]:
    """Plans issued by `unit` and, for the levels above schools, by every unit below it; newest first."""
    return (
        Plan.objects.filter(issuer_unit__path__startswith=unit.path)
        .select_related("issuer_unit", "issuer_body")
        .order_by("-created_at", "-id")
    )


def plan_for_reading() -> QuerySet[Plan]:
    """Everything the detail page shows, fetched in a fixed number of queries."""
    return Plan.objects.select_related("issuer_unit", "issuer_body", "source_plan").prefetch_related(
        Prefetch("legal_basis", queryset=LegalBasis.objects.select_related("document__replaced_by")),
        "sections",
        Prefetch("task_groups", queryset=TaskGroup.objects.prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("position")))),
        "targets",
        "recipients",
        "import_notes",
    )


def task_tree(group: TaskGroup) -> list[dict]:
    """A group's tasks nested as [{"task", "children"}], from the prefetched flat list."""
    tasks = list(group.tasks.all())
    by_parent: dict[int | None, list[Task]] = {}
    for task in tasks:
        by_parent.setdefault(task.parent_id, []).append(task)

    def build(parent_id):
        return [{"task": t, "children": build(t.pk)} for t in sorted(by_parent.get(parent_id, []),
                                                                        key=lambda t: t.position)]
    return build(None)


def replaced_citations(plan: Plan) -> QuerySet[LegalBasis]:
    """The plan's citations of documents the registry marks as replaced (the plan warns about them)."""
    return (
        LegalBasis.objects.filter(plan=plan, document__status=DocumentStatus.REPLACED)
        .select_related("document__replaced_by")
        .order_by("position")
    )


def plan_for_editing() -> QuerySet[Plan]:
    """Everything the editor shows (the detail page's parts plus each task's targets)."""
    return Plan.objects.select_related("issuer_unit", "issuer_body").prefetch_related(
        Prefetch("legal_basis", queryset=LegalBasis.objects.select_related("document__replaced_by")),
        "sections",
        Prefetch("task_groups", queryset=TaskGroup.objects.prefetch_related(
            Prefetch("tasks", queryset=Task.objects.order_by("position").prefetch_related(
                "targets", "responsible_bodies")))),
        "targets",
        "recipients",
    )
