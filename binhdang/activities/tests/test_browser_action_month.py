"""Browser, phone-sized, the issue's must-show journey: the commune launched the Action Month (set
up through the services), so the school has campaign tasks in a draft plan; a homeroom teacher logs
an activity against one with two photos and participant counts and reports it done; the committee
member sees the task's progress move; the province officer (rights flow down to the commune's
campaign) sees the school on the board with 1 activity done and participants 20/18."""

import pytest
from PIL import Image

from binhdang.activities.campaigns import campaign_launch
from binhdang.activities.models import Activity, ActivityStatus, CampaignSchool
from conftest import browser_login

from .campaign_helpers import make_campaign

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _photos(tmp_path) -> list[str]:
    paths = []
    for index, colour in enumerate(("darkorange", "steelblue"), start=1):
        path = tmp_path / f"thang-hanh-dong-{index}.jpg"
        Image.new("RGB", (1200, 900), colour).save(path, "JPEG")
        paths.append(str(path))
    return paths


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def _phone(browser, base_url, username):
    context = browser.new_context(locale="vi-VN", viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(15000)
    page.base_url = base_url
    browser_login(page, username)
    return context, page


def test_action_month_journey_on_a_phone(page, world, _browser, tmp_path):
    campaign = make_campaign(world.commune_officer, world.commune)
    campaign_launch(actor=world.commune_officer, campaign=campaign)
    entry = CampaignSchool.objects.select_related("task_group__plan").get(campaign=campaign, unit=world.school)
    task = entry.task_group.tasks.order_by("position").first()
    assert entry.task_group.plan.status == "draft"

    # The homeroom teacher logs the activity against the campaign task, from the activity list.
    page.set_viewport_size(PHONE)
    browser_login(page, world.teacher.username)
    page.goto(page.base_url + "/hoat-dong/")
    assert page.locator("#activity-tabs a").count() == 7
    _no_horizontal_scroll(page)
    page.click("#log-activity")
    group = page.locator("#id_task optgroup", has=page.locator(f"option[value='{task.pk}']"))
    assert group.get_attribute("label").startswith("Tháng hành động 2026: Chung tay chấm dứt bạo lực")
    page.select_option("#id_task", str(task.pk))
    page.select_option("#id_kind", "communication")
    page.fill("#id_title", "Treo băng rôn hưởng ứng Tháng hành động")
    page.fill("#id_starts_at", "2026-11-20T07:00")
    page.check("input[name=audiences][value=students]")
    page.fill("#p-students-F", "20")
    page.fill("#p-students-M", "18")
    _no_horizontal_scroll(page)
    with page.expect_navigation():
        page.click("#save-activity")
    activity = Activity.objects.get()
    assert activity.campaign == campaign and activity.task == task

    page.set_input_files("#evidence-files", _photos(tmp_path))
    with page.expect_navigation():
        page.click("#upload-evidence")
    assert page.locator("#evidence-gallery img").count() == 2
    page.click("#report-link")
    page.fill("#id_results", "Băng rôn treo ở cổng trường; lớp 5A tuyên truyền cho toàn trường.")
    with page.expect_navigation():
        page.click("#save-report")
    assert page.locator("#activity-status").inner_text() == "Đã thực hiện"
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE and activity.evidence.count() == 2

    # The committee member: the school's campaign page, then the progress of the (draft) plan.
    committee_context, committee = _phone(_browser, page.base_url, world.committee_member.username)
    committee.goto(committee.base_url + "/hoat-dong/thang-hanh-dong/")
    committee.click("#campaigns a")
    assert "Treo băng rôn hưởng ứng Tháng hành động" in committee.locator(".item-progress").first.inner_text()
    with committee.expect_navigation():
        committee.click("#campaign-plan-progress")
    row = committee.locator(f"#progress [data-task='{task.pk}']")
    assert "1/1" in row.locator(".task-progress").inner_text()
    assert row.locator(".sex").all_inner_texts() == ["18", "20", "0"]  # Nam, Nữ, Chưa ghi nhận
    _no_horizontal_scroll(committee)
    committee_context.close()

    # The province officer reads the commune's board: the school with 1 done, 20 girls and 18 boys.
    province_context, province = _phone(_browser, page.base_url, world.province_officer.username)
    province.goto(province.base_url + "/hoat-dong/thang-hanh-dong/")
    with province.expect_navigation():
        province.click(f"#campaigns a[href*='{campaign.uid}']")
    cells = province.locator("#board tbody tr", has_text=world.school.name).locator("td").all_inner_texts()
    assert cells[1:8] == ["0", "1", "0", "20", "18", "0", "38"]
    province_context.close()
