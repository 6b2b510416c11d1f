"""Sealed attachments (checked by content, only ciphertext on disk, opened in memory for the
download) and the DOCX export of the case file (built in memory, read back here)."""

import io
import zipfile
from unittest import mock
from urllib.parse import quote

import pytest
from django.core.files.storage import default_storage
from docx import Document

from binhdang.audit.models import AuditEntry
from binhdang.safeguarding import attachments
from binhdang.safeguarding.consents import consent_record
from binhdang.safeguarding.models import CaseAttachment, CaseEntry, EntryKind
from binhdang.safeguarding.people import person_add
from binhdang.safeguarding.sealing import SealedDataError, field_context, seal, seal_bytes, unseal_bytes

from .helpers import case_client
from .parts_helpers import DOCX_TYPE, MARKER, docx_bytes, pdf_bytes, png_bytes, team_case, upload, url

pytestmark = pytest.mark.usefixtures("sealing_on")
NAME = f"Biên bản {MARKER} lớp 5A.pdf"


@pytest.fixture
def case(world):
    return team_case(world)


def raw_stored(attachment) -> bytes:
    with default_storage.open(attachment.blob.name, "rb") as handle:
        return handle.read()


def test_seal_bytes_round_trip_and_bound_to_its_context(case):
    data = bytes(range(256)) * 10
    sealed = seal_bytes(case.key, data, "ctx:a")
    assert sealed.startswith(b"BD1") and data not in sealed and sealed != seal_bytes(case.key, data, "ctx:a")
    assert unseal_bytes(case.key, sealed, "ctx:a") == data
    with pytest.raises(SealedDataError):
        unseal_bytes(case.key, sealed, "ctx:b")
    # Text sealing is the same format: bytes of seal() open with unseal_bytes().
    assert unseal_bytes(case.key, seal(case.key, "chữ", "ctx:t"), "ctx:t") == "chữ".encode()


def test_upload_stores_only_ciphertext_and_the_download_opens_it(world, case):
    client = case_client(world.teacher, world.school)
    content = pdf_bytes(MARKER)
    response = client.post(url("attachment_upload", case), {"file": upload(NAME, content)})
    assert response.status_code == 302 and response["Location"].endswith("#tep")
    attachment = CaseAttachment.objects.get(case=case)
    raw = raw_stored(attachment)
    assert MARKER.encode() not in raw and raw.startswith(b"BD1") and attachment.size == len(content)
    assert MARKER not in attachment.blob.name and str(case.uid) in attachment.blob.name
    assert MARKER.encode() not in bytes(attachment.name_sealed)
    assert AuditEntry.objects.get(action="case.attachment_add").details == {
        "attachment": str(attachment.uid), "bytes": len(content)}
    assert NAME in client.get(url("case_detail", case)).content.decode()
    download = client.get(url("attachment_download", case, file_uid=attachment.uid))
    assert download.status_code == 200 and download.content == content
    assert download["Content-Type"] == "application/pdf"
    assert download["Content-Disposition"].startswith('attachment; filename="')
    assert f"filename*=UTF-8''{quote(NAME)}" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff" and download["Cache-Control"] == "no-store"
    read = AuditEntry.objects.get(action="case.attachment")
    # The read log names which file was read (its id), never its name or content.
    assert read.details == {"role": "member", "file_uid": str(attachment.uid)} and MARKER not in read.target_label


@pytest.mark.parametrize(("name", "data"), [
    ("anh.png", png_bytes()),
    ("bien-ban.docx", docx_bytes("nội dung")),
])
def test_images_and_office_files_are_accepted(world, case, name, data):
    client = case_client(world.teacher, world.school)
    response = client.post(url("attachment_upload", case), {"file": upload(name, data)})
    assert response.status_code == 302
    attachment = CaseAttachment.objects.get(case=case)
    _name, content_type, opened = attachments.attachment_opened(attachment, case)
    assert opened == data and content_type in ("image/png", DOCX_TYPE)


def macro_docx() -> bytes:
    """A Word file whose main part is the macro-enabled type (docm renamed .docx)."""
    source = zipfile.ZipFile(io.BytesIO(docx_bytes("macro")))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "[Content_Types].xml":
                data = data.replace(b"document.main+xml", b"document.macroEnabled.main+xml").replace(
                    b"wordprocessingml.document.main", b"word.document.macroEnabled.12")
            target.writestr(item, data)
    return out.getvalue()


@pytest.mark.parametrize(("name", "data", "message"), [
    ("trang.html", b"<html><script>alert(1)</script></html>", "chỉ nhận PDF"),
    ("anh.jpg", b"MZ\x90\x00" + b"\x00" * 200, "chỉ nhận PDF"),
    ("hong.png", png_bytes()[:40], "ảnh bị hỏng"),
    ("macro.docx", macro_docx(), "macro"),
    ("trong.pdf", b"", "Tệp: tệp trống."),
])
def test_refused_by_content_400_naming_the_field(world, case, name, data, message):
    response = case_client(world.teacher, world.school).post(url("attachment_upload", case),
                                                             {"file": upload(name, data)})
    assert response.status_code == 400 and message in response.content.decode()
    assert not CaseAttachment.objects.exists() and not AuditEntry.objects.filter(action="case.attachment_add").exists()


def test_a_large_upload_never_reaches_a_temporary_file(world, case, settings):
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 1024  # Django would spool anything bigger to a temporary file
    content = pdf_bytes(MARKER) + b"0" * 200_000
    with mock.patch("django.core.files.uploadhandler.TemporaryUploadedFile",
                    side_effect=AssertionError("the upload was spooled to a temporary file")):
        response = case_client(world.teacher, world.school).post(url("attachment_upload", case),
                                                                 {"file": upload("lon.pdf", content)})
    assert response.status_code == 302
    assert attachments.attachment_opened(CaseAttachment.objects.get(), case)[2] == content


def test_the_upload_still_checks_csrf(world, case):
    client = case_client(world.teacher, world.school)
    client.handler.enforce_csrf_checks = True
    response = client.post(url("attachment_upload", case), {"file": upload("a.pdf", pdf_bytes("a"))})
    assert response.status_code == 403 and not CaseAttachment.objects.exists()


def test_no_file_is_400(world, case):
    response = case_client(world.teacher, world.school).post(url("attachment_upload", case), {})
    assert response.status_code == 400 and "Tệp: chưa chọn tệp." in response.content.decode()


def test_size_and_count_limits(world, case):
    big = upload("lon.pdf", pdf_bytes("x") + b"0" * (attachments.MAX_MB * 1024 * 1024))
    client = case_client(world.teacher, world.school)
    response = client.post(url("attachment_upload", case), {"file": big})
    assert response.status_code == 400 and "tối đa 10 MB" in response.content.decode()
    with mock.patch.object(attachments, "MAX_PER_CASE", 2):
        for index in range(2):
            assert client.post(url("attachment_upload", case),
                               {"file": upload(f"{index}.pdf", pdf_bytes("y"))}).status_code == 302
        response = client.post(url("attachment_upload", case), {"file": upload("3.pdf", pdf_bytes("y"))})
    assert response.status_code == 400 and "đã có đủ 2 tệp" in response.content.decode()
    assert CaseAttachment.objects.filter(case=case).count() == 2


def test_another_cases_file_is_404_and_delete_removes_the_file(world, case, django_capture_on_commit_callbacks):
    other = team_case(world)
    client = case_client(world.teacher, world.school)
    client.post(url("attachment_upload", other), {"file": upload(NAME, pdf_bytes(MARKER))})
    attachment = CaseAttachment.objects.get(case=other)
    assert client.get(url("attachment_download", case, file_uid=attachment.uid)).status_code == 404
    assert client.post(url("attachment_delete", case, file_uid=attachment.uid)).status_code == 404
    stored = attachment.blob.name
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("attachment_delete", other, file_uid=attachment.uid))
    assert response.status_code == 302 and not CaseAttachment.objects.exists()
    assert not default_storage.exists(stored)
    assert AuditEntry.objects.get(action="case.attachment_delete").details == {"attachment": str(attachment.uid)}


def docx_text(data: bytes) -> str:
    document = Document(io.BytesIO(data))
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    return "\n".join([p.text for p in document.paragraphs] + cells)


def test_export_is_a_docx_of_the_whole_case_built_in_memory(world, case):
    person_add(actor=world.teacher, case=case, role="victim", name=f"Em {MARKER}", sex="F", age_band="6-11")
    consent_record(actor=world.teacher, case=case, purpose="statistics", child_aged_7_plus=False,
                   child_agreed=False, parent_agreed=True, note="Mẹ ký giấy")
    entry = CaseEntry(case=case, kind=EntryKind.NOTE, at=case.received_at, by=world.teacher)
    entry.text_sealed = seal(case.key, "Ghi chú buổi sáng", field_context(entry, "text_sealed"))
    entry.save()
    client = case_client(world.unit_lead, world.school)
    client.post(url("attachment_upload", case), {"file": upload(NAME, pdf_bytes("z"))})
    with mock.patch("django.core.files.storage.FileSystemStorage.save") as save:
        response = client.get(url("case_export", case))
    assert not save.called  # nothing written through the storage
    assert response.status_code == 200 and response["Content-Type"] == DOCX_TYPE
    assert response["Cache-Control"] == "no-store" and response["Content-Disposition"].startswith("attachment;")
    text = docx_text(response.content)
    for expected in [world.school.name, "Chuyện xảy ra ở lớp", f"Em {MARKER}", "Người bị hại", "Mẹ ký giấy",
                     "Ghi chú buổi sáng", NAME, "Đã tiếp nhận", "Bắt nạt", "Đưa vào số liệu thống kê"]:
        assert expected in text, expected
    row = AuditEntry.objects.get(action="case.export")
    assert row.actor == world.unit_lead and row.details == {"role": "leader"}
