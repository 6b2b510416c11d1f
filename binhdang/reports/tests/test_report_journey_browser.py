"""Browser, issue 7 end to end: the Sở sends an Action Month report request through the form, the
school drafts, approves and submits it (01/BC-…), the Sở returns it with a comment, the school
submits a second version (02/BC-…), the Sở accepts it and downloads the consolidation (DOCX, XLSX),
which name the school and carry its figures."""

import datetime as dt
import io

import docx
import openpyxl
import pytest
from django.utils import timezone

from binhdang.indicators import periods
from binhdang.indicators.tests.manual import count
from binhdang.reports.models import Report, ReportRequest, ReportStatus
from conftest import browser_login

from .builders import activity, rollup

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TITLE = "Báo cáo Tháng hành động vì bình đẳng giới"


def _as(page, user) -> None:
    page.context.clear_cookies()
    browser_login(page, user.username)


def _create_and_send(page, today: dt.date) -> str:
    page.goto(f"{page.base_url}/bao-cao/")
    page.get_by_role("link", name="Soạn yêu cầu báo cáo").click()
    page.wait_for_url("**/bao-cao/yeu-cau/moi/")
    page.select_option("#id_kind", "action_month")
    page.fill("#id_title", TITLE)
    page.fill("#id_covers_from", (today - dt.timedelta(days=10)).isoformat())
    page.fill("#id_covers_to", (today + dt.timedelta(days=10)).isoformat())
    page.fill("#id_due_on", (today + dt.timedelta(days=30)).isoformat())
    page.get_by_label("Số buổi tư vấn").check()
    page.click("#request-form button[type=submit]")
    page.wait_for_url("**/bao-cao/yeu-cau/*-*/")
    tracking = page.url
    page.get_by_role("button", name="Gửi các trường").click()
    page.get_by_role("button", name="Nhắc nộp").wait_for()
    return tracking


def _approve_and_submit(page) -> None:
    page.click("#report-approve")
    page.wait_for_selector("#report-submit")
    page.click("#report-submit")
    page.wait_for_selector("#report-number")


def test_request_submit_return_resubmit_accept_consolidate(page, world):
    world.school.short_name = "THA"
    world.school.save(update_fields=["short_name"])
    sessions = count()
    period = periods.current()
    rollup(world.school, sessions, "", 7, period=period)
    rollup(world.province, sessions, "", 19, period=period)
    today = timezone.localdate()
    activity(world.school, "Chuyên đề bình đẳng giới", today, people=[("student", "F", 12), ("student", "M", 9)])

    _as(page, world.province_officer)
    tracking = _create_and_send(page, today)
    request = ReportRequest.objects.get(title=TITLE)
    assert request.issuer_unit == world.province and request.sent_at is not None

    _as(page, world.principal)
    page.goto(f"{page.base_url}/bao-cao/")
    row = page.locator("#todo tr", has_text=TITLE)
    row.get_by_role("button", name="Lập báo cáo").click()
    page.wait_for_url("**/bao-cao/bao-cao/*/")
    report_url = page.url
    page.click("#report-edit")
    page.wait_for_selector("#report-form")
    last = page.locator("#report-form textarea").last
    last.fill("Đề nghị tập huấn thêm cho giáo viên chủ nhiệm.")
    page.click("#report-form button[type=submit]")
    page.wait_for_url(report_url)
    assert "Đề nghị tập huấn thêm cho giáo viên chủ nhiệm." in page.inner_text("main")
    _approve_and_submit(page)
    assert page.inner_text("#report-number") == "01/BC-THA"

    _as(page, world.province_officer)
    page.goto(tracking)
    page.locator("#schools").get_by_role("link", name=world.school.name).click()
    page.wait_for_url(report_url)
    page.fill("#return-comment", "Bổ sung số liệu học sinh nữ tham gia.")
    page.get_by_role("button", name="Trả lại cho trường").click()
    page.wait_for_url(report_url)
    assert page.inner_text("#report-status") == "Bị trả lại"
    assert "Bổ sung số liệu học sinh nữ tham gia." in page.inner_text("#report-history")

    _as(page, world.principal)
    page.goto(f"{page.base_url}/bao-cao/")
    page.locator("#todo tr", has_text=TITLE).get_by_role("link", name="Mở báo cáo").click()
    page.wait_for_url(report_url)
    assert "Bổ sung số liệu học sinh nữ tham gia." in page.inner_text("#report-history")
    page.click("#report-new-version")
    page.wait_for_url(lambda url: url != report_url and "/bao-cao/bao-cao/" in url)
    second_url = page.url
    _approve_and_submit(page)
    assert page.inner_text("#report-number") == "02/BC-THA"
    versions = page.inner_text("#report-versions")
    assert "Phiên bản 1" in versions and "01/BC-THA" in versions and "02/BC-THA" in versions

    _as(page, world.province_officer)
    page.goto(tracking)
    page.locator("#schools").get_by_role("link", name=world.school.name).click()
    page.wait_for_url(second_url)
    page.click("#report-accept")
    page.wait_for_url(second_url)
    latest = Report.objects.filter(request=request, unit=world.school).order_by("-version").first()
    assert (latest.version, latest.status, latest.number) == (2, ReportStatus.ACCEPTED, "02/BC-THA")

    page.goto(tracking)
    page.click("#consolidate")  # made by the worker; the page follows it and offers both files
    page.wait_for_selector("#consolidation-done")
    with page.expect_download() as info:
        page.click("#consolidation-docx")
    document = docx.Document(io.BytesIO(info.value.path().read_bytes()))
    rows = [[cell.text for cell in row.cells] for table in document.tables for row in table.rows]
    assert [world.commune.name, "1", "12", "9", "0", "21"] in rows  # school A's activity, under its commune
    assert any(row[0] == "Số buổi tư vấn" and row[2].startswith("19") for row in rows), rows  # the Sở's Rollup
    with page.expect_download() as info:
        page.click("#consolidation-xlsx")
    book = openpyxl.load_workbook(io.BytesIO(info.value.path().read_bytes()))
    cells = [row for sheet in book.worksheets for row in sheet.iter_rows(values_only=True)]
    assert any(row[0] == world.province.name and 19 in row for row in cells)
    assert any(row[0] == world.school.name and 2 in row for row in cells)  # its status row: version 2
    assert any(row[0] == world.school.name and 12 in row and 9 in row for row in cells)  # activities by sex
