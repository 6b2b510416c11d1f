"""Browser, phone-sized: a homeroom teacher logs an activity against a task of the school's issued
plan with two photos and participant counts and reports it done; the committee member then sees
that task's progress on the plan progress page."""

import pytest
from PIL import Image

from binhdang.activities.models import Activity, ActivityStatus
from conftest import browser_login

from .helpers import issued_plan, tasks_of

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}


def _photos(tmp_path) -> list[str]:
    paths = []
    for index, colour in enumerate(("crimson", "seagreen"), start=1):
        path = tmp_path / f"anh-sinh-hoat-{index}.jpg"
        Image.new("RGB", (1200, 900), colour).save(path, "JPEG")
        paths.append(str(path))
    return paths


def _no_horizontal_scroll(page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth + 1")


def test_teacher_logs_with_photos_committee_sees_progress(page, world, _browser, tmp_path):
    plan = issued_plan(world)
    task = tasks_of(plan)[0]
    page.set_viewport_size(PHONE)
    browser_login(page, world.teacher.username)

    page.goto(page.base_url + "/hoat-dong/")
    page.click("#log-activity")
    _no_horizontal_scroll(page)
    page.select_option("#id_task", str(task.pk))
    page.select_option("#id_kind", "flag_talk")
    page.fill("#id_title", "Sinh hoạt dưới cờ: bạn trai, bạn gái cùng tôn trọng")
    page.fill("#id_starts_at", "2026-11-23T07:15")
    page.fill("#id_ends_at", "2026-11-23T07:45")
    page.fill("#id_place", "Sân trường")
    page.check("input[name=audiences][value=students]")
    page.fill("#p-students-F", "212")
    page.fill("#p-students-M", "198")
    page.fill("#p-staff-F", "9")
    with page.expect_navigation():
        page.click("#save-activity")
    activity = Activity.objects.get()
    assert page.url == f"{page.base_url}/hoat-dong/{activity.uid}/"
    assert page.locator("#participants-total").inner_text() == "419"

    # Two photos from the phone's gallery; the worker (inline here) makes their thumbnails.
    page.set_input_files("#evidence-files", _photos(tmp_path))
    with page.expect_navigation():
        page.click("#upload-evidence")
    thumbs = page.locator("#evidence-gallery img")
    assert thumbs.count() == 2
    # Wait for the thumbnails to load (checking at once raced the image requests on a loaded CI machine).
    page.wait_for_function(
        "() => [...document.querySelectorAll('#evidence-gallery img')].every(i => i.complete && i.naturalWidth > 0)")
    _no_horizontal_scroll(page)

    # Reported done with the results and the final counts.
    page.click("#report-link")
    page.fill("#id_results", "Học sinh sôi nổi trả lời câu hỏi về bình đẳng giới.")
    page.fill("#p-students-F", "215")
    with page.expect_navigation():
        page.click("#save-report")
    assert page.locator("#activity-status").inner_text() == "Đã thực hiện"
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE and activity.evidence.count() == 2

    # The committee member opens the plan and its progress page: the task has 1 done.
    committee_context = _browser.new_context(locale="vi-VN", viewport=PHONE)
    committee = committee_context.new_page()
    committee.set_default_timeout(15000)
    committee.base_url = page.base_url
    browser_login(committee, world.committee_member.username)
    committee.goto(f"{committee.base_url}/ke-hoach/{plan.uid}/")
    with committee.expect_navigation():
        committee.click("#plan-progress-link")
    row = committee.locator(f"#progress [data-task='{task.pk}']")
    assert "1/1" in row.locator(".task-progress").inner_text()
    # Participants by sex (Nam, Nữ, Chưa ghi nhận): 198 boys; 215 girls + 9 women teachers.
    assert row.locator(".sex").all_inner_texts() == ["198", "224", "0"]
    others = committee.locator("#without-activity li")
    assert others.count() == len(tasks_of(plan)) - 1
    committee_context.close()
