"""Referrals out of the school (issue 5, items 2 and 5). A referral may name a receiving unit
above the school and officers there (users with an active membership at that unit): while the
referral is active they may open this one case (access.py); ending it takes that away at once.

Without a given referral consent the team must tick an override and give a reason (sealed);
the audit row records the override flag, the target and how many officers, never the reason.
Officers are told content-free that a case was referred to them.
"""

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.accounts.models import Membership, User
from binhdang.audit.services import record

from .alerts import alert
from .consents import consent_given
from .models import Case, ConsentPurpose, Referral
from .sealing import field_context, seal


def receiving_units(case: Case) -> list:
    """The open units above the school (root first): who a case may be referred to by name."""
    return [unit for unit in case.unit.ancestors() if not unit.is_closed]


def officer_memberships(units) -> list[Membership]:
    """Active members of those units (the list the team picks officers from)."""
    return list(Membership.objects.filter(unit__in=units, is_active=True, user__is_active=True)
                .select_related("user", "unit").order_by("unit__path", "user__full_name", "user__username"))


class ReferralRefused(Exception):
    """A rule the form should have caught (kept as a last guard in the service)."""


@transaction.atomic
def referral_add(*, actor, case: Case, target: str, to_unit=None, officer_ids=(), note: str = "",
                 override: bool = False, override_reason: str = "") -> Referral:
    consented = consent_given(case, ConsentPurpose.REFERRAL)
    if not consented and not (override and override_reason):
        raise ReferralRefused("referral without consent needs an override and a reason")
    if to_unit is not None and to_unit.pk not in {unit.pk for unit in receiving_units(case)}:
        raise ReferralRefused("the receiving unit is not above the school")
    officers = list(User.objects.filter(pk__in=officer_ids, is_active=True, memberships__unit=to_unit,
                                        memberships__is_active=True).distinct()) if to_unit else []
    if len(officers) != len(set(officer_ids)):
        raise ReferralRefused("an officer is not a member of the receiving unit")
    referral = Referral(case=case, target=target, to_unit=to_unit, referred_at=timezone.now(), referred_by=actor,
                        consent_override=not consented)
    referral.note_sealed = seal(case.key, note, field_context(referral, "note_sealed")) if note else None
    if not consented:
        referral.override_reason_sealed = seal(case.key, override_reason,
                                               field_context(referral, "override_reason_sealed"))
    referral.save()
    referral.officers.set(officers)
    record(actor=actor, unit=case.unit, action="case.referral", target=case, details={
        "referral": str(referral.uid), "override": not consented, "target": target, "officers": len(officers)})
    url = reverse("safeguarding:case_detail", args=[case.uid])
    for officer in officers:
        alert(officer, to_unit, key=f"case-referral:{referral.uid}",
               title=_("Một vụ việc được chuyển đến anh/chị"), url=url)
    return referral


@transaction.atomic
def referral_end(*, actor, case: Case, referral: Referral) -> Referral:
    """The named officers lose access at once (access.py only counts referrals not ended)."""
    if referral.case_id != case.pk:
        raise ValueError("referral of another case")
    if referral.ended_at is None:
        referral.ended_at = timezone.now()
        referral.ended_by = actor
        referral.save(update_fields=["ended_at", "ended_by"])
        record(actor=actor, unit=case.unit, action="case.referral_end", target=case,
               details={"referral": str(referral.uid)})
    return referral
