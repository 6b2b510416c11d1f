"""The case team's writes on the parts of a case: people, consent, referrals. Thin views: a bound
form on every POST, the service does the write (and its audit row); invalid input gives 400
with the form and its Vietnamese errors, and nothing is saved. Every view is behind
access.case_view(team_only=True): 404 for anyone not on the school's case team, a named
officer included (they read, they do not write). Child rows are fetched with case=access.case."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import consents, people, referrals
from .access import case_view
from .forms_parts import ConsentForm, PersonForm
from .models import CasePerson, Referral
from .selectors_parts import referral_form


def case_url(case, anchor: str = "") -> str:
    return reverse("safeguarding:case_detail", args=[case.uid]) + (f"#{anchor}" if anchor else "")


def refused(request, access, form, title: str, action: str, multipart: bool = False):
    """The form again with its errors (400): the case page is not re-rendered, so no other
    sealed content is opened for a failed write."""
    return render(request, "safeguarding/case/part_form.html", {
        "case": access.case, "form": form, "title": title, "action": action, "multipart": multipart,
        "back": case_url(access.case)}, status=400)


def _person_fields(form) -> dict:
    data = form.cleaned_data
    return {"role": data["role"], "name": form.text("name"), "details": form.text("details"), "sex": data["sex"],
            "age_band": data.get("age_band") or "", "is_child": bool(data.get("is_child"))}


@require_POST
@case_view(page="person_add", team_only=True)
def person_add_view(request, access):
    form = PersonForm(request.POST)
    if not form.is_valid():
        return refused(request, access, form, _("Thêm người liên quan"), request.path)
    people.person_add(actor=request.user, case=access.case, **_person_fields(form))
    messages.success(request, _("Đã thêm người liên quan."))
    return redirect(case_url(access.case, "nguoi-lien-quan"))


@require_POST
@case_view(page="person_edit", team_only=True)
def person_edit_view(request, access, person_uid):
    person = get_object_or_404(CasePerson, case=access.case, uid=person_uid)
    form = PersonForm(request.POST)
    if not form.is_valid():
        return refused(request, access, form, _("Sửa người liên quan"), request.path)
    people.person_update(actor=request.user, case=access.case, person=person, **_person_fields(form))
    messages.success(request, _("Đã lưu người liên quan."))
    return redirect(case_url(access.case, "nguoi-lien-quan"))


@require_POST
@case_view(page="person_remove", team_only=True)
def person_remove_view(request, access, person_uid):
    person = get_object_or_404(CasePerson, case=access.case, uid=person_uid)
    people.person_remove(actor=request.user, case=access.case, person=person)
    messages.success(request, _("Đã xoá người liên quan."))
    return redirect(case_url(access.case, "nguoi-lien-quan"))


@require_POST
@case_view(page="consent_add", team_only=True)
def consent_add_view(request, access):
    form = ConsentForm(request.POST)
    if not form.is_valid():
        return refused(request, access, form, _("Ghi nhận sự đồng ý"), request.path)
    data = form.cleaned_data
    consents.consent_record(actor=request.user, case=access.case, purpose=data["purpose"],
                            child_aged_7_plus=bool(data.get("child_aged_7_plus")),
                            child_agreed=bool(data.get("child_agreed")), parent_agreed=bool(data.get("parent_agreed")),
                            note=form.text("note"))
    messages.success(request, _("Đã ghi nhận sự đồng ý."))
    return redirect(case_url(access.case, "dong-y"))


@require_POST
@case_view(page="referral_add", team_only=True)
def referral_add_view(request, access):
    form = referral_form(access.case, request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            referrals.referral_add(actor=request.user, case=access.case, target=data["target"],
                                   to_unit=data["to_unit_obj"], officer_ids=data["officer_ids"],
                                   note=form.text("note"), override=bool(data.get("override")),
                                   override_reason=form.text("override_reason"))
        except referrals.ReferralRefused:
            # Consent or memberships changed since the form was checked: ask again.
            form.add_error(None, _("Chuyển gửi: thông tin đã thay đổi, hãy kiểm tra lại và gửi lại."))
        else:
            messages.success(request, _("Đã ghi nhận chuyển gửi."))
            return redirect(case_url(access.case, "chuyen-gui"))
    return refused(request, access, form, _("Chuyển gửi"), request.path)


@require_POST
@case_view(page="referral_end", team_only=True)
def referral_end_view(request, access, referral_uid):
    referral = get_object_or_404(Referral, case=access.case, uid=referral_uid)
    referrals.referral_end(actor=request.user, case=access.case, referral=referral)
    messages.success(request, _("Đã kết thúc chuyển gửi: cán bộ được chuyển không còn xem được vụ việc."))
    return redirect(case_url(access.case, "chuyen-gui"))

