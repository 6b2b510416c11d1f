"""The consolidation's downloads (issuer only) and the `binhdang report consolidate` command."""

import io
import uuid

import pytest
from django.core.management import CommandError, call_command
from docx import Document
from openpyxl import load_workbook

from binhdang.testing import client_in

from .builders import sent_request

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("ext", ["docx", "xlsx"])
def test_issuer_downloads_others_not_found(world, ext):
    request = sent_request(world.commune)
    url = f"/bao-cao/yeu-cau/{request.uid}/tong-hop.{ext}"
    response = client_in(world.commune_officer, world.commune).get(url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == f'attachment; filename="tong-hop-{request.uid}.{ext}"'
    assert response.content[:2] == b"PK"
    assert client_in(world.province_officer, world.province).get(url).status_code == 200  # rights flow down
    assert client_in(world.principal, world.school).get(url).status_code == 404  # a school is not the issuer
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404


def test_tracking_page_links_the_files(world):
    request = sent_request(world.commune)
    page = client_in(world.commune_officer, world.commune).get(f"/bao-cao/yeu-cau/{request.uid}/").content.decode()
    assert f"/bao-cao/yeu-cau/{request.uid}/tong-hop.docx" in page and "tong-hop.xlsx" in page


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
    assert load_workbook(tmp_path / "tong-hop.xlsx").sheetnames == ["Chỉ số", "Tình trạng nộp", "Hoạt động"]


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
