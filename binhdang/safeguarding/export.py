"""The case file as a DOCX (issue 5, item 4), built in memory and streamed to the reader.

Never written to disk, not even to a temporary file: a decrypted copy on the server's disk
would defeat the sealing (it would outlive the request and reach backups). The reader's own
copy is their responsibility; the export itself is audited by access.case_view (case.export).
"""

import io

from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document

from .models import Case
from .selectors import entry_rows, opened


def _when(value) -> str:
    return timezone.localtime(value).strftime("%d/%m/%Y %H:%M") if value else ""


def _table(document, header: list[str], rows: list[list[str]]) -> None:
    if not rows:
        document.add_paragraph(_("Không có."))
        return
    table = document.add_table(rows=1, cols=len(header))
    table.style = "Table Grid"
    for cell, text in zip(table.rows[0].cells, header, strict=True):
        cell.text = text
    for row in rows:
        for cell, text in zip(table.add_row().cells, row, strict=True):
            cell.text = text


def _yes_no(value) -> str:
    return "" if value is None else (_("Có") if value else _("Không"))


def case_docx(case: Case, parts: dict) -> bytes:
    """`parts` is selectors_parts.parts_data(case): people, consents, referrals, attachments opened."""
    document = Document()
    document.add_heading(_("Hồ sơ vụ việc"), level=0)
    for label, value in [
        (_("Trường"), case.unit.name),
        (_("Tiếp nhận"), _when(case.received_at)),
        (_("Kênh"), case.get_channel_display()),
        (_("Giai đoạn"), case.get_stage_display()),
        (_("Loại việc"), case.get_category_display() or _("Chưa phân loại")),
        (_("Đánh giá lúc"), _when(case.assessed_at)),
        (_("Hạn hỗ trợ khẩn cấp"), _when(case.emergency_due_at)),
        (_("Hạn lập kế hoạch"), _when(case.plan_due_at)),
        (_("Đóng lúc"), _when(case.closed_at)),
        (_("Xuất lúc"), _when(timezone.now())),
    ]:
        document.add_paragraph(f"{label}: {value}")
    document.add_heading(_("Nội dung"), level=1)
    document.add_paragraph(opened(case, "narrative_sealed", case))
    reporter = " ".join(filter(None, [opened(case, "reporter_name_sealed", case),
                                      opened(case, "reporter_class_sealed", case)]))
    if reporter:
        document.add_paragraph(f"{_('Người báo tin')}: {reporter}")
    document.add_heading(_("Những người liên quan"), level=1)
    _table(document, [_("Vai trò"), _("Họ tên"), _("Giới tính"), _("Nhóm tuổi"), _("Trẻ em"), _("Thông tin thêm")],
           [[p["person"].get_role_display(), p["name"], p["person"].get_sex_display(),
             p["person"].get_age_band_display(), _yes_no(p["person"].is_child), p["details"]]
            for p in parts["people"]])
    document.add_heading(_("Sự đồng ý"), level=1)
    _table(document, [_("Mục đích"), _("Ghi lúc"), _("Trẻ từ 7 tuổi"), _("Trẻ đồng ý"), _("Cha mẹ đồng ý"),
                      _("Kết quả"), _("Ghi chú")],
           [[c["consent"].get_purpose_display(), _when(c["consent"].recorded_at),
             _yes_no(c["consent"].child_aged_7_plus), _yes_no(c["consent"].child_agreed),
             _yes_no(c["consent"].parent_agreed), _("Đồng ý") if c["consent"].given else _("Chưa đồng ý"), c["note"]]
            for c in parts["consent_history"]])
    document.add_heading(_("Chuyển gửi"), level=1)
    _table(document, [_("Chuyển đến"), _("Đơn vị nhận"), _("Lúc"), _("Kết thúc"), _("Không có đồng ý"),
                      _("Ghi chú"), _("Lý do")],
           [[r["referral"].get_target_display(), r["referral"].to_unit.name if r["referral"].to_unit else "",
             _when(r["referral"].referred_at), _when(r["referral"].ended_at),
             _yes_no(r["referral"].consent_override), r["note"], r["reason"]]
            for r in parts["referrals"]])
    document.add_heading(_("Diễn biến"), level=1)
    _table(document, [_("Lúc"), _("Loại"), _("Nội dung")],
           [[_when(row["entry"].at), row["entry"].get_kind_display(), row["text"]] for row in entry_rows(case)])
    document.add_heading(_("Tệp đính kèm"), level=1)
    _table(document, [_("Tên tệp"), _("Dung lượng")],
           [[a["name"], f"{a['attachment'].size / 1024:.0f} KB"] for a in parts["attachments"]])
    buffer = io.BytesIO()  # memory only, see the module docstring
    document.save(buffer)
    return buffer.getvalue()
