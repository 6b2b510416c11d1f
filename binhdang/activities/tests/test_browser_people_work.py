"""Browser, on a phone: a teacher records a training with its attendance picked from the roster
(accent-free search) and a lesson that integrates gender content; no page scrolls sideways."""

import pytest

from binhdang.activities.models import LessonIntegration, Participation
from conftest import browser_login

from .people_work import school_year, staff

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _fits_the_phone(page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth") <= 390


def test_teacher_records_a_training_and_a_lesson_on_a_phone(page, world):
    school_year()
    own = staff(world.school, "Hoa", "F", user=world.teacher)
    staff(world.school, "Nam", "M", middle="Văn")
    staff(world.school, "Lan", "F", family="Trần")
    page.set_viewport_size({"width": 390, "height": 844})
    browser_login(page, world.teacher.username)

    page.goto(page.base_url + "/hoat-dong/tap-huan/them/")
    assert _fits_the_phone(page)
    page.fill("#id_topic", "Phòng chống bạo lực trên cơ sở giới")
    page.fill("#id_starts_at", "2026-11-18T14:00")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert "Điểm danh tập huấn" in page.content() and _fits_the_phone(page)
    page.fill("#q", "nguyen")  # finds Nguyễn Thị Hoa and Nguyễn Văn Nam, not Trần Thị Lan
    with page.expect_navigation():
        page.click("form.toolbar button[type=submit]")
    assert page.locator("input[name=staff]").count() == 2
    page.check("input[name=staff] >> nth=0")
    page.check("input[name=staff] >> nth=1")
    with page.expect_navigation():
        page.click("text=Lưu điểm danh")
    assert "Tham dự: 2" in page.locator("#attendance-summary").inner_text()
    assert "Nữ 1, Nam 1" in page.locator("#attendance-summary").inner_text()
    assert sum(Participation.objects.filter(group="staff").values_list("count", flat=True)) == 2

    page.goto(page.base_url + "/hoat-dong/long-ghep-gioi/them/")
    assert _fits_the_phone(page)
    page.fill("#id_subject", "Đạo đức")
    page.select_option("#id_grade", "3")
    page.fill("#id_lesson", "Bài 5: Em yêu lao động")
    page.fill("#id_content", "Bạn trai và bạn gái cùng làm việc nhà")
    page.fill("#id_taught_on", "2026-11-12")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert "Đã ghi tiết dạy lồng ghép giới" in page.locator(".messages").inner_text()
    assert LessonIntegration.objects.get().teacher == own
    assert "Giáo viên có ít nhất một tiết lồng ghép: 1/3." in page.content()
    assert _fits_the_phone(page)
