"""Activity pages: list, log, detail, change, report done, cancel, delete, and a plan's progress.

Read = VIEW on the activity's unit; log = EDIT on the active unit; change, report, cancel = the
author (EDIT) or MANAGE; delete = MANAGE or the author while planned (services.may_*).
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.paginator import Paginator
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.people.models import Sex
from binhdang.plans.models import Plan, PlanStatus

from . import selectors, services
from .evidence import ACCEPT, MAX_FILES
from .evidence import may_delete as may_delete_evidence
from .forms import ActivityForm, CancelForm, FilterForm, ReportForm, grid_rows, grid_values, parse_grid
from .models import Activity, ActivityStatus, Audience, EvidenceKind
from .selectors_campaign import campaign_tasks_for

PAGE_SIZE = 30


def activity_for_user(user, uid, level: Level = Level.VIEW, queryset=None) -> Activity:
    """One activity by uid: 404 outside the user's units, 403 when the role is too low."""
    queryset = queryset if queryset is not None else Activity.objects.select_related("unit")
    return get_for_user(user, queryset, level=level, uid=uid)


def _apply_errors(form, exc: ValidationError, grid_errors: list) -> None:
    if hasattr(exc, "error_dict"):
        for field, errors in exc.message_dict.items():
            if field == "participants":
                grid_errors.extend(errors)
            else:
                form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, exc.messages)


@login_required
def activity_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    form = FilterForm(request.GET or None)
    filters = form.filters()
    page = Paginator(selectors.activity_list(unit, filters), PAGE_SIZE).get_page(request.GET.get("trang"))
    query = request.GET.copy()
    query.pop("trang", None)
    return render(request, "activities/activity_list.html", {
        "unit": unit, "page": page, "form": form, "query": query.urlencode(),
        "can_log": can(request.user, unit, Level.EDIT) and not unit.is_closed,
    })


def _form_page(request, template, context, form, grid_typed, grid_errors):
    context.update({"form": form, "grid": grid_rows(), "grid_values": grid_typed, "grid_errors": grid_errors})
    return render(request, template, context, status=400 if request.method == "POST" else 200)


@login_required
def activity_create_view(request):
    unit = require_active_unit(request, Level.EDIT)
    if request.method != "POST":
        initial = {}
        if request.GET.get("nhiem_vu"):
            initial["task"] = request.GET["nhiem_vu"]
        form = ActivityForm(unit=unit, initial=initial)
        return _form_page(request, "activities/activity_form.html", {"unit": unit}, form, {}, [])
    form = ActivityForm(request.POST, unit=unit)
    triples, typed, grid_errors = parse_grid(request.POST)
    if form.is_valid() and not grid_errors:
        try:
            activity = services.activity_create(actor=request.user, unit=unit, data=form.cleaned_data,
                                                participations=triples)
        except ValidationError as exc:
            _apply_errors(form, exc, grid_errors)
        else:
            messages.success(request, _("Đã ghi hoạt động. Bạn có thể đính kèm minh chứng ngay bên dưới."))
            return redirect("activities:detail", uid=activity.uid)
    return _form_page(request, "activities/activity_form.html", {"unit": unit}, form, typed, grid_errors)


def _changeable(request, uid) -> Activity:
    activity = activity_for_user(request.user, uid, Level.EDIT,
                                 Activity.objects.select_related("unit", "task").prefetch_related("participations"))
    if not services.may_change(request.user, activity):
        raise PermissionDenied
    return activity


@login_required
def activity_edit_view(request, uid):
    activity = _changeable(request, uid)
    context = {"unit": activity.unit, "activity": activity}
    if request.method != "POST":
        form = ActivityForm(unit=activity.unit, current_task=activity.task, initial=ActivityForm.initial_from(activity))
        return _form_page(request, "activities/activity_form.html", context, form, grid_values(activity), [])
    form = ActivityForm(request.POST, unit=activity.unit, current_task=activity.task)
    triples, typed, grid_errors = parse_grid(request.POST)
    if form.is_valid() and not grid_errors:
        try:
            services.activity_update(actor=request.user, activity=activity, data=form.cleaned_data,
                                     participations=triples)
        except ValidationError as exc:
            _apply_errors(form, exc, grid_errors)
        else:
            messages.success(request, _("Đã lưu thay đổi."))
            return redirect("activities:detail", uid=activity.uid)
    return _form_page(request, "activities/activity_form.html", context, form, typed, grid_errors)


@login_required
def activity_detail_view(request, uid):
    activity = activity_for_user(request.user, uid, Level.VIEW, selectors.activity_for_reading())
    rows = {}
    for p in activity.participations.all():
        rows.setdefault(p.group, {sex: 0 for sex in Sex.values})[p.sex] = p.count
    groups = [{"label": label, "counts": [rows[value][sex] for sex in Sex.values],
               "total": sum(rows[value].values())} for value, label in Audience.choices if value in rows]
    totals = [sum(rows[g][sex] for g in rows) for sex in Sex.values]
    evidence = list(activity.evidence.all())
    can_edit = can(request.user, activity.unit, Level.EDIT) and not activity.unit.is_closed
    context = {
        "activity": activity, "groups": groups, "totals": totals, "grand_total": sum(totals),
        "sexes": Sex.choices, "evidence": evidence,
        "audience_labels": [label for value, label in Audience.choices if value in activity.audiences],
        "pending": any(e.kind == EvidenceKind.PHOTO and not e.thumbnail for e in evidence),
        "deletable_evidence": {e.pk for e in evidence if may_delete_evidence(request.user, e)},
        "can_upload": can_edit, "can_change": can_edit and services.may_change(request.user, activity),
        "can_delete": can_edit and services.may_delete(request.user, activity),
        "accept": ACCEPT, "max_files": MAX_FILES, "max_mb": settings.MAX_UPLOAD_MB,
    }
    return render(request, "activities/activity_detail.html", context)


@login_required
def activity_report_view(request, uid):
    activity = _changeable(request, uid)
    if activity.status == ActivityStatus.CANCELLED:
        messages.error(request, _("Hoạt động đã huỷ: không báo cáo được."))
        return redirect("activities:detail", uid=activity.uid)
    context = {"activity": activity}
    if request.method != "POST":
        form = ReportForm(initial={"results": activity.results})
        return _form_page(request, "activities/activity_report.html", context, form, grid_values(activity), [])
    form = ReportForm(request.POST)
    triples, typed, grid_errors = parse_grid(request.POST)
    if form.is_valid() and not grid_errors:
        try:
            services.activity_report_done(actor=request.user, activity=activity,
                                          results=form.cleaned_data["results"], participations=triples)
        except ValidationError as exc:
            _apply_errors(form, exc, grid_errors)
        else:
            messages.success(request, _("Đã báo cáo hoạt động đã thực hiện."))
            return redirect("activities:detail", uid=activity.uid)
    return _form_page(request, "activities/activity_report.html", context, form, typed, grid_errors)


@login_required
def activity_cancel_view(request, uid):
    activity = _changeable(request, uid)
    form = CancelForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_cancel(actor=request.user, activity=activity, reason=form.cleaned_data["reason"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("Đã huỷ hoạt động."))
        return redirect("activities:detail", uid=activity.uid)
    return render(request, "activities/activity_cancel.html", {"activity": activity, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@require_POST
def activity_delete_view(request, uid):
    activity = activity_for_user(request.user, uid, Level.EDIT)
    if not services.may_delete(request.user, activity):
        raise PermissionDenied
    services.activity_delete(actor=request.user, activity=activity)
    messages.success(request, _("Đã xoá hoạt động “%(title)s”.") % {"title": activity.title})
    return redirect("activities:list")


@login_required
def plan_progress_view(request, uid):
    # Read as a member of the plan's issuer (or above): how a school carries out its plan is its
    # own and its authorities' business, not that of the units below an issued commune plan.
    plan = get_for_user(request.user, Plan.objects.select_related("issuer_unit"), level=Level.VIEW,
                        unit_attr="issuer_unit", uid=uid)
    # Drafts are readable too: a school's Action Month tasks sit in a draft plan until it is issued,
    # and activities are logged against them meanwhile ("Ghi hoạt động" offered for those tasks only).
    progress = selectors.plan_progress(plan)
    loggable: set[int] = set()
    # The link logs at the active unit, so it is offered only there (an officer above would get a
    # form for their own unit, where these tasks are not offered).
    at_issuer = getattr(request, "active_unit", None) == plan.issuer_unit
    if at_issuer and can(request.user, plan.issuer_unit, Level.EDIT) and not plan.issuer_unit.is_closed:
        if plan.status == PlanStatus.ISSUED:
            loggable = {row.task.pk for row in progress.rows}
        else:
            loggable = set(campaign_tasks_for(plan.issuer_unit).filter(group__plan=plan).values_list("pk", flat=True))
    return render(request, "activities/activity_plan_progress.html", {
        "plan": plan, "progress": progress, "totals": progress.totals(), "sexes": Sex.choices, "loggable": loggable,
    })
