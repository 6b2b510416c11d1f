"""Browser, the whole plan journey of issue 3: the commune imports the 000 seed, fixes one
parsed item and issues it; the school derives its plan from it, issues that with the next
number of its register, and downloads the DOCX, which carries the fix and the number."""

import io

import docx
import pytest

from binhdang.plans.models import Plan, PlanStatus
from conftest import browser_login

from .test_import_command import SEEDS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

FIXED = "Tuyên truyền Luật Bình đẳng giới tới mọi lớp học và cha mẹ học sinh"
TITLE = "Triển khai thực hiện công tác bình đẳng giới năm 2023"


def _issue(page):
    with page.expect_navigation():
        page.click("#plan-actions a:has-text('Ban hành')")
    with page.expect_navigation():
        page.click("form.stack button[type=submit]")
    assert "Đã ban hành – không sửa trực tiếp." in page.locator("#quy-trinh").inner_text()


def test_import_fix_issue_derive_issue_download(page, world, _browser):
    world.commune.short_name, world.commune.place = "UBND", "Xã A"
    world.commune.save()
    world.school.short_name, world.school.place = "THA", "Xã A"
    world.school.save()

    # The commune officer imports the seed and corrects the first task before saving.
    browser_login(page, world.commune_officer.username)
    page.click("text=Kế hoạch")
    page.click("#import-plan")
    page.set_input_files("#id_file", str(SEEDS / "000_b75ea42580e22e9e.txt"))
    page.click("text=Tải lên và đọc tệp")
    page.wait_for_selector("#review-form")
    group = page.locator("#s1-b0-items")
    lines = group.input_value().splitlines()
    group.fill("\n".join([f"- {FIXED}", *lines[1:]]))
    with page.expect_navigation():
        page.click("#save")
    commune_plan = Plan.objects.get(issuer_unit=world.commune)
    assert FIXED in page.locator(".task-group").first.inner_text()

    # … and issues it (an ADMIN may issue a draft directly): number 01 of the commune's register.
    _issue(page)
    commune_plan.refresh_from_db()
    assert commune_plan.status == PlanStatus.ISSUED and commune_plan.number == "01/KH-UBND"

    # The school's principal starts the school plan from it.
    school_context = _browser.new_context(locale="vi-VN", viewport={"width": 1280, "height": 900})
    school = school_context.new_page()
    school.set_default_timeout(15000)
    school.base_url = page.base_url
    browser_login(school, world.principal.username)
    school.goto(school.base_url + "/ke-hoach/")
    school.click("text=Lập kế hoạch từ kế hoạch cấp trên / năm trước")
    row = school.locator("#tu-cap-tren tbody tr", has_text=TITLE)
    assert "01/KH-UBND" in row.inner_text()
    with school.expect_navigation():
        row.locator("button", has_text="Lập kế hoạch thực hiện").click()
    school_plan = Plan.objects.get(source_plan=commune_plan)
    assert school.url == f"{school.base_url}/ke-hoach/{school_plan.uid}/"
    assert FIXED in school.locator(".task-group").first.inner_text()

    # Issued: the school's own series starts at 01.
    _issue(school)
    school_plan.refresh_from_db()
    assert school_plan.number == "01/KH-THA"

    # The DOCX is made by the worker (inline in tests) and downloaded.
    with school.expect_navigation():
        school.click("#export-docx")
    link = school.locator("#export-download")
    link.wait_for()
    with school.expect_download() as download_info:
        link.click()
    with open(download_info.value.path(), "rb") as handle:
        document = docx.Document(io.BytesIO(handle.read()))
    text = "\n".join(p.text for p in document.paragraphs)
    cells = "\n".join(c.text for t in document.tables for row in t.rows for c in row.cells)
    assert "01/KH-THA" in cells
    assert TITLE in text and FIXED in text
    assert "Thực hiện Kế hoạch số 01/KH-UBND" in text
    school_context.close()
