"""Evidence: type by content, size and count limits, photos cleaned of EXIF/GPS and thumbnailed on
the worker (inline in tests), downloads access-checked with safe headers."""

import io
import zipfile

import docx
import openpyxl
import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from django.urls import reverse
from PIL import Image

from binhdang.activities import evidence as ev
from binhdang.activities.models import Evidence
from binhdang.audit.models import AuditEntry
from binhdang.testing import client_in

from .helpers import image_bytes, log, upload

pytestmark = pytest.mark.django_db

ELF = b"\x7fELF\x02\x01\x01\x00" + b"\x00" * 200
PE = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00" + b"\x00" * 200


def _docx() -> bytes:
    out = io.BytesIO()
    document = docx.Document()
    document.add_paragraph("Biên bản sinh hoạt dưới cờ")
    document.save(out)
    return out.getvalue()


def _xlsx() -> bytes:
    out = io.BytesIO()
    openpyxl.Workbook().save(out)
    return out.getvalue()


def _zip_posing_as_docx() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("[Content_Types].xml", '<Types><Override ContentType="application/vnd.ms-word.document'
                         '.macroEnabled.main+xml"/></Types>')
        archive.writestr("word/document.xml", "<w:document/>")
    return out.getvalue()


def test_photos_pdf_and_office_files_are_accepted(world, committed):
    activity = log(world, None)
    files = [upload("anh-1.jpg", image_bytes("JPEG")), upload("anh-2.png", image_bytes("PNG")),
             upload("anh-3.webp", image_bytes("WEBP")), upload("bien-ban.pdf", b"%PDF-1.4\n%\xe2\xe3\n1 0 obj\n"),
             upload("bien-ban.docx", _docx()), upload("diem-danh.xlsx", _xlsx())]
    with committed():
        created = ev.evidence_add(actor=world.teacher, activity=activity, uploads=files)
    kinds = [(e.original_name, e.kind, e.content_type) for e in created]
    assert kinds == [
        ("anh-1.jpg", "photo", "image/jpeg"), ("anh-2.png", "photo", "image/png"),
        ("anh-3.webp", "photo", "image/webp"), ("bien-ban.pdf", "pdf", "application/pdf"),
        ("bien-ban.docx", "office", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
        ("diem-danh.xlsx", "office", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
    ]
    for evidence in Evidence.objects.all():
        # Random names on disk, never the user's; photos got their thumbnail from the worker.
        assert "anh" not in evidence.file.name and "bien" not in evidence.file.name
        assert bool(evidence.thumbnail) == (evidence.kind == "photo")
    details = AuditEntry.objects.get(action="activity.evidence_add").details
    assert details["files"] == 6 and "anh-1.jpg" not in str(details)


def test_the_stored_photo_and_thumbnail_lose_exif_and_gps(world, committed):
    activity = log(world, None)
    data = image_bytes("JPEG", size=(3000, 2000), gps=True)
    assert Image.open(io.BytesIO(data)).getexif().get_ifd(0x8825)  # the test photo does carry GPS
    with committed():
        (evidence,) = ev.evidence_add(actor=world.teacher, activity=activity, uploads=[upload("lop-3a.jpg", data)])
    evidence.refresh_from_db()
    with evidence.file.open("rb") as stored:
        image = Image.open(io.BytesIO(stored.read()))
        assert not image.getexif() and "exif" not in image.info
        assert max(image.size) == ev.PHOTO_MAX_SIDE
    assert evidence.size == evidence.file.size
    with evidence.thumbnail.open("rb") as thumb:
        image = Image.open(io.BytesIO(thumb.read()))
        assert image.format == "JPEG" and max(image.size) == ev.THUMB_SIDE and not image.getexif()


@pytest.mark.parametrize(("name", "content"), [
    ("anh.jpg", ELF),
    ("anh.jpg", PE),
    ("trang.html", b"<!doctype html><html><script>alert(1)</script></html>"),
    ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'),
    ("anh.jpg", b"\xff\xd8\xff\xe0 not really a jpeg at all"),
    ("bien-ban.docx", b"PK\x03\x04 broken"),
    ("macro.docx", None),
    ("nen.zip", None),
])
def test_disallowed_files_are_refused_naming_the_file(world, name, content):
    if name == "macro.docx":
        content = _zip_posing_as_docx()
    if name == "nen.zip":
        out = io.BytesIO()
        with zipfile.ZipFile(out, "w") as archive:
            archive.writestr("a.txt", "x")
        content = out.getvalue()
    activity = log(world, None)
    with pytest.raises(ValidationError) as exc:
        ev.evidence_add(actor=world.teacher, activity=activity, uploads=[upload(name, content)])
    assert f"“{name}”" in exc.value.messages[0]
    assert not Evidence.objects.exists()


def test_one_bad_file_stores_none_of_the_upload(world, settings):
    activity = log(world, None)
    before = set(_stored())
    with pytest.raises(ValidationError):
        ev.evidence_add(actor=world.teacher, activity=activity,
                        uploads=[upload("tot.jpg", image_bytes()), upload("xau.jpg", ELF)])
    assert not Evidence.objects.exists() and set(_stored()) == before


def _stored() -> list[str]:
    names = []
    if default_storage.exists("evidence"):
        for folder in default_storage.listdir("evidence")[0]:
            names += default_storage.listdir(f"evidence/{folder}")[1]
    return names


def test_oversize_file_is_refused_with_its_name_and_the_limit(world, settings):
    settings.MAX_UPLOAD_MB = 1
    activity = log(world, None)
    big = upload("to-qua.pdf", b"%PDF-1.4\n" + b"0" * (1024 * 1024 + 1))
    with pytest.raises(ValidationError) as exc:
        ev.evidence_add(actor=world.teacher, activity=activity, uploads=[big])
    message = exc.value.messages[0]
    assert "“to-qua.pdf”" in message and "tối đa 1 MB" in message


def test_too_many_files_at_once(world):
    activity = log(world, None)
    files = [upload(f"a{i}.pdf", b"%PDF-1.4\n") for i in range(ev.MAX_FILES + 1)]
    with pytest.raises(ValidationError) as exc:
        ev.evidence_add(actor=world.teacher, activity=activity, uploads=files)
    assert f"tối đa {ev.MAX_FILES} tệp" in exc.value.messages[0]


def test_heic_gets_a_hint(world):
    heic = b"\x00\x00\x00\x18ftypheic\x00\x00\x00\x00mif1heic" + b"\x00" * 64
    with pytest.raises(ValidationError) as exc:
        ev.check_file(upload("IMG_0001.HEIC", heic))
    assert "JPEG" in exc.value.messages[0]


def test_delete_by_uploader_or_manage(world, committed):
    activity = log(world, None)
    (mine,) = ev.evidence_add(actor=world.teacher, activity=activity, uploads=[upload("a.pdf", b"%PDF-1.4\n")])
    with pytest.raises(PermissionDenied):
        ev.evidence_delete(actor=world.unit_lead, evidence=mine)
    name = mine.file.name
    with committed():
        ev.evidence_delete(actor=world.committee_member, evidence=mine)
    assert not Evidence.objects.exists() and not default_storage.exists(name)


def test_download_headers_and_access(world, committed):
    activity = log(world, None)
    with committed():
        photo, pdf = ev.evidence_add(actor=world.teacher, activity=activity, uploads=[
            upload("Ảnh lớp 3A.jpg", image_bytes()), upload("Biên bản.pdf", b"%PDF-1.4\n")])
    counsellor = client_in(world.counsellor, world.school)
    response = counsellor.get(reverse("activities:evidence_download", args=[pdf.uid]))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Disposition"].startswith("attachment;")
    assert "filename*=UTF-8''Bi%C3%AAn%20b%E1%BA%A3n.pdf" in response["Content-Disposition"]
    response = counsellor.get(reverse("activities:evidence_download", args=[photo.uid]))
    assert response["Content-Type"] == "image/jpeg" and response["Content-Disposition"].startswith("inline;")
    response = counsellor.get(reverse("activities:evidence_thumbnail", args=[photo.uid]))
    assert response.status_code == 200 and response["Content-Type"] == "image/jpeg"
    assert b"".join(response.streaming_content)[:3] == b"\xff\xd8\xff"
    outsider = client_in(world.outsider, world.other_school)
    for name in ("activities:evidence_download", "activities:evidence_thumbnail"):
        assert outsider.get(reverse(name, args=[photo.uid])).status_code == 404


def test_a_photo_not_yet_cleaned_is_not_served(world):
    activity = log(world, None)
    (photo,) = ev.evidence_add(actor=world.teacher, activity=activity, uploads=[upload("a.jpg", image_bytes())])
    Evidence.objects.filter(pk=photo.pk).update(thumbnail="")
    client = client_in(world.teacher, world.school)
    response = client.get(reverse("activities:evidence_download", args=[photo.uid]))
    assert response.status_code == 302
    assert client.get(reverse("activities:evidence_thumbnail", args=[photo.uid])).status_code == 404
    page = client.get(reverse("activities:detail", args=[activity.uid])).content.decode()
    assert "Đang xử lý ảnh" in page and 'hx-trigger="every 3s"' in page


@pytest.mark.parametrize("fmt", ["JPEG", "PNG", "WEBP"])
def test_no_format_keeps_gps_or_xmp(world, committed, fmt):
    image = Image.new("RGB", (300, 200), "navy")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (21.0, 1.0, 30.0), 3: "E", 4: (105.0, 50.0, 10.0)}
    out = io.BytesIO()
    xmp = b'<x:xmpmeta xmlns:x="adobe:ns:meta/"><exif:GPSLatitude>21,1.5N</exif:GPSLatitude></x:xmpmeta>'
    image.save(out, fmt, exif=exif, xmp=xmp)
    data = out.getvalue()
    marker = {"JPEG": b"Exif\x00\x00", "PNG": b"eXIf", "WEBP": b"EXIF"}[fmt]
    assert marker in data  # the test file does carry its EXIF block
    activity = log(world, None)
    with committed():
        (evidence,) = ev.evidence_add(actor=world.teacher, activity=activity, uploads=[upload(f"a.{fmt}", data)])
    evidence.refresh_from_db()
    with evidence.file.open("rb") as stored:
        clean = stored.read()
    assert marker not in clean and b"GPSLatitude" not in clean
    assert not Image.open(io.BytesIO(clean)).getexif()
