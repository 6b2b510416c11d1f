"""Certificates (giấy chứng nhận) for the best of a contest: one landscape A4 page per student, as
DOCX (python-docx) turned into PDF by LibreOffice like every PDF of the project (documents/
rendering/pdf.py), on the worker (certificate_request / certificate_run); the same awarded people
and scores give back the file already made."""

import hashlib
import io
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from binhdang.audit.services import record
from binhdang.documents.dates import format_place_date
from binhdang.documents.rendering.pdf import PdfRenderError, render_pdf
from binhdang.documents.services import worker_file_finish

from . import selectors
from .models import CertificateFile, Contest

logger = logging.getLogger(__name__)

FONT = "Times New Roman"
MAX_AWARDS = 50


def awarded(contest: Contest, top: int) -> list[selectors.Ranked]:
    """The students ranked `top` or better (ties included) with at least one right answer."""
    return [row for row in selectors.ranking(contest) if row.rank <= top and row.score > 0][:MAX_AWARDS]


def _line(document, text: str, size: int, *, bold=False, italic=False, space_after=4):
    paragraph = document.add_paragraph()
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    paragraph.paragraph_format.space_after = Pt(space_after)
    run = paragraph.add_run(text)
    run.font.name, run.font.size, run.bold, run.italic = FONT, Pt(size), bold, italic
    return paragraph


def certificates_docx(contest: Contest, rows: list[selectors.Ranked]) -> bytes:
    document = Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Mm(297), Mm(210)
    for margin in ("top_margin", "bottom_margin", "left_margin", "right_margin"):
        setattr(section, margin, Mm(20))
    school = contest.unit
    place_date = format_place_date(getattr(school, "place", "") or "", timezone.localdate())
    for index, row in enumerate(rows):
        person, group = row.entrant.person, row.entrant.contest_class
        _line(document, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", 13, bold=True, space_after=0)
        _line(document, "Độc lập - Tự do - Hạnh phúc", 14, bold=True, space_after=18)
        _line(document, school.name.upper(), 13, bold=True, space_after=24)
        _line(document, "GIẤY CHỨNG NHẬN", 30, bold=True, space_after=18)
        if group.is_staff:
            title = {"F": "bà ", "M": "ông "}.get(person.sex, "")
            _line(document, f"Chứng nhận {title}{person.full_name}", 20, bold=True)
            _line(document, person.get_position_display(), 16)
        else:
            _line(document, f"Chứng nhận em {person.full_name}", 20, bold=True)
            _line(document, f"Học sinh lớp {group.label}", 16)
        _line(document, f"Đạt hạng {row.rank} trong cuộc thi “{contest.title}”", 16)
        _line(document, f"với {row.score}/{row.max_score} câu trả lời đúng.", 16, space_after=24)
        _line(document, place_date, 14, italic=True, space_after=6)
        last = _line(document, "HIỆU TRƯỞNG", 14, bold=True)
        if index < len(rows) - 1:
            last.add_run().add_break(WD_BREAK.PAGE)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def certificates_pdf(contest: Contest, rows: list[selectors.Ranked]) -> bytes:
    return render_pdf(certificates_docx(contest, rows))


def _basis(rows: list[selectors.Ranked]) -> str:
    """Who is awarded, with which rank and score: the file's content apart from the date line."""
    text = ";".join(f"{r.entrant.pk}:{r.rank}:{r.score}/{r.max_score}" for r in rows)
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def certificate_request(*, actor, contest: Contest, top: int) -> CertificateFile:
    """The certificates of the contest's best as they stand: the file already made (or being made)
    for the same awards, else a new one queued for the worker."""
    rows = awarded(contest, top)
    if not rows:
        raise ValidationError(_("Chưa có học sinh nào đạt để cấp giấy chứng nhận."))
    basis = _basis(rows)
    Contest.objects.select_for_update().filter(pk=contest.pk).first()  # one run for two clicks at once
    made = CertificateFile.objects.filter(contest=contest, top=top, basis=basis, status__in=[
        CertificateFile.Status.DONE, CertificateFile.Status.PENDING]).first()
    if made is None:
        made = CertificateFile.objects.create(contest=contest, top=top, basis=basis, requested_by=actor)
        uid = str(made.uid)
        from .tasks import render_certificates  # tasks.py imports this module

        transaction.on_commit(lambda: render_certificates.enqueue(uid))
    record(actor=actor, unit=contest.unit, action="contests.certificates", target=contest,
           details={"top": top, "awarded": len(rows), "file": str(made.uid)})
    return made


def certificate_run(*, made: CertificateFile) -> CertificateFile:
    """Render the PDF (outside any transaction: LibreOffice takes seconds) and store it, or why not."""
    contest = Contest.objects.select_related("unit").get(pk=made.contest_id)
    data, error = b"", ""
    try:
        rows = awarded(contest, made.top)
        data = certificates_pdf(contest, rows)
    except PdfRenderError as exc:
        error = str(exc)
    except Exception:  # the worker must record the failure, whatever it was, not die with it
        logger.exception("certificates %s failed", made.uid)
        error = _("Không tạo được tệp do lỗi của hệ thống; hãy thử lại hoặc báo quản trị viên.")

    def store(row: CertificateFile) -> None:
        row.file.save(f"giay-chung-nhan-{contest.uid}.pdf", ContentFile(data), save=False)

    return worker_file_finish(CertificateFile, made.pk, error=error, store=store)
