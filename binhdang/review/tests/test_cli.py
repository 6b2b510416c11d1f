"""`binhdang review FILE --json`: exactly the issue's JSON shape; errors in Vietnamese."""

import json

import pytest
from django.core.management import CommandError, call_command

from .samples import pdf_bytes
from .test_reading import TCVN3_BYTES

FLAG_KEYS = ["line", "page", "sentence", "rule", "explanation", "suggestion"]


def run(*args) -> str:
    from io import StringIO

    out = StringIO()
    call_command("review", *args, stdout=out)
    return out.getvalue()


def test_json_has_exactly_the_issue_shape(tmp_path):
    path = tmp_path / "bai.txt"
    path.write_text("Bài 1. Nhà em\nMẹ Lan là bác sĩ.\n\nĐàn ông không được khóc.\n", encoding="utf-8")
    data = json.loads(run(str(path), "--json"))
    assert list(data) == ["female_share", "characters", "occupations", "activities", "flags"]
    assert isinstance(data["characters"], dict) and isinstance(data["occupations"], list)
    assert isinstance(data["activities"], list)
    assert [list(flag) for flag in data["flags"]] == [FLAG_KEYS]
    flag = data["flags"][0]
    assert (flag["line"], flag["page"], flag["rule"]) == (4, None, "prescriptive")
    assert flag["sentence"] == "Đàn ông không được khóc." and flag["suggestion"] == "Mọi người đều có thể khóc."
    assert data["female_share"] == 1.0  # mẹ Lan; the group "đàn ông" is nobody in particular


def test_legacy_file_and_summary_output(tmp_path):
    path = tmp_path / "cu.txt"
    path.write_bytes(TCVN3_BYTES)
    out = run(str(path))
    assert "TCVN3" in out and "Con gái phải biết nấu ăn" in out


@pytest.mark.parametrize("name, data, message", [
    ("scan.pdf", pdf_bytes([[]]), "PDF scan"),
    ("rong.txt", b"", "rỗng"),
])
def test_unreadable_file_is_a_command_error(tmp_path, name, data, message):
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(CommandError, match=message):
        run(str(path), "--json")
