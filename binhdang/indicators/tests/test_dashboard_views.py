"""Dashboard pages: who may drill down where, the exports carry exactly the page's rows, bad
input is refused in Vietnamese, and the command-line export's columns."""

import csv
import io

import openpyxl
import pytest
from django.core.management import CommandError, call_command
from django.urls import reverse

from binhdang.activities.tests.people_work import staff
from binhdang.indicators.periods import current
from binhdang.testing import client_in, make_unit

from .dash_helpers import incident_indicator, put, share_indicator, table_rows

pytestmark = pytest.mark.django_db

COLUMNS = ["org", "indicator", "period", "disaggregation", "numerator", "denominator", "value"]


@pytest.fixture
def figures(world):
    share = share_indicator()
    world.school_c = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    staff(world.school, "An", "F", "principal")
    staff(world.school, "Bình", "M", "vice_principal")
    staff(world.school, "Cường", "M", "vice_principal")
    staff(world.school_c, "Hoa", "F", "principal")
    staff(world.school_b, "Hùng", "M", "principal")
    world.share = share
    return world


def test_drill_down_stays_inside_the_users_units(figures):
    url = reverse("indicators:indicator", args=[figures.share.code])
    officer = client_in(figures.province_officer, figures.province)
    page = officer.get(url, {"don-vi": str(figures.school.uid)})
    assert page.status_code == 200 and "Trường Tiểu học A" in page.content.decode()
    # The other province's school, for the province officer; a school outside the commune, for
    # the commune officer; anything, for the outsider: not found, as if it did not exist.
    assert officer.get(url, {"don-vi": str(figures.other_school.uid)}).status_code == 404
    commune = client_in(figures.commune_officer, figures.commune)
    assert commune.get(url, {"don-vi": str(figures.school.uid)}).status_code == 200
    assert commune.get(url, {"don-vi": str(figures.school_b.uid)}).status_code == 404
    outsider = client_in(figures.outsider, figures.other_school)
    assert outsider.get(url, {"don-vi": str(figures.school.uid)}).status_code == 404
    assert outsider.get(reverse("indicators:dashboard"), {"don-vi": str(figures.province.uid)}).status_code == 404
    assert officer.get(url, {"don-vi": "not-a-uid"}).status_code == 404
    assert officer.get(reverse("indicators:indicator", args=["khong-co"])).status_code == 404


def test_bad_period_and_format_are_refused_in_vietnamese(figures):
    client = client_in(figures.province_officer, figures.province)
    page = client.get(reverse("indicators:dashboard"), {"ky": "2025"})
    assert page.status_code == 400 and "Kỳ (ky)" in page.content.decode()
    page = client.get(reverse("indicators:dashboard"), {"format": "pdf"})
    assert page.status_code == 400 and "Định dạng (format)" in page.content.decode()


def test_province_page_drills_to_children_and_shows_chart_and_table(figures):
    client = client_in(figures.province_officer, figures.province)
    page = client.get(reverse("indicators:indicator", args=[figures.share.code]))
    html = page.content.decode()
    assert html.count('class="ind-bar"') == 2  # one bar per child, drawn by the server
    assert html.index('id="chart"') < html.index('id="children-table"')  # each chart followed by its table
    rows = table_rows(page.content, "children-table")
    assert [(r["org"], r["numerator"], r["denominator"], r["value"]) for r in rows] == [
        ("xa-a", "2", "4", "50,0"), ("truong-b", "0", "1", "0,0")]
    assert f"?don-vi={figures.commune.uid}&amp;ky={current()}" in html


def _csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_exports_carry_the_rows_of_the_page(figures):
    client = client_in(figures.commune_officer, figures.commune)
    url = reverse("indicators:indicator", args=[figures.share.code])
    html = client.get(url).content
    page = table_rows(html, "summary-table") + table_rows(html, "children-table")
    data = _csv_rows(client.get(url, {"format": "csv"}))
    assert data[0][:6] == ["Đơn vị", "Chỉ số", "Kỳ", "Phân tổ", "Giá trị hiển thị", "Đơn vị tính"]
    assert data[0][6:] == COLUMNS
    shown = [(r["org"], r["disaggregation"], r["value"]) for r in page]
    assert [(row[6], row[9], row[4]) for row in data[1:]] == shown
    assert [(row[6], row[10], row[11], row[12]) for row in data[1:]] == [
        ("xa-a", "2", "4", "50"), ("xa-a", "", "", ""), ("xa-a", "", "", ""),  # no sex split of this rate
        ("truong-a", "1", "3", "33.33"), ("truong-c", "1", "1", "100")]
    response = client.get(url, {"format": "xlsx"})
    assert response["Content-Disposition"] == f'attachment; filename="chi-so-women-managers-xa-a-{current()}.xlsx"'
    sheet = openpyxl.load_workbook(io.BytesIO(response.content)).active
    cells = [[("" if c is None else c) for c in row] for row in sheet.iter_rows(values_only=True)]
    assert cells[0] == data[0]
    assert [row[6:] for row in cells[1:]] == [
        [row[6], row[7], row[8], row[9], *(float(v) if "." in v else (int(v) if v else "") for v in row[10:])]
        for row in data[1:]]


def test_dashboard_export_has_each_indicator_by_sex(figures):
    incidents = incident_indicator()
    put(figures.school, incidents, current(), 3, female=2, male=1)
    client = client_in(figures.principal, figures.school)
    response = client.get(reverse("indicators:dashboard"))
    page = table_rows(response.content, "dashboard-table")
    assert [(r["value"], r["sex=F"], r["sex=M"]) for r in page] == [("33,31/3", "—", "—"), ("3", "2", "1")]
    data = _csv_rows(client.get(reverse("indicators:dashboard"), {"format": "csv"}))
    period = current()
    assert [row[6:] for row in data[1:]] == [
        ["truong-a", "women-managers", period, "", "1", "3", "33.33"],
        ["truong-a", "women-managers", period, "sex=F", "", "", ""],
        ["truong-a", "women-managers", period, "sex=M", "", "", ""],
        # At the school itself an incident count below the threshold is shown.
        ["truong-a", "incidents", period, "", "3", "", "3"],
        ["truong-a", "incidents", period, "sex=F", "2", "", "2"],
        ["truong-a", "incidents", period, "sex=M", "1", "", "1"]]


def test_cli_export_columns_and_rows(figures, tmp_path):
    incidents = incident_indicator()
    put(figures.school, incidents, current(), 2)
    put(figures.school_c, incidents, current(), 6)
    target = tmp_path / "so.csv"
    call_command("indicators", "export", "--org", "so-a", "--period", current(), "--format", "csv",
                 "--output", str(target), stdout=io.StringIO())
    rows = list(csv.reader(io.StringIO(target.read_text("utf-8-sig"))))
    assert rows[0] == COLUMNS
    period = current()
    # Every disaggregation has its row (the computation also splits by level and position)...
    assert ["so-a", "women-managers", period, "level=primary", "2", "4", "50"] in rows
    # ...and the totals, unit by unit down the tree:
    assert [row for row in rows[1:] if row[3] == ""] == [
        ["so-a", "women-managers", period, "", "2", "5", "40"],
        ["so-a", "incidents", period, "", "8", "", "8"],
        ["xa-a", "women-managers", period, "", "2", "4", "50"],
        ["xa-a", "incidents", period, "", "8", "", "8"],
        ["truong-b", "women-managers", period, "", "0", "1", "0"],
        ["truong-a", "women-managers", period, "", "1", "3", "33.33"],
        ["truong-a", "incidents", period, "", "", "", ""],  # 2 < 5: suppressed above the school
        ["truong-c", "women-managers", period, "", "1", "1", "100"],
        ["truong-c", "incidents", period, "", "", "", ""]]  # and 6 with it, or 8 − 6 would give the 2
    book = tmp_path / "truong.xlsx"
    call_command("indicators", "export", "--org", "truong-a", "--period", period, "--format", "xlsx",
                 "--output", str(book), stdout=io.StringIO())
    sheet = openpyxl.load_workbook(book).active
    cells = list(sheet.iter_rows(values_only=True))
    assert cells[0] == tuple(COLUMNS)
    assert [row for row in cells[1:] if row[3] is None] == [
        ("truong-a", "women-managers", period, None, 1, 3, 33.33),
        ("truong-a", "incidents", period, None, 2, None, 2)]  # the school's own export hides nothing


@pytest.mark.parametrize(("options", "message"), [
    (["--org", "khong-co", "--period", "2025-2026", "--format", "csv"], "Không có đơn vị mã “khong-co”"),
    (["--org", "so-a", "--period", "2025", "--format", "csv"], "không hợp lệ"),
    (["--org", "so-a", "--period", "2025-2026", "--format", "pdf"], "Định dạng “pdf” không hỗ trợ"),
])
def test_cli_errors_are_in_vietnamese(world, tmp_path, options, message):
    with pytest.raises(CommandError, match=message):
        call_command("indicators", "export", *options, "--output", str(tmp_path / "x"))
