"""Each roster computation on a small hand-counted school (figures worked out in the comments)."""

import pytest

from binhdang.activities.tests.people_work import school_class, school_year, staff, student
from binhdang.indicators.computations import COMPUTATIONS
from binhdang.people.models import CadreAssignment, Enrollment

pytestmark = pytest.mark.usefixtures("today")
CUR = "2026-2027"


def run(name, unit, period=CUR):
    return COMPUTATIONS[name]([unit.pk], period).get(unit.pk, {})


@pytest.fixture
def roster(world):
    """School A (primary): principal F; vice-principals M, F; teachers F (meets), F (not), F (unknown),
    M (meets); staff U; an inactive woman teacher who must not count."""
    staff(world.school, "An", "F", "principal")
    staff(world.school, "Bình", "M", "vice_principal")
    staff(world.school, "Chi", "F", "vice_principal")
    for name, sex, meets in (("Dung", "F", True), ("Hà", "F", False), ("Lan", "F", None), ("Minh", "M", True)):
        person = staff(world.school, name, sex)
        person.meets_new_standard = meets
        person.save()
    staff(world.school, "Khoa", "U", "staff")
    gone = staff(world.school, "Xuân", "F")
    gone.is_active = False
    gone.save()
    return world


def test_women_managers_by_level_and_position(roster):
    # Managers: An F, Bình M, Chi F -> 2 / 3; principals 1 / 1; vice-principals 1 / 2.
    assert run("women_managers_share", roster.school) == {
        "": (2, 3), "level=primary": (2, 3), "position=principal": (1, 1), "position=vice_principal": (1, 2)}


def test_women_staff_counts_everyone_active(roster):
    # Active: 3 managers + 4 teachers + 1 staff = 8; women: An, Chi, Dung, Hà, Lan = 5.
    rows = run("women_staff_share", roster.school)
    assert rows[""] == (5, 8) and rows["position=teacher"] == (3, 4) and rows["position=staff"] == (0, 1)
    assert not any(key.startswith("sex=") for key in rows)


def test_school_with_a_woman_principal(roster):
    assert run("woman_principal_school", roster.school) == {"": (1, 1), "level=primary": (1, 1)}
    principal = roster.school.staff.get(position="principal")
    principal.sex = "M"
    principal.save()
    assert run("woman_principal_school", roster.school)[""] == (0, 1)
    # A school without any roster has no value at all ("missing data"), not 0 / 1.
    assert run("woman_principal_school", roster.school_b) == {}


def test_female_teachers_meeting_the_new_standard(roster):
    # Active female teachers: Dung (yes), Hà (no), Lan (unknown = not met) -> 1 / 3; Minh is a man.
    assert run("female_teachers_new_standard", roster.school) == {"": (1, 3), "level=primary": (1, 3)}


def test_girls_among_class_monitors_and_union_leaders_of_the_period(world):
    year = school_year(CUR)
    a1, a2 = school_class(world.school, "3A1", 3, year), school_class(world.school, "4A1", 4, year)
    last = school_class(world.school, "2A1", 2, school_year("2025-2026"))

    def cadre(name, sex, klass, *roles):
        person = student(world.school, name, sex, klass)
        enrollment = Enrollment.objects.get(student=person, school_year=klass.school_year)
        for role in roles:
            CadreAssignment.objects.create(enrollment=enrollment, role=role)

    cadre("Mai", "F", a1, "monitor")
    cadre("Nam", "M", a2, "monitor", "pioneer_chief")
    cadre("Oanh", "F", a2, "pioneer_council")
    cadre("Phúc", "U", a1, "deputy_monitor")  # not a counted role
    cadre("Quỳnh", "F", last, "monitor")  # last year's: another period
    # Monitors this year: Mai F (grade 3), Nam M (grade 4) -> 1 / 2.
    assert run("girls_class_monitors", world.school) == {
        "": (1, 2), "level=primary": (1, 2), "grade=3": (1, 1), "grade=4": (0, 1)}
    # Pioneer / Youth Union leaders: Nam (chief), Oanh (council), both grade 4 -> 1 / 2.
    assert run("girls_union_leaders", world.school) == {"": (1, 2), "level=primary": (1, 2), "grade=4": (1, 2)}
    assert run("girls_class_monitors", world.school, "2025-2026")[""] == (1, 1)
