"""Dashboard reads with hand-checked numbers: rates of groups are ratios of sums, the spread is
over school values, schools without data are named, small incident cells are hidden above a
school, and the figures of the whole subtree cost the same queries for 3 schools as for 30."""

from decimal import Decimal

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from binhdang.activities.tests.people_work import staff
from binhdang.indicators import selectors
from binhdang.indicators.periods import current, recent
from binhdang.indicators.suppression import lines_of
from binhdang.testing import client_in, make_unit

from .dash_helpers import incident_indicator, put, share_indicator, table_rows

pytestmark = pytest.mark.django_db


@pytest.fixture
def tree(world):
    """Commune A holds school A (1 woman among 4 managers), school C (2 among 2) and school D
    (no managers on its roster: no value); school B, directly under the province, 0 among 1."""
    share = share_indicator()
    world.school_c = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    world.school_d = make_unit("truong-d", "school", world.commune, "primary", name="Trường Tiểu học D")
    staff(world.school, "An", "F", "principal")
    for name in ("Bình", "Cường", "Dũng"):
        staff(world.school, name, "M", "vice_principal")
    staff(world.school_c, "Hoa", "F", "principal")
    staff(world.school_c, "Lan", "F", "vice_principal")
    staff(world.school_b, "Hùng", "M", "principal")
    world.share = share
    return world


def test_commune_rate_is_the_ratio_of_sums(tree):
    period = current()
    row = selectors.unit_figures(tree.commune, period, only=tree.share)[0]
    # (1 + 2) / (4 + 2) = 50 %, not the 62.5 % an average of 25 % and 100 % would give.
    assert (row.total.numerator, row.total.denominator, row.total.value) == (3, 6, Decimal(50))
    assert row.total.shown == "50,0"
    province = selectors.unit_figures(tree.province, period, only=tree.share)[0].total
    assert (province.numerator, province.denominator, province.rounded(2)) == (3, 7, Decimal("42.86"))


def test_children_of_a_unit_with_their_figures(tree):
    kids = selectors.child_figures(tree.province, tree.share, current())
    assert [(unit.code, cell.numerator, cell.denominator, cell.shown) for unit, cell in kids] == [
        ("xa-a", 3, 6, "50,0"), ("truong-b", 0, 1, "0,0")]
    schools = selectors.child_figures(tree.commune, tree.share, current())
    assert [(unit.code, cell.shown) for unit, cell in schools] == [
        ("truong-a", "25,0"), ("truong-c", "100,0"), ("truong-d", "—")]


def test_spread_is_over_school_values_and_names_the_missing(tree):
    spread = selectors.spread(tree.province, tree.share, current())
    # School values 0, 25, 100 (B, A, C); D has none.
    assert spread.count == 3
    assert (spread.minimum, spread.quartiles, spread.maximum) == (
        Decimal(0), (Decimal("12.50"), Decimal(25), Decimal("62.50")), Decimal(100))
    assert [school.code for school in spread.missing] == ["truong-d"]
    commune = selectors.spread(tree.commune, tree.share, current())
    assert commune.quartiles == (Decimal("43.75"), Decimal("62.50"), Decimal("81.25"))


def test_trend_covers_the_last_five_periods(tree):
    last = recent(5)
    put(tree.school_b, tree.share, last[0], 1, 2)
    put(tree.school_b, tree.share, last[2], 1, 1)
    trend = selectors.unit_figures(tree.school_b, current(), only=tree.share)[0].trend
    assert [(period, cell.shown) for period, cell in trend] == [
        (last[0], "50,0"), (last[1], "—"), (last[2], "100,0"), (last[3], "—"), (last[4], "0,0")]


def test_small_incident_cells_are_hidden_above_the_school(tree):
    incidents = incident_indicator()
    period = current()
    put(tree.school, incidents, period, 3, female=2, male=1)
    put(tree.school_c, incidents, period, 7, female=4, male=3)
    put(tree.school_d, incidents, period, 9, female=5, male=4)
    commune = selectors.unit_figures(tree.commune, period, only=incidents)[0]
    assert (commune.total.shown, commune.by_sex["sex=F"].shown, commune.by_sex["sex=M"].shown) == ("19", "11", "8")
    kids = dict((unit.code, cell) for unit, cell in selectors.child_figures(tree.commune, incidents, period))
    # Seen from the commune, school A's 3 is hidden (its numerator is not even kept), and school
    # C's 7 with it: otherwise 19 − 7 − 9 would give A's count back.
    assert [(code, cell.shown, cell.numerator) for code, cell in kids.items()] == [
        ("truong-a", "<5", None), ("truong-c", "<5", None), ("truong-d", "9", 9)]
    assert selectors.spread(tree.commune, incidents, period).hidden
    # School D seen from the commune: 4 men hidden, so the women too (9 − 5 would give 4).
    school_d = selectors.unit_figures(tree.school_d, period, tree.commune, only=incidents)[0]
    assert (school_d.total.shown, school_d.by_sex["sex=F"].shown, school_d.by_sex["sex=M"].shown) == (
        "9", "<5", "<5")
    # The school itself sees its own records' count.
    own = selectors.unit_figures(tree.school, period, tree.school, only=incidents)[0]
    assert (own.total.shown, own.by_sex["sex=M"].shown) == ("3", "1")
    # So does the page and its export: the commune officer's CSV has no number for school A.
    client = client_in(tree.commune_officer, tree.commune)
    url = reverse("indicators:indicator", args=[incidents.code])
    page = table_rows(client.get(url).content, "children-table")
    assert [(row["org"], row["numerator"]) for row in page] == [("truong-a", "<5"), ("truong-c", "<5"),
                                                                ("truong-d", "9")]
    csv = client.get(url + "?format=csv").content.decode("utf-8-sig").splitlines()
    assert csv[4].endswith(f"truong-a,incidents,{period},,,,")


def test_complements_along_every_line_that_adds_up():
    assert sorted(map(sorted, lines_of(["", "sex=F", "sex=M"]))) == [["", "sex=F", "sex=M"]]
    crossed = lines_of(["level=primary|sex=F", "level=primary|sex=M", "level=lower|sex=F"])
    assert sorted(map(sorted, crossed)) == sorted([
        ["level=lower|sex=F", "level=primary|sex=F", "sex=F"],  # women of each level add up to all women
        ["level=primary", "level=primary|sex=F", "level=primary|sex=M"],  # each level's sexes to the level
        ["level=lower", "level=lower|sex=F"],
        ["level=primary|sex=M", "sex=M"]])


def test_query_count_does_not_grow_with_the_schools(world):
    share = share_indicator()
    counts = []
    for size in (3, 30):
        commune = make_unit(f"xa-{size}", "commune", world.province, name=f"Xã {size}")
        for n in range(size):
            school = make_unit(f"truong-{size}-{n}", "school", commune, "primary")
            staff(school, f"Hiệu trưởng {n}", "F" if n % 2 else "M", "principal")
        client = client_in(world.province_officer, world.province)
        pages = []
        with CaptureQueriesContext(connection) as queries:
            for url in (reverse("indicators:dashboard"), reverse("indicators:indicator", args=[share.code])):
                pages.append(client.get(url, {"don-vi": str(commune.uid)}))
        assert all(page.status_code == 200 for page in pages)
        assert len(table_rows(pages[1].content, "children-table")) == size
        counts.append(len(queries))
    assert counts[0] == counts[1]


def test_children_and_schools_follow_the_tree_of_the_period(tree):
    """School B moved from the province to commune A on the first day of this school year: last
    year's pages still show it under the province, this year's under the commune."""
    from binhdang.indicators.periods import parse
    from binhdang.orgs.services import org_unit_move

    this_year, last_year = current(), recent(2)[0]
    put(tree.school_b, tree.share, last_year, 1, 2)
    org_unit_move(actor=None, acting_unit=None, unit=tree.school_b, new_parent=tree.commune,
                  on_date=parse(this_year)[0])
    codes = lambda pairs: [unit.code for unit, _cell in pairs]  # noqa: E731
    assert codes(selectors.child_figures(tree.commune, tree.share, last_year)) == ["truong-a", "truong-c", "truong-d"]
    # In Vietnamese alphabetical order: "Trường THPT B" before "Trường Tiểu học A".
    assert codes(selectors.child_figures(tree.commune, tree.share, this_year)) == [
        "truong-b", "truong-a", "truong-c", "truong-d"]
    assert [s.code for s in selectors.schools_under(tree.commune, last_year)] == ["truong-a", "truong-c", "truong-d"]
    province = dict((u.code, c) for u, c in selectors.child_figures(tree.province, tree.share, last_year))
    assert (province["truong-b"].numerator, province["truong-b"].denominator) == (1, 2)
    assert "truong-b" not in {unit.code for unit, _key, _cell in selectors.export_rows(tree.commune, last_year)}
