"""Browser, on a phone: a committee member enters the school's figures, is asked to confirm a value
far from last year's, saves anyway and marks the year complete."""

import pytest

from binhdang.indicators.models import Completeness, DataValue
from binhdang.indicators.rollups import value_set
from conftest import browser_login

from .manual import count, rate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def test_entry_with_an_outlier_confirmed_on_a_phone(page, world):
    clubs, sessions = rate(), count()
    value_set(unit=world.school, indicator=sessions, period="2024-2025", rows={"": (10, None)}, manual=True)
    page.set_viewport_size(PHONE)
    browser_login(page, world.committee_member.username)
    page.goto(page.base_url + "/chi-so/nhap/?ky=2025-2026")
    for name, value in {"num": 30, "den": 100, "num-F": 20, "num-M": 10, "den-F": 48, "den-M": 52}.items():
        page.fill(f"input[name='v-clubs-girls-{name}']", str(value))
    page.fill("input[name='v-counselling-sessions-num']", "40")
    assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    with page.expect_navigation():
        page.click("#entry > p button")
    assert "10 của năm học 2024-2025" in page.locator("#warnings").inner_text()
    assert not DataValue.objects.filter(indicator=clubs).exists()
    with page.expect_navigation():
        page.click("button[name=confirm]")
    assert "Đã lưu số liệu năm học 2025-2026" in page.locator(".messages").inner_text()
    assert DataValue.objects.get(indicator=sessions, period="2025-2026").numerator == 40
    assert page.input_value("input[name='v-clubs-girls-den-F']") == "48"
    with page.expect_navigation():
        page.click("#completeness button")
    assert Completeness.objects.filter(unit=world.school, period="2025-2026").exists()
    page.screenshot(path="/tmp/ind-entry-phone.png", full_page=True)
