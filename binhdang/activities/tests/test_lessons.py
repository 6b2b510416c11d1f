"""Integrated lessons: who may record for whom, grade and date limits, and the share of teachers
who integrate, by sex, summed (never averaged) over schools, in a fixed number of queries."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.activities.lessons import lesson_record
from binhdang.activities.models import LessonIntegration
from binhdang.activities.selectors_people import integration_share, integration_share_by_school
from binhdang.audit.models import AuditEntry
from binhdang.testing import client_in

from .people_work import school_class, school_year, staff

DAY = dt.date(2026, 11, 10)


def _record(world, teacher, unit=None, actor=None, **extra):
    fields = {"subject": "Đạo đức", "grade": 3, "lesson": "Bài 5: Bạn trai, bạn gái",
              "content": "Trai và gái đều làm việc nhà", "taught_on": DAY, "school_year": school_year()}
    return lesson_record(actor=actor or world.committee_member, unit=unit or world.school, teacher=teacher,
                         **{**fields, **extra})


def test_share_by_sex_for_one_school(world):
    year = school_year()
    women = [staff(world.school, n, "F") for n in ("Hoa", "Lan", "Mai")]
    men = [staff(world.school, n, "M", middle="Văn") for n in ("Nam", "Hùng")]
    staff(world.school, "Thu", "F", position="vice_principal")  # not a teacher: outside the denominator
    _record(world, women[0])
    _record(world, women[0], lesson="Bài 6")  # two lessons, one teacher
    _record(world, women[1])
    _record(world, men[0])
    share = integration_share(world.school, year)
    assert (share.numerator["F"], share.denominator["F"]) == (2, 3)
    assert (share.numerator["M"], share.denominator["M"]) == (1, 2)
    assert (share.total_numerator, share.total_denominator) == (3, 5)
    # Another school year counts nothing.
    assert integration_share(world.school, school_year("2025-2026")).total_numerator == 0


def test_share_of_a_province_sums_its_schools(world):
    year = school_year()
    a = [staff(world.school, n, "F") for n in ("Hoa", "Lan")]
    b = [staff(world.school_b, n, s) for n, s in (("An", "F"), ("Bảo", "M"), ("Cường", "M"), ("Dung", "F"))]
    _record(world, a[0])
    _record(world, b[1], unit=world.school_b, actor=world.province_officer, grade=10)
    by_school = integration_share_by_school(world.province, year)
    assert set(by_school) == {world.school.pk, world.school_b.pk}
    total = integration_share(world.province, year)
    # Σ numerators / Σ denominators: 2/6, not the mean of 1/2 and 1/4.
    assert (total.total_numerator, total.total_denominator) == (2, 6)
    assert (total.numerator["F"], total.denominator["F"], total.numerator["M"], total.denominator["M"]) == (1, 4, 1, 2)
    assert total.numerator == by_school[world.school.pk].numerator + by_school[world.school_b.pk].numerator
    assert integration_share(world.commune, year).total_denominator == len(a)


def test_share_takes_two_queries_whatever_the_number_of_schools(world):
    year = school_year()
    for unit in (world.school, world.school_b):
        _record(world, staff(unit, "Hoa"), unit=unit, actor=world.admin, grade=3 if unit == world.school else 11)
    with CaptureQueriesContext(connection) as queries:
        integration_share(world.province, year)
    assert len(queries) == 2


def test_grade_limited_by_school_level(world):
    hoa = staff(world.school, "Hoa")
    with pytest.raises(ValidationError) as error:
        _record(world, hoa, grade=6)  # a primary school teaches 1–5
    assert "Khối 6 không có ở trường này (chỉ từ khối 1 đến khối 5)." in error.value.message_dict["grade"]
    an = staff(world.school_b, "An")
    with pytest.raises(ValidationError):
        _record(world, an, unit=world.school_b, actor=world.admin, grade=9)
    assert _record(world, an, unit=world.school_b, actor=world.admin, grade=12).grade == 12


def test_class_and_date_must_fit_the_school_year(world):
    hoa = staff(world.school, "Hoa")
    with pytest.raises(ValidationError) as error:
        _record(world, hoa, taught_on=dt.date(2026, 6, 15))
    assert "taught_on" in error.value.message_dict
    with pytest.raises(ValidationError) as error:
        _record(world, hoa, school_class=school_class(world.school, "4A", 4))
    assert "school_class" in error.value.message_dict
    with pytest.raises(ValidationError):
        _record(world, hoa, school_class=school_class(world.school_b, "10A", 10))
    assert _record(world, hoa, school_class=school_class(world.school, "3A", 3)).school_class.name == "3A"
    assert LessonIntegration.objects.count() == 1


def test_teacher_records_own_lessons_only(world):
    own = staff(world.school, "Hoa", user=world.teacher)
    other = staff(world.school, "Lan")
    with pytest.raises(PermissionDenied):
        _record(world, other, actor=world.teacher)
    assert _record(world, own, actor=world.teacher).teacher == own
    assert _record(world, other, actor=world.committee_member).teacher == other


def test_lesson_pages_per_role(world):
    own = staff(world.school, "Hoa", user=world.teacher)
    year = school_year()
    create = reverse("activities:lesson_create")
    data = {"teacher": own.uid, "school_year": year.code, "subject": "Tiếng Việt", "grade": "4",
            "lesson": "Bài 12", "content": "Nghề nghiệp không phân biệt giới", "taught_on": "2026-11-12"}
    teacher = client_in(world.teacher, world.school)
    assert teacher.get(create).status_code == 200
    assert teacher.post(create, data).status_code == 302
    row = LessonIntegration.objects.get()
    assert (row.teacher, row.grade, row.created_by) == (own, 4, world.teacher)
    assert AuditEntry.objects.filter(action="activity.lesson_record", target_uid=str(row.uid)).exists()
    # A teacher cannot slip in another teacher's record: the field only accepts their own.
    other = staff(world.school, "Lan")
    assert teacher.post(create, {**data, "teacher": other.uid}).status_code == 400
    committee = client_in(world.committee_member, world.school)
    assert committee.post(create, {**data, "teacher": other.uid}).status_code == 302
    # Grade out of the school's range is refused with the field's message.
    response = teacher.post(create, {**data, "grade": "7"})
    assert response.status_code == 400
    assert client_in(world.counsellor, world.school).get(create).status_code == 403
    assert client_in(world.outsider, world.other_school).get(reverse("activities:lessons")).status_code == 200
    listing = client_in(world.counsellor, world.school).get(reverse("activities:lessons")).content.decode()
    assert "Giáo viên có ít nhất một tiết lồng ghép: 2/2." in listing
    above = client_in(world.province_officer, world.province).get(reverse("activities:lessons")).content.decode()
    assert world.school.name in above
    assert "2/2" in above


def test_unlinked_account_gets_a_clear_message(world):
    response = client_in(world.unit_lead, world.school).get(reverse("activities:lesson_create"))
    assert response.status_code == 200
    assert "chưa được gắn với hồ sơ cán bộ" in response.content.decode()
