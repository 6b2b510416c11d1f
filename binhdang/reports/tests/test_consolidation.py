"""Consolidation (issue 7, item 5): the issuer's totals are the sums of its schools' figures, over a
three-level tree, whichever level they are read from; activities, missing schools and highlights;
the DOCX and XLSX files."""

import datetime as dt
import io
from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from docx import Document
from openpyxl import load_workbook

from binhdang.indicators.models import Rollup
from binhdang.indicators.rollups import value_set
from binhdang.indicators.tests.manual import count, rate
from binhdang.reports.consolidation import consolidate
from binhdang.reports.consolidation_files import render_consolidation_docx, render_consolidation_xlsx
from binhdang.reports.models import ReportStatus
from binhdang.testing import make_unit

from .builders import activity, sent_request
from .helpers import make_version

pytestmark = pytest.mark.django_db
PERIOD = "2025-2026"
# (numerator, denominator) of the rate, by sex, per school: rates 90%, 20%, 50% (their mean is not the answer).
SCHOOL_ROWS = {
    "truong-a": {"sex=F": (5, 5), "sex=M": (4, 5)},
    "truong-c": {"sex=F": (10, 50), "sex=M": (10, 50)},
    "truong-b": {"sex=F": (150, 300), "sex=M": (150, 300)},
}


@pytest.fixture
def tree(world):
    """Province → commune → schools A and C; province → school B (directly)."""
    school_c = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    clubs, sessions = rate(), count()
    schools = {"truong-a": world.school, "truong-c": school_c, "truong-b": world.school_b}
    for code, rows in SCHOOL_ROWS.items():
        total = (sum(n for n, _d in rows.values()), sum(d for _n, d in rows.values()))
        value_set(unit=schools[code], indicator=clubs, period=PERIOD, rows={"": total, **rows})
        value_set(unit=schools[code], indicator=sessions, period=PERIOD, rows={"": (len(code) * 10, None)})
    return schools, clubs, sessions


def _own(data, indicator, key=""):
    return next(cell for k, cell in data.own_figures if cell.indicator == indicator and k == key)


def test_province_total_is_the_sum_of_the_schools_from_any_level(world, tree):
    schools, clubs, sessions = tree
    data = consolidate(sent_request(world.province, indicators=[clubs, sessions]))
    num = sum(n for rows in SCHOOL_ROWS.values() for n, _d in rows.values())
    den = sum(d for rows in SCHOOL_ROWS.values() for _n, d in rows.values())
    total = _own(data, clubs)
    assert (total.numerator, total.denominator) == (num, den) == (329, 710)
    assert total.rounded(2) == (Decimal(329) * 100 / Decimal(710)).quantize(Decimal("0.01"))
    assert total.rounded(2) != Decimal("53.33")  # the mean of the three school rates
    assert _own(data, clubs, "sex=F").numerator == 165
    # From the commune's Rollup plus the school directly under the province: the same totals.
    commune = Rollup.objects.get(unit=world.commune, indicator=clubs, period=PERIOD, disaggregation="")
    direct = Rollup.objects.get(unit=world.school_b, indicator=clubs, period=PERIOD, disaggregation="")
    assert (commune.numerator + direct.numerator, commune.denominator + direct.denominator) == (num, den)
    assert _own(data, sessions).numerator == sum(len(code) * 10 for code in SCHOOL_ROWS)
    # The commune's own consolidation agrees with its Rollup.
    commune_data = consolidate(sent_request(world.commune, indicators=[clubs]))
    commune_total = _own(commune_data, clubs)
    assert (commune_total.numerator, commune_total.denominator) == (commune.numerator, commune.denominator) == (29, 110)
    assert {u.code for u, _k, _c in data.figures} >= {"so-a", "xa-a", "truong-a", "truong-b", "truong-c"}


def test_only_the_requested_indicators(world, tree):
    _schools, clubs, sessions = tree
    data = consolidate(sent_request(world.province, indicators=[clubs]))
    assert {cell.indicator for _u, _k, cell in data.figures} == {clubs}


def test_activities_missing_and_highlights(world, tree):
    schools, clubs, _sessions = tree
    request = sent_request(world.province, indicators=[clubs])
    activity(world.school, "Chuyên đề bình đẳng giới", dt.date(2025, 11, 20),
             people=[("students", "F", 12), ("students", "M", 10), ("teachers", "F", 2)])
    activity(world.school, "Diễn đàn", dt.date(2025, 12, 1), people=[("students", "U", 3)])
    activity(world.school, "Ngoài thời gian", dt.date(2025, 10, 1), people=[("students", "F", 99)])
    activity(world.school_b, "Đã huỷ", dt.date(2025, 11, 25), status="cancelled", people=[("students", "F", 50)])
    report = make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    report.content = [{"title": "Nổi bật", "kind": "highlights", "text": "- Dòng một\n- Dòng hai\n- Ba\n- Bốn"},
                      {"title": "Khác", "kind": "", "text": "không lấy"}]
    report.save()
    make_version(request, world.school_b, ReportStatus.DRAFT)
    data = consolidate(request)
    by_school = {row.school.code: row for row in data.activities}
    assert (by_school["truong-a"].activities, by_school["truong-a"].by_sex) == (2, {"F": 14, "M": 10, "U": 3})
    assert by_school["truong-b"].activities == 0 and by_school["truong-c"].activities == 0
    assert data.activity_totals == {"activities": 2, "F": 14, "M": 10, "U": 3}
    assert {s.code for s in data.missing} == {"truong-b", "truong-c"}
    assert data.highlights == [(world.school, ["Dòng một", "Dòng hai", "Ba"])]

    docx = Document(io.BytesIO(render_consolidation_docx(data)))
    text = "\n".join(p.text for p in docx.paragraphs)
    assert "BÁO CÁO" in text and "Tổng hợp Báo cáo Tháng hành động" in text
    assert "Trường THPT B" in text and "Dòng một" in text and "không lấy" not in text
    assert "đã tổ chức 2 hoạt động" in text
    tables = [[[c.text for c in row.cells] for row in t.rows] for t in docx.tables]
    # Activities by the province's direct children: the commune (schools A and C) and school B.
    activities = next(t for t in tables if t[0][0] == "Đơn vị")
    assert activities[1:] == [["UBND xã A", "2", "14", "10", "3", "27"], ["Trường THPT B", "0", "0", "0", "0", "0"],
                              ["Tổng cộng", "2", "14", "10", "3", "27"]]
    indicators = next(t for t in tables if t[0][0] == "Chỉ số")
    assert [clubs.name, "tổng", "46,3 %", "329/710"] in [row[:2] + [row[2].replace("\xa0", " ")] + row[3:]
                                                         for row in indicators]
    book = load_workbook(io.BytesIO(render_consolidation_xlsx(data)))
    assert book.sheetnames == ["Chỉ số", "Tình trạng nộp", "Hoạt động", "Nổi bật"]
    assert ("Trường Tiểu học A", "truong-a", "Dòng một") in list(book["Nổi bật"].iter_rows(values_only=True))
    rows = list(book["Chỉ số"].iter_rows(values_only=True))
    assert ("Sở GD&ĐT A", clubs.code, clubs.name, "tổng", 329, 710, 46.34) in rows
    states = {r[0]: r[-1] for r in book["Tình trạng nộp"].iter_rows(min_row=2, values_only=True)}
    assert states["Trường Tiểu học A"] == "Đúng hạn" and states["Trường THPT B"] != "Đúng hạn"
    assert ("Trường Tiểu học A", "truong-a", 2, 14, 10, 3, 27) in list(book["Hoạt động"].iter_rows(values_only=True))


def _queries(request) -> int:
    with CaptureQueriesContext(connection) as captured:
        consolidate(request)
    return len(captured)


def test_a_fixed_number_of_queries_whatever_the_number_of_schools(world, tree):
    _schools, clubs, _sessions = tree
    request = sent_request(world.province, indicators=[clubs])
    for school in (world.school, world.school_b):
        activity(school, "Chuyên đề", dt.date(2025, 11, 20), people=[("students", "F", 3)])
    before = _queries(request)
    for n in range(5):
        school = make_unit(f"truong-them-{n}", "school", world.commune, "primary", name=f"Trường thêm {n}")
        activity(school, "Chuyên đề", dt.date(2025, 11, 21), people=[("students", "M", 2)])
        make_version(request, school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    assert _queries(request) == before


def test_the_issuer_picks_highlights_for_its_consolidation(world, tree):
    from binhdang.audit.models import AuditEntry
    from binhdang.testing import client_in

    _schools, clubs, _sessions = tree
    request = sent_request(world.province, indicators=[clubs])
    report = make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=dt.date(2025, 12, 18))
    report.content = [{"title": "Nổi bật", "kind": "highlights", "text": "- Một\n\n- Hai\n+ Ba\n- Bốn"}]
    report.save()
    other = make_version(request, world.school_b, ReportStatus.ACCEPTED, submitted_on=dt.date(2025, 12, 18))
    other.content = [{"title": "Nổi bật", "kind": "highlights", "text": "- Năm\n- Sáu"}]
    other.save()
    assert dict(consolidate(request).highlights) == {world.school: ["Một", "Hai", "Ba"], world.school_b: ["Năm", "Sáu"]}

    officer = client_in(world.province_officer, world.province)
    page = officer.get(f"/bao-cao/bao-cao/{report.uid}/").content.decode()
    assert 'name="line" value="3"' in page and "Bốn" in page
    response = officer.post(f"/bao-cao/bao-cao/{report.uid}/noi-bat/", {"line": ["3", "1"]})
    assert response.status_code == 302 and response.url == f"/bao-cao/bao-cao/{report.uid}/"
    # Once the issuer picks, only its picks go in (school B's lines were not picked).
    assert consolidate(request).highlights == [(world.school, ["Hai", "Bốn"])]
    assert AuditEntry.objects.filter(action="report.highlights_pick").latest("id").details == {"positions": [1, 3]}
    report.refresh_from_db()
    assert report.content[0]["text"].startswith("- Một")  # the frozen report is untouched

    # A line the report does not have: a Vietnamese message naming it, the earlier pick kept.
    page = officer.post(f"/bao-cao/bao-cao/{report.uid}/noi-bat/", {"line": ["1", "9"]}, follow=True)
    assert "Dòng số 10 không có trong phần hoạt động nổi bật" in page.content.decode()
    assert consolidate(request).highlights == [(world.school, ["Hai", "Bốn"])]
    # The school reads its report but does not pick; an outsider does not see it.
    assert client_in(world.principal, world.school).post(f"/bao-cao/bao-cao/{report.uid}/noi-bat/",
                                                         {"line": ["0"]}).status_code == 403
    assert client_in(world.outsider, world.other_school).post(f"/bao-cao/bao-cao/{report.uid}/noi-bat/",
                                                              {"line": ["0"]}).status_code == 404
    # Taking every pick back returns to the first lines of each school.
    officer.post(f"/bao-cao/bao-cao/{report.uid}/noi-bat/", {})
    assert dict(consolidate(request).highlights)[world.school_b] == ["Năm", "Sáu"]
