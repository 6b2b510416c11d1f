import datetime as dt

import pytest

from binhdang.reports.models import ReportRequest
from binhdang.reports.scope import expected_schools


@pytest.fixture
def request_of(world):
    def make(unit):
        return ReportRequest.objects.create(
            issuer_unit=unit, kind="action_month", title="Báo cáo Tháng hành động", period="2025-2026",
            covers_from=dt.date(2025, 11, 15), covers_to=dt.date(2025, 12, 15), due_on=dt.date(2025, 12, 20))
    return make


def test_every_school_below_unless_listed(world, request_of):
    request = request_of(world.province)
    assert set(expected_schools(request)) == {world.school, world.school_b}
    assert set(expected_schools(request_of(world.commune))) == {world.school}
    request.schools.add(world.school_b)
    assert list(expected_schools(request)) == [world.school_b]
