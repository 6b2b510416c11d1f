"""The consolidation as files: a Nghị định 30 report of the issuer (DOCX, through the shared
renderer) and its XLSX annex (indicators, each school's status, activities by school). The text is
Vietnamese whatever the interface language: an official document, as activities/campaign_report.py."""

from __future__ import annotations

import io

from django.utils import timezone
from openpyxl import Workbook

from binhdang.activities.campaign_report import _sexes, report_place
from binhdang.documents.codes import DocType, code_for, number_line
from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.spec import Bullet, Heading, OfficialDocument, Paragraph, Recipient, Signer
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgKind
from binhdang.plans.workflow import VIETNAM

from .consolidation import Consolidation
from .drafting import disaggregation_label
from .tracking import LATE, MISSING, NOT_DUE, ON_TIME, RETURNED

STATE_LABEL = {ON_TIME: "Đúng hạn", LATE: "Trễ hạn", RETURNED: "Bị trả lại, chờ nộp lại",
               MISSING: "Quá hạn chưa nộp", NOT_DUE: "Chưa đến hạn"}
SIGNER = {OrgKind.COMMUNE: "CHỦ TỊCH", OrgKind.DEPARTMENT: "GIÁM ĐỐC"}


def _figure_line(key: str, cell) -> str:
    indicator = cell.indicator
    unit = f" {indicator.unit_label}" if indicator.unit_label and cell.value is not None else ""
    sums = f" ({cell.numerator_shown}/{cell.denominator_shown})" if indicator.is_rate else ""
    return f"{nfc(indicator.name)} – {disaggregation_label(key)}: {cell.shown}{unit}{sums}."


def document(data: Consolidation) -> OfficialDocument:
    request, unit = data.request, data.unit
    body = [Heading(1, "TÌNH HÌNH NỘP BÁO CÁO", "I.")]
    expected, missing = len(data.tracking_rows), len(data.missing)
    body.append(Paragraph(f"Số trường phải báo cáo: {expected}; đã nộp: {expected - missing}; "
                          f"chưa nộp: {missing}."))
    if data.missing:
        body.append(Paragraph("Các trường chưa nộp báo cáo:"))
        body += [Bullet(nfc(school.name)) for school in data.missing]
    body.append(Heading(1, "KẾT QUẢ TỔ CHỨC CÁC HOẠT ĐỘNG", "II."))
    totals = data.activity_totals
    body.append(Paragraph(f"Từ ngày {request.covers_from:%d/%m/%Y} đến ngày {request.covers_to:%d/%m/%Y}, các "
                          f"trường đã tổ chức {totals['activities']} hoạt động; số lượt người tham gia: "
                          f"{_sexes({s: totals[s] for s in ('F', 'M', 'U')})}."))
    body += [Bullet(f"{nfc(row.school.name)}: {row.activities} hoạt động, {_sexes(row.by_sex)}.")
             for row in data.activities if row.activities]
    body.append(Heading(1, "CÁC CHỈ SỐ", "III."))
    own = data.own_figures
    body += [Bullet(_figure_line(key, cell)) for key, cell in own] or [
        Paragraph(f"Chưa có số liệu chỉ số năm học {request.period}.")]
    body.append(Heading(1, "HOẠT ĐỘNG NỔI BẬT", "IV."))
    for school, lines in data.highlights:
        body.append(Paragraph(f"{nfc(school.name)}:"))
        body += [Bullet(line.lstrip("-+ ").strip()) for line in lines]
    if not data.highlights:
        body.append(Paragraph("Các báo cáo đã nộp chưa nêu hoạt động nổi bật."))
    code = code_for(DocType.REPORT, unit.short_name) if unit.short_name.strip() else "BC"
    parent = unit.parent.name.upper() if unit.parent_id else ""
    return OfficialDocument(
        parent_body=parent, issuer=unit.name, number_code=number_line(None, code), place=report_place(unit),
        date=None, year=request.due_on.year,  # the blank date line: the year it is due
        doc_type_title="BÁO CÁO", summary=f"Tổng hợp {nfc(request.title)}",
        intro=(f"Thực hiện yêu cầu báo cáo “{nfc(request.title)}” năm học {request.period}, {unit.name} tổng hợp "
               f"báo cáo của các trường như sau:"),
        body=body, closing=f"Trên đây là báo cáo tổng hợp của {unit.name}.",
        signer=Signer(position=SIGNER.get(unit.kind, "THỦ TRƯỞNG ĐƠN VỊ"), name=""),
        recipients=[*([Recipient(unit.parent.name, "để báo cáo")] if unit.parent_id else []), Recipient.archive()],
    )


def render_consolidation_docx(data: Consolidation) -> bytes:
    return render_docx(document(data))


def render_consolidation_xlsx(data: Consolidation) -> bytes:
    book = Workbook()
    sheet = book.active
    sheet.title = "Chỉ số"
    sheet.append(["Đơn vị", "Mã chỉ số", "Chỉ số", "Phân tổ", "Tử số", "Mẫu số", "Giá trị"])
    for unit, key, cell in data.figures:
        value = cell.rounded(2)
        sheet.append([unit.name, cell.indicator.code, cell.indicator.name, disaggregation_label(key),
                      cell.numerator if not cell.suppressed else cell.numerator_shown, cell.denominator,
                      float(value) if value is not None else cell.shown])
    status = book.create_sheet("Tình trạng nộp")
    status.append(["Trường", "Mã", "Phiên bản", "Số, ký hiệu", "Nộp lúc", "Theo dõi"])
    for row in data.tracking_rows:
        report = row["report"]
        submitted = (timezone.localtime(report.submitted_at, VIETNAM).strftime("%d/%m/%Y %H:%M")
                     if report and report.submitted_at else "")
        status.append([row["school"].name, row["school"].code, report.version if report else "",
                       report.number if report else "", submitted, STATE_LABEL[row["state"]]])
    work = book.create_sheet("Hoạt động")
    work.append(["Trường", "Số hoạt động", "Nữ", "Nam", "Chưa rõ", "Tổng lượt tham gia"])
    for row in data.activities:
        work.append([row.school.name, row.activities, row.by_sex["F"], row.by_sex["M"], row.by_sex["U"],
                     sum(row.by_sex.values())])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def file_stem(data: Consolidation) -> str:
    return f"tong-hop-{data.request.uid}"
