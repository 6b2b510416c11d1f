"""Browser: switch to the school, import a roster with one bad row, fix it, find a pupil."""

import pytest

from binhdang.accounts.models import Membership
from conftest import browser_login

from .import_helpers import STUDENT_HEADER, xlsx_bytes

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ROWS = [
    [1, "HS101", "Nguyễn Thị Hoa", "Nữa", "05/09/2018", "3A1", "Lớp trưởng"],
    [2, "HS102", "Trần Văn Nam", "Nam", "12/01/2018", "3A1", ""],
    [3, "HS103", "Đặng Thu Hà", "Nữ", "07/03/2018", "3A2", ""],
]


def test_import_roster_fix_bad_row_and_search(page, world, tmp_path):
    # The principal also works for the commune, where they land after logging in.
    Membership.objects.create(user=world.principal, unit=world.commune, role="commune_officer")
    browser_login(page, world.principal.username)
    if page.locator("h1").inner_text() == world.school.name:
        with page.expect_navigation():
            page.select_option("#unit-switch", label=world.commune.name)
    with page.expect_navigation():
        page.select_option("#unit-switch", label=world.school.name)
    assert page.locator("h1").inner_text() == world.school.name

    page.click("text=Nhân sự, học sinh")
    page.click("text=Nhập từ Excel/CSV")
    bad = tmp_path / "danh-sach-lop-3.xlsx"
    bad.write_bytes(xlsx_bytes([STUDENT_HEADER, *ROWS], title_rows=[["DANH SÁCH HỌC SINH KHỐI 3"]]))
    page.set_input_files("#id_file", str(bad))
    with page.expect_navigation():
        page.click("text=Tải lên và kiểm tra")
    problem = page.locator("#problems tbody tr")
    assert problem.count() == 1
    assert problem.locator("td").all_inner_texts() == [
        "3", "Giới tính", 'giá trị "Nữa" không hợp lệ (dùng Nam hoặc Nữ, để trống nếu chưa rõ)']
    assert page.locator("#commit").count() == 0

    ROWS[0][3] = "Nữ"
    fixed = tmp_path / "danh-sach-lop-3-da-sua.xlsx"
    fixed.write_bytes(xlsx_bytes([STUDENT_HEADER, *ROWS], title_rows=[["DANH SÁCH HỌC SINH KHỐI 3"]]))
    page.set_input_files("#id_file", str(fixed))
    with page.expect_navigation():
        page.click("text=Tải lên và kiểm tra")
    assert page.locator("#problems").count() == 0
    with page.expect_navigation():
        page.click("#commit")
    assert page.locator("#import-done").inner_text() == "Đã nhập xong: thêm mới 3, cập nhật 0."

    page.click("text=Xem danh sách")
    page.fill("#q", "nguyen thi hoa")
    rows = page.locator("#rows tbody tr")
    rows.filter(has_text="Nguyễn Thị Hoa").wait_for()
    page.wait_for_function("document.querySelectorAll('#rows tbody tr').length === 1")
    assert "Lớp trưởng" in rows.first.inner_text() and "3A1" in rows.first.inner_text()
