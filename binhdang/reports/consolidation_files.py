"""The consolidation as files: a Nghị định 30 report of the issuer (DOCX, through the shared
renderer) and its XLSX annex (indicators, each school's status, activities by school). The text is
Vietnamese whatever the interface language: an official document, as activities/campaign_report.py."""

from __future__ import annotations

import io

from django.conf import settings
from django.utils import timezone
from openpyxl import Workbook

from binhdang.activities.campaign_report import _sexes, report_place
from binhdang.documents.codes import DocType, code_for, number_line
from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.spec import Bullet, Heading, OfficialDocument, Paragraph, Recipient, Signer, Table
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgKind
from binhdang.plans.workflow import VIETNAM

from .consolidation import Consolidation
from .drafting import disaggregation_label
from .tracking import LATE, MISSING, NOT_DUE, ON_TIME, RETURNED

STATE_LABEL = {ON_TIME: "Đúng hạn", LATE: "Trễ hạn", RETURNED: "Bị trả lại, chờ nộp lại",
               MISSING: "Quá hạn chưa nộp", NOT_DUE: "Chưa đến hạn"}
SIGNER = {OrgKind.COMMUNE: "CHỦ TỊCH", OrgKind.DEPARTMENT: "GIÁM ĐỐC"}


# The report names this many missing units and this many schools' highlights; the annex has them all.
MISSING_SHOWN = 30
HIGHLIGHT_SCHOOLS = 15


def _number(n: int) -> str:
    """1234 → "1.234" (Vietnamese thousands separator)."""
    return f"{n:,}".replace(",", ".")


def _value(cell) -> str:
    unit = f" {cell.indicator.unit_label}" if cell.indicator.unit_label and cell.value is not None else ""
    return f"{cell.shown}{unit}"


def _indicator_table(own) -> Table:
    rows = tuple((nfc(cell.indicator.name), disaggregation_label(key), _value(cell),
                  f"{cell.numerator_shown}/{cell.denominator_shown}" if cell.indicator.is_rate else "")
                 for key, cell in own)
    return Table(("Chỉ số", "Phân tổ", "Giá trị", "Tử số/Mẫu số"), rows, widths=(5, 2, 1.6, 1.8))


def _activity_table(data: Consolidation) -> Table:
    rows = [(nfc(r.school.name), _number(r.activities), _number(r.by_sex["F"]), _number(r.by_sex["M"]),
             _number(r.by_sex["U"]), _number(r.participants)) for r in data.by_child]
    totals = data.activity_totals
    rows.append(("Tổng cộng", _number(totals["activities"]), _number(totals["F"]), _number(totals["M"]),
                 _number(totals["U"]), _number(totals["F"] + totals["M"] + totals["U"])))
    return Table(("Đơn vị", "Số hoạt động", "Nữ", "Nam", "Chưa rõ", "Tổng lượt"), tuple(rows),
                 widths=(4.4, 1.6, 1.2, 1.2, 1.2, 1.4))


def _protection(data: Consolidation) -> list:
    totals = data.protection
    if totals is None:
        return []
    shown = "dưới ngưỡng công bố" if totals.total.suppressed else _number(totals.total.count)
    return [Heading(1, "PHÒNG NGỪA, HỖ TRỢ HỌC SINH", "IV."), Paragraph(
        f"Số vụ việc được các trường tiếp nhận và hỗ trợ trong thời gian báo cáo (đã có sự đồng ý thống kê): "
        f"{shown}. Số liệu dưới {settings.BINHDANG_SUPPRESS_BELOW} không công bố để bảo vệ học sinh.")]


def document(data: Consolidation) -> OfficialDocument:
    request, unit = data.request, data.unit
    body = [Heading(1, "TÌNH HÌNH NỘP BÁO CÁO", "I.")]
    expected, missing = len(data.tracking_rows), len(data.missing)
    body.append(Paragraph(f"Số đơn vị phải báo cáo: {expected}; đã nộp: {expected - missing}; "
                          f"chưa nộp: {missing}."))
    if data.missing:
        body.append(Paragraph("Các đơn vị chưa nộp báo cáo:"))
        body += [Bullet(nfc(school.name)) for school in data.missing[:MISSING_SHOWN]]
        if missing > MISSING_SHOWN:
            body.append(Paragraph(f"Và {missing - MISSING_SHOWN} đơn vị khác (danh sách đầy đủ tại Phụ lục, "
                                  f"trang “Tình trạng nộp”)."))
    body.append(Heading(1, "KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG", "II."))
    totals = data.activity_totals
    body.append(Paragraph(f"Từ ngày {request.covers_from:%d/%m/%Y} đến ngày {request.covers_to:%d/%m/%Y}, các "
                          f"đơn vị đã tổ chức {_number(totals['activities'])} hoạt động; số lượt người tham gia: "
                          f"{_sexes({s: totals[s] for s in ('F', 'M', 'U')})}. Chi tiết theo đơn vị trực thuộc:"))
    body.append(_activity_table(data))
    body.append(Heading(1, "CÁC CHỈ SỐ", "III."))
    own = data.own_figures
    if own:
        body.append(Paragraph(f"Số liệu năm học {request.period} của toàn {unit.name} (tỷ lệ tính trên tổng tử số "
                              f"và tổng mẫu số của các trường):"))
        body.append(_indicator_table(own))
    else:
        body.append(Paragraph(f"Chưa có số liệu chỉ số năm học {request.period}."))
    body += _protection(data)
    body.append(Heading(1, "HOẠT ĐỘNG NỔI BẬT", "V."))
    for school, lines in data.highlights[:HIGHLIGHT_SCHOOLS]:
        body.append(Paragraph(f"{nfc(school.name)}:"))
        body += [Bullet(line) for line in lines]
    if len(data.highlights) > HIGHLIGHT_SCHOOLS:
        body.append(Paragraph(f"Hoạt động nổi bật của {len(data.highlights) - HIGHLIGHT_SCHOOLS} đơn vị khác: xem "
                              f"Phụ lục, trang “Nổi bật”."))
    if not data.highlights:
        body.append(Paragraph("Các báo cáo đã nộp chưa nêu hoạt động nổi bật."))
    code = code_for(DocType.REPORT, unit.short_name) if unit.short_name.strip() else "BC"
    parent = unit.parent.name.upper() if unit.parent_id else ""
    return OfficialDocument(
        parent_body=parent, issuer=unit.name, number_code=number_line(None, code), place=report_place(unit),
        date=None, year=request.due_on.year,  # the blank date line: the year it is due
        doc_type_title="BÁO CÁO", summary=f"Tổng hợp {nfc(request.title)}",
        intro=(f"Thực hiện yêu cầu báo cáo “{nfc(request.title)}” năm học {request.period}, {unit.name} tổng hợp "
               f"báo cáo của các đơn vị như sau:"),
        body=body, closing=f"Trên đây là báo cáo tổng hợp của {unit.name}.",
        signer=Signer(position=SIGNER.get(unit.kind, "THỦ TRƯỞNG ĐƠN VỊ"), name=""),
        recipients=[*([Recipient(unit.parent.name, "để báo cáo")] if unit.parent_id else []), Recipient.archive()],
    )


def render_consolidation_docx(data: Consolidation) -> bytes:
    return render_docx(document(data))


def render_consolidation_xlsx(data: Consolidation) -> bytes:
    # Write-only: rows stream to the file (a province's annex has tens of thousands of rows).
    book = Workbook(write_only=True)
    sheet = book.create_sheet("Chỉ số")
    sheet.append(["Đơn vị", "Mã chỉ số", "Chỉ số", "Phân tổ", "Tử số", "Mẫu số", "Giá trị"])
    for unit, key, cell in data.figures:
        value = cell.rounded(2)
        sheet.append([unit.name, cell.indicator.code, cell.indicator.name, disaggregation_label(key),
                      cell.numerator if not cell.suppressed else cell.numerator_shown, cell.denominator,
                      float(value) if value is not None else cell.shown])
    status = book.create_sheet("Tình trạng nộp")
    status.append(["Đơn vị", "Mã", "Phiên bản", "Số, ký hiệu", "Nộp lúc", "Theo dõi"])
    for row in data.tracking_rows:
        report = row["report"]
        submitted = (timezone.localtime(report.submitted_at, VIETNAM).strftime("%d/%m/%Y %H:%M")
                     if report and report.submitted_at else "")
        status.append([row["school"].name, row["school"].code, report.version if report else "",
                       report.number if report else "", submitted, STATE_LABEL[row["state"]]])
    work = book.create_sheet("Hoạt động")
    work.append(["Đơn vị", "Mã", "Số hoạt động", "Nữ", "Nam", "Chưa rõ", "Tổng lượt tham gia"])
    for row in data.activities:
        work.append([row.school.name, row.school.code, row.activities, row.by_sex["F"], row.by_sex["M"],
                     row.by_sex["U"], row.participants])
    highlights = book.create_sheet("Nổi bật")
    highlights.append(["Đơn vị", "Mã", "Hoạt động nổi bật"])
    for school, lines in data.highlights:
        for line in lines:
            highlights.append([school.name, school.code, line])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_stem(data: Consolidation) -> str:
    return f"tong-hop-{data.request.uid}"
