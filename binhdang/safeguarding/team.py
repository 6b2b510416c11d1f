"""Managing a school's case team (issue 5, item 2): add, remove, make leader.

Who may: the principal (an ADMIN membership held at the school itself) and the team's leader;
the views check that (views_team.py). Rules kept here, inside one transaction each:

- Only people with an active membership at the school can join its team.
- A non-empty team has exactly one leader: the first member added becomes leader, making
  someone leader unsets the previous one, and the leader cannot be removed while others remain
  (another leader is chosen first).
- Every change writes an audit row (`case_team.add/remove/leader`, ids and flags only) and tells
  the person concerned with a notification that says nothing about any case.
"""

from django.db import transaction
from django.urls import reverse
from django.utils.translation import gettext as _

from binhdang.accounts.models import Membership, User
from binhdang.audit.services import record

from .alerts import alert
from .models import CaseTeamMember


class TeamError(Exception):
    """A change the rules refuse; the message is for the user (Vietnamese, no case content)."""


def eligible_users(unit):
    """People who may join: an active membership at the school itself, not yet on the team."""
    members = CaseTeamMember.objects.filter(unit=unit).values("user")
    return (User.objects.filter(memberships__unit=unit, memberships__is_active=True, is_active=True)
            .exclude(pk__in=members).distinct().order_by("full_name", "username"))


def _details(member: CaseTeamMember, actor) -> dict:
    return {"member": str(member.uid), "user": member.user_id, "self": member.user_id == getattr(actor, "pk", None)}


def _tell(member: CaseTeamMember, entry_pk: int, kind: str, title: str) -> None:
    # The key carries the audit row's id: every change is a new message, never merged with an old one.
    alert(member.user, member.unit, key=f"case-team-{kind}:{member.uid}:{entry_pk}", title=title,
           url=reverse("safeguarding:case_list") if kind != "remove" else reverse("core:notifications"))


@transaction.atomic
def team_member_add(*, actor, unit, user) -> CaseTeamMember:
    if not Membership.objects.filter(unit=unit, user=user, is_active=True).exists() or not user.is_active:
        raise TeamError(_("Người này không có vai trò đang hoạt động ở trường."))
    # Lock the team's rows so two concurrent adds cannot both become the first (leader).
    team = list(CaseTeamMember.objects.select_for_update().filter(unit=unit))
    if any(member.user_id == user.pk for member in team):
        raise TeamError(_("Người này đã ở trong nhóm."))
    member = CaseTeamMember.objects.create(unit=unit, user=user, is_leader=not team)
    entry = record(actor=actor, unit=unit, action="case_team.add", target=member,
                   details={**_details(member, actor), "leader": member.is_leader})
    _tell(member, entry.pk, "add", _("Bạn được thêm vào nhóm xử lý vụ việc bảo vệ học sinh"))
    return member


@transaction.atomic
def team_member_remove(*, actor, unit, member_uid) -> None:
    team = list(CaseTeamMember.objects.select_for_update().filter(unit=unit).select_related("user", "unit"))
    member = next((m for m in team if str(m.uid) == str(member_uid)), None)
    if member is None:
        raise CaseTeamMember.DoesNotExist
    others = [m for m in team if m.pk != member.pk]
    if member.is_leader and others and not any(m.is_leader for m in others):
        raise TeamError(_("Hãy chọn trưởng nhóm khác trước khi bỏ trưởng nhóm ra khỏi nhóm."))
    entry = record(actor=actor, unit=unit, action="case_team.remove", target=member,
                   details={**_details(member, actor), "leader": member.is_leader})
    _tell(member, entry.pk, "remove", _("Bạn không còn trong nhóm xử lý vụ việc bảo vệ học sinh"))
    member.delete()


@transaction.atomic
def team_leader_set(*, actor, unit, member_uid) -> CaseTeamMember:
    team = list(CaseTeamMember.objects.select_for_update().filter(unit=unit).select_related("user", "unit"))
    member = next((m for m in team if str(m.uid) == str(member_uid)), None)
    if member is None:
        raise CaseTeamMember.DoesNotExist
    if member.is_leader and not any(m.is_leader for m in team if m.pk != member.pk):
        return member  # already the only leader: nothing changes, nothing to record
    previous = [str(m.uid) for m in team if m.is_leader and m.pk != member.pk]
    CaseTeamMember.objects.filter(unit=unit, is_leader=True).exclude(pk=member.pk).update(is_leader=False)
    CaseTeamMember.objects.filter(pk=member.pk).update(is_leader=True)
    member.is_leader = True
    entry = record(actor=actor, unit=unit, action="case_team.leader", target=member,
                   details={**_details(member, actor), "previous": previous})
    _tell(member, entry.pk, "leader", _("Bạn được giao làm trưởng nhóm xử lý vụ việc bảo vệ học sinh"))
    return member
