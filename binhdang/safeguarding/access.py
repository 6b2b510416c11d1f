"""Who may open a case (issue 5, item 4), in one place.

- The school's case team (CaseTeamMember rows of the case's unit): members and the leader.
- Named officers above, for a case referred to them (Referral.officers, referral not ended).
- Nobody else: the principal not on the team, a teacher, the counselling team, an officer of
  the Sở without a referral, a platform administrator. They all get 404, the same answer as for
  a case that does not exist, so nothing reveals that a case exists.

Opening or exporting a case also needs a session verified with the user's 2FA device and a
re-authentication (password and code) within BINHDANG_REAUTH_MINUTES. Every GET of a case page
writes an audit row (the "who read what" the leader sees); writes audit themselves.
"""

import functools
import time
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.db.models import Q
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.http import urlencode

from binhdang.audit.services import record

from .models import Case, CaseTeamMember, Referral

REAUTH_SESSION_KEY = "binhdang_reauth_at"


class Role:
    LEADER = "leader"
    MEMBER = "member"
    OFFICER = "officer"


@dataclass(frozen=True)
class CaseAccess:
    case: Case
    role: str  # Role.*

    @property
    def on_team(self) -> bool:
        return self.role in (Role.LEADER, Role.MEMBER)

    @property
    def is_leader(self) -> bool:
        return self.role == Role.LEADER


def _seats(user):
    """Case-team seats that still count: the unit is open and the user still holds an active
    role at that school (someone who left keeps no access, even before the team is tidied)."""
    return CaseTeamMember.objects.filter(
        user=user, unit__valid_to__isnull=True,
        unit__memberships__user=user, unit__memberships__is_active=True,
    ).distinct()


def team_seat(user, unit) -> CaseTeamMember | None:
    if not user.is_authenticated or unit.is_closed:
        return None
    return _seats(user).filter(unit=unit).first()


def active_referrals(user):
    return Referral.objects.filter(officers=user, ended_at__isnull=True)


def case_role(user, case: Case) -> str | None:
    seat = team_seat(user, case.unit)
    if seat is not None:
        return Role.LEADER if seat.is_leader else Role.MEMBER
    if user.is_authenticated and active_referrals(user).filter(case=case).exists():
        return Role.OFFICER
    return None


def cases_for_user(user):
    """Every case the user may see in a list: their teams' schools, and cases referred to them."""
    if not user.is_authenticated:
        return Case.objects.none()
    team_units = _seats(user).values("unit")
    referred = active_referrals(user).values("case")
    return Case.objects.filter(Q(unit__in=team_units) | Q(pk__in=referred))


def is_case_user(user) -> bool:
    """On a case team somewhere, or named on an active referral (who sees the case list)."""
    return cases_for_user(user).exists() or _seats(user).exists()


def is_verified(request) -> bool:
    return bool(getattr(request.user, "is_verified", lambda: False)())


def reauth_is_recent(request) -> bool:
    at = request.session.get(REAUTH_SESSION_KEY)
    return at is not None and time.time() - at <= settings.BINHDANG_REAUTH_MINUTES * 60


def mark_reauthenticated(request) -> None:
    request.session[REAUTH_SESSION_KEY] = int(time.time())


def reauth_redirect(request):
    return redirect(f"{reverse('safeguarding:reauth')}?{urlencode({'next': request.get_full_path()})}")


def get_case_access(request, uid) -> CaseAccess:
    """The case and the user's role on it, or 404 for everyone else (see the module docstring)."""
    try:
        case = Case.objects.select_related("unit", "key").get(uid=uid)
    except (Case.DoesNotExist, ValueError):
        raise Http404 from None
    role = case_role(request.user, case)
    if role is None:
        raise Http404
    return CaseAccess(case=case, role=role)


def case_view(*, page: str = "view", team_only: bool = False, leader_only: bool = False):
    """Decorator of every view under /bao-ve/vu-viec/<uid>/: login, 404 unless the user may
    open the case, 403 when a team-only page is opened by a referral officer or a leader-only
    page by a member, then 2FA and a recent re-authentication (redirects), then one audit row
    "case.<page>" for each GET. The view is called as view(request, access, **kwargs)."""

    def decorate(view):
        @functools.wraps(view)
        def wrapper(request, uid, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            access = get_case_access(request, uid)
            if (team_only or leader_only) and not access.on_team:
                raise Http404  # an officer above sees what was referred, nothing of the team's work
            if leader_only and not access.is_leader:
                raise PermissionDenied
            if not is_verified(request) or not reauth_is_recent(request):
                return reauth_redirect(request)
            if request.method in ("GET", "HEAD"):
                with transaction.atomic():
                    record(actor=request.user, unit=getattr(request, "active_unit", None) or access.case.unit,
                           action=f"case.{page}",
                           target=access.case,
                           # ids of the part read (which file), never content
                           details={"role": access.role, **{k: str(v) for k, v in kwargs.items()}})
            return view(request, access, **kwargs)

        return wrapper

    return decorate


def case_list_guard(request):
    """For list pages that would reveal cases: 404 unless on a team or named on a referral;
    then 2FA (the list shows no content, so no re-authentication)."""
    if not is_case_user(request.user):
        raise Http404
    if not is_verified(request):
        return reauth_redirect(request)
    return None
