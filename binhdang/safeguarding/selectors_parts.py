"""Context of the parts of a case page: people, consent, referrals, attachments (opened for one
case, after access.case_view let the request through), and the forms the case team uses.
Officers named on a referral get the same sections read-only (no forms)."""

from .access import CaseAccess
from .attachments import ACCEPT, MAX_MB, MAX_PER_CASE
from .consents import cases_with_statistics_consent, consent_given, latest_consent
from .forms_parts import AttachmentForm, ConsentForm, PersonForm, ReferralForm
from .models import Case, CaseAttachment, CasePerson, Consent, ConsentPurpose, Referral
from .referrals import officer_memberships, receiving_units
from .selectors import opened

__all__ = ["cases_with_statistics_consent", "consent_given", "parts_context", "parts_data", "referral_form"]


def parts_data(case: Case) -> dict:
    """Everything recorded under the case, opened (also what the export prints)."""
    people = [{"person": person, "name": opened(person, "name_sealed", case),
               "details": opened(person, "details_sealed", case)}
              for person in CasePerson.objects.filter(case=case)]
    history = [{"consent": consent, "note": opened(consent, "note_sealed", case)}
               for consent in Consent.objects.filter(case=case).select_related("recorded_by")]
    current = []
    for value, label in ConsentPurpose.choices:
        latest = latest_consent(case, value)
        current.append({"purpose": value, "label": label, "latest": latest,
                        "given": latest is not None and latest.given})
    referrals = [{"referral": referral, "note": opened(referral, "note_sealed", case),
                  "reason": opened(referral, "override_reason_sealed", case),
                  "officers": list(referral.officers.all())}
                 for referral in Referral.objects.filter(case=case).select_related("to_unit")
                 .prefetch_related("officers")]
    attachments = [{"attachment": attachment, "name": opened(attachment, "name_sealed", case)}
                   for attachment in CaseAttachment.objects.filter(case=case)]
    return {"people": people, "consent_history": history, "consent_current": current, "referrals": referrals,
            "attachments": attachments}


def referral_form(case: Case, data=None) -> ReferralForm:
    units = receiving_units(case)
    return ReferralForm(data, units=units, officers=officer_memberships(units),
                        consent_given=consent_given(case, ConsentPurpose.REFERRAL))


def person_initial(row: dict) -> dict:
    person = row["person"]
    return {"role": person.role, "name": row["name"], "details": row["details"], "sex": person.sex,
            "age_band": person.age_band, "is_child": person.is_child}


def parts_context(access: CaseAccess) -> dict:
    case = access.case
    data = parts_data(case)
    if access.on_team:
        for row in data["people"]:
            row["form"] = PersonForm(initial=person_initial(row), auto_id=f"id_{row['person'].uid}_%s")
        data.update({
            "person_form": PersonForm(auto_id="id_person_%s"),
            "consent_form": ConsentForm(auto_id="id_consent_%s", initial={"child_aged_7_plus": True}),
            "referral_form": referral_form(case),
            "referral_consent": consent_given(case, ConsentPurpose.REFERRAL),
            "attachment_form": AttachmentForm(auto_id="id_attachment_%s"),
        })
    data.update({"attachment_accept": ACCEPT, "attachment_max_mb": MAX_MB, "attachment_max": MAX_PER_CASE,
                 "parts_editable": access.on_team})
    return {"parts": data}
