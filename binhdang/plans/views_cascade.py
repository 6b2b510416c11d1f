"""Cascade pages: start a plan from the plan above or from last year's, the coverage of one plan
(which tasks above it carries out), and for the issuer above, the coverage of each unit below.

Coverage pages are read by the members of the plan's issuer and the levels above, never from
below: an issued commune plan is readable by its schools, but how each school carries it out
is the commune's business, and a school sees the coverage of its own plan only.
"""

import uuid

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level

from . import cascade
from .access import plan_for_user
from .models import Plan, PlanStatus, Task
from .revisions import PlanConflict
from .selectors_cascade import coverage, coverage_by_unit, implementing_units, plans_from_above, plans_of_unit_before

FROM_ABOVE = "cap-tren"
FROM_PREVIOUS = "nam-truoc"
CANDIDATES_SHOWN = 50  # the newest ones; older plans above are rarely carried out any more


def _plan_of_issuer(request, uid, level: Level) -> Plan:
    """A plan read as a member of its issuer (or above): 404 from below, unlike plan_for_user."""
    queryset = Plan.objects.select_related("issuer_unit", "issuer_body", "source_plan__issuer_unit",
                                           "source_plan__issuer_body")
    return get_for_user(request.user, queryset, level=level, unit_attr="issuer_unit", uid=uid)


def _uid(value: str | None) -> uuid.UUID | None:
    try:
        return uuid.UUID(str(value))
    except ValueError:
        return None


def _int(value: str | None) -> int | None:
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _fail(request, exc: Exception) -> None:
    text = " ".join(exc.messages) if isinstance(exc, ValidationError) else str(exc)
    messages.error(request, text)


@login_required
def derive_view(request):
    unit = require_active_unit(request, Level.MANAGE)
    if request.method == "POST":
        return _derive(request, unit)
    above = list(plans_from_above(unit)[:CANDIDATES_SHOWN])
    previous = list(plans_of_unit_before(unit, timezone.localdate().year + 1)[:CANDIDATES_SHOWN])
    # What the unit already started from each candidate, so nobody derives the same plan twice unknowingly.
    started: dict[int, list[Plan]] = {}
    for plan in Plan.objects.filter(issuer_unit=unit, source_plan__in=above).order_by("created_at"):
        started.setdefault(plan.source_plan_id, []).append(plan)
    copies: dict[int, list[Plan]] = {}
    for plan in Plan.objects.filter(issuer_unit=unit, copied_from__in=previous).order_by("created_at"):
        copies.setdefault(plan.copied_from_id, []).append(plan)
    context = {
        "unit": unit,
        "above": [(plan, started.get(plan.pk, [])) for plan in above],
        "previous": [(plan, copies.get(plan.pk, [])) for plan in previous],
        "FROM_ABOVE": FROM_ABOVE, "FROM_PREVIOUS": FROM_PREVIOUS,
    }
    return render(request, "plans/derive.html", context)


def _derive(request, unit):
    how, uid = request.POST.get("cach"), _uid(request.POST.get("nguon"))
    if how not in (FROM_ABOVE, FROM_PREVIOUS) or uid is None:
        messages.error(request, _("Hãy chọn kế hoạch cấp trên hoặc kế hoạch năm trước để bắt đầu."))
        return redirect("plans:derive")
    try:
        if how == FROM_ABOVE:
            # An issued plan above is read from below (VIEW); the service checks it is above this unit.
            source = plan_for_user(request.user, uid, level=Level.VIEW)
            plan = cascade.plan_derive_from_above(actor=request.user, unit=unit, source=source)
        else:
            previous = plan_for_user(request.user, uid, level=Level.MANAGE)
            plan = cascade.plan_derive_from_previous(actor=request.user, unit=unit, previous=previous)
    except ValidationError as exc:
        _fail(request, exc)
        return redirect("plans:derive")
    messages.success(request, _("Đã lập dự thảo kế hoạch “%(title)s”. Hãy xem lại và sửa cho phù hợp với đơn vị.")
                     % {"title": plan.title})
    return redirect("plans:detail", uid=plan.uid)


@login_required
def coverage_view(request, uid):
    plan = _plan_of_issuer(request, uid, Level.VIEW)
    result = coverage(plan)
    editable = plan.status == PlanStatus.DRAFT and can(request.user, plan.issuer_unit, Level.MANAGE)
    context = {
        "plan": plan,
        "coverage": result,
        "editable": editable,
        # Attaching a plan above is offered while there is none (a plan made from last year's).
        "candidates": list(plans_from_above(plan.issuer_unit)[:CANDIDATES_SHOWN])
        if editable and plan.source_plan_id is None else [],
    }
    return render(request, "plans/coverage.html", context)


@login_required
@require_POST
def coverage_link_view(request, uid):
    plan = _plan_of_issuer(request, uid, Level.MANAGE)
    task = Task.objects.filter(group__plan=plan, pk=_int(request.POST.get("nhiem_vu"))).select_related("group").first()
    above_pk = request.POST.get("thuc_hien")
    implemented = None
    if above_pk:
        implemented = (Task.objects.filter(group__plan_id=plan.source_plan_id, pk=_int(above_pk))
                       .select_related("group").first())
    if task is None or (above_pk and implemented is None):
        messages.error(request, _("Hãy chọn một nhiệm vụ của kế hoạch này và một nhiệm vụ của kế hoạch cấp trên."))
        return redirect("plans:coverage", uid=plan.uid)
    task.group.plan = plan
    try:
        cascade.task_link(actor=request.user, task=task, implemented=implemented,
                          expected=_int(request.POST.get("revision")))
    except (ValidationError, PlanConflict) as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Đã ghi nhận nhiệm vụ thực hiện.") if implemented
                         else _("Đã bỏ liên kết của nhiệm vụ."))
    return redirect("plans:coverage", uid=plan.uid)


@login_required
@require_POST
def set_source_view(request, uid):
    plan = _plan_of_issuer(request, uid, Level.MANAGE)
    source_uid = _uid(request.POST.get("nguon"))
    if source_uid is None:
        messages.error(request, _("Hãy chọn kế hoạch cấp trên."))
        return redirect("plans:coverage", uid=plan.uid)
    source = plan_for_user(request.user, source_uid, level=Level.VIEW)
    try:
        linked = cascade.plan_set_source(actor=request.user, plan=plan, source=source,
                                         expected=_int(request.POST.get("revision")))
    except (ValidationError, PlanConflict) as exc:
        _fail(request, exc)
    else:
        messages.success(request, _("Đã gắn kế hoạch cấp trên; %(n)d nhiệm vụ trùng nội dung được liên kết tự động.")
                         % {"n": linked})
    return redirect("plans:coverage", uid=plan.uid)


@login_required
def unit_coverage_view(request, uid):
    plan = _plan_of_issuer(request, uid, Level.VIEW)
    rows = coverage_by_unit(plan, implementing_units(plan).order_by("path"))
    context = {
        "plan": plan,
        "rows": rows,
        "total": rows[0].total if rows else None,
        "with_plan": sum(1 for row in rows if row.plan),
        "issued": sum(1 for row in rows if row.plan and row.plan.status == PlanStatus.ISSUED),
    }
    return render(request, "plans/unit_coverage.html", context)
