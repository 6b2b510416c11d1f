"""A Sở may ask its communes (each answering for its schools) and the schools directly under it,
instead of every school: the consolidated totals are the same either way. Also: listing a school
and the commune above it is refused (it would count twice), and student protection reaches the
consolidation only as suppressed totals."""

import datetime as dt
import io

import pytest
from django.core.exceptions import ValidationError
from docx import Document

from binhdang.indicators.rollups import value_set
from binhdang.indicators.tests.manual import rate
from binhdang.reports import requests as services
from binhdang.reports.consolidation import consolidate
from binhdang.reports.consolidation_files import render_consolidation_docx
from binhdang.reports.models import Report, ReportStatus
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Channel, Consent
from binhdang.testing import client_in, make_unit

from .builders import activity, sent_request

pytestmark = pytest.mark.django_db
PERIOD = "2025-2026"


@pytest.fixture
def tree(world):
    """Province → commune → schools A and C; province → school B; activities and a rate in each."""
    school_c = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    clubs = rate()
    for school, (num, den), girls in ((world.school, (9, 10), 7), (school_c, (20, 100), 5),
                                      (world.school_b, (300, 600), 40)):
        value_set(unit=school, indicator=clubs, period=PERIOD, rows={"": (num, den)})
        activity(school, "Chuyên đề", dt.date(2025, 11, 20), people=[("students", "F", girls),
                                                                    ("students", "M", 3)])
    return school_c, clubs


def _totals(data, indicator):
    own = next(cell for key, cell in data.own_figures if cell.indicator == indicator and key == "")
    return data.activity_totals, (own.numerator, own.denominator)


def test_commune_answers_and_the_totals_match_asking_every_school(world, tree):
    school_c, clubs = tree
    every_school = sent_request(world.province, indicators=[clubs], title="Báo cáo mọi trường")
    by_commune = sent_request(world.province, indicators=[clubs], title="Báo cáo qua xã")
    by_commune.schools.set([world.commune, world.school_b])
    assert _totals(consolidate(every_school), clubs) == _totals(consolidate(by_commune), clubs) == (
        {"activities": 3, "F": 52, "M": 9, "U": 0}, (329, 710))
    rows = {row.school.code: (row.activities, row.by_sex["F"]) for row in consolidate(by_commune).activities}
    assert rows == {"xa-a": (2, 12), "truong-b": (1, 40)}  # the commune counts schools A and C

    # The commune officer finds the request under "Báo cáo phải nộp", drafts, approves and submits it.
    world.commune.short_name = "UBND-XA"
    world.commune.save()
    officer = client_in(world.commune_officer, world.commune)
    page = officer.get("/bao-cao/").content.decode()
    assert "Báo cáo qua xã" in page and "Báo cáo phải nộp" in page
    assert "Báo cáo mọi trường" not in page.split("Báo cáo phải nộp")[1]  # not listed: not the commune's
    response = officer.post(f"/bao-cao/yeu-cau/{by_commune.uid}/lap/")
    report = Report.objects.get(request=by_commune, unit=world.commune)
    assert response.status_code == 302 and response.url == f"/bao-cao/bao-cao/{report.uid}/"
    activities = next(s for s in report.content if s["kind"] == "activities")["text"]
    assert "đã tổ chức 2 hoạt động" in activities  # its schools' activities, not only its own
    assert officer.post(f"/bao-cao/bao-cao/{report.uid}/duyet/").status_code == 302
    assert officer.post(f"/bao-cao/bao-cao/{report.uid}/nop/").status_code == 302
    report.refresh_from_db()
    assert report.status == ReportStatus.SUBMITTED and report.number.endswith("/BC-UBND-XA")
    # A school under the commune is not asked by that request.
    school_page = client_in(world.principal, world.school).get("/bao-cao/").content.decode()
    assert "Báo cáo qua xã" not in school_page


def test_a_school_and_its_commune_cannot_both_be_listed(world):
    with pytest.raises(ValidationError) as error:
        services.request_save(actor=world.province_officer, unit=world.province, request=None, kind="action_month",
                              title="Trùng", period=PERIOD, covers_from=dt.date(2025, 11, 15),
                              covers_to=dt.date(2025, 12, 15), due_on=dt.date(2025, 12, 20),
                              schools=[world.commune, world.school], sections=[], indicators=[], campaign=None,
                              note="")
    message = " ".join(error.value.message_dict["schools"])
    assert "“Trường Tiểu học A” thuộc “UBND xã A” đã chọn" in message


def test_protection_reaches_the_consolidation_only_as_suppressed_totals(world, settings, tree):
    from binhdang.safeguarding.tests.helpers import key_line, ring

    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    request = sent_request(world.province)
    for n in range(6):
        case = case_create(unit=world.school if n < 3 else world.school_b, channel=Channel.PHONE,
                           category="bullying", narrative="Bí mật của em", actor=None)
        case.victim_sex = "F"
        case.received_at = case.received_at.replace(year=2025, month=11, day=20)
        case.save()
        Consent.objects.create(case=case, purpose="statistics", parent_agreed=n < 5, child_agreed=n < 5,
                               child_aged_7_plus=True, recorded_at=case.received_at)
    data = consolidate(request)
    assert data.protection.total.count == 5 and not data.protection.total.suppressed
    assert data.protection.by_sex["M"].count == 0
    text = "\n".join(p.text for p in Document(io.BytesIO(render_consolidation_docx(data))).paragraphs)
    assert "PHÒNG NGỪA, HỖ TRỢ HỌC SINH" in text and "(đã có sự đồng ý thống kê): 5." in text
    assert "Bí mật" not in text
    # Four consented cases: below the threshold, the report says so instead of the count.
    request_low = sent_request(world.commune)
    low = consolidate(request_low)
    assert low.protection.total.suppressed
    text = "\n".join(p.text for p in Document(io.BytesIO(render_consolidation_docx(low))).paragraphs)
    assert "dưới ngưỡng công bố" in text and "): 3." not in text
