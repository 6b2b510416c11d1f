"""On a phone: the committee edits the drafted report, the principal approves and submits it."""

import datetime as dt

import pytest

from binhdang.indicators.tests.manual import count
from binhdang.reports import workflow
from binhdang.reports.models import Report, ReportStatus
from conftest import browser_login

from .builders import rollup, sent_request

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_edit_approve_submit_on_a_phone(page, world):
    world.school.short_name = "THA"
    world.school.save(update_fields=["short_name"])
    sessions = count()
    rollup(world.school, sessions, "", 7)
    request = sent_request(world.commune, indicators=[sessions], due_on=dt.date(2099, 1, 1))
    report = workflow.report_create(actor=world.committee_member, request=request, unit=world.school)
    url = f"{page.base_url}/bao-cao/bao-cao/{report.uid}/"
    page.set_viewport_size(PHONE)

    browser_login(page, world.committee_member.username)
    page.goto(url)
    _no_horizontal_scroll(page)
    page.click("#report-edit")
    page.fill("#section-5", "Đề nghị tập huấn thêm cho giáo viên.")
    page.click("#report-form button[type=submit]")
    page.wait_for_url(url)
    assert "Đề nghị tập huấn thêm cho giáo viên." in page.inner_text("#section-6")

    page.context.clear_cookies()
    browser_login(page, world.principal.username)
    page.goto(url)
    page.click("#report-approve")
    page.wait_for_selector("#report-submit")
    page.click("#report-submit")
    page.wait_for_selector("#report-number")
    assert page.inner_text("#report-number") == "01/BC-THA"
    _no_horizontal_scroll(page)
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED
    assert Report.objects.get(pk=report.pk).content[5]["text"] == "Đề nghị tập huấn thêm cho giáo viên."
