"""The demo comes with figures: its records are computed once at the end of the build (deferred),
for the current period and THPT Quế Sơn's 2023, on the tree of each period (the school moved from
Sở Quảng Nam to Sở Đà Nẵng in the 2025 reform)."""

import pytest

from binhdang.core.demo.builder import build_demo
from binhdang.indicators.models import DataValue, Rollup
from binhdang.orgs.models import OrgUnit
from binhdang.testing import TODAY

from .builders import figure

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("today")]


def test_the_demo_has_figures_on_each_period_s_tree(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    build_demo(today=TODAY)
    units = {u.code: u for u in OrgUnit.objects.filter(
        code__in=["thpt-que-son", "so-gddt-da-nang", "so-gddt-quang-nam"])}
    school, da_nang, quang_nam = units["thpt-que-son"], units["so-gddt-da-nang"], units["so-gddt-quang-nam"]
    managers = figure(school, "women-managers", "2026-2027")
    assert managers is not None and managers[1] > 0
    assert figure(da_nang, "women-managers", "2026-2027")[1] >= managers[1]
    # The 2023 Action Month (November 2023, period 2023-2024) counts under the Sở of that time.
    month = figure(school, "action-month-activities", "2023-2024")
    assert month is not None and month[0] > 0
    assert figure(quang_nam, "action-month-activities", "2023-2024") == month
    assert figure(da_nang, "action-month-activities", "2023-2024") in (None, (0, None))
    # The rollups are exactly what a rebuild from the values gives.
    before = sorted(Rollup.objects.values_list("unit_id", "indicator_id", "period", "disaggregation", "numerator",
                                               "denominator", "reporting"))
    from binhdang.indicators.rollups import rebuild

    for period in {p for p in DataValue.objects.values_list("period", flat=True)}:
        rebuild(period)
    after = sorted(Rollup.objects.values_list("unit_id", "indicator_id", "period", "disaggregation", "numerator",
                                              "denominator", "reporting"))
    assert before == after
