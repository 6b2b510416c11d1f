"""Browser: a province officer opens the indicator dashboard, opens an indicator, drills down
through the commune to a school, downloads the school's table as XLSX, and the workbook holds the
numbers the page shows."""

import io

import openpyxl
import pytest

from binhdang.activities.tests.people_work import staff
from conftest import browser_login

from .dash_helpers import share_indicator

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_province_officer_drills_down_and_exports(page, world):
    share_indicator()
    staff(world.school, "An", "F", "principal")
    for name in ("Bình", "Cường"):
        staff(world.school, name, "M", "vice_principal")
    staff(world.school_b, "Hoa", "F", "principal")
    browser_login(page, world.province_officer.username)
    page.goto(f"{page.base_url}/chi-so/")
    row = page.locator('#dashboard-table tr[data-indicator="women-managers"]')
    assert row.locator('[data-col="value"] strong').inner_text() == "50,0"  # (1 + 1) / (3 + 1)
    row.get_by_role("link", name="Tỷ lệ nữ cán bộ quản lý").click()
    page.locator("#chart").wait_for()
    page.locator("#children-table").get_by_role("link", name="UBND xã A").click()
    page.wait_for_url("**don-vi=*")
    assert page.locator("#unit-name").inner_text() == "UBND xã A"
    page.locator("#children-table").get_by_role("link", name="Trường Tiểu học A").click()
    page.locator("#unit-name").filter(has_text="Trường Tiểu học A").wait_for()
    shown = [
        [cell.inner_text() for cell in tr.locator("td").all()]
        for tr in page.locator("#summary-table tbody tr").all()
    ]
    assert shown[0] == ["Tổng", "1", "3", "33,3"]
    with page.expect_download() as info:
        page.click("#export-xlsx")
    download = info.value
    assert download.suggested_filename.startswith("chi-so-women-managers-truong-a-")
    sheet = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes())).active  # the path has no suffix
    rows = list(sheet.iter_rows(values_only=True))
    assert rows[0][-7:] == ("org", "indicator", "period", "disaggregation", "numerator", "denominator", "value")
    in_file = [[row[3], row[4], row[-3], row[-2], row[-1]] for row in rows[1:]]
    on_page = [[label, value, *([int(n)] if n != "—" else [None]), *([int(d)] if d != "—" else [None]),
                float(value.replace(",", ".")) if value != "—" else None] for label, n, d, value in shown]
    # Same rows, same numbers: the file's value is the page's to 2 decimals (33.33 shown as 33,3).
    assert [r[:4] for r in in_file] == [r[:4] for r in on_page]
    assert all(f[4] is None if p[4] is None else round(f[4], 1) == p[4] for f, p in zip(in_file, on_page, strict=True))
    assert in_file[0][4] == 33.33
