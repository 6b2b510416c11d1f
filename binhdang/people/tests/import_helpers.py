"""Builders of roster files for the import tests."""

import io
import unicodedata

from openpyxl import Workbook

STUDENT_HEADER = ["STT", "Mã học sinh", "Họ và tên", "Giới tính", "Ngày sinh", "Lớp", "Chức vụ lớp"]
STUDENTS = [
    [1, "HS001", "Nguyễn Thị Hoa", "Nữ", "05/09/2018", "3A1", "Lớp trưởng"],
    [2, "HS002", "Trần Văn Nam", "Nam", "12/01/2018", "3A1", ""],
    [3, "HS003", "Lê Đức Anh", "nam", "2018-03-07", "3A2", ""],
]


def xlsx_bytes(rows: list[list], title_rows: list[list] | None = None) -> bytes:
    workbook = Workbook()
    sheet = workbook.active
    for row in (title_rows or []) + rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def csv_bytes(rows: list[list], *, delimiter: str = ";", encoding: str = "utf-8-sig") -> bytes:
    lines = [delimiter.join("" if c is None else str(c) for c in row) for row in rows]
    text = "\r\n".join(lines) + "\r\n"
    if encoding == "cp1258":
        text = to_cp1258_form(text)
    return text.encode(encoding)


_TONES = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_cp1258_form(text: str) -> str:
    """Windows-1258 keeps tone marks as separate combining characters (ắ → ă + U+0301)."""
    out = []
    for ch in text:
        parts = unicodedata.normalize("NFD", ch)
        tones = [p for p in parts if p in _TONES]
        base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in _TONES))
        out.append(base + "".join(tones))
    return "".join(out)


def students_xlsx(rows=None) -> bytes:
    return xlsx_bytes([STUDENT_HEADER] + (STUDENTS if rows is None else rows))
