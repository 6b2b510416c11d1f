"""Read the first sheet of an XLSX/XLS/ODS workbook or a CSV file into rows of cell values.

The type is decided by the file's content, never by its name: schools rename files freely.
"""

import csv
import io
from typing import IO

from django.utils.translation import gettext as _
from python_calamine import CalamineError, CalamineWorkbook

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
# Enough of the start of a CSV file to decide its delimiter.
_SNIFF_CHARS = 64 * 1024


class ReadError(Exception):
    """The file as a whole cannot be used; the message is for the user."""


def detect_type(head: bytes) -> str:
    """"zip" (XLSX, ODS), "xls" (OLE) or "csv"; a CSV is checked to be text when decoded."""
    if head.startswith(ZIP_MAGIC):
        return "zip"
    if head.startswith(OLE_MAGIC):
        return "xls"
    return "csv"


def read_rows(source: IO[bytes]) -> list[list]:
    """All rows of the first sheet, cells as str/int/float/bool/date/datetime/None."""
    data = source.read()
    if not data or not data.strip():
        raise ReadError(_("Tệp trống: không có dữ liệu nào."))
    kind = detect_type(data[:8])
    if kind == "csv":
        rows = _read_csv(data)
    else:
        rows = _read_workbook(data)
    rows = [_trim(row) for row in rows]
    if not any(rows):
        raise ReadError(_("Tệp trống: không có dữ liệu nào."))
    return rows


def _not_a_roster() -> ReadError:
    return ReadError(_("Tệp không phải Excel hay CSV: hãy chọn tệp .xlsx, .xls, .ods hoặc .csv."))


def _read_workbook(data: bytes) -> list[list]:
    try:
        workbook = CalamineWorkbook.from_object(io.BytesIO(data))
        if not workbook.sheet_names:
            raise _not_a_roster()
        sheet = workbook.get_sheet_by_index(0)
        return [list(row) for row in sheet.to_python(skip_empty_area=False)]
    except (CalamineError, ValueError, OSError) as exc:
        # A zip or OLE file that calamine cannot open (a .docx, a broken download).
        raise _not_a_roster() from exc


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with BOM, else Windows-1258 (old Vietnamese Excel)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    if b"\x00" in data:
        raise _not_a_roster()
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise _not_a_roster() from exc
    # Control characters other than tab/newline mean a binary file, not text.
    controls = sum(1 for ch in text[:4096] if ord(ch) < 32 and ch not in "\t\r\n")
    if controls:
        raise _not_a_roster()
    return text


def sniff_delimiter(text: str) -> str:
    """; (Excel in Vietnamese locale), , or tab: the one found most on the first lines."""
    lines = [line for line in text[:_SNIFF_CHARS].splitlines()[:20] if line.strip()]
    counts = {d: sum(line.count(d) for line in lines) for d in (";", ",", "\t")}
    best = max(counts, key=counts.get)
    return best if counts[best] else ","


def _read_csv(data: bytes) -> list[list]:
    text = decode_text(data)
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sniff_delimiter(text))
    try:
        return [[cell if cell.strip() else None for cell in row] for row in reader]
    except csv.Error as exc:
        raise ReadError(_("Không đọc được tệp CSV: %(reason)s") % {"reason": exc}) from exc


def _trim(row: list) -> list:
    """Blank strings become None and trailing empty cells go."""
    cells = [None if (isinstance(c, str) and not c.strip()) or c == "" else c for c in row]
    while cells and cells[-1] is None:
        cells.pop()
    return cells
