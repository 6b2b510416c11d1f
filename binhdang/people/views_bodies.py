"""Internal bodies of the active school (Ban VSTBPN, Công đoàn, tổ chuyên môn…) and their members."""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.orgs import services as org_services
from binhdang.orgs.models import BodyKind, InternalBody

from . import services
from .models import BodyMembership, BodyRole, StaffMember


class BodyForm(forms.Form):
    kind = forms.ChoiceField(label=_l("Loại"), choices=BodyKind.choices)
    name = forms.CharField(label=_l("Tên"), max_length=255)
    short_name = forms.CharField(label=_l("Viết tắt"), max_length=40, required=False)


class SeatForm(forms.Form):
    staff = forms.ModelChoiceField(label=_l("Cán bộ, giáo viên, nhân viên"), queryset=StaffMember.objects.none(),
                                   to_field_name="uid")
    role = forms.ChoiceField(label=_l("Vai trò"), choices=BodyRole.choices, initial=BodyRole.MEMBER)

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["staff"].queryset = StaffMember.objects.filter(unit=unit, is_active=True).order_by("sort_key")


@login_required
def body_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    if not unit.is_school:
        raise Http404
    can_manage = can(request.user, unit, Level.MANAGE)
    form = BodyForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        require_active_unit(request, Level.MANAGE)
        if form.is_valid():
            try:
                org_services.internal_body_create(actor=request.user, acting_unit=unit, unit=unit,
                                                  **form.cleaned_data)
            except ValidationError as exc:
                form.add_error("name" if hasattr(exc, "error_dict") else None, exc.messages)
            else:
                messages.success(request, _("Đã thêm %(name)s.") % {"name": form.cleaned_data["name"]})
                return redirect("people:bodies")
    bodies = InternalBody.objects.filter(unit=unit).prefetch_related("members__staff").order_by("kind", "name")
    return render(request, "people/bodies.html", {"bodies": bodies, "form": form, "can_manage": can_manage,
                                                  "unit": unit}, status=400 if form.errors else 200)


@login_required
def body_detail_view(request, uid):
    body = get_for_user(request.user, InternalBody.objects.select_related("unit"), level=Level.VIEW, uid=uid)
    can_manage = can(request.user, body.unit, Level.MANAGE)
    form = SeatForm(request.POST if request.method == "POST" else None, unit=body.unit)
    if request.method == "POST":
        get_for_user(request.user, InternalBody.objects.all(), level=Level.MANAGE, uid=uid)
        if form.is_valid():
            services.body_seat_set(actor=request.user, acting_unit=request.active_unit, body=body,
                                   staff=form.cleaned_data["staff"], role=form.cleaned_data["role"])
            return redirect("people:body", uid=body.uid)
    seats = body.members.select_related("staff").order_by("role", "staff__sort_key")
    return render(request, "people/body_detail.html", {"body": body, "seats": seats, "form": form,
                                                       "can_manage": can_manage},
                  status=400 if form.errors else 200)


@login_required
@require_POST
def body_seat_remove_view(request, uid, staff_uid):
    body = get_for_user(request.user, InternalBody.objects.select_related("unit"), level=Level.MANAGE, uid=uid)
    seat = BodyMembership.objects.filter(body=body, staff__uid=staff_uid).select_related("staff", "body").first()
    if seat is None:
        raise Http404
    services.body_seat_remove(actor=request.user, acting_unit=request.active_unit, seat=seat)
    return redirect("people:body", uid=body.uid)
