"""From an uploaded file to checked rows: read, find the header, map columns, validate."""

from dataclasses import dataclass, field
from typing import IO

from django.utils.translation import gettext as _

from .headers import (
    Column,
    HeaderError,
    check_mapping,
    detect_columns,
    detect_kind,
    find_header_row,
)
from .reading import ReadError, read_rows
from .validation import PersonRow, RowError, cell_text, validate_rows

KINDS = ("students", "staff")
PREVIEW_ROWS = 20


class FileProblem(Exception):
    """The file cannot be imported at all (wrong type, empty, no header, no data rows)."""


@dataclass
class Prepared:
    kind: str
    columns: list[Column]
    header_index: int
    people: list[PersonRow]
    errors: list[RowError]
    preview: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def present(self) -> frozenset[str]:
        """Fields the file provides; the others are left as they are on existing people."""
        return frozenset(c.field for c in self.columns if c.field)


def prepare(source: IO[bytes], *, kind: str | None = None, columns: list[Column] | None = None) -> Prepared:
    """Read and check a roster. `columns` is a mapping the user already confirmed.

    Raises FileProblem for a file that cannot be used at all; row problems are returned.
    """
    try:
        rows = read_rows(source)
        header_index = find_header_row(rows)
        if columns is None:
            columns = detect_columns(rows[header_index])
        kind = kind or detect_kind(columns)
        if kind not in KINDS:
            raise HeaderError(_('Không rõ đây là danh sách học sinh hay cán bộ: thêm cột "Lớp" hoặc '
                                '"Chức vụ", hoặc chọn loại danh sách.'))
        if kind == "students":
            # In a class list "Chức vụ" means the student's cadre role.
            fields = {c.field for c in columns}
            for column in columns:
                if column.field == "position" and "cadre_role" not in fields:
                    column.field = "cadre_role"
        check_mapping(columns, kind)
    except (ReadError, HeaderError) as exc:
        raise FileProblem(str(exc)) from exc
    people, errors = validate_rows(rows, header_index, columns, kind)
    if not people:
        raise FileProblem(_("Tệp chỉ có dòng tiêu đề, không có dòng dữ liệu nào (0 dòng)."))
    preview = []
    for offset, cells in enumerate(rows[header_index + 1:]):
        if len(preview) == PREVIEW_ROWS:
            break
        if any(c is not None for c in cells):
            preview.append((header_index + offset + 2, [cell_text(c) for c in cells]))
    return Prepared(kind, columns, header_index, people, errors, preview)

