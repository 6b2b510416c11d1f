"""A school's dashboard shows each plan target linked to an indicator with met / at risk / missed,
judged on the same figure as the row (ratio of sums)."""

import pytest
from django.urls import reverse
from django.utils import timezone

from binhdang.indicators.periods import current
from binhdang.testing import client_in

from .manual import rate
from .test_targets import link


@pytest.mark.parametrize(("goal", "status"), [("25", "met"), ("40", "at_risk")])
def test_the_school_sees_its_targets_status(world, goal, status):
    from binhdang.indicators.rollups import value_set

    clubs = rate()
    period = current()  # running: a goal not reached yet is at risk, not missed
    assert timezone.localdate().isoformat() >= f"{period[:4]}-09-01"
    value_set(unit=world.school, indicator=clubs, period=period, manual=True, rows={"": (30, 100)})
    link(world.school, clubs, goal)
    page = client_in(world.principal, world.school).get(reverse("indicators:dashboard")).content.decode()
    assert f'data-status="{status}"' in page


@pytest.mark.parametrize(("role", "unit", "links"), [
    ("teacher", "school", {"targets"}),
    ("committee_member", "school", {"targets", "entry"}),
    ("principal", "school", {"targets", "entry"}),
    ("commune_officer", "commune", {"targets", "entry", "lock"}),
])
def test_the_dashboard_links_only_the_pages_open_to_the_user(world, role, unit, links):
    page = client_in(getattr(world, role), getattr(world, unit)).get(reverse("indicators:dashboard")).content.decode()
    shown = {name for name in ("targets", "entry", "lock") if f'href="{reverse(f"indicators:{name}")}?' in page}
    assert shown == links
