"""Browser: a school principal starts the school's plan from the commune's issued plan and
checks that it carries out every task of it."""

import datetime as dt

import pytest

from binhdang.plans.models import Plan, PlanStatus
from conftest import browser_login

from .test_views import _import

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_principal_derives_the_school_plan_and_sees_full_coverage(page, world):
    source = _import(world.commune)
    source.status = PlanStatus.ISSUED
    source.number = "05/KH-UBND"
    source.document_date = dt.date(2023, 1, 10)
    source.save()
    tasks = 16

    browser_login(page, world.principal.username)
    page.goto(page.base_url + "/ke-hoach/")
    page.click("text=Lập kế hoạch từ kế hoạch cấp trên / năm trước")
    row = page.locator("#tu-cap-tren tbody tr", has_text=source.title)
    assert "05/KH-UBND" in row.inner_text()
    with page.expect_navigation():
        row.locator("button", has_text="Lập kế hoạch thực hiện").click()

    plan = Plan.objects.get(source_plan=source)
    assert page.url == f"{page.base_url}/ke-hoach/{plan.uid}/"
    assert "Đã lập dự thảo kế hoạch" in page.locator(".messages").inner_text()
    assert "Thực hiện Kế hoạch số 05/KH-UBND ngày 10/01/2023 của UBND xã A" in page.content()

    with page.expect_navigation():
        page.locator("#plan-actions").get_by_text("Độ bao phủ").click()
    summary = page.locator("#coverage-summary").inner_text()
    assert f"Đã thực hiện {tasks}/{tasks} nhiệm vụ của kế hoạch cấp trên (100%)." in summary
    assert page.locator("#coverage tr.addressed").count() == tasks
    assert page.locator("#coverage tr.missing").count() == 0
