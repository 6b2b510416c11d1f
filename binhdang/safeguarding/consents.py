"""Consent (issue 5, item 5): one row per decision and purpose; a later row supersedes the
earlier ones, which stay as history. The note is sealed; the audit row says which purpose and
whether consent is now given, nothing else."""

from django.db import transaction
from django.db.models import OuterRef, Q, Subquery
from django.utils import timezone

from binhdang.audit.services import record

from .models import Case, Consent, ConsentPurpose
from .sealing import field_context, seal

# The law's rule as a query (Consent.given in SQL): the parent's consent, and the child's from age 7.
GIVEN = Q(parent_agreed=True) & (Q(child_aged_7_plus=False) | Q(child_agreed=True))


def latest_consent(case: Case, purpose: str) -> Consent | None:
    return Consent.objects.filter(case=case, purpose=purpose).order_by("-recorded_at", "-id").first()


def consent_given(case: Case, purpose: str) -> bool:
    """Whether the latest record for `purpose` gives consent (no record: not given)."""
    latest = latest_consent(case, purpose)
    return latest is not None and latest.given


def cases_with_statistics_consent(queryset):
    """The cases of `queryset` whose LATEST statistics consent is given, in the same query (a
    correlated subquery picks each case's latest row; a withdrawal recorded later excludes it)."""
    latest = Consent.objects.filter(case=OuterRef("pk"), purpose=ConsentPurpose.STATISTICS).order_by(
        "-recorded_at", "-id").values("pk")[:1]
    given = Consent.objects.filter(GIVEN, purpose=ConsentPurpose.STATISTICS).values("pk")
    # alias(), not annotate(): callers group by category, sex and age band with values().
    return queryset.alias(_statistics_consent=Subquery(latest)).filter(_statistics_consent__in=given)


@transaction.atomic
def consent_record(*, actor, case: Case, purpose: str, child_aged_7_plus: bool, child_agreed: bool,
                   parent_agreed: bool, note: str = "") -> Consent:
    consent = Consent(case=case, purpose=purpose, child_aged_7_plus=child_aged_7_plus,
                      # Under 7 the law does not ask the child: None, not "refused".
                      child_agreed=child_agreed if child_aged_7_plus else None,
                      parent_agreed=parent_agreed, recorded_at=timezone.now(), recorded_by=actor)
    consent.note_sealed = seal(case.key, note, field_context(consent, "note_sealed")) if note else None
    consent.save()
    record(actor=actor, unit=case.unit, action="case.consent", target=case,
           details={"consent": str(consent.uid), "purpose": purpose, "given": consent.given})
    return consent
