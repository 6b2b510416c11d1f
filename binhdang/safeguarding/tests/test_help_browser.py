"""Browser, phone viewport: a student opens the school's help page, sends a report, gets a code,
and opens the follow-up page with the code and the passphrase."""

import pytest

from binhdang.safeguarding.models import Case, Hotline

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True), pytest.mark.usefixtures("sealing_on")]

PASS = "ca heo xanh 12"


def test_student_sends_a_report_and_follows_it(page, world):
    Hotline.objects.create(unit=world.province, name="Đường dây nóng Sở A", number="0209 123 456")
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{page.base_url}/giup-do/{world.school.code}/")
    assert "0209 123 456" in page.locator(".hotlines").inner_text()
    # "Happening now: yes" brings up the call-now box at once, before sending.
    assert not page.locator(".urgent-live").is_visible()
    page.check("input[name=happening_now][value=yes]")
    assert page.locator(".urgent-live").is_visible()
    page.check("input[name=what][value=bullied]")
    page.fill("#id_narrative", "Các bạn lớp bên cạnh chặn đường em mỗi ngày")
    page.fill("#id_passphrase", PASS)
    with page.expect_navigation():
        page.click("button:has-text('Gửi cho nhà trường')")
    code = page.locator("[data-testid=case-code]").inner_text()
    assert len(code.replace("-", "")) == 12
    assert page.locator(".urgent").first.is_visible() and "0209 123 456" in page.content()
    # No horizontal scroll on the phone.
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert Case.objects.count() == 1
    with page.expect_navigation():
        page.click("a:has-text('Trang theo dõi')")
    assert "0209 123 456" in page.locator(".hotlines").inner_text()
    page.fill("#id_code", code)
    page.fill("#id_passphrase", PASS)
    with page.expect_navigation():
        page.click("button:has-text('Xem')")
    assert "chưa trả lời" in page.content()
    page.fill("#id_text", "Hôm nay lại bị chặn đường")
    with page.expect_navigation():
        page.click("button:has-text('Gửi tin nhắn')")
    assert "Hôm nay lại bị chặn đường" in page.content()
