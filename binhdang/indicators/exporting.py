"""Tables of the dashboards as CSV and XLSX: the rows the page shows, with Vietnamese headers for
people and the machine columns (`org`, `indicator`, `period`, `disaggregation`, `numerator`,
`denominator`, `value`) for programs. The CLI export writes the machine columns only."""

import csv
import io
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import Workbook

from binhdang.orgs.models import OrgUnit

from .selectors import Figure

MACHINE_COLUMNS = ["org", "indicator", "period", "disaggregation", "numerator", "denominator", "value"]
FORMATS = ("csv", "xlsx")


def disaggregation_label(key: str) -> str:
    labels = {"": _("Tổng"), "sex=F": _("Nữ"), "sex=M": _("Nam")}
    return labels.get(key, key)


@dataclass
class Line:
    """One row of a page's table and of its export."""

    unit: OrgUnit
    disaggregation: str
    figure: Figure
    period: str

    @property
    def label(self) -> str:
        return disaggregation_label(self.disaggregation)

    def machine(self) -> list:
        cell = self.figure
        value = cell.rounded(2)
        return [self.unit.code, cell.indicator.code, self.period, self.disaggregation,
                "" if cell.numerator is None else cell.numerator,
                "" if cell.denominator is None else cell.denominator,
                "" if value is None else _plain(value)]

    def human(self) -> list:
        cell = self.figure
        return [self.unit.name, cell.indicator.name, self.period, disaggregation_label(self.disaggregation),
                cell.shown, cell.indicator.unit_label]


def _plain(value: Decimal) -> Decimal | int:
    return int(value) if value == value.to_integral_value() else value


def human_headers() -> list[str]:
    return [_("Đơn vị"), _("Chỉ số"), _("Kỳ"), _("Phân tổ"), _("Giá trị hiển thị"), _("Đơn vị tính")]


def table(lines: list[Line], *, machine_only: bool = False) -> list[list]:
    head = MACHINE_COLUMNS if machine_only else [*human_headers(), *MACHINE_COLUMNS]
    body = [line.machine() if machine_only else [*line.human(), *line.machine()] for line in lines]
    return [head, *body]


def to_csv(rows: list[list]) -> bytes:
    out = io.StringIO()
    out.write("\ufeff")  # spreadsheet programs then read the Vietnamese letters as UTF-8
    writer = csv.writer(out)
    for row in rows:
        writer.writerow([str(c) if isinstance(c, Decimal) else c for c in row])
    return out.getvalue().encode("utf-8")


def to_xlsx(rows: list[list], title: str) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = title[:31]  # Excel's limit on sheet names
    for row in rows:
        # Numbers stay numbers (float for the rounded rates) so the sheet can compute with them.
        sheet.append([float(c) if isinstance(c, Decimal) else c for c in row])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def render(rows: list[list], fmt: str, title: str) -> tuple[bytes, str]:
    """(file bytes, content type) of `rows` in `fmt` ("csv" or "xlsx")."""
    if fmt == "csv":
        return to_csv(rows), "text/csv; charset=utf-8"
    return to_xlsx(rows, title), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
