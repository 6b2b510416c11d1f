"""A commune's (or Sở's) contest for the schools below it: the officer picks grades, the worker opens
one school contest per school with classes in those grades (codes, personal codes, its own activity),
students play their school's contest as usual, and the commune sees results school by school."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from binhdang.activities.tests.people_work import school_class, student
from binhdang.audit.models import AuditEntry
from binhdang.contests import above, selectors
from binhdang.contests.models import Contest
from binhdang.testing import client_in, make_unit

from .helpers import class_with_students, entrant
from .test_views_staff import _play

pytestmark = pytest.mark.django_db


def _form(**overrides):
    now = timezone.localtime()
    form = {"title": "Rung chuông vàng liên trường", "opens_at": now.strftime("%Y-%m-%dT%H:%M"),
            "closes_at": (now + dt.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M"), "time_limit_minutes": 20,
            "question_count": 5, "max_attempts": 1, "shuffle": "on", "grades": [3]}
    form.update(overrides)
    return form


@pytest.fixture
def schools(world):
    """Commune → school A (3A1: An, Bình, Cường; 4A1: Hoa) and school C (3C1: Dung, Em); school C2 has
    only grade 5 (not invited)."""
    class_with_students(world)
    class_with_students(world, "4A1", girls=("Hoa",), boys=(), grade=4)
    school_c = make_unit("truong-c", "school", world.commune, "primary", name="Trường Tiểu học C")
    klass = school_class(school_c, name="3C1", grade=3)
    student(school_c, "Dung", "F", klass)
    student(school_c, "Em", "M", klass)
    school_d = make_unit("truong-d", "school", world.commune, "primary", name="Trường Tiểu học D")
    student(school_d, "Giang", "F", school_class(school_d, name="5D1", grade=5))
    return school_c


def test_the_commune_opens_a_contest_for_its_schools(world, schools, django_capture_on_commit_callbacks):
    officer = client_in(world.commune_officer, world.commune)
    assert "Mở cuộc thi" in officer.get(reverse("contests:list")).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = officer.post(reverse("contests:create"), _form())
    parent = Contest.objects.get(unit=world.commune)
    assert response.status_code == 302 and response["Location"] == reverse("contests:detail", args=[parent.uid])
    assert parent.prepared_at and parent.grades == [3] and parent.activity is None and not parent.classes.exists()
    children = {c.unit.code: c for c in parent.school_contests.select_related("unit", "activity")}
    assert set(children) == {"truong-a", "truong-c"}  # school D has no grade-3 class
    assert [c.label for c in children["truong-a"].classes.all()] == ["3A1"]  # 4A1 is not invited
    assert children["truong-c"].classes.get().entrants.count() == 2
    for child in children.values():
        assert child.activity.unit == child.unit and child.activity.kind == "contest"
        assert (child.question_count, child.title) == (5, "Rung chuông vàng liên trường")
    assert AuditEntry.objects.filter(action="contests.prepare_schools").latest("id").details == {
        "schools": 2, "entrants": 5}

    # Students play their school's contest; the commune sees the schools ranked by average (in %).
    _play(children["truong-a"], "An", 5)
    _play(children["truong-a"], "Cường", 3)
    _play(children["truong-c"], "Dung", 4)
    rows = {row["school"].code: row for row in selectors.school_summary(parent)}
    assert (rows["truong-a"]["took_part"], rows["truong-a"]["invited"], rows["truong-a"]["average"]) == (2, 3, 80.0)
    assert (rows["truong-c"]["took_part"], rows["truong-c"]["average"], rows["truong-c"]["best"]) == (1, 80.0, 80.0)
    participation = selectors.participation(parent)
    assert participation["totals"]["F"] == [3, 2] and participation["totals"]["M"] == [2, 1]
    page = officer.get(reverse("contests:detail", args=[parent.uid])).content.decode()
    assert "Trường Tiểu học C" in page and "2/3" in page and "Lê Thị An" not in page  # no child's name above
    listing = officer.get(reverse("contests:list")).content.decode()
    assert listing.count("Rung chuông vàng liên trường") == 1  # the schools' parts are not listed again
    # The school sees its own part, says whose contest it is, and runs it as its own.
    school_page = client_in(world.teacher, world.school).get(
        reverse("contests:detail", args=[children["truong-a"].uid])).content.decode()
    assert "Cuộc thi do UBND xã A tổ chức" in school_page
    assert children["truong-a"].classes.get().join_code in school_page
    assert "Rung chuông vàng liên trường" in client_in(world.teacher, world.school).get(
        reverse("contests:list")).content.decode()
    # Outside the commune: not found; the school's staff cannot open the commune's page.
    assert client_in(world.outsider, world.other_school).get(
        reverse("contests:detail", args=[parent.uid])).status_code == 404
    assert client_in(world.teacher, world.school).get(reverse("contests:detail", args=[parent.uid])).status_code == 404
    assert entrant(children["truong-a"], "An").attempts.get().submitted_at


def test_the_form_names_the_missing_audience_and_a_short_bank(world, schools):
    officer = client_in(world.commune_officer, world.commune)
    response = officer.post(reverse("contests:create"), _form(grades=[]))
    assert response.status_code == 400 and "Khối tham gia: hãy chọn ít nhất một khối" in response.content.decode()
    response = officer.post(reverse("contests:create"), _form(question_count=100))
    assert response.status_code == 400 and "ngân hàng không đủ câu hỏi (khối 3 chỉ có" in response.content.decode()
    assert not Contest.objects.exists()


def test_only_units_above_schools_open_one_and_a_second_run_adds_nothing(world, schools,
                                                                         django_capture_on_commit_callbacks):
    now = timezone.now()
    data = {"title": "Thi", "description": "", "opens_at": now, "closes_at": now + dt.timedelta(days=1),
            "time_limit_minutes": 10, "question_count": 3, "max_attempts": 1, "shuffle": False, "topics": []}
    with pytest.raises(ValidationError):
        above.contest_create_above(actor=world.principal, unit=world.school, data=data, grades=[3])
    with django_capture_on_commit_callbacks(execute=True):
        parent = above.contest_create_above(actor=world.province_officer, unit=world.province, data=data,
                                            grades=[3], staff=True)
    parent.refresh_from_db()
    # Staff invited: every school below gets a part (school B and D only for their staff).
    assert parent.school_contests.count() == 4
    assert above.school_contests_prepare(contest=parent) == 4 and Contest.objects.count() == 5
