"""The team's case list (overdue first, closed apart, bounded queries) and the overdue reminders."""

import datetime as dt
import io

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from binhdang.core.models import Notification
from binhdang.safeguarding.clocks import overdue_cases_notify
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Case, CaseTeamMember, Channel, Stage
from binhdang.safeguarding.selectors import case_rows

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "LIST-MARKER-3310"
LIST = reverse("safeguarding:case_list")


@pytest.fixture
def team(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead, is_leader=True)
    return world


def make_case(world, hours_ago: float, **fields) -> Case:
    case = case_create(unit=world.school, channel=Channel.PHONE, category="bullying",
                       narrative=f"Chuyện {MARKER}", actor=world.teacher)
    Case.objects.filter(pk=case.pk).update(received_at=timezone.now() - dt.timedelta(hours=hours_ago), **fields)
    return Case.objects.get(pk=case.pk)


def test_overdue_first_then_open_by_received_and_closed_apart(team):
    now = timezone.now()
    recent = make_case(team, 1)
    older = make_case(team, 5)
    overdue = make_case(team, 20, stage=Stage.ASSESSED, emergency_due_at=now - dt.timedelta(hours=8),
                        plan_due_at=now + dt.timedelta(days=5))
    soon = make_case(team, 10, stage=Stage.ASSESSED, emergency_due_at=now + dt.timedelta(hours=2),
                     plan_due_at=now + dt.timedelta(days=5))
    met = make_case(team, 30, stage=Stage.SUPPORT, emergency_due_at=now - dt.timedelta(hours=18),
                    support_at=now - dt.timedelta(hours=20), plan_due_at=now + dt.timedelta(days=4))
    closed = make_case(team, 40, stage=Stage.CLOSED, closed_at=now - dt.timedelta(hours=1),
                       emergency_due_at=now - dt.timedelta(hours=28))
    rows = case_rows(team.teacher, now)
    assert [row["case"] for row in rows["open"]] == [overdue, soon, recent, older, met]
    assert [row["case"] for row in rows["closed"]] == [closed]
    assert rows["open"][0]["overdue"] and rows["open"][1]["soon"] and not rows["open"][4]["overdue"]
    assert rows["open"][4]["emergency"].state == "met"

    client = case_client(team.teacher, team.school)
    page = client.get(LIST).content.decode()
    assert page.index(str(overdue.uid)) < page.index(str(soon.uid)) < page.index(str(recent.uid))
    assert page.index('data-testid="cases-closed"') < page.index(str(closed.uid))
    assert 'data-state="overdue"' in page and 'data-state="soon"' in page and "Quá hạn" in page
    assert MARKER not in page  # the list shows no content
    only_open = client.get(LIST, {"trang-thai": "mo"}).content.decode()
    assert str(recent.uid) in only_open and str(closed.uid) not in only_open
    only_closed = client.get(LIST, {"trang-thai": "dong"}).content.decode()
    assert str(closed.uid) in only_closed and str(recent.uid) not in only_closed


def _list_queries(client) -> int:
    with CaptureQueriesContext(connection) as queries:
        assert client.get(LIST).status_code == 200
    return len(queries)


def test_the_list_costs_the_same_for_3_and_30_cases(team):
    now = timezone.now()
    for index in range(3):
        make_case(team, index + 1, emergency_due_at=now - dt.timedelta(hours=1), plan_due_at=now)
    client = case_client(team.teacher, team.school)
    three = _list_queries(client)
    for index in range(27):
        make_case(team, index + 5, emergency_due_at=now + dt.timedelta(hours=1), plan_due_at=now)
    assert _list_queries(client) == three


def test_overdue_clocks_tell_the_team_once(team):
    now = timezone.now()
    overdue = make_case(team, 20, stage=Stage.ASSESSED, emergency_due_at=now - dt.timedelta(hours=8),
                        plan_due_at=now - dt.timedelta(hours=1))
    make_case(team, 5, stage=Stage.ASSESSED, emergency_due_at=now + dt.timedelta(hours=7))  # still running
    make_case(team, 20, stage=Stage.SUPPORT, emergency_due_at=now - dt.timedelta(hours=8),
              support_at=now - dt.timedelta(hours=10))  # met
    make_case(team, 50, stage=Stage.CLOSED, emergency_due_at=now - dt.timedelta(hours=38))  # closed
    CaseTeamMember.objects.create(unit=team.school_b, user=team.counsellor)  # another school's team
    Notification.objects.all().delete()
    assert overdue_cases_notify(now) == 4  # 2 members × 2 clocks of one case
    notices = Notification.objects.filter(key__startswith="case-overdue")
    assert {notice.user for notice in notices} == {team.teacher, team.unit_lead}
    assert {notice.key for notice in notices} == {f"case-overdue:{overdue.uid}:emergency",
                                                   f"case-overdue:{overdue.uid}:plan"}
    for notice in notices:
        assert notice.title == "Có vụ việc quá hạn cần xử lý" and notice.url == LIST and notice.kind == "case"
        assert MARKER not in notice.title + notice.body
    assert overdue_cases_notify(now + dt.timedelta(hours=1)) == 0  # sent once


def test_the_remind_command_runs_the_overdue_reminders(team):
    now = timezone.now()
    make_case(team, 20, stage=Stage.ASSESSED, emergency_due_at=now - dt.timedelta(hours=8))
    out = io.StringIO()
    call_command("remind", stdout=out)
    assert "Vụ việc quá hạn: 2 thông báo mới." in out.getvalue()
    assert Notification.objects.filter(key__startswith="case-overdue", user=team.teacher).exists()
    out = io.StringIO()
    call_command("remind", stdout=out)
    assert "Vụ việc quá hạn: 0 thông báo mới." in out.getvalue()
