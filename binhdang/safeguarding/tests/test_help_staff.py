"""Staff recording of reports received in person, by phone or from the suggestion box."""

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.intake import case_for_student, normalise_code
from binhdang.safeguarding.models import Case, CaseTeamMember, Channel
from binhdang.safeguarding.sealing import field_context, unseal
from binhdang.testing import client_in

pytestmark = pytest.mark.usefixtures("sealing_on")

URL = "/bao-ve/ghi-nhan/"
MARKER = "HOPTHU-MARKER-5120"


def _form(**extra):
    return {"channel": Channel.SUGGESTION_BOX, "category": "bullying", "narrative": f"Thư {MARKER}",
            "name": "", "school_class": "5B", "passphrase": "", **extra}


def test_url_is_the_brief_one():
    assert reverse("safeguarding:record") == URL


def test_team_member_records_a_case(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.counsellor)
    CaseTeamMember.objects.create(unit=world.school, user=world.committee_member, is_leader=True)
    client = client_in(world.counsellor, world.school)
    assert client.get(URL).status_code == 200
    response = client.post(URL, _form(passphrase="bi mat cua em"), follow=True)
    assert response.status_code == 200 and response.redirect_chain == [("/bao-ve/ghi-nhan/xong/", 302)]
    case = Case.objects.get()
    assert case.channel == Channel.SUGGESTION_BOX and case.recorded_by == world.counsellor
    assert unseal(case.key, case.narrative_sealed, field_context(case, "narrative_sealed")) == f"Thư {MARKER}"
    assert case.reporter_name_sealed is None
    text = response.content.decode()
    shown = text.split('data-testid="case-code">')[1].split("<")[0]
    assert normalise_code(shown) == case.code
    assert case_for_student(shown, "bi mat cua em") == case
    audit = AuditEntry.objects.get(action="case.create")
    assert audit.actor == world.counsellor and audit.details == {} and MARKER not in audit.target_label
    assert set(Notification.objects.values_list("user__username", flat=True)) == {
        world.counsellor.username, world.committee_member.username}


def test_without_passphrase_the_code_does_not_open(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    response = client_in(world.teacher, world.school).post(URL, _form(channel=Channel.PHONE), follow=True)
    assert "Chưa có mật khẩu" in response.content.decode()
    case = Case.objects.get()
    assert case.passphrase_hash == "" and case_for_student(case.code, "") is None


@pytest.mark.parametrize("role", ["teacher", "principal", "commune_officer", "counsellor"])
def test_not_on_the_team_is_404(world, role):
    # A member of another school's team is not on this one.
    CaseTeamMember.objects.create(unit=world.school_b, user=getattr(world, role))
    unit = world.commune if role == "commune_officer" else world.school
    client = client_in(getattr(world, role), unit)
    assert client.get(URL).status_code == 404
    assert client.post(URL, _form()).status_code == 404
    assert not Case.objects.exists()


def test_team_member_of_the_commune_is_not_a_school(world):
    CaseTeamMember.objects.create(unit=world.commune, user=world.commune_officer)
    assert client_in(world.commune_officer, world.commune).get(URL).status_code == 404


def test_invalid_form_saves_nothing(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    response = client_in(world.teacher, world.school).post(URL, _form(narrative="", passphrase="ngan"))
    assert response.status_code == 400 and not Case.objects.exists()


def test_refreshing_the_result_records_nothing_twice(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    client = client_in(world.teacher, world.school)
    response = client.post(URL, _form(), follow=True)
    assert 'data-testid="case-code"' in response.content.decode()
    again = client.get("/bao-ve/ghi-nhan/xong/")
    assert again.status_code == 302 and again["Location"] == URL
    assert Case.objects.count() == 1
