"""The proposal (đề xuất) made from a review, as a Nghị định 30 "Tờ trình" to the authority above:
what was reviewed, the figures, every sentence the reviewer agreed to change with the reason and
the suggested wording, and the reviewer's own recommendation.

Rendered by the shared documents renderer on the worker (proposal_files.py), reused while the
decisions stay the same; once sent, the decisions can no longer change, so the document stays the same.
"""

import re

from binhdang.documents.codes import DocType, code_for, number_line
from binhdang.documents.spec import Bullet, Heading, OfficialDocument, Paragraph, Recipient, Signer
from binhdang.lib.vntext import fold, nfc
from binhdang.orgs.models import OrgKind

from .messages import rule_label
from .models import MaterialReview, ReviewFlag


def _place(unit) -> str:
    if unit.place.strip():
        return unit.place.strip()
    parent = unit.parent
    return parent.place.strip() if parent is not None and parent.kind == OrgKind.COMMUNE else ""


def _where(flag: ReviewFlag) -> str:
    parts = []
    if flag.page:
        parts.append(f"trang {flag.page}")
    parts.append(f"dòng {flag.line}" if flag.line else f"đoạn {flag.paragraph}")
    return ", ".join(parts).capitalize()


def _share(value) -> str:
    return "chưa xác định" if value is None else f"{round(value * 100)}%"


def proposal_document(review: MaterialReview) -> OfficialDocument:
    unit = review.unit
    summary = review.summary or {}
    characters = summary.get("characters", {})
    flags = list(review.flags.all())
    accepted = [f for f in flags if f.decision == ReviewFlag.Decision.ACCEPTED]
    dismissed = sum(f.decision == ReviewFlag.Decision.DISMISSED for f in flags)
    body = [
        Heading(1, "KẾT QUẢ RÀ SOÁT", "I."),
        Paragraph(f"Nhân vật trong tài liệu: {characters.get('female', 0)} nữ, {characters.get('male', 0)} nam, "
                  f"{characters.get('ambiguous', 0)} chưa xác định giới tính; tỉ lệ nhân vật nữ "
                  f"{_share(summary.get('female_share'))}."),
        Paragraph(f"Số câu được đánh dấu có dấu hiệu định kiến giới: {len(flags)}; người rà soát đồng ý sửa "
                  f"{len(accepted)} câu, bỏ qua {dismissed} câu. Số câu thể hiện hình mẫu tích cực (vượt định "
                  f"kiến): {summary.get('good_example_count', 0)}."),
        Heading(1, "NỘI DUNG ĐỀ NGHỊ CHỈNH SỬA", "II."),
    ]
    for n, flag in enumerate(accepted, start=1):
        body.append(Heading(2, f"{_where(flag)} ({rule_label(flag.rule)})", f"{n}."))
        body.append(Bullet(f"Nội dung hiện tại: “{flag.sentence}”"))
        body.append(Bullet(f"Lý do: {flag.explanation}"))
        body.append(Bullet(f"Đề nghị sửa thành: “{flag.suggestion}”"))
        if flag.note.strip():
            body.append(Bullet(f"Ghi chú của người rà soát: {nfc(flag.note)}"))
    body.append(Heading(1, "KIẾN NGHỊ", "III."))
    lines = [line for line in (review.note or "").splitlines() if line.strip()]
    body += [Paragraph(nfc(line)) for line in lines] or [Paragraph(
        "Đề nghị cấp trên xem xét, tổng hợp và chuyển cơ quan có thẩm quyền chỉnh sửa các nội dung nêu trên.")]
    above = unit.parent.name if unit.parent_id else "cấp trên"
    number = number_line(None, code_for(DocType.SUBMISSION, unit.short_name)) if unit.short_name.strip() \
        else "Số:      /TTr"
    return OfficialDocument(
        parent_body=unit.parent.name.upper() if unit.parent_id else "",
        issuer=unit.name, number_code=number, place=_place(unit), date=None,
        year=(review.sent_at or review.created_at).year,
        doc_type_title="TỜ TRÌNH",
        summary=f"Đề xuất chỉnh sửa nội dung mang định kiến giới trong tài liệu “{nfc(review.title)}”",
        intro=(f"Thực hiện nhiệm vụ rà soát sách giáo khoa, tài liệu dạy học nhằm loại bỏ thông tin, hình ảnh, kiến "
               f"thức mang định kiến giới, {unit.name} đã rà soát tài liệu “{nfc(review.title)}” (tệp "
               f"{review.original_name}) và đề xuất như sau:"),
        body=body,
        closing=f"Kính trình {above} xem xét, chỉ đạo./.",
        signer=Signer(position="HIỆU TRƯỞNG", name=""),
        recipients=[Recipient(above, "để báo cáo"), Recipient.archive()],
    )


def proposal_filename(review: MaterialReview) -> tuple[str, str]:
    """(Vietnamese name, ASCII name): "Đề xuất - Bài 3 Gia đình.docx"."""
    title = re.sub(r"[\\/:*?\"<>|]+", " ", nfc(review.title)).strip()[:80] or "tai-lieu"
    name = f"Đề xuất - {title}.docx"
    return name, re.sub(r"[^a-z0-9.]+", "-", fold(name)).strip("-")
