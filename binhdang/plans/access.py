"""Who may read or change a plan.

A plan belongs to its issuer unit: members there (and above, rights flow down) read it at
VIEW and change it at higher levels, through accounts.access. One more reader: an *issued*
plan is an official document sent down the tree to be carried out, so members of every
unit below the issuer may read it (and derive their own plan from it). Drafts stay with
the issuer and the levels above.
"""

from django.http import Http404

from binhdang.accounts import access
from binhdang.accounts.roles import Level

from .models import Plan, PlanStatus


def reads_from_below(user, plan: Plan) -> bool:
    """True when the user belongs to a unit under the plan's issuer and the plan is issued."""
    if plan.status != PlanStatus.ISSUED or not user.is_authenticated:
        return False
    issuer_path = plan.issuer_unit.path
    return any(path.startswith(issuer_path) for path, _level in access._grants(user))


def plan_for_user(user, uid, *, level: Level = Level.VIEW, queryset=None) -> Plan:
    """One plan by uid, checked: 404 outside the user's reach, 403 when the role is too low."""
    queryset = queryset if queryset is not None else Plan.objects.select_related("issuer_unit", "issuer_body")
    try:
        plan = queryset.get(uid=uid)
    except (Plan.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    if level == Level.VIEW and access.level_in(user, plan.issuer_unit) is None and reads_from_below(user, plan):
        return plan
    access.require(user, plan.issuer_unit, level)
    return plan
