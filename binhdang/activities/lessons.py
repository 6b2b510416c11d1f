"""Writes for lessons that integrate gender content (lồng ghép giới): a teacher records their own
lessons (EDIT); the principal or a committee member (MANAGE) may record for any teacher of the school.

These rows feed the indicator "share of teachers who integrate" (selectors_people.integration_share).
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.accounts.access import can, require
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgUnit, SchoolClass, SchoolLevel, SchoolYear
from binhdang.people.models import StaffMember

from .models import LessonIntegration

# Grades each school level teaches; a multi-level school (liên cấp) or one without a level takes 1–12.
GRADES_BY_LEVEL = {
    SchoolLevel.PRIMARY: range(1, 6),
    SchoolLevel.LOWER_SECONDARY: range(6, 10),
    SchoolLevel.UPPER_SECONDARY: range(10, 13),
}
ALL_GRADES = range(1, 13)


def grades_for(unit: OrgUnit) -> range:
    return GRADES_BY_LEVEL.get(unit.school_level, ALL_GRADES)


def own_staff_record(user, unit: OrgUnit) -> StaffMember | None:
    """The user's staff record at `unit`, or None when the account is not linked to one there."""
    staff = StaffMember.objects.filter(user=user, unit=unit, is_active=True).first() if user.is_authenticated else None
    return staff


def _check(unit: OrgUnit, *, teacher: StaffMember, school_year: SchoolYear, grade: int,
           school_class: SchoolClass | None, taught_on: dt.date) -> None:
    errors = {}
    if teacher.unit_id != unit.pk:
        errors["teacher"] = _("Giáo viên “%(name)s” không thuộc trường này.") % {"name": teacher}
    grades = grades_for(unit)
    if grade not in grades:
        errors["grade"] = _("Khối %(grade)s không có ở trường này (chỉ từ khối %(low)s đến khối %(high)s).") % {
            "grade": grade, "low": grades.start, "high": grades.stop - 1}
    if school_class is not None:
        if school_class.unit_id != unit.pk or school_class.school_year_id != school_year.pk:
            errors["school_class"] = _("Lớp %(name)s không thuộc trường trong năm học %(year)s.") % {
                "name": school_class.name, "year": school_year}
        elif school_class.grade and school_class.grade != grade:
            errors["school_class"] = _("Lớp %(name)s thuộc khối %(class_grade)s, không phải khối %(grade)s.") % {
                "name": school_class.name, "class_grade": school_class.grade, "grade": grade}
    if not school_year.starts_on <= taught_on <= school_year.ends_on:
        errors["taught_on"] = _("Ngày dạy phải trong năm học %(year)s (từ %(start)s đến %(end)s).") % {
            "year": school_year, "start": school_year.starts_on.strftime("%d/%m/%Y"),
            "end": school_year.ends_on.strftime("%d/%m/%Y")}
    if errors:
        raise ValidationError(errors)


@transaction.atomic
def lesson_record(*, actor, unit: OrgUnit, teacher: StaffMember, school_year: SchoolYear, subject: str,
                  grade: int, lesson: str, content: str, taught_on: dt.date,
                  school_class: SchoolClass | None = None) -> LessonIntegration:
    """Record one integrated lesson. A teacher records only their own; MANAGE records for anyone."""
    require(actor, unit, Level.EDIT)
    if not can(actor, unit, Level.MANAGE):
        own = own_staff_record(actor, unit)
        if own is None or own.pk != teacher.pk:
            raise PermissionDenied(_("Giáo viên chỉ ghi tiết dạy của chính mình."))
    subject, lesson, content = nfc(subject).strip(), nfc(lesson).strip(), nfc(content).strip()
    missing = {name: message for name, value, message in (
        ("subject", subject, _("Hãy nhập môn học.")), ("lesson", lesson, _("Hãy nhập tên bài dạy.")),
        ("content", content, _("Hãy ghi nội dung đã lồng ghép."))) if not value}
    if missing:
        raise ValidationError(missing)
    _check(unit, teacher=teacher, school_year=school_year, grade=grade, school_class=school_class,
           taught_on=taught_on)
    row = LessonIntegration.objects.create(
        unit=unit, teacher=teacher, school_year=school_year, subject=subject[:100], grade=grade,
        school_class=school_class, lesson=lesson[:300], content=content, taught_on=taught_on,
        created_by=actor if getattr(actor, "pk", None) else None,
    )
    record(actor=actor, unit=unit, action="activity.lesson_record", target=row,
           details={"teacher": str(teacher.uid), "subject": subject, "grade": grade,
                    "taught_on": taught_on.isoformat(), "school_year": school_year.code})
    return row
