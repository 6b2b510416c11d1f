"""The case team of the active school (issue 5, item 2): who is on it, add, remove, make leader.

Who may: the principal (an ADMIN membership held at the school itself) and the team's leader.
Officers above are not offered this even when they switch to the school: choosing who reads a
child's case is the school's decision, and an officer adding themselves would open every case.
A team member who is not leader gets 403 (they know the team exists); everyone else 404.
The session must be verified with 2FA: these pages decide who can open children's cases.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_POST
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts.models import Membership
from binhdang.accounts.roles import ROLE_LEVEL, Level

from .access import is_verified, reauth_redirect
from .models import CaseTeamMember
from .team import TeamError, eligible_users, team_leader_set, team_member_add, team_member_remove

ADMIN_ROLES = [role for role, level in ROLE_LEVEL.items() if level >= Level.ADMIN]


def is_school_principal(user, unit) -> bool:
    return Membership.objects.filter(user=user, unit=unit, is_active=True, role__in=ADMIN_ROLES).exists()


def team_page_unit(request, *, leader_only: bool = False):
    """The active school if the user may manage its team (principal or leader; with
    leader_only, the leader alone), else 404 (403 for a plain member)."""
    unit = getattr(request, "active_unit", None)
    if unit is None or not unit.is_school or unit.is_closed:
        raise Http404
    seat = CaseTeamMember.objects.filter(unit=unit, user=request.user).first()
    if seat is not None and seat.is_leader:
        return unit
    if not leader_only and is_school_principal(request.user, unit):
        return unit
    if seat is not None:
        raise PermissionDenied
    raise Http404


class AddMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=gettext_lazy("Người được thêm"), queryset=None, to_field_name="uid",
                                  error_messages={"required": gettext_lazy("Hãy chọn người được thêm."),
                                                  "invalid_choice": gettext_lazy(
                                                      "Người được thêm phải có vai trò đang hoạt động ở trường "
                                                      "và chưa ở trong nhóm.")})

    def __init__(self, *args, unit, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = eligible_users(unit)
        self.fields["user"].label_from_instance = lambda user: f"{user.full_name} ({user.username})"


def _page(request, unit, form=None, problem="", status=200):
    members = list(CaseTeamMember.objects.filter(unit=unit).select_related("user")
                   .order_by("-is_leader", "user__full_name"))
    with_device = set(TOTPDevice.objects.filter(user__in=[m.user_id for m in members], confirmed=True)
                      .values_list("user_id", flat=True))
    # A seat outlives a revoked membership (someone who left the school): point it out to remove it.
    at_school = set(Membership.objects.filter(unit=unit, is_active=True, user__is_active=True)
                    .values_list("user_id", flat=True))
    rows = [{"member": m, "has_2fa": m.user_id in with_device, "at_school": m.user_id in at_school}
            for m in members]
    return render(request, "safeguarding/team/team.html", {
        "unit": unit, "rows": rows, "form": form or AddMemberForm(unit=unit), "problem": problem,
        "without_2fa": sum(not row["has_2fa"] for row in rows),
        "is_leader": any(m.is_leader and m.user_id == request.user.pk for m in members),
    }, status=status)


def _guarded(request, **kwargs):
    """(unit, None) when allowed and verified, (None, redirect) when 2FA is needed first."""
    unit = team_page_unit(request, **kwargs)
    if not is_verified(request):
        return None, reauth_redirect(request)
    return unit, None


def _after_change(request, unit):
    # A leader who handed over leadership or left the team no longer manages it.
    try:
        team_page_unit(request)
    except (Http404, PermissionDenied):
        return redirect("safeguarding:case_list")
    return redirect("safeguarding:team")


@login_required
@never_cache
@require_GET
def team_view(request):
    unit, refused = _guarded(request)
    return refused or _page(request, unit)


@login_required
@never_cache
@require_POST
def team_add_view(request):
    unit, refused = _guarded(request)
    if refused:
        return refused
    form = AddMemberForm(request.POST, unit=unit)
    if form.is_valid():
        try:
            member = team_member_add(actor=request.user, unit=unit, user=form.cleaned_data["user"])
        except TeamError as exc:
            form.add_error("user", str(exc))
        else:
            messages.success(request, _("Đã thêm %(name)s vào nhóm.") % {"name": member.user.full_name})
            return redirect("safeguarding:team")
    return _page(request, unit, form=form, status=400)


def _member_change(request, uid, change, done: str):
    unit, refused = _guarded(request)
    if refused:
        return refused
    try:
        change(actor=request.user, unit=unit, member_uid=uid)
    except CaseTeamMember.DoesNotExist:
        raise Http404 from None
    except TeamError as exc:
        return _page(request, unit, problem=str(exc), status=400)
    messages.success(request, done)
    return _after_change(request, unit)


@login_required
@never_cache
@require_POST
def team_remove_view(request, uid):
    return _member_change(request, uid, team_member_remove, _("Đã bỏ một người khỏi nhóm."))


@login_required
@never_cache
@require_POST
def team_leader_view(request, uid):
    return _member_change(request, uid, team_leader_set, _("Đã đổi trưởng nhóm."))
