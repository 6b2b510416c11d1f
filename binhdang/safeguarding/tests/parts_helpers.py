"""Shared set-up of the tests of the parts of a case: a team (teacher member, unit lead leader),
one case of school A with a marker in its narrative, files built in memory."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel

MARKER = "PARTS-MARKER-5521"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def team_case(world, unit=None):
    unit = unit or world.school
    CaseTeamMember.objects.get_or_create(unit=unit, user=world.teacher)
    CaseTeamMember.objects.get_or_create(unit=unit, user=world.unit_lead, defaults={"is_leader": True})
    return case_create(unit=unit, channel=Channel.IN_PERSON, category="bullying",
                       narrative="Chuyện xảy ra ở lớp", actor=world.teacher)


def url(name: str, case, **kwargs) -> str:
    return reverse(f"safeguarding:{name}", kwargs={"uid": case.uid, **kwargs})


def docx_bytes(text: str) -> bytes:
    from docx import Document

    document = Document()
    document.add_paragraph(text)
    buffer = io.BytesIO()
    document.save(buffer)
    return buffer.getvalue()


def png_bytes() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (8, 8), (200, 10, 10)).save(buffer, format="PNG")
    return buffer.getvalue()


def pdf_bytes(text: str) -> bytes:
    # Enough for detection by content (the %PDF header); the marker sits in clear inside.
    return f"%PDF-1.4\n1 0 obj << /Title ({text}) >> endobj\ntrailer << >>\n%%EOF\n".encode()


def upload(name: str, data: bytes, content_type: str = "application/octet-stream") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, data, content_type=content_type)
