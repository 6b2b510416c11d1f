"""The roster import writes: all or nothing, updates instead of duplicates, classes and cadres."""

import datetime as dt
import io

import pytest

from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import SchoolClass, SchoolYear
from binhdang.people.importing.pipeline import prepare
from binhdang.people.importing.services import roster_import
from binhdang.people.models import CadreAssignment, Enrollment, StaffMember, Student

from .import_helpers import STUDENTS, students_xlsx, xlsx_bytes

pytestmark = pytest.mark.django_db


def _run(world, data, **kwargs):
    prepared = prepare(io.BytesIO(data))
    assert prepared.errors == []
    return roster_import(actor=world.principal, unit=world.school, rows=prepared.people,
                         kind=prepared.kind, present=prepared.present, **kwargs)


def test_students_classes_enrollments_and_cadres(world):
    result = _run(world, students_xlsx())
    assert (result.created, result.updated) == (3, 0)
    year = SchoolYear.objects.get()
    # No school year existed: 22/11/2026 falls in 2026-2027.
    assert (year.code, year.starts_on) == ("2026-2027", dt.date(2026, 9, 5))
    classes = {c.name: c.grade for c in SchoolClass.objects.filter(unit=world.school)}
    assert classes == {"3A1": 3, "3A2": 3}
    hoa = Student.objects.get(external_id="HS001")
    assert (hoa.full_name, hoa.sex, hoa.date_of_birth, hoa.unit) == (
        "Nguyễn Thị Hoa", "F", dt.date(2018, 9, 5), world.school)
    assert hoa.search_text == "nguyen thi hoa hs001"
    assert Enrollment.objects.get(student=hoa).school_class.name == "3A1"
    roles = CadreAssignment.objects.values_list("enrollment__student__external_id", "role")
    assert list(roles) == [("HS001", "monitor")]
    entry = AuditEntry.objects.get(action="people.roster_import")
    assert entry.details == {"kind": "students", "rows": 3, "created": 3, "updated": 0}
    assert "Hoa" not in str(entry.details)


def test_reimport_updates_instead_of_duplicating(world):
    _run(world, students_xlsx())
    rows = [list(r) for r in STUDENTS]
    rows[0][2] = "Nguyễn Thị Hồng Hoa"  # name corrected
    rows[1][5] = "3A2"  # moved class
    rows[0][6] = "Lớp phó"
    result = _run(world, students_xlsx(rows))
    assert (result.created, result.updated) == (0, 3)
    assert Student.objects.count() == 3
    assert Enrollment.objects.count() == 3
    hoa = Student.objects.get(external_id="HS001")
    assert hoa.full_name == "Nguyễn Thị Hồng Hoa" and hoa.middle_name == "Thị Hồng"
    assert Enrollment.objects.get(student__external_id="HS002").school_class.name == "3A2"
    assert list(CadreAssignment.objects.values_list("role", flat=True)) == ["deputy_monitor"]


def test_without_ids_people_match_by_name_and_birth_date(world):
    header = ["Họ và tên", "Giới tính", "Ngày sinh", "Lớp"]
    _run(world, xlsx_bytes([header, ["Nguyễn Thị Hoa", "Nữ", "05/09/2018", "3a1"]]))
    # Typed without accents the second time, and the class in lower case: still the same person.
    result = _run(world, xlsx_bytes([header, ["Nguyen Thi Hoa", "Nữ", "05/09/2018", "3A1"],
                                     ["Nguyễn Thị Hoa", "Nữ", "06/09/2018", "3A1"]]))
    assert (result.created, result.updated) == (1, 1)
    assert Student.objects.count() == 2
    assert SchoolClass.objects.count() == 1


def test_staff_import_and_update(world):
    header = ["Mã CB", "Họ và tên", "Giới tính", "Chức vụ", "Tổ chuyên môn", "Đạt chuẩn"]
    data = xlsx_bytes([header, ["CB1", "Lê Thị Mai", "Nữ", "Hiệu trưởng", "", "x"],
                       ["CB2", "Phan Văn Tú", "Nam", "Giáo viên", "Tổ 3", ""]])
    assert (_run(world, data).created) == 2
    mai = StaffMember.objects.get(external_id="CB1")
    assert (mai.position, mai.meets_new_standard, mai.sex) == ("principal", True, "F")
    data = xlsx_bytes([header, ["CB2", "Phan Văn Tú", "Nam", "Phó hiệu trưởng", "Tổ 3", "Có"]])
    assert (_run(world, data).updated) == 1
    tu = StaffMember.objects.get(external_id="CB2")
    assert (tu.position, tu.subject, tu.meets_new_standard) == ("vice_principal", "Tổ 3", True)
    assert StaffMember.objects.count() == 2
    assert Student.objects.count() == 0 and SchoolClass.objects.count() == 0


def test_dry_run_counts_and_writes_nothing(world):
    result = _run(world, students_xlsx(), dry_run=True)
    assert (result.created, result.updated) == (3, 0)
    assert Student.objects.count() == 0 and SchoolClass.objects.count() == 0
    assert not AuditEntry.objects.filter(action="people.roster_import").exists()


def test_failure_midway_leaves_nothing(world, monkeypatch):
    """A database error after some rows were written rolls every row back."""
    from binhdang.people.importing import services

    def broken(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(services, "_enroll", broken)
    with pytest.raises(RuntimeError):
        _run(world, students_xlsx())
    assert Student.objects.count() == 0
    assert SchoolClass.objects.count() == 0 and SchoolYear.objects.count() == 0


def test_only_schools_take_rosters(world):
    prepared = prepare(io.BytesIO(students_xlsx()))
    with pytest.raises(ValueError):
        roster_import(actor=None, unit=world.commune, rows=prepared.people, kind="students")


def test_existing_school_year_is_used(world):
    year = SchoolYear.objects.create(code="2026-2027", starts_on=dt.date(2026, 9, 1), ends_on=dt.date(2027, 5, 31))
    _run(world, students_xlsx())
    assert SchoolYear.objects.count() == 1
    assert set(Enrollment.objects.values_list("school_year", flat=True)) == {year.pk}



def test_no_query_per_row(world, django_assert_max_num_queries):
    rows = [[n, f"HS{n:04d}", f"Trần Văn {n}", "Nam", "01/01/2018", f"{1 + n % 5}A", ""] for n in range(600)]
    prepared = prepare(io.BytesIO(students_xlsx(rows)))
    with django_assert_max_num_queries(40):
        roster_import(actor=None, unit=world.school, rows=prepared.people, kind="students",
                      present=prepared.present)
    assert Enrollment.objects.count() == 600
    with django_assert_max_num_queries(40):  # the re-import: 600 updates, still batched
        roster_import(actor=None, unit=world.school, rows=prepared.people, kind="students",
                      present=prepared.present)
    assert Student.objects.count() == 600
