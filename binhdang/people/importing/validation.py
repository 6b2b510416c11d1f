"""Turn spreadsheet rows into checked person records, naming each problem by row and column.

Pure Python, no database: the same checks serve the preview page, the worker and the CLI.
"""

import datetime as dt
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from binhdang.lib.vntext import fold, header_key, nfc, split_full_name

from ..models import CadreRole, Position, Sex
from .headers import IGNORED, Column

# Excel counts days from 1899-12-30 (its 1900 leap-year bug included).
_EXCEL_EPOCH = dt.date(1899, 12, 30)
_EARLIEST_BIRTH = dt.date(1900, 1, 1)
_DATE_FORMATS = ("%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d")
_SPLIT_ROLES = re.compile(r"[,;/+]")
_MAX = {"family_name": 60, "middle_name": 60, "given_name": 60, "external_id": 40, "class_name": 30,
        "subject": 100}

SEX_VALUES = {"nam": Sex.MALE, "m": Sex.MALE, "male": Sex.MALE, "trai": Sex.MALE,
              "nu": Sex.FEMALE, "f": Sex.FEMALE, "female": Sex.FEMALE, "gai": Sex.FEMALE,
              "": Sex.NOT_RECORDED, "-": Sex.NOT_RECORDED}
POSITION_VALUES = {
    "hieu truong": Position.PRINCIPAL, "ht": Position.PRINCIPAL,
    "pho hieu truong": Position.VICE_PRINCIPAL, "p hieu truong": Position.VICE_PRINCIPAL,
    "pht": Position.VICE_PRINCIPAL, "p ht": Position.VICE_PRINCIPAL,
    "giao vien": Position.TEACHER, "gv": Position.TEACHER, "giao vien chu nhiem": Position.TEACHER,
    "gvcn": Position.TEACHER, "to truong chuyen mon": Position.TEACHER, "to truong": Position.TEACHER,
    "to pho": Position.TEACHER, "ttcm": Position.TEACHER, "giao vien bo mon": Position.TEACHER,
    "nhan vien": Position.STAFF, "nv": Position.STAFF, "ke toan": Position.STAFF,
    "van thu": Position.STAFF, "thu quy": Position.STAFF, "y te": Position.STAFF,
    "nhan vien y te": Position.STAFF, "thu vien": Position.STAFF, "bao ve": Position.STAFF,
    "phuc vu": Position.STAFF, "thiet bi": Position.STAFF, "nhan vien van phong": Position.STAFF,
    "tong phu trach doi": Position.PIONEER_LEADER, "tpt doi": Position.PIONEER_LEADER,
    "tong phu trach": Position.PIONEER_LEADER, "tpt": Position.PIONEER_LEADER,
    "giao vien tong phu trach doi": Position.PIONEER_LEADER,
}
CADRE_VALUES = {
    "lop truong": CadreRole.MONITOR, "lt": CadreRole.MONITOR,
    "lop pho": CadreRole.DEPUTY_MONITOR, "lp": CadreRole.DEPUTY_MONITOR,
    "lop pho hoc tap": CadreRole.DEPUTY_MONITOR, "lop pho van the": CadreRole.DEPUTY_MONITOR,
    "lop pho lao dong": CadreRole.DEPUTY_MONITOR, "lop pho ky luat": CadreRole.DEPUTY_MONITOR,
    "chi doi truong": CadreRole.PIONEER_CHIEF, "bi thu chi doan": CadreRole.YOUTH_SECRETARY,
    "bi thu": CadreRole.YOUTH_SECRETARY, "to truong": CadreRole.GROUP_LEADER,
    "chi huy lien doi": CadreRole.PIONEER_COUNCIL, "lien doi truong": CadreRole.PIONEER_COUNCIL,
    "chu tich hoi dong tu quan": CadreRole.MONITOR,
}
YES = {"co", "x", "dat", "1", "true", "yes", "da dat", "v"}
NO = {"khong", "chua", "chua dat", "0", "false", "no", "khong dat"}


@dataclass(frozen=True)
class RowError:
    row: int | None  # the row number as the spreadsheet shows it; None for the whole file
    column: str
    message: str

    def __str__(self) -> str:
        if self.row is None:
            return self.message
        if not self.column:
            return _("Dòng %(row)d: %(msg)s") % {"row": self.row, "msg": self.message}
        return _('Dòng %(row)d, cột "%(col)s": %(msg)s') % {"row": self.row, "col": self.column, "msg": self.message}

    def as_dict(self) -> dict:
        return {"row": self.row, "column": self.column, "message": self.message}


@dataclass
class PersonRow:
    row: int
    family_name: str
    middle_name: str
    given_name: str
    external_id: str = ""
    sex: str = Sex.NOT_RECORDED
    date_of_birth: dt.date | None = None
    class_name: str = ""
    position: str = Position.TEACHER
    subject: str = ""
    meets_new_standard: bool | None = None
    cadre_roles: list[str] = field(default_factory=list)

    @property
    def name_key(self) -> tuple[str, dt.date | None]:
        """The match key when there is no id: folded full name and date of birth."""
        return fold(" ".join(filter(None, (self.family_name, self.middle_name, self.given_name)))), self.date_of_birth


def id_key(external_id: str) -> str:
    """Ids compare without case: "hs001" and "HS001" are the same student."""
    return external_id.upper()


def cell_text(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)  # ids typed as numbers come back as 12345.0
    if isinstance(value, dt.datetime | dt.date):
        return value.strftime("%d/%m/%Y")
    return nfc(str(value))


def parse_date(value) -> dt.date | None:
    """A cell as a date; ValueError when it is not one. Blank is None."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError(value)
    if isinstance(value, int | float):
        if not 1 <= value < 80000:
            raise ValueError(value)
        return _EXCEL_EPOCH + dt.timedelta(days=int(value))
    text = nfc(str(value)).split(" ")[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValueError(value)


class _Row:
    """Reads one spreadsheet row through the column mapping, collecting errors."""

    def __init__(self, number: int, cells: list, columns: dict[str, Column], errors: list[RowError]):
        self.number, self.cells, self.columns, self.errors = number, cells, columns, errors

    def raw(self, name: str):
        column = self.columns.get(name)
        if column is None or column.index >= len(self.cells):
            return None
        return self.cells[column.index]

    def text(self, name: str) -> str:
        value = cell_text(self.raw(name))
        limit = _MAX.get(name)
        if limit and len(value) > limit:
            self.error(name, _("dài quá %(n)d ký tự") % {"n": limit})
            return value[:limit]
        return value

    def error(self, name: str, message: str) -> None:
        column = self.columns.get(name)
        self.errors.append(RowError(self.number, column.header if column else "", message))


def _names(r: _Row) -> tuple[str, str, str]:
    if "full_name" in r.columns:
        return split_full_name(r.text("full_name"))
    given = r.text("given_name")
    middle = r.text("middle_name")
    family = r.text("family_name")
    if "family_and_middle" in r.columns:
        # "Họ đệm" = "Nguyễn Thị": the first word is the family name, the rest the middle name.
        words = r.text("family_and_middle").split()
        family = words[0] if words else family
        middle = " ".join(filter(None, (" ".join(words[1:]), middle)))
    return family, middle, given


def _parse(r: _Row, kind: str) -> PersonRow:
    family, middle, given = _names(r)
    name_column = "full_name" if "full_name" in r.columns else "given_name"
    if not given:
        r.error(name_column, _("thiếu họ và tên"))
    person = PersonRow(r.number, family[:60], middle[:60], given[:60], external_id=r.text("external_id"))
    if "sex" in r.columns:
        value = cell_text(r.raw("sex"))
        sex = SEX_VALUES.get(fold(value))
        if sex is None:
            r.error("sex", _('giá trị "%(v)s" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)') % {"v": value})
        else:
            person.sex = sex
    if "date_of_birth" in r.columns:
        value = r.raw("date_of_birth")
        try:
            person.date_of_birth = parse_date(value)
        except ValueError:
            r.error("date_of_birth", _('"%(v)s" không phải ngày hợp lệ (dùng dd/mm/yyyy)') % {"v": cell_text(value)})
        else:
            born = person.date_of_birth
            if born and not _EARLIEST_BIRTH <= born <= dt.date.today():
                r.error("date_of_birth", _('ngày sinh "%(v)s" không hợp lý') % {"v": cell_text(value)})
    if kind == "students":
        person.class_name = r.text("class_name")
        if not person.class_name:
            r.error("class_name", _("thiếu tên lớp"))
        for part in _SPLIT_ROLES.split(cell_text(r.raw("cadre_role"))):
            if not part.strip():
                continue
            role = CADRE_VALUES.get(header_key(part))
            if role is None:
                r.error("cadre_role", _('không rõ chức vụ lớp "%(v)s" (ví dụ: Lớp trưởng, Lớp phó, '
                                        'Chi đội trưởng, Bí thư chi đoàn)') % {"v": part.strip()})
            elif role not in person.cadre_roles:
                person.cadre_roles.append(role)
    else:
        value = cell_text(r.raw("position"))
        # Unlisted positions (Kế toán trưởng, Phó chủ tịch Công đoàn…) are kept as "Khác".
        person.position = POSITION_VALUES.get(header_key(value), Position.OTHER) if value else Position.TEACHER
        person.subject = r.text("subject")
        value = cell_text(r.raw("meets_new_standard"))
        key = header_key(value)
        if key in YES:
            person.meets_new_standard = True
        elif key in NO:
            person.meets_new_standard = False
        elif key:
            r.error("meets_new_standard", _('giá trị "%(v)s" không hợp lệ (dùng Có hoặc Chưa, để trống '
                                            'nếu chưa rõ)') % {"v": value})
    return person


def validate_rows(rows: list[list], header_index: int, columns: list[Column],
                  kind: str) -> tuple[list[PersonRow], list[RowError]]:
    """Every data row under the header, checked; rows that are entirely blank are skipped."""
    mapped = {c.field: c for c in columns if c.field and c.field != IGNORED}
    errors: list[RowError] = []
    people: list[PersonRow] = []
    first_by_id: dict[str, int] = {}
    first_by_name: dict[tuple, int] = {}
    id_column = mapped["external_id"].header if "external_id" in mapped else ""
    for offset, cells in enumerate(rows[header_index + 1:]):
        if not any(c is not None for c in cells):
            continue
        number = header_index + offset + 2  # 1-based, as the spreadsheet shows it
        person = _parse(_Row(number, cells, mapped, errors), kind)
        if person.external_id:
            key = id_key(person.external_id)
            if key in first_by_id:
                errors.append(RowError(number, id_column, _('mã "%(id)s" trùng với dòng %(row)d') % {
                    "id": person.external_id, "row": first_by_id[key]}))
            first_by_id.setdefault(key, number)
        elif person.given_name:
            key = person.name_key
            if key in first_by_name:
                errors.append(RowError(number, "", _(
                    "trùng họ tên và ngày sinh với dòng %(row)d; thêm cột mã định danh để phân biệt"
                ) % {"row": first_by_name[key]}))
            first_by_name.setdefault(key, number)
        people.append(person)
    return people, errors
