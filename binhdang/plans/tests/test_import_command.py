"""`binhdang plan import FILE --json` on both seeds, and bad files refused with a message."""

import io
import json
import re
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command

from binhdang.plans.seeds import seed_dir

SEEDS = seed_dir() or Path("seeds-not-found")  # tests then fail on the missing file, naming it
KEYS = {"issuer", "number", "place", "date", "title", "citations", "sections", "tasks", "targets",
        "recipients", "signer", "unparsed"}


def _run(path) -> dict:
    out = io.StringIO()
    call_command("plan", "import", str(path), "--json", stdout=out)
    return json.loads(out.getvalue())


def test_seed_000_json_shape_and_content():
    data = _run(SEEDS / "000_b75ea42580e22e9e.txt")
    assert KEYS <= set(data)
    assert data["signer"] == {"authority": "", "position": "HIỆU TRƯỞNG", "name": "Nguyễn Ngọc Chín"}
    assert len(data["tasks"]) == 5
    assert len(data["recipients"]) == 4
    numbers = {c["number"] for c in data["citations"]}
    assert {"6830/KH-UBND", "559/SGDĐT-CTHSSV", "09-CTr/TU", "1550/KH-UBND"} <= numbers
    assert set(data["citations"][0]) >= {"number", "kind", "date", "issuer", "title"}
    assert set(data["sections"][0]) >= {"heading", "items"}


def test_seed_001_has_no_invented_signer():
    data = _run(SEEDS / "001_1e38a6a36f82991c.txt")
    assert data["signer"] is None
    assert len(data["targets"]) == 4
    assert any("Phòng GD-ĐT" in r["name"] for r in data["recipients"])


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("trong.txt", b"", "rỗng"),
        ("gia.docx", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "nội dung không phải Word"),
        ("hong.docx", b"PK\x03\x04" + b"rac" * 100, "không phải tệp Word (.docx) hợp lệ"),
        ("anh.txt", b"\x89PNG\r\n\x1a\n" + b"\x00" * 200, "không phải văn bản"),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word 97–2003"),
        ("thu.txt", "Chào cả nhà, hẹn gặp lại vào thứ Bảy.\nMang theo áo mưa.".encode(), "Không nhận ra cấu trúc"),
    ],
)
def test_bad_files_are_refused_with_a_message(tmp_path, name, content, message):
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(CommandError, match=re.escape(message)):
        _run(path)


def test_file_above_the_limit_is_refused(tmp_path, settings):
    settings.MAX_UPLOAD_MB = 20
    path = tmp_path / "lon.txt"
    path.write_bytes(b"KE HOACH\n" + b"a" * (20 * 1024 * 1024 + 1))
    with pytest.raises(CommandError, match="Tệp quá lớn"):
        _run(path)
