"""Importing a plan file through the web: upload, parse (inline in tests), review, correct, save."""

import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile, TemporaryUploadedFile
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.plans.models import ImportNoteKind, Plan, PlanUpload
from binhdang.testing import client_in

from .import_helpers import form_fields
from .test_import_command import SEEDS

pytestmark = pytest.mark.django_db

SEED_000 = "000_b75ea42580e22e9e.txt"
SEED_001 = "001_1e38a6a36f82991c.txt"


def _upload(client, name, data, capture, kind="yearly", year=""):
    with capture(execute=True):
        return client.post(reverse("plans:import"), {"file": SimpleUploadedFile(name, data), "kind": kind,
                                                     "year": year})


def _review(client, name, data, capture, **kwargs):
    """Upload a file and follow it to the review page; returns (upload, review response)."""
    response = _upload(client, name, data, capture, **kwargs)
    assert response.status_code == 302, response.content.decode()[:2000]
    upload = PlanUpload.objects.get(uid=response["Location"].rstrip("/").split("/")[-1])
    status = client.get(response["Location"])
    assert status.status_code == 302 and status["Location"] == reverse("plans:import_review", args=[upload.uid])
    page = client.get(status["Location"])
    assert page.status_code == 200
    return upload, page


def _save(client, upload, fields):
    return client.post(reverse("plans:import_save", args=[upload.uid]), fields)


@pytest.fixture
def manager(world):
    return client_in(world.committee_member, world.school)


def test_seed_000_through_the_web(manager, world, django_capture_on_commit_callbacks):
    upload, page = _review(manager, SEED_000, (SEEDS / SEED_000).read_bytes(), django_capture_on_commit_callbacks)
    assert not upload.file and upload.status == PlanUpload.Status.PARSED  # the file is gone once parsed
    html = page.content.decode()
    assert "Không tìm thấy chữ ký" not in html
    response = _save(manager, upload, form_fields(html))
    plan = Plan.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("plans:detail", args=[plan.uid])
    assert plan.issuer_unit == world.school and plan.year == 2023
    assert plan.title == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    numbers = {b.number: b for b in plan.legal_basis.all()}
    for number in ("6830/KH-UBND", "559/SGDĐT-CTHSSV", "21-CT/TW", "125/2021/NĐ-CP", "56-KL/TU", "09-CTr/TU",
                   "11-NQ/TW", "7041/KH-UBND", "1550/KH-UBND", "73/2006/QH11", "45/2019/QH14"):
        assert number in numbers, number
    assert numbers["6830/KH-UBND"].in_preamble and numbers["559/SGDĐT-CTHSSV"].in_preamble
    assert numbers["21-CT/TW"].document.issued_on.isoformat() == "2018-01-20"
    assert plan.task_groups.count() == 5
    assert plan.task_groups.first().title.startswith("Đẩy mạnh truyền thông, tuyên truyền")
    assert [(r.name, r.purpose) for r in plan.recipients.all()] == [
        ("Sở GDĐT", "để báo cáo"), ("BGH, CĐ, Đoàn TN", "để thực hiện"), ("TT CM, Văn phòng", "để thực hiện"),
        ("Lưu: VT", "")]
    assert (plan.signer_position, plan.signer_name) == ("HIỆU TRƯỞNG", "Nguyễn Ngọc Chín")
    upload.refresh_from_db()
    assert upload.status == PlanUpload.Status.SAVED and upload.plan == plan
    assert AuditEntry.objects.filter(action="plan.upload_save", target_uid=str(upload.uid)).exists()


def test_seed_000_saved_from_the_web_equals_the_command_line_import(manager, django_capture_on_commit_callbacks):
    from .test_views import _import

    upload, page = _review(manager, SEED_000, (SEEDS / SEED_000).read_bytes(), django_capture_on_commit_callbacks)
    _save(manager, upload, form_fields(page.content.decode()))
    web = Plan.objects.get()
    cli = _import(web.issuer_unit)

    def shape(plan):
        return {
            "basis": [(b.number, b.raw, b.in_preamble) for b in plan.legal_basis.all()],
            "sections": [(s.heading, s.title, s.kind, s.body) for s in plan.sections.all()],
            "tasks": [(t.group.position, t.position, t.parent.position if t.parent else None, t.text)
                      for g in plan.task_groups.all() for t in g.tasks.all()],
            "targets": [t.text for t in plan.targets.all()],
            "notes": [(n.kind, n.line, n.text) for n in plan.import_notes.all()],
            "intro": plan.intro, "closing": plan.closing,
        }

    assert shape(web) == shape(cli)


def test_seed_001_through_the_web_has_no_invented_signer(manager, django_capture_on_commit_callbacks):
    upload, page = _review(manager, SEED_001, (SEEDS / SEED_001).read_bytes(), django_capture_on_commit_callbacks)
    html = page.content.decode()
    assert "Không tìm thấy chữ ký (tệp có thể bị cắt)" in html
    fields = form_fields(html)
    assert not any(fields[f"signer-{k}"] for k in ("authority", "on_behalf_of", "position", "name"))
    _save(manager, upload, fields)
    plan = Plan.objects.get()
    basis = list(plan.legal_basis.all())
    assert [(b.number, b.in_preamble) for b in basis[:3]] == [
        ("605/KH-BVSTBPN", True), ("22/KH-PGDĐT", True), ("05/KH-THLTK", True)]
    targets = [t.text for t in plan.targets.all()]
    assert len(targets) == 4 and targets[0].startswith("Nâng cao chất lượng nguồn nhân lực nữ")
    assert "Phòng GD-ĐT" in [r.name for r in plan.recipients.all()]
    assert not plan.has_signer and not plan.signer_position and not plan.signer_authority
    assert plan.import_notes.filter(kind=ImportNoteKind.WARNING, text__contains="người ký").exists()


def test_corrections_on_the_review_reach_the_plan(manager, django_capture_on_commit_callbacks):
    # Two lines the parser cannot place, around the real plan.
    data = "?? dòng lạ ??\n".encode() + (SEEDS / SEED_000).read_bytes() + b"\n12345 ###\n"
    upload, page = _review(manager, SEED_000, data, django_capture_on_commit_callbacks)
    html = page.content.decode()
    unparsed = upload.parsed["unparsed"]
    assert [u["text"] for u in unparsed] == ["?? dòng lạ ??", "12345 ###"]
    assert "?? dòng lạ ??" in html and "12345 ###" in html
    fields = form_fields(html)
    assert "u0" not in fields and "u1" not in fields  # kept unless the user ticks "Bỏ dòng này"
    # Section II, block 0 is task group 1: fix its first task's text.
    items = fields["s1-b0-items"].splitlines()
    assert items[0].startswith("- Đẩy mạnh tuyên truyền, phổ biến Luật Bình đẳng giới")
    fields["s1-b0-items"] = "\n".join(["- Tuyên truyền Luật Bình đẳng giới (đã sửa)", *items[1:]])
    fields["s1-b1-heading"] = "2. Nhóm nhiệm vụ hai (đã sửa)"
    fields["u0"] = "drop"
    fields["title"] = "Bình đẳng giới năm 2023 (đã sửa)"
    fields["year"] = "2024"
    response = _save(manager, upload, fields)
    assert response.status_code == 302
    plan = Plan.objects.get()
    assert plan.title == "Bình đẳng giới năm 2023 (đã sửa)" and plan.year == 2024
    first_group, second_group = plan.task_groups.all()[:2]
    assert first_group.tasks.first().text == "Tuyên truyền Luật Bình đẳng giới (đã sửa)"
    assert second_group.title == "Nhóm nhiệm vụ hai (đã sửa)"
    notes = [n.text for n in plan.import_notes.filter(kind=ImportNoteKind.UNPARSED)]
    assert notes == ["12345 ###"]  # the dropped line is gone, the kept one stays
    entry = AuditEntry.objects.get(action="plan.upload_save")
    assert [d["text"] for d in entry.details["dropped_lines"]] == ["?? dòng lạ ??"]


def test_review_errors_name_the_field_and_keep_the_edits(manager, django_capture_on_commit_callbacks):
    upload, page = _review(manager, SEED_000, (SEEDS / SEED_000).read_bytes(), django_capture_on_commit_callbacks)
    fields = form_fields(page.content.decode())
    fields.update(title="  ", date="31/02/2023", basis=fields["basis"] + "\nmột dòng không có văn bản nào")
    fields["r0-name"] = ""
    fields["s2-b1-items"] = "Dòng mới (chưa lưu)"
    response = _save(manager, upload, fields)
    assert response.status_code == 200
    html = response.content.decode()
    for message in ("Trích yếu (tên kế hoạch) không được để trống.",
                    "Ngày ban hành “31/02/2023” không đúng dạng ngày/tháng/năm",
                    "Căn cứ, dòng 3: không nhận ra số hiệu hay tên văn bản trong “một dòng không có văn bản nào”.",
                    "Nơi nhận, dòng 1: thiếu tên nơi nhận."):
        assert message in html, message
    assert "Dòng mới (chưa lưu)" in html  # nothing typed is lost
    assert not Plan.objects.exists()
    upload.refresh_from_db()
    assert upload.status == PlanUpload.Status.PARSED


def test_a_saved_upload_cannot_be_saved_twice(manager, django_capture_on_commit_callbacks):
    upload, page = _review(manager, SEED_001, (SEEDS / SEED_001).read_bytes(), django_capture_on_commit_callbacks)
    fields = form_fields(page.content.decode())
    assert _save(manager, upload, fields).status_code == 302
    again = _save(manager, upload, fields)
    assert again.status_code == 302
    assert Plan.objects.count() == 1
    followed = manager.get(again["Location"], follow=True)
    assert "không thể lưu lần thứ hai" in followed.content.decode()
    # The review of a saved upload leads to its plan.
    review = manager.get(reverse("plans:import_review", args=[upload.uid]), follow=True)
    assert review.redirect_chain[-1][0] == reverse("plans:detail", args=[Plan.objects.get().uid])


def _docx_bytes_without_word_part() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("readme.txt", "not a Word document")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("anh.docx", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4, "có đuôi .docx nhưng nội dung không phải Word"),
        ("nen.docx", _docx_bytes_without_word_part(), "không phải tệp Word (.docx) hợp lệ"),
        ("trong.txt", b"", "Tệp “trong.txt” rỗng."),
        ("trang.txt", b"   \n\n  ", "Tệp “trang.txt” rỗng."),
        ("cu.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "Word 97–2003 (.doc) chưa được hỗ trợ"),
    ],
)
def test_bad_files_are_refused_in_the_form(manager, django_capture_on_commit_callbacks, name, data, message):
    response = _upload(manager, name, data, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not PlanUpload.objects.exists() and not Plan.objects.exists()


def test_a_20_mb_file_is_refused_cleanly(manager, settings, django_capture_on_commit_callbacks):
    settings.MAX_UPLOAD_MB = 20
    data = b"KE HOACH\n" + b"a" * (20 * 1024 * 1024)
    response = _upload(manager, "lon.txt", data, django_capture_on_commit_callbacks)
    assert response.status_code == 200
    assert "Tệp quá lớn (20.0 MB); tối đa 20 MB." in response.content.decode()
    # Django streamed it to a temporary file (FILE_UPLOAD_MAX_MEMORY_SIZE); the form refused it
    # by its size before reading it, and the temporary file goes with the request.
    assert isinstance(response.context["form"].files["file"], TemporaryUploadedFile)
    assert not PlanUpload.objects.exists()


def test_text_without_structure_fails_with_a_message_and_keeps_no_file(manager, django_capture_on_commit_callbacks):
    data = "Chào cả nhà, hẹn gặp lại vào thứ Bảy.\nMang theo áo mưa.".encode()
    response = _upload(manager, "thu.txt", data, django_capture_on_commit_callbacks)
    assert response.status_code == 302
    upload = PlanUpload.objects.get()
    assert upload.status == PlanUpload.Status.FAILED and not upload.file
    status = manager.get(response["Location"])
    assert "Không nhận ra cấu trúc của một kế hoạch trong “thu.txt”" in status.content.decode()
    assert manager.get(reverse("plans:import_review", args=[upload.uid])).status_code == 302
    assert _save(manager, upload, {"title": "x"}).status_code == 302
    assert not Plan.objects.exists()


def test_no_stored_files_are_left_behind(manager, settings, django_capture_on_commit_callbacks):
    from pathlib import Path

    _upload(manager, SEED_000, (SEEDS / SEED_000).read_bytes(), django_capture_on_commit_callbacks)
    _upload(manager, "thu.txt", "Chỉ một dòng chữ.".encode(), django_capture_on_commit_callbacks)
    assert PlanUpload.objects.count() == 2
    folder = Path(settings.MEDIA_ROOT) / "plan-uploads"
    uids = {str(u.uid) for u in PlanUpload.objects.all()}
    assert not [p for p in folder.rglob("*") if p.is_file() and p.stem in uids]


def test_status_page_polls_while_pending(manager, world):
    from django.core.files.base import ContentFile

    upload = PlanUpload(unit=world.school, original_name="ke-hoach.txt")
    upload.file.save("cho.txt", ContentFile(b"KE HOACH"), save=True)
    page = manager.get(reverse("plans:import_status", args=[upload.uid]))
    assert 'hx-trigger="every 1s"' in page.content.decode() and "Đang đọc tệp" in page.content.decode()
    upload.status, upload.parsed = PlanUpload.Status.PARSED, {"title": "x"}
    upload.save()
    polled = manager.get(reverse("plans:import_status", args=[upload.uid]), HTTP_HX_REQUEST="true")
    assert polled["HX-Redirect"] == reverse("plans:import_review", args=[upload.uid])
    upload.file.delete()


def test_list_offers_the_import_to_managers_only(world):
    manager_page = client_in(world.committee_member, world.school).get(reverse("plans:list")).content.decode()
    assert reverse("plans:import") in manager_page and "binhdang plan import" not in manager_page
    teacher_page = client_in(world.teacher, world.school).get(reverse("plans:list")).content.decode()
    assert reverse("plans:import") not in teacher_page


def test_roles(world, django_capture_on_commit_callbacks):
    manager = client_in(world.committee_member, world.school)
    upload, _page = _review(manager, SEED_001, (SEEDS / SEED_001).read_bytes(), django_capture_on_commit_callbacks)
    pages = [reverse(name, args=[upload.uid]) for name in ("plans:import_status", "plans:import_review")]
    # The outsider manages another school: this school's upload does not exist for them.
    outsider = client_in(world.outsider, world.other_school)
    for url in pages:
        assert outsider.get(url).status_code == 404
    assert outsider.post(reverse("plans:import_save", args=[upload.uid]), {}).status_code == 404
    for user in (world.teacher, world.unit_lead):
        client = client_in(user, world.school)
        assert client.get(reverse("plans:import")).status_code == 403
        for url in pages:
            assert client.get(url).status_code == 403
        assert client.post(reverse("plans:import_save", args=[upload.uid]), {}).status_code == 403
    assert not Plan.objects.exists()


def test_a_unit_above_imports_its_own_plan(world, django_capture_on_commit_callbacks):
    officer = client_in(world.commune_officer, world.commune)
    upload, page = _review(officer, SEED_000, (SEEDS / SEED_000).read_bytes(), django_capture_on_commit_callbacks)
    assert upload.unit == world.commune
    _save(officer, upload, form_fields(page.content.decode()))
    assert Plan.objects.get().issuer_unit == world.commune
    # The school below cannot see the commune's upload.
    manager = client_in(world.committee_member, world.school)
    assert manager.get(reverse("plans:import_review", args=[upload.uid])).status_code == 404
