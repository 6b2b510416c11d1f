"""`binhdang roster import`: the --json shape, --dry-run, errors and exit status."""

import json

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError

from binhdang.orgs.models import SchoolClass
from binhdang.people.models import Student

from .import_helpers import STUDENT_HEADER, STUDENTS, csv_bytes, students_xlsx
from .test_import_reading import PNG

pytestmark = pytest.mark.django_db


def _run(capsys, path, *extra):
    code = 0
    try:
        call_command("roster", "import", str(path), "--org", "truong-a", "--json", *extra)
    except SystemExit as exc:
        code = exc.code
    return code, json.loads(capsys.readouterr().out)


def test_json_shape_import_and_reimport(world, tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(students_xlsx())
    assert _run(capsys, path, "--dry-run") == (0, {"created": 3, "updated": 0, "errors": []})
    assert Student.objects.count() == 0
    assert _run(capsys, path) == (0, {"created": 3, "updated": 0, "errors": []})
    assert _run(capsys, path) == (0, {"created": 0, "updated": 3, "errors": []})
    assert Student.objects.count() == 3


def test_json_errors_exit_non_zero(world, tmp_path, capsys):
    rows = [list(r) for r in STUDENTS]
    rows[1][3] = "Nữa"
    path = tmp_path / "ds.csv"
    path.write_bytes(csv_bytes([STUDENT_HEADER, *rows]))
    code, output = _run(capsys, path)
    assert code == 1
    assert output == {"created": 0, "updated": 0, "errors": [{
        "row": 3, "column": "Giới tính",
        "message": 'giá trị "Nữa" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)'}]}
    assert Student.objects.count() == 0 and SchoolClass.objects.count() == 0


def test_wrong_type_file(world, tmp_path, capsys):
    path = tmp_path / "anh.xlsx"
    path.write_bytes(PNG)
    code, output = _run(capsys, path)
    assert code == 1
    assert output["created"] == 0 and output["errors"][0]["row"] is None
    assert output["errors"][0]["message"].startswith("Tệp không phải Excel hay CSV")


def test_text_output_and_unit_checks(world, tmp_path, capsys):
    path = tmp_path / "ds.xlsx"
    path.write_bytes(students_xlsx())
    call_command("roster", "import", str(path), "--org", "truong-a", "--kind", "students")
    assert "Đã nhập: thêm mới 3, cập nhật 0." in capsys.readouterr().out
    with pytest.raises(CommandError, match="không phải trường học"):
        call_command("roster", "import", str(path), "--org", "xa-a")
    with pytest.raises(CommandError, match="Không có đơn vị"):
        call_command("roster", "import", str(path), "--org", "khong-co")
