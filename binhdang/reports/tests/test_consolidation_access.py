"""The consolidation's files (made by the worker, issuer only, reused while the answers stand) and the
`binhdang report consolidate` command."""

import datetime as dt
import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from binhdang.audit.models import AuditEntry
from binhdang.reports.models import ConsolidationFile, Report, ReportEvent, ReportStatus
from binhdang.testing import client_in

from .builders import sent_request
from .helpers import make_version

pytestmark = pytest.mark.django_db


def _ask(client, request, callbacks, **data):
    with callbacks(execute=True):
        response = client.post(f"/bao-cao/yeu-cau/{request.uid}/tong-hop/", data)
    assert response.status_code == 302
    return ConsolidationFile.objects.get(uid=response.url.split("/")[-2])


def test_the_worker_makes_the_files_and_the_issuer_downloads_them(world, django_capture_on_commit_callbacks):
    request = sent_request(world.commune)
    officer = client_in(world.commune_officer, world.commune)
    made = _ask(officer, request, django_capture_on_commit_callbacks)
    assert made.status == ConsolidationFile.Status.DONE and made.finished_at
    page = officer.get(f"/bao-cao/tong-hop/{made.uid}/").content.decode()
    assert "Báo cáo tổng hợp đã sẵn sàng" in page
    for ext in ("docx", "xlsx"):
        url = f"/bao-cao/tong-hop/{made.uid}/tai.{ext}"
        response = officer.get(url)
        assert response.status_code == 200
        assert response["Content-Disposition"].startswith(f'attachment; filename="tong-hop-{request.uid}.{ext}"')
        assert b"".join(response.streaming_content)[:2] == b"PK"
        assert client_in(world.province_officer, world.province).get(url).status_code == 200  # rights flow down
        assert client_in(world.principal, world.school).get(url).status_code == 404  # a school is not the issuer
        assert client_in(world.outsider, world.other_school).get(url).status_code == 404
    assert officer.get(f"/bao-cao/tong-hop/{made.uid}/tai.pdf").status_code == 404
    entry = AuditEntry.objects.filter(action="report.consolidate").latest("id")
    assert entry.details["file"] == str(made.uid) and entry.details["reused"] is False


def test_same_answers_reuse_the_files_a_submission_makes_new_ones(world, django_capture_on_commit_callbacks):
    request = sent_request(world.commune)
    officer = client_in(world.commune_officer, world.commune)
    first = _ask(officer, request, django_capture_on_commit_callbacks)
    assert _ask(officer, request, django_capture_on_commit_callbacks) == first
    tracking = officer.get(f"/bao-cao/yeu-cau/{request.uid}/").content.decode()
    assert f"/bao-cao/tong-hop/{first.uid}/tai.docx" in tracking
    make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    ReportEvent.objects.create(request=request, report=Report.objects.get(request=request), unit=world.school,
                               action=ReportEvent.Action.SUBMITTED)
    tracking = officer.get(f"/bao-cao/yeu-cau/{request.uid}/").content.decode()
    assert f"/bao-cao/tong-hop/{first.uid}/tai.docx" not in tracking and "đã cũ" in tracking
    second = _ask(officer, request, django_capture_on_commit_callbacks)
    assert second != first and second.status == ConsolidationFile.Status.DONE
    text = "\n".join(p.text for p in Document(second.docx.open("rb")).paragraphs)
    assert "đã nộp: 1; chưa nộp: 0" in text
    # "Tạo lại" builds new files from the same answers (indicator figures entered since).
    assert _ask(officer, request, django_capture_on_commit_callbacks, force="1") not in (first, second)


def test_a_failed_run_says_so_and_offers_a_retry(world, django_capture_on_commit_callbacks, monkeypatch):
    request = sent_request(world.commune)
    officer = client_in(world.commune_officer, world.commune)

    def broken(_request):
        raise RuntimeError("boom")

    monkeypatch.setattr("binhdang.reports.exports.consolidate", broken)
    made = _ask(officer, request, django_capture_on_commit_callbacks)
    assert made.status == ConsolidationFile.Status.FAILED and not made.docx
    page = officer.get(f"/bao-cao/tong-hop/{made.uid}/").content.decode()
    assert "Không tạo được tệp tổng hợp" in page and "boom" not in page and "Thử lại" in page
    assert officer.get(f"/bao-cao/tong-hop/{made.uid}/tai.docx").status_code == 302


def test_command_writes_the_report_and_its_annex(world, tmp_path):
    request = sent_request(world.commune)
    output = tmp_path / "tong-hop.docx"
    out = io.StringIO()
    call_command("report", "consolidate", "--org", "xa-a", "--request", str(request.uid), "--output", str(output),
                 stdout=out)
    assert out.getvalue().split() == [str(output), str(tmp_path / "tong-hop.xlsx")]
    text = "\n".join(p.text for p in Document(str(output)).paragraphs)
    assert "Tổng hợp Báo cáo Tháng hành động" in text
    assert "Trường Tiểu học A" in text  # the one expected school, not handed in
    assert load_workbook(tmp_path / "tong-hop.xlsx").sheetnames == ["Chỉ số", "Tình trạng nộp", "Hoạt động", "Nổi bật"]


@pytest.mark.parametrize("case, message", [
    ("org", "Không có đơn vị nào mã “khong-co”"),
    ("request", "Không có yêu cầu báo cáo nào mã"),
    ("bad-uuid", "Không có yêu cầu báo cáo nào mã “abc”"),
    ("issuer", "không phải do đơn vị"),
    ("suffix", "phải có đuôi .docx"),
    ("folder", "thư mục chứa tệp không tồn tại"),
])
def test_command_errors_in_vietnamese(world, tmp_path, case, message):
    request = sent_request(world.commune)
    args = {"org": "xa-a", "request": str(request.uid), "output": str(tmp_path / "a.docx")}
    args.update({"org": {"org": "khong-co"}, "request": {"request": str(uuid.uuid4())},
                 "bad-uuid": {"request": "abc"}, "issuer": {"org": "so-a"},
                 "suffix": {"output": str(tmp_path / "a.pdf")},
                 "folder": {"output": str(tmp_path / "khong" / "a.docx")}}[case])
    with pytest.raises(CommandError, match=message):
        call_command("report", "consolidate", "--org", args["org"], "--request", args["request"],
                     "--output", args["output"])
    assert not list(tmp_path.iterdir())
