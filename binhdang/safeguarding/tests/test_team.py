"""Managing the case team in the app: who may, the one-leader rule, audit and notifications."""

import pytest
from django.urls import reverse
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts.models import Membership
from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.models import CaseTeamMember
from binhdang.safeguarding.team import TeamError, team_leader_set, team_member_add, team_member_remove
from binhdang.testing import client_in, make_user

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
TEAM = reverse("safeguarding:team")
ADD = reverse("safeguarding:team_add")


def _seat(world, role, leader=False):
    return CaseTeamMember.objects.create(unit=world.school, user=getattr(world, role), is_leader=leader)


def _leaders(world):
    return set(CaseTeamMember.objects.filter(unit=world.school, is_leader=True).values_list("user__username",
                                                                                          flat=True))


def test_principal_builds_the_team_first_member_leads(world):
    client = case_client(world.principal, world.school)
    page = client.get(TEAM)
    assert page.status_code == 200 and "không tự động được đọc vụ việc" in page.content.decode()
    assert client.post(ADD, {"user": world.teacher.uid}).status_code == 302
    assert client.post(ADD, {"user": world.counsellor.uid}).status_code == 302
    assert _leaders(world) == {world.teacher.username}
    assert CaseTeamMember.objects.filter(unit=world.school).count() == 2
    rows = AuditEntry.objects.filter(action="case_team.add").order_by("id")
    assert [r.actor for r in rows] == [world.principal, world.principal]
    assert rows[0].details["leader"] is True and rows[1].details["leader"] is False
    assert rows[0].acting_unit == world.school and rows[0].details["self"] is False
    note = Notification.objects.get(user=world.counsellor)
    assert note.kind == "case" and note.url == reverse("safeguarding:case_list")


def test_members_without_2fa_are_pointed_out(world):
    _seat(world, "teacher", leader=True)
    _seat(world, "counsellor")
    TOTPDevice.objects.create(user=world.teacher, name="phone", confirmed=True)
    text = case_client(world.principal, world.school).get(TEAM).content.decode()
    assert text.count('data-testid="no-2fa"') == 1  # the counsellor; the teacher has a device
    assert 'data-testid="team-without-2fa"' in text


def test_a_member_who_left_the_school_is_pointed_out(world):
    _seat(world, "teacher", leader=True)
    _seat(world, "counsellor")
    Membership.objects.filter(user=world.counsellor, unit=world.school).update(is_active=False)
    text = case_client(world.principal, world.school).get(TEAM).content.decode()
    assert text.count('data-testid="left-school"') == 1


def test_making_a_leader_unsets_the_previous_one(world):
    _seat(world, "teacher", leader=True)
    counsellor = _seat(world, "counsellor")
    client = case_client(world.principal, world.school)
    response = client.post(reverse("safeguarding:team_leader", args=[counsellor.uid]))
    assert response.status_code == 302 and response["Location"] == TEAM
    assert _leaders(world) == {world.counsellor.username}
    entry = AuditEntry.objects.get(action="case_team.leader")
    assert entry.details["member"] == str(counsellor.uid) and len(entry.details["previous"]) == 1
    assert Notification.objects.filter(user=world.counsellor, kind="case").count() == 1


def test_leader_hands_over_and_loses_the_page(world):
    _seat(world, "teacher", leader=True)
    counsellor = _seat(world, "counsellor")
    client = case_client(world.teacher, world.school)
    assert client.get(TEAM).status_code == 200
    response = client.post(reverse("safeguarding:team_leader", args=[counsellor.uid]))
    assert response["Location"] == reverse("safeguarding:case_list")
    assert client.get(TEAM).status_code == 403  # now a plain member


def test_leader_cannot_be_removed_while_others_remain(world):
    leader = _seat(world, "teacher", leader=True)
    member = _seat(world, "counsellor")
    client = case_client(world.principal, world.school)
    response = client.post(reverse("safeguarding:team_remove", args=[leader.uid]))
    assert response.status_code == 400 and "Hãy chọn trưởng nhóm khác" in response.content.decode()
    assert CaseTeamMember.objects.filter(pk=leader.pk).exists()
    assert not AuditEntry.objects.filter(action="case_team.remove").exists()
    assert client.post(reverse("safeguarding:team_remove", args=[member.uid])).status_code == 302
    assert client.post(reverse("safeguarding:team_remove", args=[leader.uid])).status_code == 302
    assert not CaseTeamMember.objects.filter(unit=world.school).exists()
    assert AuditEntry.objects.filter(action="case_team.remove").count() == 2
    assert Notification.objects.filter(user=world.counsellor, url=reverse("core:notifications")).exists()


def test_only_people_of_the_school_can_be_added(world):
    _seat(world, "teacher", leader=True)
    stranger = make_user("nguoila", world.school_b, "teacher")
    client = case_client(world.teacher, world.school)
    for value in (stranger.uid, world.commune_officer.uid, world.teacher.uid, "khong-phai-uid", ""):
        response = client.post(ADD, {"user": value})
        assert response.status_code == 400, value
        assert "Người được thêm" in response.content.decode()
    revoked = make_user("danghi", world.school, "teacher")
    Membership.objects.filter(user=revoked).update(is_active=False)
    assert client.post(ADD, {"user": revoked.uid}).status_code == 400
    assert CaseTeamMember.objects.filter(unit=world.school).count() == 1
    assert not AuditEntry.objects.filter(action="case_team.add").exists()


def test_the_service_refuses_outsiders_too(world):
    with pytest.raises(TeamError):
        team_member_add(actor=world.principal, unit=world.school, user=world.outsider)
    assert not CaseTeamMember.objects.exists()


def test_principal_adding_themselves_is_recorded_as_such(world):
    _seat(world, "teacher", leader=True)
    client = case_client(world.principal, world.school)
    assert client.post(ADD, {"user": world.principal.uid}).status_code == 302
    entry = AuditEntry.objects.get(action="case_team.add")
    assert entry.details["self"] is True and entry.actor == world.principal
    # The leader sees it in the team's log.
    text = case_client(world.teacher, world.school).get(reverse("safeguarding:team_log")).content.decode()
    assert "thêm vào nhóm" in text and "cho chính mình" in text


@pytest.mark.parametrize("role", ["counsellor", "unit_lead", "committee_member"])
def test_other_school_roles_get_404(world, role):
    _seat(world, "teacher", leader=True)
    client = case_client(getattr(world, role), world.school)
    assert client.get(TEAM).status_code == 404
    assert client.post(ADD, {"user": getattr(world, role).uid}).status_code == 404
    assert CaseTeamMember.objects.count() == 1


def test_plain_member_gets_403(world):
    _seat(world, "teacher", leader=True)
    member = _seat(world, "counsellor")
    client = case_client(world.counsellor, world.school)
    assert client.get(TEAM).status_code == 403
    assert client.post(reverse("safeguarding:team_leader", args=[member.uid])).status_code == 403
    assert _leaders(world) == {world.teacher.username}


@pytest.mark.parametrize("role", ["commune_officer", "province_officer", "admin"])
def test_officers_above_never_manage_a_school_team(world, role):
    assert case_client(getattr(world, role), world.province).get(TEAM).status_code == 404


@pytest.mark.parametrize("role", ["commune_officer", "province_officer"])
def test_officer_who_also_works_at_the_school_is_not_its_principal(world, role):
    # Their ADMIN rights flow down to the school, but choosing who reads cases is the school's:
    # with a teacher's membership there and the school chosen, they still get 404.
    officer = getattr(world, role)
    Membership.objects.create(user=officer, unit=world.school, role="teacher")
    client = case_client(officer, world.school)
    assert client.get("/").wsgi_request.active_unit == world.school
    assert client.get(TEAM).status_code == 404
    assert client.post(ADD, {"user": officer.uid}).status_code == 404
    assert not CaseTeamMember.objects.exists()


def test_leader_of_another_school_is_not_leader_here(world):
    CaseTeamMember.objects.create(unit=world.school_b, user=world.teacher, is_leader=True)
    other = CaseTeamMember.objects.create(unit=world.school, user=world.counsellor, is_leader=True)
    client = case_client(world.teacher, world.school)
    assert client.get(TEAM).status_code == 404
    assert client.post(reverse("safeguarding:team_remove", args=[other.uid])).status_code == 404
    # And a seat of another school cannot be reached from this school's page.
    principal = case_client(world.principal, world.school)
    seat_b = CaseTeamMember.objects.get(unit=world.school_b)
    assert principal.post(reverse("safeguarding:team_remove", args=[seat_b.uid])).status_code == 404
    assert CaseTeamMember.objects.count() == 2


def test_without_2fa_the_principal_is_sent_to_verify(world):
    response = client_in(world.principal, world.school).get(TEAM)
    assert response.status_code == 302 and response["Location"].startswith(reverse("safeguarding:reauth"))
    response = client_in(world.principal, world.school).post(ADD, {"user": world.teacher.uid})
    assert response.status_code == 302 and not CaseTeamMember.objects.exists()


def test_services_keep_one_leader(world):
    first = team_member_add(actor=world.principal, unit=world.school, user=world.teacher)
    second = team_member_add(actor=world.principal, unit=world.school, user=world.counsellor)
    CaseTeamMember.objects.filter(pk=second.pk).update(is_leader=True)  # two leaders, e.g. from the admin
    team_leader_set(actor=world.principal, unit=world.school, member_uid=second.uid)
    assert _leaders(world) == {world.counsellor.username}
    before = AuditEntry.objects.count()
    team_leader_set(actor=world.principal, unit=world.school, member_uid=second.uid)
    assert AuditEntry.objects.count() == before  # nothing changed, nothing recorded
    with pytest.raises(TeamError):
        team_member_remove(actor=world.principal, unit=world.school, member_uid=second.uid)
    team_member_remove(actor=world.principal, unit=world.school, member_uid=first.uid)
    with pytest.raises(CaseTeamMember.DoesNotExist):
        team_leader_set(actor=world.principal, unit=world.school, member_uid=first.uid)
