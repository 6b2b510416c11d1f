"""Statistics upward: consented cases only, small cells suppressed (primary and complementary),
within the unit's subtree, in one query. Expected tables are worked out by hand in comments."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Case, Channel, Consent
from binhdang.safeguarding.statistics import case_count_totals, case_counts, suppress
from binhdang.safeguarding.views_stats import school_year_of
from binhdang.testing import client_in, make_unit

pytestmark = pytest.mark.usefixtures("sealing_on")
START, END = dt.date(2025, 9, 1), dt.date(2026, 8, 31)
IN_YEAR = timezone.make_aware(dt.datetime(2026, 3, 10, 12, 0))


def consent(case, *, parent=True, child=True, aged_7=True, at=None, purpose="statistics"):
    return Consent.objects.create(case=case, purpose=purpose, parent_agreed=parent, child_agreed=child,
                                  child_aged_7_plus=aged_7, recorded_at=at or timezone.now())


def make_case(unit, category="bullying", sex="F", band="12-15", when=IN_YEAR, agreed=True) -> Case:
    case = case_create(unit=unit, channel=Channel.PHONE, category=category, narrative="x", actor=None)
    Case.objects.filter(pk=case.pk).update(victim_sex=sex, victim_age_band=band, received_at=when)
    if agreed:
        consent(case)
    return case


def cell(table, category, sex, band):
    row = next(r for r in table.rows if r.category == category and r.sex == sex)
    return row.cells[[b for b, _label in table.bands].index(band)]


def row_total(table, category, sex):
    return next(r for r in table.rows if r.category == category and r.sex == sex).total


def test_four_in_a_cell_are_suppressed_the_fifth_shows(world):
    for _i in range(4):
        make_case(world.school)
    table = case_counts(world.school, START, END)
    four = cell(table, "bullying", "F", "12-15")
    assert four.suppressed and four.value is None and four.shown() == "<5"
    # Row, column and grand totals are 4 too: all below the threshold.
    assert row_total(table, "bullying", "F").suppressed and table.total.suppressed
    assert cell(table, "bullying", "M", "12-15").shown() == "0"  # a zero is shown
    make_case(world.school)
    table = case_counts(world.school, START, END)
    five = cell(table, "bullying", "F", "12-15")
    assert not five.suppressed and five.value == 5 and five.shown() == "5"
    assert table.total.value == 5 and not table.any_suppressed


def test_without_given_consent_a_case_never_counts(world):
    for _i in range(5):
        make_case(world.school)
    consent(make_case(world.school, agreed=False), parent=False)  # parent refused
    consent(make_case(world.school, agreed=False), child=False)  # child aged 7+ refused
    consent(make_case(world.school, agreed=False), child=None)  # child aged 7+ not asked
    make_case(world.school, agreed=False)  # no consent at all
    consent(make_case(world.school, agreed=False), purpose="services")  # another purpose
    assert cell(case_counts(world.school, START, END), "bullying", "F", "12-15").value == 5
    # Under 7, the parent's agreement is enough.
    consent(make_case(world.school, agreed=False), child=None, aged_7=False)
    assert cell(case_counts(world.school, START, END), "bullying", "F", "12-15").value == 6


def test_a_withdrawn_consent_stops_counting(world):
    cases = [make_case(world.school) for _i in range(5)]
    assert case_counts(world.school, START, END).total.value == 5
    consent(cases[0], parent=False, at=timezone.now() + dt.timedelta(minutes=1))
    table = case_counts(world.school, START, END)
    assert table.total.suppressed and cell(table, "bullying", "F", "12-15").suppressed
    # Given again later: counts again. With the same time, the later row (higher id) wins.
    again = timezone.now() + dt.timedelta(minutes=2)
    consent(cases[0], parent=False, at=again)
    consent(cases[0], at=again)
    assert case_counts(world.school, START, END).total.value == 5


def test_complementary_suppression(world):
    # Girls' rows:          6-11  12-15  total
    #   bullying               6      3      9
    #   physical_assault       8      7     15
    #   column totals         14     10     24
    # The 3 is hidden; alone in its row, the row's next smallest (6) is hidden too; then the
    # 12-15 column has one hidden (3): its next smallest, 7; the 6-11 column has one (6): 8.
    # Every line then has two hidden cells; the totals (9, 15, 14, 10, 24) stay shown, and the
    # four cells cannot be solved from them (four unknowns, three independent equations).
    for category, band, n in [("bullying", "6-11", 6), ("bullying", "12-15", 3),
                              ("physical_assault", "6-11", 8), ("physical_assault", "12-15", 7)]:
        for _i in range(n):
            make_case(world.school, category=category, band=band)
    table = case_counts(world.school, START, END)
    for category, band in [("bullying", "6-11"), ("bullying", "12-15"), ("physical_assault", "6-11"),
                           ("physical_assault", "12-15")]:
        assert cell(table, category, "F", band).suppressed, (category, band)
    assert row_total(table, "bullying", "F").value == 9 and row_total(table, "physical_assault", "F").value == 15
    assert [c.value for c in table.column_totals] == [0, 14, 10, 0, 0, 0]
    assert table.total.value == 24


def test_suppress_reaches_the_totals_when_it_must():
    # Rows (last = totals), columns (last = totals):
    #   3 10 | 13
    #   6  0 |  6
    #   9 10 | 19
    # Lines in order: rows 0-2, then columns 0-2. Pass 1: row 0 has the 3 alone, hide its next
    # smallest (10); rows 1 and 2 have none; column 0 [3, 6, 9] has one, hide 6; column 1
    # [10, 0, 10] has one, hide its total 10; column 2 none. Pass 2: row 1 [6, 0, 6] has one,
    # hide its total 6; the totals row [9, 10, 19] has one, hide 9; column 2 [13, 6, 19] has
    # one, hide 13. Pass 3: every line has 0 or at least 2; only the 0 and the 19 stay shown.
    grid = [[3, 10, 13], [6, 0, 6], [9, 10, 19]]
    assert suppress(grid, 5) == [[True, True, True], [True, False, True], [True, True, False]]
    # Below the threshold everything that is not zero; nothing when all are large or zero.
    assert suppress([[0, 5, 5], [0, 5, 5]], 5) == [[False] * 3] * 2


def test_other_province_never_counts_and_commune_sees_its_schools(world):
    for _i in range(5):
        make_case(world.school)  # under the commune
        make_case(world.school_b)  # under the province directly
        make_case(world.other_school)  # another province
    assert case_counts(world.province, START, END).total.value == 10
    assert case_counts(world.commune, START, END).total.value == 5
    assert case_counts(world.school_b, START, END).total.value == 5
    assert case_counts(world.other_province, START, END).total.value == 5


def test_dates_are_local_days_within_the_range(world):
    zone = timezone.get_current_timezone()
    last_minute = dt.datetime(2026, 8, 31, 23, 59, tzinfo=zone)
    for when in [last_minute] * 5 + [dt.datetime(2026, 9, 1, 0, 0, tzinfo=zone), dt.datetime(2025, 8, 31, 23, 0,
                                                                                            tzinfo=zone)]:
        make_case(world.school, when=when)
    assert case_counts(world.school, START, END).total.value == 5


def test_one_query_for_three_or_thirty_schools(world):
    def counted(n):
        parent = make_unit(f"xa-{n}", "commune", world.province)
        for i in range(n):
            make_case(make_unit(f"t-{n}-{i}", "school", parent, "primary"))
        with CaptureQueriesContext(connection) as queries:
            table = case_counts(parent, START, END)
        assert table.total.count == n
        return len(queries)

    assert counted(3) == counted(30) == 1


def test_totals_for_indicators(world):
    for _i in range(6):
        make_case(world.school, sex="F")
    for _i in range(2):
        make_case(world.school, sex="M")
    make_case(world.school, sex="")  # not recorded: counted as unknown
    totals = case_count_totals(world.school, START, END)
    # F 6, M 2, U 1, total 9: the 2 and the 1 are hidden; the line then has two hidden cells.
    assert totals.total.value == 9 and totals.by_sex["F"].value == 6
    assert totals.by_sex["M"].suppressed and totals.by_sex["U"].suppressed


def _stats(user, unit, query=""):
    return client_in(user, unit).get(reverse("safeguarding:statistics") + query)


def test_page_shows_counts_with_marks_and_no_case_link(world):
    for _i in range(4):
        make_case(world.school, when=timezone.now())
    year = school_year_of(timezone.localdate())
    response = _stats(world.commune_officer, world.commune, f"?nam={year}")
    assert response.status_code == 200
    text = response.content.decode()
    assert "&lt;5" in text and "/bao-ve/vu-viec/" not in text
    assert world.school.name not in text  # no school's name next to a count
    assert "Không có số liệu theo từng trường" in text
    csv = _stats(world.commune_officer, world.commune, f"?nam={year}&format=csv")
    assert csv["Content-Type"].startswith("text/csv")
    lines = csv.content.decode("utf-8-sig").splitlines()
    assert lines[-1].endswith(",<5") and "4" not in "".join(lines[1:])


def test_page_for_the_committee_and_refusals(world):
    make_case(world.school, when=timezone.now())
    assert _stats(world.committee_member, world.school).status_code == 200
    assert _stats(world.principal, world.school).status_code == 200
    for role in ("teacher", "counsellor", "unit_lead"):
        assert _stats(getattr(world, role), world.school).status_code == 403, role
    assert client_in(world.no_role, world.school).get(reverse("safeguarding:statistics")).status_code == 404
    response = _stats(world.principal, world.school, "?nam=1990")
    assert response.status_code == 400 and "Năm học" in response.content.decode()
