"""Plan downloads: request, progress, download; who may; reuse; failures; the CLI."""

import io
from urllib.parse import quote

import docx
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.documents.rendering import pdf as pdf_rendering
from binhdang.plans import export_files
from binhdang.plans.models import Plan, PlanExport, PlanStatus
from binhdang.plans.revisions import revision_bump
from binhdang.testing import client_in

from .test_views import _import

pytestmark = pytest.mark.django_db

TITLE = "Triển khai thực hiện công tác bình đẳng giới năm 2023"


def _request(client, plan, fmt, capture):
    with capture(execute=True):
        response = client.post(reverse("plans:export", args=[plan.uid, fmt]))
    assert response.status_code == 302, response.status_code
    return PlanExport.objects.get(uid=response["Location"].rstrip("/").split("/")[-1])


def _download(client, export):
    response = client.get(reverse("plans:export_download", args=[export.uid]))
    assert response.status_code == 200
    return response, b"".join(response.streaming_content)


def test_teacher_downloads_a_docx_named_after_the_title(world, django_capture_on_commit_callbacks):
    plan = _import(world.school)
    client = client_in(world.teacher, world.school)
    detail = client.get(reverse("plans:detail", args=[plan.uid])).content.decode()
    assert "Tải về DOCX" in detail and "Tải về PDF" in detail
    export = _request(client, plan, "docx", django_capture_on_commit_callbacks)
    assert (export.status, export.revision, export.requested_by) == ("done", plan.revision, world.teacher)
    status = client.get(reverse("plans:export_status", args=[export.uid])).content.decode()
    assert reverse("plans:export_download", args=[export.uid]) in status
    response, content = _download(client, export)
    disposition = response["Content-Disposition"]
    assert 'filename="ke-hoach-trien-khai-thuc-hien-cong-tac-binh-dang-gioi-nam-2023.docx"' in disposition
    assert f"filename*=UTF-8''{quote('Kế hoạch - ' + TITLE + '.docx')}" in disposition
    document = docx.Document(io.BytesIO(content))
    assert TITLE in [p.text for p in document.paragraphs]
    entry = AuditEntry.objects.get(action="plan.export")
    assert (entry.actor, entry.target_uid, entry.details["format"]) == (world.teacher, str(plan.uid), "docx")


def test_same_revision_reuses_the_file_and_a_change_makes_a_new_one(world, django_capture_on_commit_callbacks):
    plan = _import(world.school)
    client = client_in(world.committee_member, world.school)
    first = _request(client, plan, "docx", django_capture_on_commit_callbacks)
    again = _request(client, plan, "docx", django_capture_on_commit_callbacks)
    assert again.pk == first.pk
    assert AuditEntry.objects.filter(action="plan.export").count() == 2  # every request is recorded
    assert AuditEntry.objects.filter(action="plan.export").first().details["reused"] is True
    revision_bump(plan)
    old_name = first.file.name
    changed = _request(client, plan, "docx", django_capture_on_commit_callbacks)
    assert changed.pk != first.pk and changed.revision == first.revision + 1
    # The stale file leaves the storage with its row; the new one stays.
    assert not PlanExport.objects.filter(pk=first.pk).exists()
    assert not first.file.storage.exists(old_name) and changed.file.storage.exists(changed.file.name)


def test_status_page_polls_while_pending(world):
    plan = _import(world.school)
    client = client_in(world.teacher, world.school)
    response = client.post(reverse("plans:export", args=[plan.uid, "docx"]))  # no commit: stays pending
    export = PlanExport.objects.get(plan=plan)
    assert response["Location"] == reverse("plans:export_status", args=[export.uid])
    partial = client.get(response["Location"], HTTP_HX_REQUEST="true").content.decode()
    assert partial.startswith('<div id="export-status"') and "hx-get" in partial and "every 1s" in partial
    assert "Đang tạo tệp DOCX" in partial
    # Not made yet: the download link leads back to the status page.
    early = client.get(reverse("plans:export_download", args=[export.uid]))
    assert early.status_code == 302 and early["Location"] == response["Location"]


def test_failed_pdf_is_reported_in_vietnamese(world, monkeypatch, django_capture_on_commit_callbacks):
    monkeypatch.setattr(pdf_rendering.shutil, "which", lambda name: None)
    plan = _import(world.school)
    client = client_in(world.teacher, world.school)
    export = _request(client, plan, "pdf", django_capture_on_commit_callbacks)
    assert export.status == "failed" and "chưa cài LibreOffice" in export.error
    page = client.get(reverse("plans:export_status", args=[export.uid])).content.decode()
    assert "Không tạo được tệp." in page and "chưa cài LibreOffice" in page and "hx-get" not in page
    retry = _request(client, plan, "pdf", django_capture_on_commit_callbacks)
    assert retry.pk != export.pk  # a failed file is never reused


def test_pdf_download(world, django_capture_on_commit_callbacks):
    plan = _import(world.school)
    client = client_in(world.teacher, world.school)
    export = _request(client, plan, "pdf", django_capture_on_commit_callbacks)
    assert export.status == "done", export.error
    response, content = _download(client, export)
    assert response["Content-Type"] == "application/pdf" and content.startswith(b"%PDF")


def test_outsiders_get_404_everywhere(world, django_capture_on_commit_callbacks):
    plan = _import(world.school)
    export = _request(client_in(world.teacher, world.school), plan, "docx", django_capture_on_commit_callbacks)
    outsider = client_in(world.outsider, world.other_school)
    assert outsider.post(reverse("plans:export", args=[plan.uid, "docx"])).status_code == 404
    assert outsider.get(reverse("plans:export_status", args=[export.uid])).status_code == 404
    assert outsider.get(reverse("plans:export_download", args=[export.uid])).status_code == 404
    assert PlanExport.objects.count() == 1


def test_unknown_format_is_404(world):
    plan = _import(world.school)
    response = client_in(world.teacher, world.school).post(reverse("plans:export", args=[plan.uid, "odt"]))
    assert response.status_code == 404


def test_readers_below_download_an_issued_plan_only(world, django_capture_on_commit_callbacks):
    plan = _import(world.commune)
    teacher = client_in(world.teacher, world.school)
    assert teacher.post(reverse("plans:export", args=[plan.uid, "docx"])).status_code == 404  # a draft
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.ISSUED, number="07/KH-UBND")
    export = _request(teacher, plan, "docx", django_capture_on_commit_callbacks)
    _response, content = _download(teacher, export)
    header = docx.Document(io.BytesIO(content)).tables[0].rows[0].cells[0]
    assert header.paragraphs[-1].text == "Số: 07/KH-UBND"
    # The school's members act in their own unit: the audit row says so.
    assert AuditEntry.objects.get(action="plan.export").acting_unit == world.school


def test_filename_without_unsafe_characters():
    plan = Plan(title='Kế hoạch "A/B": tháng 11?')
    name, ascii_name = export_files.export_filename(plan, "pdf")
    assert name == "Kế hoạch - Kế hoạch A B tháng 11.pdf"
    assert ascii_name == "ke-hoach-ke-hoach-a-b-thang-11.pdf"


# --- CLI ------------------------------------------------------------------------------------------
def _cli(*args) -> str:
    out = io.StringIO()
    call_command("plan", "export", *args, stdout=out)
    return out.getvalue().strip()


def test_cli_exports_docx_and_prints_the_path(world, tmp_path):
    plan = _import(world.school)
    target = tmp_path / "ke-hoach.docx"
    assert _cli(str(plan.uid), "--format", "docx", "--output", str(target)) == str(target)
    assert TITLE in [p.text for p in docx.Document(str(target)).paragraphs]


def test_cli_exports_pdf(world, tmp_path):
    plan = _import(world.school)
    target = tmp_path / "ke-hoach.pdf"
    _cli(str(plan.uid), "--format", "pdf", "--output", str(target))
    assert target.read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize("plan_id", ["00000000-0000-0000-0000-000000000000", "khong-phai-uuid"])
def test_cli_unknown_plan(world, tmp_path, plan_id):
    with pytest.raises(CommandError, match="Không có kế hoạch nào mã"):
        _cli(plan_id, "--output", str(tmp_path / "x.docx"))


def test_cli_unwritable_path(world, tmp_path):
    plan = _import(world.school)
    with pytest.raises(CommandError, match="Không ghi được tệp"):
        _cli(str(plan.uid), "--output", str(tmp_path / "khong-co" / "x.docx"))
    with pytest.raises(CommandError, match="là một thư mục"):
        _cli(str(plan.uid), "--output", str(tmp_path))
