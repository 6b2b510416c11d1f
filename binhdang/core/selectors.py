"""Figures for the home page of a unit."""

from django.db.models import Count, Q

from binhdang.orgs.models import OrgKind, OrgUnit
from binhdang.people.models import Sex, StaffMember, Student


def unit_summary(unit: OrgUnit) -> dict:
    """Head-counts by sex for the unit and everything below it, in three queries."""
    units = OrgUnit.objects.subtree_of(unit)
    by_sex = {
        "total": Count("id"),
        "female": Count("id", filter=Q(sex=Sex.FEMALE)),
        "male": Count("id", filter=Q(sex=Sex.MALE)),
    }
    staff = StaffMember.objects.filter(unit__in=units, is_active=True).aggregate(**by_sex)
    students = Student.objects.filter(unit__in=units, is_active=True).aggregate(**by_sex)
    schools = units.filter(kind=OrgKind.SCHOOL, valid_to__isnull=True).count()
    return {"staff": staff, "students": students, "schools": schools}
