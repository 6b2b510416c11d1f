"""An approved commendation as a decision (Quyết định khen thưởng / biểu dương) in the Nghị định 30
layout: documents.spec.OfficialDocument, rendered by the shared documents/rendering/docx.py.

The decision is small and its content fixed once approved, so it is rendered on download (a
few milliseconds) rather than stored: the same input always gives the same document.
"""

import re

from binhdang.documents.dates import day_month
from binhdang.documents.spec import Article, OfficialDocument, Recipient, Signer
from binhdang.lib.vntext import fold, nfc
from binhdang.orgs.models import BodyKind, OrgKind
from binhdang.people.models import Enrollment, Sex, StaffMember
from binhdang.plans.models import Plan, PlanStatus

from .models import Commendation

DOC_TYPE_TITLE = "QUYẾT ĐỊNH"
PROGRAMME = "công tác bình đẳng giới và vì sự tiến bộ của phụ nữ"
HEAD_TITLE = "Hiệu trưởng"


def _verb(commendation: Commendation) -> str:
    return "khen thưởng" if commendation.form == Commendation.Form.COMMEND else "biểu dương"


def is_collective(commendation: Commendation) -> bool:
    return bool(commendation.nominee_body_id or commendation.nominee_unit_id)


def nominee_text(commendation: Commendation) -> str:
    """ "bà Nguyễn Thị Hoa, Giáo viên", "em Lê Văn An, học sinh lớp 3A1", "tập thể Ban …"."""
    if commendation.nominee_staff_id:
        staff = commendation.nominee_staff
        title = {Sex.FEMALE: "bà ", Sex.MALE: "ông "}.get(staff.sex, "")
        return f"{title}{staff.full_name}, {staff.get_position_display()}"
    if commendation.nominee_student_id:
        student = commendation.nominee_student
        enrollment = (Enrollment.objects.filter(student=student).select_related("school_class")
                      .order_by("-school_year__starts_on").first())
        where = f"học sinh lớp {enrollment.school_class.name}" if enrollment else "học sinh"
        return f"em {student.full_name}, {where} của trường"
    return f"tập thể {commendation.nominee}"


def _place(unit) -> str:
    parent = unit.parent
    if unit.place.strip():
        return unit.place.strip()
    return parent.place.strip() if parent is not None and parent.kind == OrgKind.COMMUNE else ""


def _signer_name(commendation: Commendation) -> str:
    user = commendation.decided_by
    if user is None:
        return ""
    staff = StaffMember.objects.filter(user=user).first()
    return staff.full_name if staff else (user.full_name or "")


def _basis(commendation: Commendation) -> list[str]:
    """The head's own powers, the issued plans the cited activities carried out, the nomination."""
    unit = commendation.unit
    lines = [f"Căn cứ chức năng, nhiệm vụ, quyền hạn của {HEAD_TITLE} {unit.name}"]
    plans = (Plan.objects.filter(task_groups__tasks__activities__commendations=commendation,
                                 status=PlanStatus.ISSUED).exclude(number="").select_related("issuer_unit")
             .distinct().order_by("document_date", "id"))
    for plan in plans:
        dated = f" {day_month(plan.document_date)} năm {plan.document_date.year}" if plan.document_date else ""
        title = nfc(plan.title).strip()
        title = re.sub(r"^kế hoạch\s+", "", title, flags=re.I)
        lines.append(f"Căn cứ Kế hoạch số {plan.number}{dated} của {plan.issuer_unit.name} về {title}")
    committee = unit.bodies.filter(kind=BodyKind.COMMITTEE).first()
    proposer = committee.name if committee else "Ban vì sự tiến bộ của phụ nữ nhà trường"
    lines.append(f"Xét đề nghị của {proposer}")
    return lines


def _activities_sentence(commendation: Commendation) -> str:
    items = [f"{nfc(a.title)} ({a.starts_at.strftime('%d/%m/%Y')})"
             for a in commendation.activities.order_by("starts_at", "id")]
    return f" Hoạt động tiêu biểu: {'; '.join(items)}." if items else ""


def commendation_to_document(commendation: Commendation) -> OfficialDocument:
    unit = commendation.unit
    verb = _verb(commendation)
    who = "tập thể" if is_collective(commendation) else "cá nhân"
    reason = nfc(commendation.reason).strip().rstrip(".;")
    article_1 = (f"{verb.capitalize()} {nominee_text(commendation)}, đã có thành tích trong {PROGRAMME}: "
                 f"{reason}.{_activities_sentence(commendation)}")
    return OfficialDocument(
        parent_body=unit.parent.name.upper() if unit.parent_id else "",
        issuer=unit.name,
        number_code=f"Số: {commendation.number}" if commendation.number else "Số:      /QĐ",
        place=_place(unit),
        date=commendation.decision_date,
        year=commendation.decision_date.year if commendation.decision_date else None,
        doc_type_title=DOC_TYPE_TITLE,
        summary=f"Về việc {verb} {who} có thành tích trong {PROGRAMME}",
        authority=f"{HEAD_TITLE} {unit.name}",
        legal_basis=_basis(commendation),
        enacting="QUYẾT ĐỊNH:",
        body=[
            Article(1, article_1),
            Article(2, "Quyết định này có hiệu lực kể từ ngày ký."),
            Article(3, f"Văn phòng nhà trường, các bộ phận có liên quan và {who} có tên tại Điều 1 chịu trách "
                       "nhiệm thi hành Quyết định này."),
        ],
        signer=Signer(position=HEAD_TITLE, name=_signer_name(commendation)),
        recipients=[Recipient("Như Điều 3"), Recipient.archive()],
    )


def decision_filename(commendation: Commendation) -> tuple[str, str]:
    """(Vietnamese name, ASCII name): "Quyết định 03-QĐ-THA.docx"."""
    number = re.sub(r"[^\w-]+", "-", commendation.number).strip("-") or "khen-thuong"
    name = nfc(f"Quyết định {number}.docx")
    return name, re.sub(r"[^a-z0-9.]+", "-", fold(name)).strip("-")
