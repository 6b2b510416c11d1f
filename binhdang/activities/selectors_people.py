"""Reads for trainings, integrated lessons and commendations (the people side of activities).

Shares are returned as numerators and denominators by sex, never as rates: a group of schools
is Σ numerators / Σ denominators (DOMAIN.md section 7), so callers sum these, never average.
"""

from collections import Counter
from dataclasses import dataclass, field

from django.db.models import Count, Q

from binhdang.orgs.models import OrgUnit, SchoolYear
from binhdang.people.models import Position, Sex, StaffMember

from .models import Commendation, LessonIntegration, Training

SEXES = (Sex.FEMALE, Sex.MALE, Sex.NOT_RECORDED)


def trainings_under(unit: OrgUnit):
    """Trainings of `unit` and the units below it, newest first, with their attendance counted."""
    return (Training.objects.filter(activity__unit__path__startswith=unit.path)
            .select_related("activity__unit")
            .annotate(attendees=Count("attendance"))
            .order_by("-activity__starts_at", "-id"))


@dataclass
class AttendanceSummary:
    by_sex: Counter = field(default_factory=Counter)  # "F"/"M"/"U" → attendees (staff and students)
    staff_by_sex: Counter = field(default_factory=Counter)
    students_by_sex: Counter = field(default_factory=Counter)
    by_position: list = field(default_factory=list)  # [(position label, count)], largest first

    @property
    def total(self) -> int:
        return sum(self.by_sex.values())

    @property
    def students(self) -> int:
        return sum(self.students_by_sex.values())


def attendance_summary(training: Training) -> AttendanceSummary:
    """Attendees by sex, and staff by position (StaffMember.position), in two queries."""
    summary = AttendanceSummary()
    labels = dict(Position.choices)
    positions = Counter()
    for sex, position in training.attendance.filter(staff__isnull=False).values_list("staff__sex", "staff__position"):
        summary.staff_by_sex[sex] += 1
        positions[labels.get(position, position)] += 1
    for sex in training.attendance.filter(student__isnull=False).values_list("student__sex", flat=True):
        summary.students_by_sex[sex] += 1
    summary.by_sex = summary.staff_by_sex + summary.students_by_sex
    summary.by_position = sorted(positions.items(), key=lambda item: (-item[1], str(item[0])))
    return summary


def attendee_ids(training: Training) -> tuple[set[str], set[str]]:
    """(staff uids, student uids) of the training's attendees, for the checkboxes."""
    rows = training.attendance.values_list("staff__uid", "student__uid")
    return {str(s) for s, _ in rows if s}, {str(p) for _, p in rows if p}


# ── lessons that integrate gender content ─────────────────────────────────────────────

@dataclass
class Share:
    """Teachers who integrated at least one lesson (numerator) among all teachers (denominator),
    by the teacher's sex."""

    numerator: Counter = field(default_factory=Counter)
    denominator: Counter = field(default_factory=Counter)

    def __add__(self, other: "Share") -> "Share":
        return Share(self.numerator + other.numerator, self.denominator + other.denominator)

    @property
    def total_numerator(self) -> int:
        return sum(self.numerator.values())

    @property
    def total_denominator(self) -> int:
        return sum(self.denominator.values())

    def rows(self) -> list[tuple[str, int, int]]:
        """[(sex label, numerator, denominator)] for Nữ, Nam and, when any, "chưa ghi nhận"."""
        labels = dict(Sex.choices)
        return [(labels[code], self.numerator[code], self.denominator[code]) for code in SEXES
                if code != Sex.NOT_RECORDED or self.denominator[code] or self.numerator[code]]


def _teachers_below(unit: OrgUnit):
    return StaffMember.objects.filter(unit__path__startswith=unit.path, unit__kind="school", is_active=True,
                                      position=Position.TEACHER)


def integration_share_by_school(unit: OrgUnit, school_year: SchoolYear) -> dict[int, Share]:
    """unit id → Share for `unit` (a school) or every school below it, in two queries whatever
    the number of schools. A vice principal's lesson is kept but not counted: the denominator
    is the teachers (position "teacher"), and the numerator is a part of it."""
    teachers = _teachers_below(unit)
    shares: dict[int, Share] = {}
    for unit_id, sex, count in teachers.values_list("unit_id", "sex").annotate(n=Count("id")).order_by():
        shares.setdefault(unit_id, Share()).denominator[sex] += count
    integrated = teachers.filter(lesson_integrations__school_year=school_year).values_list("unit_id", "sex")
    for unit_id, sex, count in integrated.annotate(n=Count("id", distinct=True)).order_by():
        shares.setdefault(unit_id, Share()).numerator[sex] += count
    return shares


def integration_share(unit: OrgUnit, school_year: SchoolYear) -> Share:
    """The share for `unit` and all schools below it: numerators and denominators summed."""
    return sum(integration_share_by_school(unit, school_year).values(), Share())


def lessons_for(unit: OrgUnit, school_year: SchoolYear, *, teacher_uid: str = "", subject: str = "",
                grade: int | None = None):
    queryset = (LessonIntegration.objects.filter(unit__path__startswith=unit.path, school_year=school_year)
                .select_related("teacher", "school_class", "unit"))
    if teacher_uid:
        queryset = queryset.filter(teacher__uid=teacher_uid)
    if subject:
        queryset = queryset.filter(subject__iexact=subject)
    if grade:
        queryset = queryset.filter(grade=grade)
    return queryset.order_by("-taught_on", "-id")


def lesson_subjects(unit: OrgUnit, school_year: SchoolYear) -> list[str]:
    rows = LessonIntegration.objects.filter(unit__path__startswith=unit.path, school_year=school_year)
    return sorted(set(rows.values_list("subject", flat=True)))


# ── commendations ─────────────────────────────────────────────────────────────────────

def commendations_under(unit: OrgUnit, *, status: str = ""):
    queryset = (Commendation.objects.filter(unit__path__startswith=unit.path)
                .select_related("unit", "nominee_staff", "nominee_student", "nominee_body", "nominee_unit"))
    if status:
        queryset = queryset.filter(status=status)
    return queryset.order_by("-created_at", "-id")


def commendation_counts(unit: OrgUnit) -> dict[str, int]:
    return commendations_under(unit).aggregate(
        proposed=Count("id", filter=Q(status=Commendation.Status.PROPOSED)),
        approved=Count("id", filter=Q(status=Commendation.Status.APPROVED)),
        rejected=Count("id", filter=Q(status=Commendation.Status.REJECTED)),
    )
