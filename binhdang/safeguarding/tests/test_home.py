"""/bao-ve/: every member of the school sees the help page, the poster and whom to tell; the
links to cases only when they are on the team; never anything about a case."""

import pytest
from django.urls import reverse

from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel
from binhdang.testing import client_in

pytestmark = pytest.mark.usefixtures("sealing_on")
URL = "/bao-ve/"
SECRET = "HOME-MARKER-3307"


@pytest.fixture
def team(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead, is_leader=True)
    world.unit_lead.full_name = "Vũ Thị Mai"
    world.unit_lead.save()
    case_create(unit=world.school, channel=Channel.PHONE, category="bullying", narrative=SECRET, actor=world.unit_lead)


def test_url_and_nav(world):
    assert reverse("safeguarding:home") == URL
    page = client_in(world.teacher, world.school).get("/").content.decode()
    assert f'href="{URL}"' in page


def test_a_teacher_learns_whom_to_tell_and_sees_no_case(world, team):
    page = client_in(world.teacher, world.school).get(URL).content.decode()
    assert "Vũ Thị Mai" in page and "trưởng nhóm" in page
    assert reverse("safeguarding:help", args=[world.school.code]) in page
    assert reverse("safeguarding:poster", args=[world.school.code]) in page
    assert reverse("safeguarding:case_list") not in page and reverse("safeguarding:team") not in page
    assert reverse("safeguarding:statistics") not in page and SECRET not in page


def test_the_team_leader_gets_the_case_links(world, team):
    page = client_in(world.unit_lead, world.school).get(URL).content.decode()
    for name in ("case_list", "record", "team_log", "team"):
        assert reverse(f"safeguarding:{name}") in page, name
    assert SECRET not in page


def test_the_principal_manages_the_team_and_reads_statistics_not_cases(world, team):
    page = client_in(world.principal, world.school).get(URL).content.decode()
    assert reverse("safeguarding:team") in page and reverse("safeguarding:statistics") in page
    assert reverse("safeguarding:case_list") not in page


def test_an_officer_above_sees_statistics_only(world, team):
    page = client_in(world.province_officer, world.province).get(URL).content.decode()
    assert reverse("safeguarding:statistics") in page
    assert "Vũ Thị Mai" not in page and reverse("safeguarding:case_list") not in page
