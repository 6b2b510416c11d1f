"""Certificates (giấy chứng nhận) for the best of a contest: one landscape A4 page per student, as
DOCX (python-docx) turned into PDF by LibreOffice like every PDF of the project (documents/
rendering/pdf.py). Built on download: a few pages, and the same results give the same file."""

import io

from django.utils import timezone
from docx import Document
from docx.enum.section import WD_ORIENT
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_BREAK
from docx.shared import Mm, Pt

from binhdang.documents.dates import format_place_date
from binhdang.documents.rendering.pdf import render_pdf

from . import selectors
from .models import Contest

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
