"""Browser, phone-sized: a teacher sees a deadline reminder in the bell, opens the list and
marks it read; the calendar is a day-by-day list on the phone."""

import datetime as dt

import pytest
from django.utils import timezone

from binhdang.activities.reminders import send_reminders
from conftest import browser_login

from .calendar_helpers import activity, at, body, issued_task, seat

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_teacher_reads_a_reminder_from_the_bell_on_a_phone(page, world):
    today = timezone.localdate()
    group = body(world.school)
    seat(group, world.teacher)
    issued_task(world.school, "Tổ chức diễn đàn “Tiếng nói học sinh”", due_on=today + dt.timedelta(days=2),
                bodies=[group])
    activity(world.school, "Sinh hoạt dưới cờ", at(today.isoformat(), "07:00"), author=world.teacher)
    assert send_reminders(today)[0] == 2  # the teacher and the committee member

    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, world.teacher.username)
    bell = page.locator("a.bell")
    assert bell.locator(".unread-count").inner_text() == "1"
    with page.expect_navigation():
        bell.click()
    item = page.locator(".notice-list li", has_text="Sắp đến hạn: Tổ chức diễn đàn")
    assert "Mới" in item.inner_text() and "còn 2 ngày" in item.inner_text()
    with page.expect_navigation():
        item.get_by_role("button", name="Đánh dấu đã đọc").click()
    assert page.locator("a.bell .unread-count").count() == 0
    assert "Mới" not in page.locator(".notice-list li").first.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390

    page.goto(page.base_url + "/hoat-dong/lich/")
    assert page.locator(".cal-grid").is_hidden()
    today_item = page.locator(".cal-list li.today")
    assert today_item.is_visible() and "Sinh hoạt dưới cờ" in today_item.inner_text()
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    # Next month through htmx: the list is replaced in place and the address follows.
    page.get_by_role("link", name="Tháng sau ›").click()
    page.wait_for_url("**ngay=*")
    following = (today.replace(day=1) + dt.timedelta(days=32)).replace(day=1)
    assert f"Tháng {following:%m/%Y}" in page.locator("#calendar h2").inner_text()
