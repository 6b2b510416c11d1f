import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from binhdang.reports import tracking
from binhdang.reports.models import ReportStatus
from binhdang.testing import make_unit

from .helpers import DUE, make_request, make_version

pytestmark = pytest.mark.django_db
D = dt.date


@pytest.fixture
def tracked(world):
    """Five schools under the Sở, figures worked out by hand in the tests below."""
    c, d, e, f = (make_unit(f"truong-{x}", "school", world.province, "primary", name=f"Trường {x.upper()}")
                  for x in "cdef")
    request = make_request(world.province)
    # A: on time. B: v1 returned, v2 late (only the latest counts). C: returned, nothing new yet.
    # D: a draft only. E: nothing. F: v1 late and returned, v2 on time.
    make_version(request, world.school, ReportStatus.SUBMITTED, submitted_on=D(2025, 12, 19))
    b1 = make_version(request, world.school_b, ReportStatus.RETURNED, submitted_on=D(2025, 12, 18))
    make_version(request, world.school_b, ReportStatus.SUBMITTED, version=2, previous=b1,
                 submitted_on=D(2025, 12, 22), late=True)
    make_version(request, c, ReportStatus.RETURNED, submitted_on=D(2025, 12, 17))
    make_version(request, d, ReportStatus.DRAFT)
    f1 = make_version(request, f, ReportStatus.RETURNED, submitted_on=D(2025, 12, 21), late=True)
    # Tracking reads is_late as the workflow decided it (a resubmission's own rule), never the dates.
    make_version(request, f, ReportStatus.ACCEPTED, version=2, previous=f1, submitted_on=D(2025, 12, 23))
    return request, {"A": world.school, "B": world.school_b, "C": c, "D": d, "E": e, "F": f}


def test_states_and_totals_after_the_due_date(tracked):
    request, schools = tracked
    data = tracking.request_tracking(request, today=D(2025, 12, 25))
    states = {row["school"]: row["state"] for row in data.rows}
    assert states == {schools["A"]: "on_time", schools["B"]: "late", schools["C"]: "returned",
                      schools["D"]: "missing", schools["E"]: "missing", schools["F"]: "on_time"}
    assert data.totals == {"expected": 6, "submitted": 3, "on_time": 2, "late": 1, "returned": 1,
                           "missing": 2, "not_due": 0}
    latest = {row["school"]: row["report"] for row in data.rows}
    assert latest[schools["B"]].version == 2 and latest[schools["E"]] is None


def test_before_the_due_date_nothing_is_missing(tracked):
    request, _schools = tracked
    totals = tracking.request_tracking(request, today=DUE - dt.timedelta(days=1)).totals
    assert totals["missing"] == 0 and totals["not_due"] == 2


def test_completeness_counts_each_school_from_its_first_submission(tracked):
    request, _schools = tracked
    series = dict(tracking.request_tracking(request, today=D(2025, 12, 25)).series)
    assert min(series) == D(2025, 12, 1)  # the sending day
    assert max(series) == D(2025, 12, 21)  # past the due date: F first handed in late
    # B from 18/12 (its returned first version; its 22/12 resubmission does not move it), A 19/12, F 21/12.
    assert [series[D(2025, 12, n)] for n in (17, 18, 19, 20, 21)] == [0, 1, 2, 2, 3]

def test_completeness_stops_today_while_the_request_runs(world):
    series = tracking.request_tracking(make_request(world.commune), today=D(2025, 12, 10)).series
    assert series[0] == (D(2025, 12, 1), 0) and series[-1] == (D(2025, 12, 10), 0) and len(series) == 10
    assert tracking.request_tracking(make_request(world.commune, sent=False)).series == []


def test_a_listed_request_tracks_only_its_schools(world, tracked):
    request = make_request(world.province, schools=[world.school_b])
    data = tracking.request_tracking(request, today=D(2025, 12, 25))
    assert [row["school"] for row in data.rows] == [world.school_b]
    assert data.totals["missing"] == 1


def test_school_todo(world, tracked):
    province_request, _schools = tracked
    commune_request = make_request(world.commune, due_on=D(2025, 12, 28))
    make_request(world.province, schools=[world.school_b])  # not for school A
    make_request(world.commune, sent=False)  # a draft: not sent yet
    make_request(world.other_province)  # another tree
    rows = tracking.todo_for_school(world.school, today=D(2025, 12, 22))
    assert [row["request"] for row in rows] == [province_request, commune_request]
    assert rows[0]["done"] and rows[0]["days_late"] == 2 and rows[0]["report"].status == "submitted"
    assert not rows[1]["done"] and rows[1]["days_left"] == 6 and rows[1]["report"] is None
    assert [row["request"] for row in tracking.todo_for_school(world.school_b, today=D(2025, 12, 22))][:1] == [
        province_request]


def test_authority_counts(world, tracked):
    request, _schools = tracked
    draft = make_request(world.province, sent=False, schools=[world.school, world.school_b])
    rows = {row["request"]: row for row in tracking.requests_of_authority(world.province)}
    assert (rows[request]["expected"], rows[request]["handed_in"]) == (6, 3)
    assert (rows[draft]["expected"], rows[draft]["handed_in"]) == (2, 0)


def _queries(request) -> int:
    with CaptureQueriesContext(connection) as queries:
        tracking.request_tracking(request, today=D(2025, 12, 25))
    return len(queries)


def test_tracking_queries_do_not_grow_with_schools(world):
    small, large = make_unit("xa-nho", "commune", world.province), make_unit("xa-lon", "commune", world.province)
    for parent, count in ((small, 3), (large, 30)):
        for n in range(count):
            school = make_unit(f"{parent.code}-{n}", "school", parent, "primary")
            if n % 2:
                make_version(_request_of(parent), school,
                             ReportStatus.SUBMITTED, submitted_on=D(2025, 12, 18))
    assert _queries(_request_of(small)) == _queries(_request_of(large)) <= 4


def _request_of(unit):
    from binhdang.reports.models import ReportRequest
    return ReportRequest.objects.filter(issuer_unit=unit).first() or make_request(unit)
