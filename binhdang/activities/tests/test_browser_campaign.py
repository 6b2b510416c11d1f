"""Browser: the commune officer drafts and launches the Action Month, sees the school on the board
with nothing logged; after an activity is logged, the principal, on a phone, issues the school's
report and downloads it; the officer sees it reported on the board."""

import io

import pytest
from docx import Document

from binhdang.activities.models import CampaignSchool
from conftest import browser_login

from .campaign_helpers import log

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _no_horizontal_scroll(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_launch_board_and_report_on_a_phone(page, world, _browser):
    world.school.short_name, world.school.place = "THA", "Đống Đa"
    world.school.save()
    browser_login(page, world.commune_officer.username)
    page.goto(page.base_url + "/hoat-dong/thang-hanh-dong/")
    page.click("text=Soạn Tháng hành động mới")
    page.fill("#id_theme", "Chung tay chấm dứt bạo lực với phụ nữ và trẻ em gái")
    page.fill("#id_starts_on", "2026-11-15")
    page.fill("#id_ends_on", "2026-12-15")
    page.fill("#id_report_deadline", "2026-12-20")
    page.select_option("#id_items-0-kind", "banner")
    page.fill("#id_items-0-text", "Treo băng rôn hưởng ứng Tháng hành động")
    page.check("#id_items-0-required")
    with page.expect_navigation():
        page.click("#campaign-form button[type=submit]")
    page.click("a[href$='/phat-dong/']")
    assert "1 trường sẽ nhận" in page.locator("#launch-summary").inner_text()
    with page.expect_navigation():
        page.click("#launch-form button[type=submit]")
    board = page.locator("#board").inner_text()
    assert world.school.name in board and "Chưa ghi hoạt động nào" in board
    board_url = page.url

    entry = CampaignSchool.objects.get(unit=world.school)
    log(world.school, entry.campaign, task=entry.task_group.tasks.get(), title="Treo băng rôn tại cổng trường",
        counts={"F": 12, "M": 10, "U": 1})

    phone = _browser.new_context(locale="vi-VN", viewport={"width": 390, "height": 844})
    mobile = phone.new_page()
    mobile.base_url = page.base_url
    browser_login(mobile, world.principal.username)
    mobile.goto(page.base_url + "/hoat-dong/thang-hanh-dong/")
    mobile.click("#campaigns a")
    assert "Treo băng rôn tại cổng trường" in mobile.locator(".item-progress").first.inner_text()
    assert "Nữ 12 · Nam 10 · Chưa rõ 1" in mobile.locator("#school-totals").inner_text()
    assert _no_horizontal_scroll(mobile)
    mobile.fill("#id_difficulties", "Kinh phí in băng rôn còn hạn chế.")
    with mobile.expect_navigation():
        mobile.click("button[value=issue]")
    assert "Đã ban hành báo cáo số 01/BC-THA" in mobile.locator(".messages").inner_text()
    with mobile.expect_download() as download_info:
        mobile.click("#report-download")
    data = open(download_info.value.path(), "rb").read()
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "Kinh phí in băng rôn còn hạn chế." in text and "tham gia: 23 người (12 nữ, 10 nam" in text
    assert _no_horizontal_scroll(mobile)
    phone.close()

    page.goto(board_url)
    row = page.locator("#board tbody tr", has_text=world.school.name).inner_text()
    assert "01/BC-THA" in row and "23" in row
