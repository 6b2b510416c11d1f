"""The report workflow: approval, numbering, lateness, return and resubmission, frozen versions."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.forms.models import model_to_dict

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.reports import workflow
from binhdang.reports.models import Report, ReportStatus

from .builders import sent_request


@pytest.fixture
def school(world):
    world.school.short_name = "THA"
    world.school.save(update_fields=["short_name"])
    return world.school


@pytest.fixture
def request_(world, school):
    return sent_request(world.commune, due_on=dt.date(2099, 12, 31), sections=[{"title": "Kết quả", "kind": ""}])


def submitted(world, request_, school) -> Report:
    report = workflow.report_create(actor=world.committee_member, request=request_, unit=school)
    workflow.report_approve(actor=world.principal, report=report)
    return workflow.report_submit(actor=world.principal, report=report)


def _row(report: Report) -> dict:
    return model_to_dict(Report.objects.get(pk=report.pk)) | {
        "updated_at": Report.objects.get(pk=report.pk).updated_at}


def test_numbered_from_the_schools_register(world, request_, school):
    first = submitted(world, request_, school)
    other = sent_request(world.commune, title="Báo cáo sơ kết", due_on=dt.date(2099, 1, 1),
                         sections=[{"title": "Kết quả", "kind": ""}])
    second = submitted(world, other, school)
    assert (first.number, second.number) == ("01/BC-THA", "02/BC-THA")
    assert first.status == ReportStatus.SUBMITTED and not first.is_late
    assert AuditEntry.objects.filter(action="report.submit").count() == 2


def test_a_late_submission_is_counted_late(world, school):
    late_request = sent_request(world.commune, due_on=dt.date(2025, 12, 20), sections=[{"title": "A", "kind": ""}])
    report = submitted(world, late_request, school)
    assert report.is_late is True
    assert Report.objects.filter(request=late_request, is_late=True).count() == 1


def test_submit_needs_approval_and_a_principal(world, request_, school):
    report = workflow.report_create(actor=world.committee_member, request=request_, unit=school)
    with pytest.raises(ValidationError):
        workflow.report_submit(actor=world.principal, report=report)
    with pytest.raises(PermissionDenied):
        workflow.report_approve(actor=world.committee_member, report=report)


def test_editing_after_approval_sends_it_back_to_draft(world, request_, school):
    report = workflow.report_create(actor=world.committee_member, request=request_, unit=school)
    workflow.report_approve(actor=world.principal, report=report)
    workflow.report_edit(actor=world.committee_member, report=report, title="Báo cáo sửa", texts=["Mới"],
                         expected_revision=report.revision)
    report.refresh_from_db()
    assert (report.status, report.title, report.content[0]["text"]) == (ReportStatus.DRAFT, "Báo cáo sửa", "Mới")


def test_a_write_on_a_submitted_version_is_refused_and_the_row_unchanged(world, request_, school):
    report = submitted(world, request_, school)
    before = _row(report)
    for write in (
        lambda: workflow.report_edit(actor=world.principal, report=report, title="X", texts=["Y"],
                                     expected_revision=report.revision),
        lambda: workflow.report_refresh(actor=world.principal, report=report),
        lambda: workflow.report_approve(actor=world.principal, report=report),
        lambda: workflow.report_submit(actor=world.principal, report=report),
    ):
        with pytest.raises(ValidationError):
            write()
        assert _row(report) == before


def test_a_stale_revision_is_a_conflict(world, request_, school):
    report = workflow.report_create(actor=world.committee_member, request=request_, unit=school)
    loaded = report.revision
    workflow.report_edit(actor=world.principal, report=report, title="T", texts=["Người thứ nhất"],
                         expected_revision=loaded)
    stale = Report.objects.get(pk=report.pk)
    with pytest.raises(workflow.ReportConflict):
        workflow.report_edit(actor=world.committee_member, report=stale, title="T", texts=["Người thứ hai"],
                             expected_revision=loaded)
    assert Report.objects.get(pk=report.pk).content[0]["text"] == "Người thứ nhất"


def test_returned_then_resubmitted_keeps_both_versions(world, request_, school):
    first = submitted(world, request_, school)
    with pytest.raises(ValidationError):
        workflow.report_return(actor=world.commune_officer, report=first, comment="  ")
    workflow.report_return(actor=world.commune_officer, report=first, comment="Thiếu số liệu câu lạc bộ.")
    returned = _row(first)
    second = workflow.report_new_version(actor=world.committee_member, report=first)
    assert (second.version, second.previous, second.content) == (2, first, first.content)
    workflow.report_edit(actor=world.committee_member, report=second, title=second.title, texts=["Đã bổ sung"],
                         expected_revision=second.revision)
    workflow.report_approve(actor=world.principal, report=second)
    workflow.report_submit(actor=world.principal, report=second)
    versions = list(Report.objects.filter(request=request_, unit=school).order_by("version")
                    .values_list("version", "status", "number"))
    assert versions == [(1, "returned", "01/BC-THA"), (2, "submitted", "02/BC-THA")]
    assert _row(first) == returned
    assert Report.objects.get(pk=first.pk).content[0]["text"] == ""
    note = Notification.objects.get(user=world.principal)
    assert note.body == "Thiếu số liệu câu lạc bộ." and "trả lại" in note.title


def test_only_the_issuer_accepts(world, request_, school):
    report = submitted(world, request_, school)
    with pytest.raises(PermissionDenied):
        workflow.report_accept(actor=world.principal, report=report)
    workflow.report_accept(actor=world.commune_officer, report=report)
    report.refresh_from_db()
    assert report.status == ReportStatus.ACCEPTED
    assert [e.action for e in report.events.all()] == ["drafted", "approved", "submitted", "accepted"]


def test_a_school_not_asked_cannot_start(world, request_):
    with pytest.raises(ValidationError):
        workflow.report_create(actor=world.province_officer, request=request_, unit=world.school_b)
