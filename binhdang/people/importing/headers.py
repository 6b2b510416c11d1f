"""Recognise roster columns from their headers, whatever their case, accents or spacing.

Headers are compared by binhdang.lib.vntext.header_key ("Họ và Tên " → "ho va ten").
The header row may sit under a title block: it is searched for in the first rows.
"""

import re
from dataclasses import asdict, dataclass

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from binhdang.lib.vntext import header_key

HEADER_SEARCH_ROWS = 15

# Fields a column can hold; "" means the column is ignored.
FIELD_LABELS = {
    "full_name": gettext_lazy("Họ và tên"),
    "family_name": gettext_lazy("Họ"),
    "family_and_middle": gettext_lazy("Họ và tên đệm"),
    "middle_name": gettext_lazy("Tên đệm"),
    "given_name": gettext_lazy("Tên"),
    "sex": gettext_lazy("Giới tính"),
    "date_of_birth": gettext_lazy("Ngày sinh"),
    "class_name": gettext_lazy("Lớp"),
    "external_id": gettext_lazy("Mã định danh"),
    "position": gettext_lazy("Chức vụ"),
    "cadre_role": gettext_lazy("Chức vụ lớp"),
    "subject": gettext_lazy("Môn / tổ chuyên môn"),
    "meets_new_standard": gettext_lazy("Đạt chuẩn"),
}
# Known columns that carry nothing to import (row numbers, notes).
IGNORED = "ignored"

_SYNONYMS = {
    "full_name": ["họ và tên", "họ tên", "họ và tên học sinh", "họ tên học sinh", "tên học sinh",
                  "họ và tên cán bộ", "họ và tên giáo viên", "họ tên giáo viên", "họ và tên cbgvnv",
                  "họ và tên cb gv nv", "học sinh", "cán bộ giáo viên"],
    "family_name": ["họ"],
    "family_and_middle": ["họ đệm", "họ và đệm", "họ và tên đệm", "họ tên đệm", "họ lót"],
    "middle_name": ["tên đệm", "đệm", "chữ đệm", "tên lót"],
    "given_name": ["tên", "tên gọi"],
    "sex": ["giới tính", "giới", "nam/nữ", "nam nữ", "phái"],
    "date_of_birth": ["ngày sinh", "ngày tháng năm sinh", "ngày, tháng, năm sinh", "sinh ngày",
                      "ngày/tháng/năm sinh", "ns"],
    "class_name": ["lớp", "tên lớp", "lớp học"],
    "external_id": ["mã học sinh", "mã định danh", "mã hs", "mã cb", "mã cán bộ", "số định danh",
                    "mã định danh cá nhân", "số định danh cá nhân", "mã", "id", "mã giáo viên",
                    "mã gv", "mã nhân viên", "mã số", "mã csdl", "mã định danh bộ gd đt"],
    "position": ["chức vụ", "chức danh", "vị trí việc làm", "chức vụ chức danh"],
    "cadre_role": ["chức vụ lớp", "cán bộ lớp", "chức vụ trong lớp", "chức vụ đội", "chức vụ đoàn đội"],
    "subject": ["môn", "môn dạy", "tổ chuyên môn", "tổ", "bộ môn", "môn giảng dạy", "tổ bộ môn",
                "chuyên môn", "môn học"],
    "meets_new_standard": ["đạt chuẩn", "đạt chuẩn trình độ", "đạt chuẩn mới", "trình độ đạt chuẩn",
                           "đạt chuẩn đào tạo", "đạt chuẩn trình độ đào tạo"],
    IGNORED: ["stt", "tt", "số thứ tự", "ghi chú", "số tt"],
}
SYNONYMS: dict[str, str] = {header_key(s): field for field, words in _SYNONYMS.items() for s in words}
_PARENTHESIS = re.compile(r"\([^)]*\)")


class HeaderError(Exception):
    """No usable header row or a wrong mapping; the message is for the user."""


@dataclass
class Column:
    index: int
    header: str
    field: str  # a key of FIELD_LABELS, IGNORED, or "" for an unknown column

    @property
    def known(self) -> bool:
        return bool(self.field)


def field_for(header: str) -> str:
    """The field a header names, IGNORED for row numbers and notes, "" when unknown."""
    key = header_key(_PARENTHESIS.sub(" ", str(header)))
    if not key:
        return ""
    if key in SYNONYMS:
        return SYNONYMS[key]
    # "Ngày sinh dd mm yyyy", "Họ và tên học sinh lớp 3": a multi-word synonym and a tail.
    for synonym in sorted(SYNONYMS, key=len, reverse=True):
        if " " in synonym and key.startswith(synonym + " "):
            return SYNONYMS[synonym]
    return ""


def _cell_text(value) -> str:
    return "" if value is None else str(value).strip()


def _has_name(fields: set[str]) -> bool:
    return "full_name" in fields or "given_name" in fields


def find_header_row(rows: list[list]) -> int:
    """Index of the header row: the first of the first rows naming a person and most columns."""
    best, best_score = None, 0
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        fields = {field_for(_cell_text(c)) for c in row if _cell_text(c)} - {"", IGNORED}
        if _has_name(fields) and len(fields) > best_score:
            best, best_score = index, len(fields)
    if best is None:
        raise HeaderError(_(
            'Không tìm thấy dòng tiêu đề trong %(n)d dòng đầu: cần một cột "Họ và tên" '
            '(hoặc hai cột "Họ" và "Tên").'
        ) % {"n": HEADER_SEARCH_ROWS})
    return best


def detect_columns(header_row: list) -> list[Column]:
    columns = []
    seen: set[str] = set()
    for index, value in enumerate(header_row):
        header = _cell_text(value)
        if not header:
            continue
        field = field_for(header)
        # A second column with the same meaning stays unmapped for the user to decide.
        if field and field != IGNORED and field in seen:
            field = ""
        seen.add(field)
        columns.append(Column(index, header, field))
    return columns


def detect_kind(columns: list[Column]) -> str | None:
    """"students" when there is a class column, "staff" with a position column, else None."""
    fields = {c.field for c in columns}
    if "class_name" in fields:
        return "students"
    if "position" in fields or "subject" in fields or "meets_new_standard" in fields:
        return "staff"
    return None


def check_mapping(columns: list[Column], kind: str) -> None:
    """Raise HeaderError when a field is given twice or the name is missing."""
    by_field: dict[str, Column] = {}
    for column in columns:
        if not column.field or column.field == IGNORED:
            continue
        if column.field not in FIELD_LABELS:
            raise HeaderError(_('Cột "%(c)s": không rõ trường "%(f)s".') % {"c": column.header, "f": column.field})
        if column.field in by_field:
            raise HeaderError(_('Cột "%(a)s" và cột "%(b)s" cùng được gán là "%(f)s": hãy bỏ qua một cột.') % {
                "a": by_field[column.field].header, "b": column.header, "f": FIELD_LABELS[column.field]})
        by_field[column.field] = column
    if not _has_name(set(by_field)):
        raise HeaderError(_('Thiếu cột "Họ và tên" (hoặc hai cột "Họ" và "Tên").'))
    if kind == "students" and "class_name" not in by_field:
        raise HeaderError(_('Danh sách học sinh cần cột "Lớp".'))


def columns_to_json(columns: list[Column]) -> list[dict]:
    return [asdict(c) for c in columns]


def columns_from_json(data: list[dict]) -> list[Column]:
    return [Column(int(d["index"]), str(d["header"]), str(d["field"])) for d in data]
