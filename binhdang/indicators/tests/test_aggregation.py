"""Must show (issue 6): a small tree with known rosters gives exact figures at school, commune and
province level, also after a school moved parent mid-period and after two communes merged; a rate
is a ratio of sums; one roster record changed through the import service moves the province figure
before the call returns. Every expected number is counted by hand in the comments.

"Today" is 2026-11-22 (fixture `today`): the current period is 2026-2027, the past one 2025-2026
(reference date 2026-08-31). Staff head-counts are snapshots of the current period; lessons are
flows dated in either period."""

import datetime as dt

import pytest

from binhdang.activities.models import LessonIntegration
from binhdang.activities.tests.people_work import school_year, staff
from binhdang.indicators.models import DataValue
from binhdang.orgs.services import org_unit_merge, org_unit_move
from binhdang.people.importing.services import roster_import
from binhdang.people.importing.validation import PersonRow
from binhdang.testing import make_unit

from .builders import figure

pytestmark = pytest.mark.usefixtures("today")
PAST, CUR = "2025-2026", "2026-2027"


def lesson(school, day: dt.date, teacher=None):
    teacher = teacher or staff(school, "Giáo viên", "F")
    LessonIntegration.objects.create(unit=school, teacher=teacher, school_year=school_year(
        "2025-2026" if day < dt.date(2026, 9, 1) else "2026-2027"), subject="Văn", grade=6, lesson="Bài",
        content="Giới", taught_on=day)


@pytest.fixture
def tree(db):
    """Province P; communes C1 (schools S1 primary, S2 lower secondary) and C2 (school S3 primary).
    Managers: S1 principal F, two vice-principals M (1 / 3); S2 principal M, vice-principal F (1 / 2);
    S3 principal F (1 / 1)."""
    class Tree:
        pass

    t = Tree()
    t.p = make_unit("p", "department")
    t.c1, t.c2 = make_unit("c1", "commune", t.p), make_unit("c2", "commune", t.p)
    t.s1 = make_unit("s1", "school", t.c1, "primary")
    t.s2 = make_unit("s2", "school", t.c1, "lower_secondary")
    t.s3 = make_unit("s3", "school", t.c2, "primary")
    staff(t.s1, "An", "F", "principal")
    staff(t.s1, "Bảo", "M", "vice_principal")
    staff(t.s1, "Cường", "M", "vice_principal")
    staff(t.s2, "Dũng", "M", "principal")
    staff(t.s2, "Giang", "F", "vice_principal")
    staff(t.s3, "Hạnh", "F", "principal")
    return t


def test_known_rosters_give_exact_figures_at_every_level(tree):
    assert figure(tree.s1, "women-managers", CUR) == (1, 3)
    assert figure(tree.s2, "women-managers", CUR) == (1, 2)
    assert figure(tree.c1, "women-managers", CUR) == (2, 5)
    assert figure(tree.c2, "women-managers", CUR) == (1, 1)
    assert figure(tree.p, "women-managers", CUR) == (3, 6)
    assert figure(tree.p, "women-managers", CUR, "level=primary") == (2, 4)  # S1 1/3 + S3 1/1
    assert figure(tree.p, "women-managers", CUR, "position=principal") == (2, 3)
    # Schools with a woman principal: S1 yes, S2 no, S3 yes.
    assert figure(tree.c1, "schools-woman-principal", CUR) == (1, 2)
    assert figure(tree.p, "schools-woman-principal", CUR) == (2, 3)


def test_a_rate_is_the_ratio_of_the_sums(tree):
    # Women among all staff. S1: 1 of 3 staff plus 7 men teachers = 1 / 10 (10 %); S3: 1 / 1 (100 %).
    for number in range(7):
        staff(tree.s1, f"Nam {number}", "M")
    assert figure(tree.s1, "women-staff", CUR) == (1, 10)
    assert figure(tree.c2, "women-staff", CUR) == (1, 1)
    num, den = figure(tree.p, "women-staff", CUR)
    # S1 1/10, S2 1/2, S3 1/1: Σ 3 / 13 = 23.1 %, not the 53.3 % the mean of 10 %, 50 %, 100 % gives.
    assert (num, den) == (3, 13) and round(100 * num / den, 1) == 23.1


def test_a_school_moved_mid_period_counts_under_its_parent_on_the_reference_date(tree):
    lesson(tree.s2, dt.date(2026, 3, 10))  # 2025-2026
    lesson(tree.s2, dt.date(2026, 10, 15))  # 2026-2027
    lesson(tree.s3, dt.date(2026, 10, 16))
    assert figure(tree.c1, "gender-lessons", CUR) == (1, None)
    org_unit_move(actor=None, acting_unit=None, unit=tree.s2, new_parent=tree.c2, on_date=dt.date(2026, 10, 1))
    # 2026-2027 is aggregated on 2026-11-22: S2 is under C2, with its managers and its lesson.
    assert figure(tree.c1, "women-managers", CUR) == (1, 3)
    assert figure(tree.c2, "women-managers", CUR) == (2, 3)
    assert figure(tree.p, "women-managers", CUR) == (3, 6)
    assert figure(tree.c1, "gender-lessons", CUR) is None
    assert figure(tree.c2, "gender-lessons", CUR) == (2, None)
    # 2025-2026 ended (2026-08-31) before the move: S2 stays under C1 there.
    assert figure(tree.c1, "gender-lessons", PAST) == (1, None)
    assert figure(tree.c2, "gender-lessons", PAST) is None
    assert figure(tree.p, "gender-lessons", PAST) == (1, None)
    # A record written after the move goes up the new branch.
    staff(tree.s2, "Kim", "F", "vice_principal")
    assert figure(tree.c2, "women-managers", CUR) == (3, 4) and figure(tree.c1, "women-managers", CUR) == (1, 3)


def test_a_merged_commune_keeps_its_history(tree):
    lesson(tree.s1, dt.date(2026, 2, 1))
    lesson(tree.s2, dt.date(2026, 2, 2))
    lesson(tree.s3, dt.date(2026, 2, 3))
    lesson(tree.s1, dt.date(2026, 10, 1))
    # C1 merged into C2 on 2026-09-15 (inside the current period).
    org_unit_merge(actor=None, acting_unit=None, units=[tree.c1], into=tree.c2, on_date=dt.date(2026, 9, 15))
    # Before the merge (2025-2026): C1 with S1 and S2, C2 with S3.
    assert figure(tree.c1, "gender-lessons", PAST) == (2, None)
    assert figure(tree.c2, "gender-lessons", PAST) == (1, None)
    assert figure(tree.p, "gender-lessons", PAST) == (3, None)
    # Now: C2 holds all three schools; C1 has no figure of its own any more.
    assert figure(tree.c2, "women-managers", CUR) == (3, 6)
    assert figure(tree.c1, "women-managers", CUR) is None
    assert figure(tree.c2, "gender-lessons", CUR) == (1, None)
    assert figure(tree.p, "women-managers", CUR) == (3, 6)


def test_one_roster_record_changes_the_province_in_the_same_call(tree):
    assert figure(tree.p, "women-managers", CUR) == (3, 6)
    # The roster import (the school's write path) corrects one person: Dũng, S2's principal, is a woman.
    row = PersonRow(row=2, family_name="Nguyễn", middle_name="Thị", given_name="Dũng", sex="F", position="principal")
    roster_import(actor=None, unit=tree.s2, rows=[row], kind="staff", present=frozenset({"sex", "position"}))
    assert figure(tree.s2, "women-managers", CUR) == (2, 2)
    assert figure(tree.p, "women-managers", CUR) == (4, 6)
    assert figure(tree.p, "schools-woman-principal", CUR) == (3, 3)
    # The stored school value and the rollups agree (no job left to run).
    assert DataValue.objects.get(unit=tree.s2, indicator__code="women-managers", period=CUR,
                                 disaggregation="").numerator == 2
