"""The people in a case (issue 5, item 2): each with their own role; name and details sealed.

The case's plain `victim_sex` / `victim_age_band` (what the statistics count) follow the first
victim recorded, recomputed on every add, edit and removal. Audit rows carry ids only.
"""

from django.db import transaction

from binhdang.audit.services import record

from .models import Case, CasePerson, PersonRole
from .sealing import field_context, seal


def _seal_person(person: CasePerson, case: Case, *, name: str, details: str) -> None:
    person.name_sealed = seal(case.key, name, field_context(person, "name_sealed"))
    person.details_sealed = seal(case.key, details, field_context(person, "details_sealed")) if details else None


def sync_victim(case: Case) -> None:
    """Copy the first victim's sex and age band to the case (statistics read these columns)."""
    victim = CasePerson.objects.filter(case=case, role=PersonRole.VICTIM).order_by("created_at", "id").first()
    sex = victim.sex if victim else ""
    band = victim.age_band if victim else ""
    if (case.victim_sex, case.victim_age_band) != (sex, band):
        case.victim_sex, case.victim_age_band = sex, band
        case.save(update_fields=["victim_sex", "victim_age_band", "updated_at"])


@transaction.atomic
def person_add(*, actor, case: Case, role: str, name: str, details: str = "", sex: str, age_band: str = "",
               is_child: bool = False) -> CasePerson:
    person = CasePerson(case=case, role=role, sex=sex, age_band=age_band, is_child=is_child, created_by=actor)
    _seal_person(person, case, name=name, details=details)
    person.save()
    sync_victim(case)
    record(actor=actor, unit=case.unit, action="case.person_add", target=case, details={"person": str(person.uid)})
    return person


@transaction.atomic
def person_update(*, actor, case: Case, person: CasePerson, role: str, name: str, details: str = "", sex: str,
                  age_band: str = "", is_child: bool = False) -> CasePerson:
    if person.case_id != case.pk:
        raise ValueError("person of another case")
    person.role, person.sex, person.age_band, person.is_child = role, sex, age_band, is_child
    _seal_person(person, case, name=name, details=details)
    person.save()
    sync_victim(case)
    record(actor=actor, unit=case.unit, action="case.person_edit", target=case, details={"person": str(person.uid)})
    return person


@transaction.atomic
def person_remove(*, actor, case: Case, person: CasePerson) -> None:
    if person.case_id != case.pk:
        raise ValueError("person of another case")
    uid = str(person.uid)
    person.delete()
    sync_victim(case)
    record(actor=actor, unit=case.unit, action="case.person_remove", target=case, details={"person": uid})
