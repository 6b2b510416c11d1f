"""Who holds which role in the active unit: list, grant (creating the login if needed), revoke."""

import secrets

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l
from django.views.decorators.http import require_POST

from binhdang.orgs.models import OrgKind

from . import services
from .access import get_for_user, require_active_unit
from .models import Membership, User
from .roles import Level, Role

# Which roles make sense at which kind of unit.
ROLES_BY_KIND = {
    OrgKind.DEPARTMENT: [Role.PROVINCE_OFFICER],
    OrgKind.MINISTRY: [Role.PROVINCE_OFFICER],
    OrgKind.COMMUNE: [Role.COMMUNE_OFFICER, Role.COMMITTEE_MEMBER],
    OrgKind.DISTRICT_OFFICE: [Role.COMMUNE_OFFICER],
    OrgKind.SCHOOL: [Role.PRINCIPAL, Role.COMMITTEE_MEMBER, Role.UNIT_LEAD, Role.TEACHER, Role.COUNSELLOR],
}


class GrantForm(forms.Form):
    username = forms.RegexField(
        label=_l("Tên đăng nhập"), regex=r"^[\w.@+-]{3,150}$", max_length=150,
        error_messages={"invalid": _l("Chỉ dùng chữ không dấu, số và . @ + - _ (3–150 ký tự).")},
    )
    full_name = forms.CharField(label=_l("Họ và tên (khi tạo tài khoản mới)"), max_length=150, required=False)
    role = forms.ChoiceField(label=_l("Vai trò"))

    def __init__(self, *args, roles, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["role"].choices = [(r.value, r.label) for r in roles]


@login_required
def member_list_view(request):
    unit = require_active_unit(request, Level.ADMIN)
    memberships = (
        Membership.objects.filter(unit=unit, is_active=True).select_related("user").order_by("role", "user__username")
    )
    form = GrantForm(roles=ROLES_BY_KIND[unit.kind])
    return render(request, "accounts/members.html", {"memberships": memberships, "form": form, "unit": unit})


@login_required
@require_POST
def member_grant_view(request):
    unit = require_active_unit(request, Level.ADMIN)
    roles = ROLES_BY_KIND[unit.kind]
    form = GrantForm(request.POST, roles=roles)
    new_password = None
    if form.is_valid():
        data = form.cleaned_data
        # Nobody grants a role above their own level in this unit (a principal cannot make officers).
        if Role(data["role"]) not in roles:
            raise PermissionDenied
        with transaction.atomic():
            user = User.objects.filter(username=data["username"]).first()
            if user is None:
                if not data["full_name"].strip():
                    form.add_error("full_name", _("Tài khoản mới cần họ và tên."))
                else:
                    new_password = secrets.token_urlsafe(9)
                    try:
                        validate_password(new_password)
                    except ValidationError:  # pragma: no cover - 12 random characters always pass
                        new_password += "-Bd7"
                    user = services.user_create(actor=request.user, acting_unit=unit, username=data["username"],
                                                full_name=data["full_name"], password=new_password)
            if user is not None and not form.errors:
                services.membership_grant(actor=request.user, acting_unit=unit, user=user, unit=unit, role=data["role"])
    if form.errors:
        memberships = Membership.objects.filter(unit=unit, is_active=True).select_related("user")
        return render(request, "accounts/members.html", {"memberships": memberships, "form": form, "unit": unit},
                      status=400)
    if new_password:
        messages.success(
            request,
            _("Đã tạo tài khoản %(u)s với mật khẩu tạm: %(p)s — hãy trao trực tiếp cho người dùng.")
            % {"u": data["username"], "p": new_password},
        )
    else:
        messages.success(request, _("Đã cấp vai trò cho %(u)s.") % {"u": data["username"]})
    return redirect("accounts:members")


@login_required
@require_POST
def member_revoke_view(request, uid):
    membership = get_for_user(request.user, Membership.objects.select_related("unit", "user"),
                              level=Level.ADMIN, uid=uid)
    if membership.user_id == request.user.pk and membership.level >= Level.ADMIN:
        messages.error(request, _("Không thể tự thu hồi quyền quản trị của chính mình."))
        return redirect("accounts:members")
    services.membership_revoke(actor=request.user, acting_unit=request.active_unit, membership=membership)
    messages.success(request, _("Đã thu hồi vai trò của %(u)s.") % {"u": membership.user.username})
    return redirect("accounts:members")
