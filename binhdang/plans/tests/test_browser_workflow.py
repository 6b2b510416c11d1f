"""Browser: the committee member submits a plan, the principal issues it and sees its number."""

import pytest

from binhdang.plans.models import Plan, PlanStatus
from conftest import browser_login

from .test_workflow import make_plan

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_submit_then_issue(page, world, _browser):
    world.school.short_name = "THA"
    world.school.place = "Đống Đa"
    world.school.save()
    plan = make_plan(world.school)
    detail = f"{page.base_url}/ke-hoach/{plan.uid}/"

    browser_login(page, world.committee_member.username)
    page.goto(detail)
    assert page.locator("#plan-actions a", has_text="Ban hành").count() == 0
    with page.expect_navigation():
        page.click("#plan-actions button:has-text('Trình ký')")
    assert "Đã trình ký kế hoạch" in page.locator(".messages").inner_text()

    principal = _browser.new_context(locale="vi-VN")
    other = principal.new_page()
    other.base_url = page.base_url
    browser_login(other, world.principal.username)
    other.goto(detail)
    with other.expect_navigation():
        other.click("#plan-actions a:has-text('Ban hành')")
    assert "01/KH-THA" in other.locator("main").inner_text()
    with other.expect_navigation():
        other.click("form.stack button[type=submit]")
    panel = other.locator("#quy-trinh").inner_text()
    assert "Đã ban hành – không sửa trực tiếp." in panel and "01/KH-THA" in panel
    principal.close()
    assert Plan.objects.get(pk=plan.pk).status == PlanStatus.ISSUED
