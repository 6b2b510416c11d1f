"""Who may open a case, 2FA and re-authentication, the read log, idle sessions, append-only audit."""

import time

import pytest
from django.urls import reverse
from django.utils import timezone
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts.middleware import SEEN_KEY
from binhdang.audit.models import AppendOnlyError, AuditEntry
from binhdang.safeguarding.access import REAUTH_SESSION_KEY
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel, Referral
from binhdang.testing import PASSWORD, client_in

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "ACCESS-MARKER-7781"


@pytest.fixture
def case(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    return case_create(unit=world.school, channel=Channel.IN_PERSON, category="bullying",
                       narrative=f"Chuyện {MARKER}", actor=world.teacher)


def _url(case):
    return reverse("safeguarding:case_detail", args=[case.uid])


def test_team_member_opens_and_the_read_is_logged(world, case):
    response = case_client(world.teacher, world.school).get(_url(case))
    assert response.status_code == 200 and MARKER in response.content.decode()
    row = AuditEntry.objects.get(action="case.view")
    assert row.actor == world.teacher and row.target_uid == str(case.uid) and row.details == {"role": "leader"}
    assert MARKER not in str(row.details) + row.target_label


@pytest.mark.parametrize("role", ["principal", "counsellor", "committee_member", "province_officer", "admin"])
def test_everyone_else_gets_404_even_with_2fa(world, case, role):
    user = getattr(world, role)
    unit = world.province if role in ("province_officer", "admin") else world.school
    client = case_client(user, unit)
    assert client.get(_url(case)).status_code == 404
    assert client.get(reverse("safeguarding:case_list")).status_code == 404
    assert not AuditEntry.objects.filter(action="case.view").exists()


def test_named_officer_opens_while_the_referral_is_active(world, case):
    referral = Referral.objects.create(case=case, target="education", to_unit=world.province,
                                       referred_at=timezone.now(), referred_by=world.teacher)
    referral.officers.add(world.province_officer)
    client = case_client(world.province_officer, world.province)
    assert client.get(_url(case)).status_code == 200
    assert client.get(reverse("safeguarding:case_list")).status_code == 200
    referral.ended_at = timezone.now()
    referral.save()
    assert client.get(_url(case)).status_code == 404


def test_without_2fa_the_member_is_sent_to_set_it_up(world, case):
    client = client_in(world.teacher, world.school)
    response = client.get(_url(case))
    assert response.status_code == 302 and response["Location"].startswith(reverse("safeguarding:reauth"))
    response = client.get(response["Location"])
    assert response.status_code == 302 and response["Location"] == reverse("accounts:two_factor")
    assert not AuditEntry.objects.filter(action="case.view").exists()


def test_reauthentication_with_password_and_code(world, case):
    device = TOTPDevice.objects.create(user=world.teacher, name="phone", confirmed=True)
    client = client_in(world.teacher, world.school)
    reauth = reverse("safeguarding:reauth")
    token = f"{TOTP(device.bin_key, device.step, device.t0, device.digits).token():06d}"
    wrong = client.post(reauth, {"password": "sai", "token": token, "next": _url(case)})
    assert wrong.status_code == 400 and "không đúng" in wrong.content.decode()
    response = client.post(reauth, {"password": PASSWORD, "token": token, "next": _url(case)})
    assert response.status_code == 302 and response["Location"] == _url(case)
    assert client.get(_url(case)).status_code == 200


def test_five_wrong_reauthentications_end_the_session(world, case):
    TOTPDevice.objects.create(user=world.teacher, name="phone", confirmed=True)
    client = client_in(world.teacher, world.school)
    for _i in range(5):
        response = client.post(reverse("safeguarding:reauth"), {"password": "sai", "token": "000000"})
    assert response.status_code == 302 and response["Location"] == reverse("accounts:login")
    assert client.get(_url(case)).status_code == 302  # logged out: to the login page
    assert "_auth_user_id" not in client.session


def test_an_old_reauthentication_is_asked_again(world, case, settings):
    client = case_client(world.teacher, world.school)
    session = client.session
    session[REAUTH_SESSION_KEY] = int(time.time()) - settings.BINHDANG_REAUTH_MINUTES * 60 - 5
    session.save()
    response = client.get(_url(case))
    assert response.status_code == 302 and response["Location"].startswith(reverse("safeguarding:reauth"))


def test_idle_session_ends(world, settings):
    client = client_in(world.teacher, world.school)
    assert client.get("/").status_code == 200
    session = client.session
    session[SEEN_KEY] = int(time.time()) - settings.BINHDANG_IDLE_MINUTES * 60 - 5
    session.save()
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith(reverse("accounts:login"))
    assert "_auth_user_id" not in client.session


def test_active_session_stays(world, settings):
    client = client_in(world.teacher, world.school)
    session = client.session
    session[SEEN_KEY] = int(time.time()) - settings.BINHDANG_IDLE_MINUTES * 60 + 60
    session.save()
    assert client.get("/").status_code == 200


def test_audit_rows_cannot_be_changed_or_deleted(world, case):
    row = AuditEntry.objects.filter(action="case.create").get()
    row.action = "changed"
    with pytest.raises(AppendOnlyError):
        row.save()
    with pytest.raises(AppendOnlyError):
        row.delete()
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.filter(pk=row.pk).update(action="changed")
    with pytest.raises(AppendOnlyError):
        AuditEntry.objects.all().delete()
    assert AuditEntry.objects.get(pk=row.pk).action == "case.create"


def test_a_member_who_left_the_school_loses_access_at_once(world, case):
    from binhdang.accounts.models import Membership

    client = case_client(world.teacher, world.school)
    assert client.get(_url(case)).status_code == 200
    Membership.objects.filter(user=world.teacher, unit=world.school).update(is_active=False)
    assert client.get(_url(case)).status_code == 404
    assert client.get(reverse("safeguarding:case_list")).status_code == 404
