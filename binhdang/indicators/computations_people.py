"""Computations over the rosters: staff (a snapshot of the roster now) and students' cadre roles
(per school year, through the enrollment of the period's year)."""

from django.db.models import Count, Q

from binhdang.people.models import CadreAssignment, CadreRole, Position, Sex, StaffMember

from .computing import Result, computation, fold, for_units
from .refresh import watch

MANAGERS = [Position.PRINCIPAL, Position.VICE_PRINCIPAL]
UNION_LEADERS = [CadreRole.PIONEER_CHIEF, CadreRole.YOUTH_SECRETARY, CadreRole.PIONEER_COUNCIL]


def _active_staff(unit_ids):
    return for_units(StaffMember.objects.filter(is_active=True), unit_ids)


def _women_share(queryset) -> Result:
    """Women among the staff of `queryset`, by level and position. No sex cells: sex is what the
    indicator measures."""
    rows = queryset.values("unit_id", "unit__school_level", "position").annotate(
        all=Count("id"), women=Count("id", filter=Q(sex=Sex.FEMALE)))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"], "position": r["position"]},
                  r["women"], r["all"]) for r in rows), rate=True)


@computation("women_managers_share")
def women_managers_share(unit_ids, period) -> Result:
    """Women among each school's managers (principal and vice-principals) on the roster now."""
    return _women_share(_active_staff(unit_ids).filter(position__in=MANAGERS))


@computation("women_staff_share")
def women_staff_share(unit_ids, period) -> Result:
    """Women among all staff on the roster now."""
    return _women_share(_active_staff(unit_ids))


@computation("woman_principal_school")
def woman_principal_school(unit_ids, period) -> Result:
    """1 / 1 for a school whose active principal is a woman, 0 / 1 for another school with a
    roster; summed up the tree it is "schools with a woman principal / schools"."""
    rows = _active_staff(unit_ids).values("unit_id", "unit__school_level").annotate(
        women=Count("id", filter=Q(position=Position.PRINCIPAL, sex=Sex.FEMALE)))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"]}, 1 if r["women"] else 0, 1)
                 for r in rows), rate=True)


@computation("female_teachers_new_standard")
def female_teachers_new_standard(unit_ids, period) -> Result:
    """Female teachers whose training meets the new standard (Education Law 2019) among female
    teachers; "not known" (empty) counts as not meeting it."""
    rows = _active_staff(unit_ids).filter(position=Position.TEACHER, sex=Sex.FEMALE).values(
        "unit_id", "unit__school_level").annotate(all=Count("id"), met=Count("id", filter=Q(meets_new_standard=True)))
    return fold(((r["unit_id"], None, {"level": r["unit__school_level"]}, r["met"], r["all"]) for r in rows),
                rate=True)


def _girls_among(roles, unit_ids, period) -> Result:
    """Girls among the students holding `roles` in the period's school year, by level and grade."""
    rows = for_units(CadreAssignment.objects.filter(role__in=roles, enrollment__school_year__code=period),
                     unit_ids, "enrollment__school_class__unit_id").values(
        "enrollment__school_class__unit_id", "enrollment__school_class__unit__school_level",
        "enrollment__school_class__grade").annotate(
        all=Count("id"), girls=Count("id", filter=Q(enrollment__student__sex=Sex.FEMALE)))
    return fold(((r["enrollment__school_class__unit_id"], None,
                  {"level": r["enrollment__school_class__unit__school_level"],
                   "grade": r["enrollment__school_class__grade"]}, r["girls"], r["all"]) for r in rows), rate=True)


@computation("girls_class_monitors")
def girls_class_monitors(unit_ids, period) -> Result:
    return _girls_among([CadreRole.MONITOR], unit_ids, period)


@computation("girls_union_leaders")
def girls_union_leaders(unit_ids, period) -> Result:
    return _girls_among(UNION_LEADERS, unit_ids, period)


watch("people.StaffMember", "staff", lambda row: row.unit_id)
# Cadre roles belong to an enrollment of one school year: that year is the period.
watch("people.CadreAssignment", "students", lambda row: row.enrollment.school_class.unit_id,
      lambda row: row.enrollment.school_year.code)
watch("people.Enrollment", "students", lambda row: row.school_class.unit_id, lambda row: row.school_year.code)
# A student's sex changes the cells of every year they held a role; the current one is recomputed
# here, past years keep what they showed (they are read from the same rows by a full recompute).
watch("people.Student", "students", lambda row: row.unit_id)
