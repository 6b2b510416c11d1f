"""Roster import benchmark: the real import against a bare "read and bulk_create" baseline.

    .venv/bin/python benchmarks/roster_import.py [--rows 100000]

Runs on a temporary SQLite database (its own var/ directory), generates a student roster
XLSX with openpyxl, then times, on the same file:

  baseline  python-calamine reads the sheet; each row becomes a Student with its name split
            and sort_key/search_text computed (refresh_derived); Student.objects.bulk_create
            in one transaction. No header recognition, no validation, no classes, no
            enrollments, no matching against existing people.
  import    the real path (binhdang.people.importing): header detection, full validation,
            matching against existing people, SchoolClass + Enrollment rows, audit row, one
            transaction. The database is emptied of students between the two runs.
  re-import the same file again: every row matched and left unchanged (no duplicates).

Prints rows/second for each and the ratio of the import's time to the baseline's.
"""

import argparse
import datetime as dt
import random
import tempfile
import time
from pathlib import Path

from _django import django_in  # benchmarks/ is on sys.path when a script runs

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô"]
MIDDLE_F = ["Thị", "Thị Thu", "Ngọc", "Thị Minh", "Khánh", "Thu", "Bảo"]
MIDDLE_M = ["Văn", "Đức", "Minh", "Quốc", "Gia", "Hữu", "Thành"]
GIVEN_F = ["Hoa", "Lan", "Hương", "Trang", "Linh", "Ngân", "Thảo", "Vy", "Anh", "Hà", "Mai"]
GIVEN_M = ["Nam", "Hùng", "Dũng", "Khoa", "Huy", "Phúc", "Long", "Tuấn", "Anh", "Bình", "Sơn"]




def _write_roster(path: Path, rows: int) -> None:
    from openpyxl import Workbook

    rng = random.Random(2026)
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet("Danh sách")
    sheet.append(["DANH SÁCH HỌC SINH NĂM HỌC 2026-2027"])
    sheet.append([])
    sheet.append(["STT", "Mã học sinh", "Họ và tên", "Giới tính", "Ngày sinh", "Lớp"])
    for n in range(1, rows + 1):
        female = rng.random() < 0.49
        name = " ".join([rng.choice(FAMILY), rng.choice(MIDDLE_F if female else MIDDLE_M),
                         rng.choice(GIVEN_F if female else GIVEN_M)])
        grade = rng.randint(1, 5)
        born = dt.datetime(2026 - 6 - grade, rng.randint(1, 12), rng.randint(1, 28))
        sheet.append([n, f"HS{n:07d}", name, "Nữ" if female else "Nam", born, f"{grade}A{rng.randint(1, 8)}"])
    workbook.save(path)


def _baseline(path: Path, unit) -> int:
    from django.db import transaction
    from python_calamine import CalamineWorkbook

    from binhdang.lib.vntext import split_full_name
    from binhdang.people.models import Student

    sheet = CalamineWorkbook.from_path(str(path)).get_sheet_by_index(0)
    students = []
    for row in sheet.to_python()[3:]:
        family, middle, given = split_full_name(row[2])
        student = Student(unit=unit, external_id=row[1], family_name=family, middle_name=middle,
                          given_name=given, sex="F" if row[3] == "Nữ" else "M", date_of_birth=row[4])
        student.refresh_derived()
        students.append(student)
    with transaction.atomic():
        Student.objects.bulk_create(students, batch_size=2000)
    return len(students)


def _real(path: Path, unit) -> tuple[int, int, int]:
    from binhdang.people.importing.pipeline import prepare
    from binhdang.people.importing.services import roster_import

    with path.open("rb") as handle:
        prepared = prepare(handle)
    if prepared.errors:
        raise SystemExit(f"unexpected problems in the generated file: {prepared.errors[:3]}")
    result = roster_import(actor=None, unit=unit, rows=prepared.people, kind=prepared.kind,
                           present=prepared.present)
    return len(prepared.people), result.created, result.updated


def _timed(function, *args):
    start = time.perf_counter()
    value = function(*args)
    return value, time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory(prefix="binhdang-bench-") as tmp_name:
        tmp = Path(tmp_name)
        django_in(tmp)
        from django.db import connection

        from binhdang.orgs.services import org_unit_create
        from binhdang.people.models import Enrollment, Student

        unit = org_unit_create(actor=None, acting_unit=None, code="truong-bench", name="Trường Tiểu học Bench",
                               kind="school", parent=None, school_level="primary")
        roster = tmp / "roster.xlsx"
        _, seconds = _timed(_write_roster, roster, rows)
        print(f"generated {rows:,} rows ({roster.stat().st_size / 1e6:.1f} MB) in {seconds:.1f} s")

        count, base = _timed(_baseline, roster, unit)
        assert Student.objects.count() == count == rows
        with connection.cursor() as cursor:  # fresh state for the real import
            cursor.execute(f"DELETE FROM {Student._meta.db_table}")
        (count, created, updated), real = _timed(_real, roster, unit)
        assert (created, updated) == (rows, 0) and Student.objects.count() == rows
        assert Enrollment.objects.count() == rows
        (_, created, updated), again = _timed(_real, roster, unit)
        assert (created, updated) == (0, rows) and Student.objects.count() == rows

        print(f"baseline  (calamine + bulk_create): {base:7.2f} s  {rows / base:9,.0f} rows/s")
        print(f"import    (binhdang roster import): {real:7.2f} s  {rows / real:9,.0f} rows/s")
        print(f"re-import (same file, all updates): {again:7.2f} s  {rows / again:9,.0f} rows/s")
        ratio = real / base
        print(f"ratio import/baseline: {ratio:.2f}x (aim: within 2x) {'OK' if ratio <= 2 else 'SLOWER THAN AIM'}")


if __name__ == "__main__":
    main()
