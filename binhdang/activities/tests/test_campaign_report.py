"""The school's Action Month report: drafted from its logged activities, numbered when issued,
rendered on the worker, read back with python-docx."""

import io

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.storage import default_storage
from docx import Document

from binhdang.activities.campaign_report import (
    campaign_report_draft,
    campaign_report_issue,
    campaign_report_render,
    report_inputs,
    storage_name,
)
from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.models import CampaignSchool
from binhdang.audit.models import AuditEntry
from binhdang.documents.models import IssuedNumber
from binhdang.people.models import StaffMember

from .campaign_helpers import log, make_campaign

pytestmark = pytest.mark.django_db


@pytest.fixture
def entry(world):
    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    principal = StaffMember(unit=world.school, family_name="Trần", middle_name="Thị", given_name="Lan", sex="F",
                            position="principal")
    principal.refresh_derived()
    principal.save()
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    entry = CampaignSchool.objects.select_related("campaign__issuer_unit", "unit__parent").get(unit=world.school)
    banner, flag, contest = entry.task_group.tasks.order_by("position")
    log(world.school, campaign, task=banner, title="Treo băng rôn tại cổng trường", day=16,
        counts={"F": 12, "M": 10})
    log(world.school, campaign, task=flag, title="Sinh hoạt dưới cờ chủ đề phòng chống bạo lực", day=17,
        counts={"F": 300, "M": 280, "U": 5})
    log(world.school, campaign, task=flag, title="Họp cha mẹ học sinh", day=18, counts={"F": 40, "M": 20},
        group="parents")
    log(world.school, campaign, task=contest, title="Vẽ tranh (chưa tổ chức)", status="planned")
    log(world.school, campaign, title="Chạy bộ vì bình đẳng giới", day=25, counts={"F": 30, "M": 25})
    return entry


def _text(entry) -> list[str]:
    campaign_report_render(entry)
    with default_storage.open(storage_name(entry, "docx"), "rb") as handle:
        document = Document(io.BytesIO(handle.read()))
    lines = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            for cell in row.cells:
                lines += [p.text for p in cell.paragraphs]
    return lines


def test_the_draft_is_written_from_the_logged_activities(world, entry):
    campaign_report_draft(actor=world.committee_member, entry=entry, difficulties="Thiếu kinh phí in băng rôn.",
                          proposals="Đề nghị tập huấn cho giáo viên.")
    lines = _text(entry)
    text = "\n".join(lines)
    assert "BÁO CÁO" in lines
    assert ("Kết quả tổ chức Tháng hành động vì bình đẳng giới và phòng ngừa, ứng phó với bạo lực trên cơ sở giới "
            "năm 2026") in text
    assert "Số:      /BC-THA" in text  # blank until issued
    assert "1. Treo băng rôn, áp phích hưởng ứng Tháng hành động (hoạt động bắt buộc)" in lines
    assert "- Ngày 16/11/2026: Treo băng rôn tại cổng trường; tham gia: 22 người (12 nữ, 10 nam)." in lines
    assert ("- Ngày 17/11/2026: Sinh hoạt dưới cờ chủ đề phòng chống bạo lực; tham gia: 585 người (300 nữ, 280 nam, "
            "5 chưa rõ giới tính).") in lines
    assert "3. Cuộc thi vẽ tranh về bình đẳng giới (hoạt động gợi ý)" in lines
    assert "Chưa tổ chức hoạt động này." in lines  # the planned one is not reported as done
    assert "4. Các hoạt động khác (ngoài các hoạt động đã đề ra)" in lines
    assert "- Ngày 25/11/2026: Chạy bộ vì bình đẳng giới; tham gia: 55 người (30 nữ, 25 nam)." in lines
    assert ("Tổng số hoạt động đã tổ chức: 4; số lượt người tham gia: 722 người (382 nữ, 335 nam, "
            "5 chưa rõ giới tính).") in lines
    assert "- Học sinh: 662 người (342 nữ, 315 nam, 5 chưa rõ giới tính)." in lines
    assert "- Cha mẹ học sinh: 60 người (40 nữ, 20 nam)." in lines
    assert "Thiếu kinh phí in băng rôn." in lines and "Đề nghị tập huấn cho giáo viên." in lines
    assert any(line.startswith(f"- {world.commune.name} (để báo cáo)") for line in lines)
    assert any(line.startswith("- Lưu: VT") for line in lines)
    assert f"Trên đây là báo cáo kết quả tổ chức Tháng hành động năm 2026 của {world.school.name}./." in lines
    assert "HIỆU TRƯỞNG" in lines and "Trần Thị Lan" in lines
    assert report_inputs(entry)["difficulties"] == "Thiếu kinh phí in băng rôn."
    assert AuditEntry.objects.filter(action="campaign.report_draft").count() == 1


def test_issuing_takes_the_next_bc_number_and_freezes_the_report(world, entry):
    campaign_report_issue(actor=world.principal, entry=entry, difficulties="Không có khó khăn lớn.")
    entry.refresh_from_db()
    assert entry.report_number == "01/BC-THA" and entry.reported_at is not None
    issued = IssuedNumber.objects.get(pk=entry.report_issued_number_id)
    assert (issued.doc_type, issued.number, issued.issued_by) == ("BC", 1, world.principal)
    assert "Số: 01/BC-THA" in "\n".join(_text(entry))
    with pytest.raises(ValidationError, match="đã ban hành"):
        campaign_report_issue(actor=world.principal, entry=entry, difficulties="")
    with pytest.raises(ValidationError, match="đã ban hành"):
        campaign_report_draft(actor=world.principal, entry=entry, difficulties="")


def test_the_report_shares_the_school_register_with_its_plans(world, entry):
    from binhdang.documents.services import number_allocate

    number_allocate(actor=world.principal, unit=world.school, year=entry.campaign.year, doc_type="KH",
                    issuer_code="THA", target_label="Kế hoạch", target_uid="x")
    campaign_report_issue(actor=world.principal, entry=entry, difficulties="")
    entry.refresh_from_db()
    assert entry.report_number == "02/BC-THA"


def test_who_may_draft_and_issue(world, entry):
    with pytest.raises(PermissionDenied):
        campaign_report_draft(actor=world.teacher, entry=entry, difficulties="")
    with pytest.raises(PermissionDenied):
        campaign_report_issue(actor=world.committee_member, entry=entry, difficulties="")
    assert not default_storage.exists(storage_name(entry, "json"))


def test_issuing_without_a_short_name_says_where_to_set_it(world, entry):
    world.school.short_name = ""
    world.school.save()
    with pytest.raises(ValidationError, match="chưa có tên viết tắt"):
        campaign_report_issue(actor=world.principal, entry=entry, difficulties="")
    assert not IssuedNumber.objects.exists()
