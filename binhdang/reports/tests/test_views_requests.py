import datetime as dt

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.reports.models import ReportEvent, ReportRequest, ReportStatus
from binhdang.testing import client_in, make_user

from .helpers import make_request, make_version

pytestmark = pytest.mark.django_db


def _form(**over):
    data = {"kind": "action_month", "title": "Báo cáo Tháng hành động 2025", "period": "2025-2026",
            "covers_from": "2025-11-15", "covers_to": "2025-12-15", "due_on": "2025-12-20", "sections": ""}
    data.update(over)
    return data


def test_officer_creates_edits_and_sends(world):
    client = client_in(world.commune_officer, world.commune)
    assert client.get(reverse("reports:request_create")).status_code == 200
    response = client.post(reverse("reports:request_create"), _form(schools=[world.school.pk]))
    request = ReportRequest.objects.get()
    assert response.status_code == 302 and response["Location"] == reverse("reports:request_detail",
                                                                              args=[request.uid])
    response = client.post(reverse("reports:request_edit", args=[request.uid]), _form(title="Báo cáo sửa"))
    request.refresh_from_db()
    assert response.status_code == 302 and request.title == "Báo cáo sửa"
    client.post(reverse("reports:request_send", args=[request.uid]))
    request.refresh_from_db()
    assert request.sent_at is not None
    assert [a.action for a in AuditEntry.objects.filter(action__startswith="report.").order_by("id")] == [
        "report.request_create", "report.request_edit", "report.request_send"]
    page = client.get(reverse("reports:list")).content.decode()
    assert "Báo cáo sửa" in page and "0/1" in page


def test_bad_dates_are_shown_in_vietnamese_and_nothing_saved(world):
    client = client_in(world.commune_officer, world.commune)
    response = client.post(reverse("reports:request_create"), _form(due_on="2025-12-10"))
    assert response.status_code == 400
    assert "Hạn nộp: không được trước “Đến ngày” (15/12/2025)." in response.content.decode()
    assert not ReportRequest.objects.exists()


def test_a_school_cannot_create_and_a_counsellor_above_only_reads(world):
    assert client_in(world.principal, world.school).get(reverse("reports:request_create")).status_code == 403
    reader = make_user("tuvan-xa", world.commune, "counsellor")
    client = client_in(reader, world.commune)
    request = make_request(world.commune)
    assert client.get(reverse("reports:request_detail", args=[request.uid])).status_code == 200
    assert client.get(reverse("reports:request_create")).status_code == 403
    assert client.post(reverse("reports:request_remind", args=[request.uid])).status_code == 403
    assert client.get(reverse("reports:request_edit", args=[request.uid])).status_code == 403


def test_tracking_is_the_issuers_page(world):
    request = make_request(world.commune)
    url = reverse("reports:request_detail", args=[request.uid])
    assert client_in(world.principal, world.school).get(url).status_code == 404  # the expected school
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404
    assert client_in(world.province_officer, world.province).get(url).status_code == 200  # rights flow down


def test_tracking_page_shows_the_figures(world):
    request = make_request(world.province)
    make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 21), late=True)
    page = client_in(world.province_officer, world.province).get(
        reverse("reports:request_detail", args=[request.uid])).content.decode()
    assert 'data-state="late"' in page and 'data-state="missing"' in page
    assert "<svg" in page and "Nhắc nộp" in page


def test_remind_from_the_page_writes_events_once_a_day(world):
    request = make_request(world.province)
    make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    client = client_in(world.province_officer, world.province)
    url = reverse("reports:request_remind", args=[request.uid])
    assert client.get(url).status_code == 405
    assert client.post(url).status_code == 302
    client.post(url)
    assert list(ReportEvent.objects.values_list("unit", flat=True)) == [world.school_b.pk]


def test_school_todo_lists_only_its_own_requests(world):
    for_a = make_request(world.commune)
    for_b = make_request(world.province, schools=[world.school_b])
    for_b.title = "Chỉ trường B"
    for_b.save()
    make_version(for_a, world.school, ReportStatus.APPROVED)
    page = client_in(world.teacher, world.school).get(reverse("reports:list")).content.decode()
    assert for_a.title in page and "Hiệu trưởng đã duyệt" in page
    assert "Chỉ trường B" not in page
    principal_b = make_user("hieutruong-b", world.school_b, "principal")
    page_b = client_in(principal_b, world.school_b).get(reverse("reports:list")).content.decode()
    assert "Chỉ trường B" in page_b and for_a.title not in page_b


def test_the_school_starts_its_report_from_the_to_do_and_then_opens_it(world):
    from binhdang.reports.models import Report

    from .builders import sent_request

    request = sent_request(world.commune)
    principal = client_in(world.principal, world.school)
    page = principal.get(reverse("reports:list")).content.decode()
    start = reverse("reports:report_start", args=[request.uid])
    assert f'action="{start}"' in page
    assert principal.post(start).status_code == 302
    report = Report.objects.get(request=request, unit=world.school)
    page = principal.get(reverse("reports:list")).content.decode()
    assert reverse("reports:report_detail", args=[report.uid]) in page and f'action="{start}"' not in page
    # A teacher (EDIT) sees the to-do but is not offered to start a report.
    teacher_page = client_in(world.teacher, world.school).get(reverse("reports:list")).content.decode()
    assert reverse("reports:report_detail", args=[report.uid]) in teacher_page
