"""Pages of report requests: the list (a school's to-do, an authority's requests), the request form,
sending, tracking and reminders. Thin: rules in requests.py, reads in tracking.py."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.orgs.models import OrgKind

from . import exports, tracking
from . import requests as services
from .forms import RequestForm
from .models import ReportRequest


def _request_for(user, uid, level) -> ReportRequest:
    return access.get_for_user(user, ReportRequest.objects.select_related("issuer_unit"), level=level,
                               unit_attr="issuer_unit", uid=uid)


@login_required
def list_view(request):
    unit = access.require_active_unit(request, Level.VIEW)
    if unit.is_school:
        return render(request, "reports/todo.html", {"unit": unit, "rows": tracking.todo_for_school(unit),
                                                     "may_draft": access.can(request.user, unit, Level.MANAGE)})
    can_create = access.can(request.user, unit, Level.ADMIN) and not unit.is_closed
    # A commune both asks its schools and answers its Sở: its own to-do sits under its requests.
    todo = tracking.todo_for_school(unit) if unit.kind == OrgKind.COMMUNE else []
    return render(request, "reports/request_list.html", {
        "unit": unit, "rows": tracking.requests_of_authority(unit), "can_create": can_create, "todo": todo,
        "may_draft": access.can(request.user, unit, Level.MANAGE)})


def _form_page(request, unit, report_request=None):
    initial = {}
    if report_request is not None:
        initial = {"kind": report_request.kind, "title": report_request.title, "period": report_request.period,
                   "covers_from": report_request.covers_from, "covers_to": report_request.covers_to,
                   "due_on": report_request.due_on, "schools": list(report_request.schools.all()),
                   "sections": "\n".join(s["title"] for s in report_request.sections),
                   "indicators": list(report_request.indicators.all()), "campaign": report_request.campaign,
                   "note": report_request.note}
    form = RequestForm(request.POST if request.method == "POST" else None, unit=unit, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            report_request = services.request_save(actor=request.user, unit=unit, request=report_request,
                                                   **form.service_kwargs())
        except ValidationError as error:
            if hasattr(error, "error_dict"):
                for name, errors in error.message_dict.items():
                    form.add_error(name if name in form.fields else None, errors)
            else:
                form.add_error(None, error.messages)
        else:
            messages.success(request, _("Đã lưu yêu cầu báo cáo (chưa gửi)."))
            return redirect("reports:request_detail", uid=report_request.uid)
    return render(request, "reports/request_form.html", {"unit": unit, "form": form, "report_request": report_request},
                  status=400 if request.method == "POST" else 200)


@login_required
def request_create_view(request):
    unit = access.require_authority_unit(request)
    return _form_page(request, unit)


@login_required
def request_edit_view(request, uid):
    report_request = _request_for(request.user, uid, Level.ADMIN)
    if report_request.sent_at is not None:
        messages.warning(request, _("Yêu cầu đã gửi: không sửa được nữa."))
        return redirect("reports:request_detail", uid=report_request.uid)
    return _form_page(request, report_request.issuer_unit, report_request)


@login_required
def request_detail_view(request, uid):
    report_request = _request_for(request.user, uid, Level.VIEW)
    data = tracking.request_tracking(report_request)
    is_admin = access.can(request.user, report_request.issuer_unit, Level.ADMIN)
    peak = max([data.totals["expected"], 1])
    made = exports.latest_file(report_request)
    return render(request, "reports/tracking.html", {
        "report_request": report_request, "tracking": data, "is_admin": is_admin,
        "chart": _chart(data.series, peak, report_request.due_on),
        "made": made, "made_current": exports.is_current(made, report_request)})


def _chart(series, peak, due_on) -> dict:
    """Bars of the cumulative curve, scaled to a 300 × 100 SVG (drawn on the server: no chart library)."""
    if not series:
        return {}
    width = 300 / len(series)
    bars = [{"x": round(n * width, 2), "w": round(max(width - 1, 0.5), 2), "h": round(count * 100 / peak, 2),
             "y": round(100 - count * 100 / peak, 2), "day": day, "count": count, "after_due": day > due_on}
            for n, (day, count) in enumerate(series)]
    return {"bars": bars}


@login_required
@require_POST
def request_send_view(request, uid):
    report_request = _request_for(request.user, uid, Level.ADMIN)
    try:
        told = services.request_send(actor=request.user, request=report_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã gửi yêu cầu; đã báo cho %(n)s hiệu trưởng.") % {"n": told})
    return redirect("reports:request_detail", uid=report_request.uid)


@login_required
@require_POST
def request_remind_view(request, uid):
    report_request = _request_for(request.user, uid, Level.ADMIN)
    try:
        count = services.request_remind(actor=request.user, request=report_request)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Đã nhắc %(n)s trường chưa nộp (mỗi trường một lần mỗi ngày).") % {"n": count})
    return redirect("reports:request_detail", uid=report_request.uid)
