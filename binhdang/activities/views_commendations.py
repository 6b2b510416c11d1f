"""Commendation pages: list, nominate (MANAGE at the school), detail, approve and reject (ADMIN),
and the decision's DOCX (rendered on download, access-checked).

A student nominee's name is shown at the school only; officers above read "một học sinh".
"""

import uuid
from urllib.parse import quote

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.documents.rendering.docx import render_docx
from binhdang.orgs.models import InternalBody, OrgUnit
from binhdang.people import selectors as people_selectors
from binhdang.people.models import Student
from binhdang.plans.workflow import today_in_vietnam

from . import selectors_people as selectors
from .commendation_document import commendation_to_document, decision_filename
from .commendations import commendation_approve, commendation_propose, commendation_reject, linkable_activities
from .models import Commendation
from .views_trainings import apply_errors

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
NOMINEE_KINDS = [("staff", _l("Cán bộ, giáo viên, nhân viên")), ("student", _l("Học sinh")),
                 ("body", _l("Tổ chức trong trường")), ("unit", _l("Tập thể nhà trường"))]


class NominateForm(forms.Form):
    form = forms.ChoiceField(label=_l("Hình thức"), choices=Commendation.Form.choices)
    kind = forms.ChoiceField(label=_l("Đề nghị cho"), choices=NOMINEE_KINDS, widget=forms.RadioSelect)
    staff = forms.ModelChoiceField(label=_l("Cán bộ, giáo viên, nhân viên"), queryset=None, required=False,
                                   to_field_name="uid")
    student = forms.ModelChoiceField(label=_l("Học sinh"), queryset=None, required=False, to_field_name="uid")
    body = forms.ModelChoiceField(label=_l("Tổ chức trong trường"), queryset=None, required=False, to_field_name="uid")
    reason = forms.CharField(label=_l("Thành tích, lý do"), widget=forms.Textarea(attrs={"rows": 4}))
    activities = forms.ModelMultipleChoiceField(label=_l("Hoạt động liên quan"), queryset=None, required=False,
                                                to_field_name="uid", widget=forms.CheckboxSelectMultiple)

    def __init__(self, *args, unit: OrgUnit, **kwargs):
        super().__init__(*args, **kwargs)
        self.unit = unit
        self.fields["staff"].queryset = people_selectors.staff_list(unit)
        self.fields["student"].queryset = Student.objects.filter(unit=unit, is_active=True).order_by("sort_key", "id")
        self.fields["body"].queryset = InternalBody.objects.filter(unit=unit)
        self.fields["activities"].queryset = linkable_activities(unit)
        self.fields["activities"].label_from_instance = lambda a: f"{a.starts_at:%d/%m/%Y} · {a.title}"

    def clean(self):
        data = super().clean()
        kind = data.get("kind")
        if kind == "unit":
            data["nominee"] = self.unit
        elif kind in ("staff", "student", "body"):
            if not data.get(kind):
                self.add_error(kind, _("Hãy chọn người hoặc tổ chức được đề nghị."))
            data["nominee"] = data.get(kind)
        return data


class ApproveForm(forms.Form):
    decision_date = forms.DateField(label=_l("Ngày quyết định"), required=False,
                                    widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
                                    help_text=_l("Để trống là hôm nay. Số quyết định lấy theo năm của ngày này."))
    note = forms.CharField(label=_l("Ghi chú"), required=False, widget=forms.Textarea(attrs={"rows": 2}))


class RejectForm(forms.Form):
    note = forms.CharField(label=_l("Lý do không duyệt"), widget=forms.Textarea(attrs={"rows": 3}))


def _commendation(request, uid, level: Level) -> Commendation:
    queryset = Commendation.objects.select_related("unit__parent", "nominee_staff", "nominee_student",
                                                   "nominee_body", "nominee_unit", "proposed_by", "decided_by")
    return get_for_user(request.user, queryset, level=level, uid=uid)


def _at_school(request, unit) -> bool:
    return getattr(request, "active_unit", None) == unit


@login_required
def commendation_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    status = request.GET.get("trang-thai", "")
    status = status if status in Commendation.Status.values else ""
    return render(request, "activities/commendation_list.html", {
        "unit": unit, "status": status, "statuses": Commendation.Status.choices,
        "commendations": selectors.commendations_under(unit, status=status)[:300],
        "counts": selectors.commendation_counts(unit),
        "can_nominate": unit.is_school and can(request.user, unit, Level.MANAGE),
        "can_decide": unit.is_school and can(request.user, unit, Level.ADMIN),
        "today": today_in_vietnam(),
    })


@login_required
@require_POST
def commendation_approve_many_view(request):
    """Approve the ticked nominations of the list at once: consecutive numbers, all or none."""
    unit = require_active_unit(request, Level.ADMIN)
    if not unit.is_school:
        raise PermissionDenied
    uids = request.POST.getlist("uid")
    form = ApproveForm(request.POST)
    nominations = list(Commendation.objects.filter(unit=unit, uid__in=_valid_uids(uids)))
    if not uids or len(nominations) != len(set(uids)) or not form.is_valid():
        messages.error(request, _("Hãy chọn các đề nghị đang chờ duyệt của trường và ngày quyết định hợp lệ."))
        return redirect("activities:commendations")
    try:
        approved = commendation_approve(actor=request.user, unit=unit, commendations=nominations,
                                        decision_date=form.cleaned_data["decision_date"],
                                        note=form.cleaned_data["note"])
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
    else:
        messages.success(request, _("Đã duyệt %(count)s đề nghị, quyết định số %(numbers)s.") % {
            "count": len(approved), "numbers": ", ".join(c.number for c in approved)})
    return redirect("activities:commendations")


def _valid_uids(values) -> list[uuid.UUID]:
    out = []
    for value in values:
        try:
            out.append(uuid.UUID(value))
        except ValueError:
            continue
    return out


@login_required
def commendation_create_view(request):
    unit = require_active_unit(request, Level.MANAGE)
    if not unit.is_school:
        raise PermissionDenied
    form = NominateForm(request.POST if request.method == "POST" else None, unit=unit)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            commendation = commendation_propose(actor=request.user, unit=unit, form=data["form"],
                                                nominee=data["nominee"], reason=data["reason"],
                                                activities=data["activities"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã gửi đề nghị. Hiệu trưởng sẽ duyệt hoặc không duyệt."))
            return redirect("activities:commendation_detail", uid=commendation.uid)
    return render(request, "activities/commendation_form.html", {"unit": unit, "form": form},
                  status=400 if form.errors else 200)


@login_required
def commendation_detail_view(request, uid):
    commendation = _commendation(request, uid, Level.VIEW)
    return render(request, "activities/commendation_detail.html", {
        "c": commendation, "at_school": _at_school(request, commendation.unit),
        "activities": commendation.activities.order_by("starts_at"),
        "can_decide": (commendation.status == Commendation.Status.PROPOSED
                       and can(request.user, commendation.unit, Level.ADMIN)),
    })


def _decision_page(request, commendation, form, *, title, button, status=200):
    return render(request, "activities/commendation_decide.html", {
        "c": commendation, "form": form, "title": title, "button": button,
        "at_school": _at_school(request, commendation.unit),
        "closed": commendation.status != Commendation.Status.PROPOSED,
    }, status=400 if form.errors else status)


@login_required
def commendation_approve_view(request, uid):
    commendation = _commendation(request, uid, Level.ADMIN)
    form = ApproveForm(request.POST if request.method == "POST" else None,
                       initial={"decision_date": today_in_vietnam()})
    if request.method == "POST" and form.is_valid():
        try:
            commendation_approve(actor=request.user, unit=commendation.unit, commendations=[commendation],
                                 decision_date=form.cleaned_data["decision_date"], note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            commendation.refresh_from_db()
            messages.success(request, _("Đã duyệt và ra quyết định số %(number)s.") % {"number": commendation.number})
            return redirect("activities:commendation_detail", uid=commendation.uid)
    return _decision_page(request, commendation, form, title=_("Duyệt đề nghị khen thưởng"),
                          button=_("Duyệt và cấp số quyết định"))


@login_required
def commendation_reject_view(request, uid):
    commendation = _commendation(request, uid, Level.ADMIN)
    form = RejectForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            commendation_reject(actor=request.user, unit=commendation.unit, commendation=commendation,
                                note=form.cleaned_data["note"])
        except ValidationError as exc:
            apply_errors(form, exc)
        else:
            messages.success(request, _("Đã ghi không duyệt; người đề nghị sẽ thấy lý do."))
            return redirect("activities:commendation_detail", uid=commendation.uid)
    return _decision_page(request, commendation, form, title=_("Không duyệt đề nghị"), button=_("Không duyệt"))


@login_required
def commendation_decision_view(request, uid):
    commendation = _commendation(request, uid, Level.VIEW)
    if commendation.status != Commendation.Status.APPROVED:
        raise Http404
    if commendation.nominee_student_id and not _at_school(request, commendation.unit):
        # The decision names a child: read at the school only.
        raise PermissionDenied
    name, ascii_name = decision_filename(commendation)
    response = HttpResponse(render_docx(commendation_to_document(commendation)), content_type=DOCX)
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return response
