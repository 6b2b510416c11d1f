"""Builders for the tests of trainings, integrated lessons and commendations."""

import datetime as dt

from django.utils import timezone

from binhdang.activities.models import Activity, ActivityKind
from binhdang.orgs.models import SchoolClass, SchoolYear
from binhdang.people.models import Enrollment, StaffMember, Student


def school_year(code: str = "2026-2027") -> SchoolYear:
    start = int(code[:4])
    year, _ = SchoolYear.objects.get_or_create(
        code=code, defaults={"starts_on": dt.date(start, 9, 1), "ends_on": dt.date(start + 1, 5, 31)})
    return year


def staff(unit, given: str, sex: str = "F", position: str = "teacher", family: str = "Nguyễn", middle: str = "Thị",
          user=None) -> StaffMember:
    person = StaffMember(unit=unit, family_name=family, middle_name=middle, given_name=given, sex=sex,
                         position=position, user=user)
    person.refresh_derived()
    person.save()
    return person


def student(unit, given: str, sex: str = "F", school_class: SchoolClass | None = None) -> Student:
    person = Student(unit=unit, family_name="Lê", middle_name="Văn" if sex == "M" else "Thị", given_name=given,
                     sex=sex)
    person.refresh_derived()
    person.save()
    if school_class is not None:
        Enrollment.objects.create(student=person, school_class=school_class, school_year=school_class.school_year)
    return person


def school_class(unit, name: str = "3A1", grade: int = 3, year: SchoolYear | None = None) -> SchoolClass:
    return SchoolClass.objects.create(unit=unit, school_year=year or school_year(), name=name, grade=grade)


def activity(unit, title: str = "Sinh hoạt dưới cờ về bình đẳng giới", task=None, user=None) -> Activity:
    return Activity.objects.create(unit=unit, kind=ActivityKind.FLAG_TALK, title=title, task=task,
                                   starts_at=timezone.make_aware(dt.datetime(2026, 11, 16, 7, 0)), created_by=user)
