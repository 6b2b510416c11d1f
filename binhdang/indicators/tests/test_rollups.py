"""The rollup engine: a school's value change reaches every unit above at once, rates are ratios
of sums, and a rebuild from the values gives the same rows as the deltas did."""

import pytest

from binhdang.activities.tests.people_work import staff
from binhdang.indicators.models import DataValue, Indicator, Rollup
from binhdang.indicators.periods import current
from binhdang.indicators.rollups import rebuild


@pytest.fixture
def share(db):
    """The seeded "women among managers" indicator, alone: the others are switched off so the row
    counts below are this indicator's."""
    indicator = Indicator.objects.get(code="women-managers")
    Indicator.objects.exclude(pk=indicator.pk).update(is_active=False)
    return indicator


def rollup(unit, indicator):
    row = Rollup.objects.get(unit=unit, indicator=indicator, period=current(), disaggregation="")
    return row.numerator, row.denominator, row.reporting


def test_rate_of_a_group_is_the_ratio_of_sums(world, share):
    # School A: 1 woman among 4 managers (25 %); school B: 2 among 2 (100 %).
    staff(world.school, "An", "F", "principal")
    for name in ("Bình", "Cường", "Dũng"):
        staff(world.school, name, "M", "vice_principal")
    staff(world.school_b, "Hoa", "F", "principal")
    staff(world.school_b, "Lan", "F", "vice_principal")
    assert rollup(world.school, share) == (1, 4, 1)
    assert rollup(world.commune, share) == (1, 4, 1)
    # 3 / 6 = 50 %, not the 62.5 % an average of the two schools' rates would give.
    assert rollup(world.province, share) == (3, 6, 2)


def test_one_changed_record_changes_the_province_at_once(world, share):
    head = staff(world.school, "An", "M", "principal")
    staff(world.school_b, "Hoa", "F", "principal")
    assert rollup(world.province, share) == (1, 2, 2)
    head.sex = "F"
    head.save()
    assert rollup(world.province, share) == (2, 2, 2)
    head.delete()
    assert rollup(world.province, share) == (1, 1, 1)
    assert not DataValue.objects.filter(unit=world.school).exists()


def test_rebuild_gives_the_same_rows_as_the_deltas(world, share):
    staff(world.school, "An", "F", "principal")
    staff(world.school, "Bình", "M", "vice_principal")
    staff(world.school_b, "Hoa", "M", "principal")
    before = sorted(Rollup.objects.values_list("unit_id", "disaggregation", "numerator", "denominator", "reporting"))
    rebuild(current())
    after = sorted(Rollup.objects.values_list("unit_id", "disaggregation", "numerator", "denominator", "reporting"))
    # Totals of school A, the commune, the province and school B, each with its level and position cells.
    assert before == after and len([row for row in after if row[1] == ""]) == 4


def test_a_full_refresh_gives_what_the_signals_gave(world, share):
    from binhdang.indicators.refresh import recompute_all

    staff(world.school, "An", "F", "principal")
    staff(world.school_b, "Hoa", "M", "principal")
    staff(world.school_b, "Lan", "F", "vice_principal")
    rows = lambda: sorted(Rollup.objects.values_list("unit_id", "numerator", "denominator", "reporting"))  # noqa: E731
    before = rows()
    # Two schools' totals, and their level and position cells (A: level, principal; B: level, both positions).
    assert recompute_all(current()) == 7
    assert rows() == before and rollup(world.province, share) == (2, 3, 2)
