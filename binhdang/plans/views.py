"""Read-only plan pages: the plans of the active unit (and of the units below it), and one
plan in reading order with its legal-basis warnings and import notes."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from binhdang.accounts.access import can, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.legal.models import DocumentStatus

from . import selectors
from .access import plan_for_user
from .models import SectionKind

PAGE_SIZE = 50


@login_required
def plan_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    page = Paginator(selectors.plan_list(unit), PAGE_SIZE).get_page(request.GET.get("trang"))
    return render(request, "plans/plan_list.html", {"unit": unit, "page": page,
                                                    "can_create": can(request.user, unit, Level.MANAGE)})


@login_required
def plan_detail_view(request, uid):
    plan = plan_for_user(request.user, uid, queryset=selectors.plan_for_reading())
    basis = list(plan.legal_basis.all())
    groups = [{"group": group, "tasks": selectors.task_tree(group)} for group in plan.task_groups.all()]
    sections = list(plan.sections.all())
    # Task groups are shown inside the first tasks section (where the plan wrote them); a plan
    # without such a section still shows them, after the others.
    tasks_section = next((s for s in sections if s.kind == SectionKind.TASKS), None)
    context = {
        "plan": plan,
        "preamble": [b for b in basis if b.in_preamble],
        "body_citations": [b for b in basis if not b.in_preamble],
        "replaced": [b for b in basis if b.document and b.document.status == DocumentStatus.REPLACED],
        "sections": sections,
        "tasks_section": tasks_section,
        "groups": groups,
        "targets": list(plan.targets.all()),
        "recipients": list(plan.recipients.all()),
        "notes": list(plan.import_notes.all()),
        # What the action bar may offer; each action checks again on POST.
        "can_manage": can(request.user, plan.issuer_unit, Level.MANAGE),
        "can_issue": can(request.user, plan.issuer_unit, Level.ADMIN),
    }
    return render(request, "plans/plan_detail.html", context)
