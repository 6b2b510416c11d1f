"""Browser: import the 000 seed from the plan list, fix one parsed task on the review, save,
and find the fix on the plan page."""

import pytest

from conftest import browser_login

from .test_import_command import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXED = "Tuyên truyền Luật Bình đẳng giới trong mọi lớp học (đã sửa khi nhập)"


def test_import_seed_fix_one_task_and_save(page, world):
    browser_login(page, world.committee_member.username)
    page.click("text=Kế hoạch")
    page.click("#import-plan")
    page.set_input_files("#id_file", str(SEEDS / "000_b75ea42580e22e9e.txt"))
    page.click("text=Tải lên và đọc tệp")
    # The parse runs on the worker (inline here); the status page hands over to the review.
    page.wait_for_selector("#review-form")
    assert page.locator("#title").input_value() == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert page.locator("#signer-name").input_value() == "Nguyễn Ngọc Chín"
    group = page.locator("#s1-b0-items")  # section II, task group 1
    lines = group.input_value().splitlines()
    assert lines[0].startswith("- Đẩy mạnh tuyên truyền, phổ biến Luật Bình đẳng giới")
    group.fill("\n".join([f"- {FIXED}", *lines[1:]]))
    with page.expect_navigation():
        page.click("#save")
    assert page.locator("h1").inner_text() == "Kế hoạch: Triển khai thực hiện công tác bình đẳng giới năm 2023"
    first_group = page.locator(".task-group").first
    assert FIXED in first_group.inner_text()
    assert "Đẩy mạnh tuyên truyền, phổ biến Luật Bình đẳng giới" not in first_group.inner_text()
    assert page.locator(".task-group").count() == 5
