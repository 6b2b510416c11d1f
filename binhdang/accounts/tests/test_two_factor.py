"""TOTP two-factor: turning it on and off, the code step at login, and the audit rows."""

import pytest
from django.test import Client
from django.urls import reverse
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from binhdang.accounts import services
from binhdang.accounts.models import Membership
from binhdang.audit.models import AuditEntry
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db

SECURITY = "/tai-khoan/bao-mat/"
VERIFY = "/tai-khoan/xac-thuc/"
LOGIN = "/tai-khoan/dang-nhap/"


def code(device, drift=0) -> str:
    """The code an authenticator app shows for the device (drift in 30-second steps)."""
    return f"{totp(device.bin_key, device.step, device.t0, device.digits, drift):0{device.digits}d}"


def wrong_code(device) -> str:
    near = {code(device, d) for d in range(-2, 3)}
    return next(c for c in (f"{n:06d}" for n in range(123456, 999999, 7919)) if c not in near)




def _enable(client, user) -> TOTPDevice:
    page = client.get(SECURITY)
    assert page.status_code == 200
    assert "data:image/svg+xml;base64," in page.content.decode()  # the QR code
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    response = client.post(SECURITY, {"token": code(device)})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    return device


def test_enable_with_a_valid_code_and_audit(world):
    client = client_in(world.principal, world.school)
    device = _enable(client, world.principal)
    page = client.get(SECURITY).content.decode()
    assert "Đã bật xác thực hai bước." in page
    assert "Xác thực hai bước đang bật" in page
    entry = AuditEntry.objects.get(action="2fa.enable")
    assert (entry.actor, entry.acting_unit, entry.target_uid) == (
        world.principal, world.school, str(world.principal.uid))
    assert TOTPDevice.objects.filter(user=world.principal).count() == 1
    assert device.name == "Ứng dụng xác thực"


def test_enable_refuses_a_wrong_code(world):
    client = client_in(world.teacher, world.school)
    client.get(SECURITY)
    device = TOTPDevice.objects.get(user=world.teacher)
    response = client.post(SECURITY, {"token": wrong_code(device)})
    assert response.status_code == 200
    assert "Mã không đúng. Kiểm tra giờ trên điện thoại rồi thử lại." in response.content.decode()
    response = client.post(SECURITY, {"token": "12ab"})
    assert "Mã gồm đúng 6 chữ số." in response.content.decode()
    assert not TOTPDevice.objects.filter(user=world.teacher, confirmed=True).exists()
    assert not AuditEntry.objects.filter(action="2fa.enable").exists()


def test_login_then_requires_the_code(world, password):
    device = _enable(client_in(world.principal, world.school), world.principal)
    client = Client()
    response = client.post(LOGIN, {"username": "hieutruong", "password": password, "next": "/don-vi/"})
    assert response.status_code == 302
    assert response["Location"] == VERIFY
    # The password alone does not open the session.
    assert client.get("/").status_code == 302
    assert client.get(reverse("orgs:list")).status_code == 302
    page = client.get(VERIFY)
    assert "Nhập mã 6 chữ số" in page.content.decode()
    # The code of the next 30-second step: the one used to enable cannot be replayed.
    response = client.post(VERIFY, {"token": code(device, drift=1)})
    assert response.status_code == 302
    assert response["Location"] == "/don-vi/"
    request = client.get("/").wsgi_request
    assert request.user == world.principal
    assert request.user.is_verified()


def test_wrong_codes_are_refused_and_five_send_back_to_login(world, password):
    device = _enable(client_in(world.principal, world.school), world.principal)
    client = Client()
    client.post(LOGIN, {"username": "hieutruong", "password": password})
    for _ in range(4):
        response = client.post(VERIFY, {"token": wrong_code(device)})
        assert response.status_code == 200
        assert "Mã không đúng hoặc đã hết hạn." in response.content.decode()
        assert not response.wsgi_request.user.is_authenticated
    response = client.post(VERIFY, {"token": wrong_code(device)})
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    page = client.get(LOGIN).content.decode()
    assert "Nhập sai mã quá nhiều lần. Hãy đăng nhập lại." in page
    # The pending password step is gone: the code page now sends to the login too.
    assert client.get(VERIFY)["Location"] == reverse("accounts:login")
    assert not client.get("/").wsgi_request.user.is_authenticated


def test_verify_without_password_step_goes_to_login(world, client):
    response = client.get(VERIFY)
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")


def test_disable_needs_a_current_code_and_is_audited(world):
    client = client_in(world.principal, world.school)
    device = _enable(client, world.principal)
    response = client.post(SECURITY, {"action": "disable", "token": wrong_code(device)})
    assert response.status_code == 200
    assert "Mã không đúng" in response.content.decode()
    assert TOTPDevice.objects.filter(user=world.principal, confirmed=True).exists()
    device.throttle_reset()  # the wrong code above throttles the device for a second
    response = client.post(SECURITY, {"action": "disable", "token": code(device, drift=1)})
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=world.principal).exists()
    entry = AuditEntry.objects.get(action="2fa.disable")
    assert (entry.actor, entry.acting_unit) == (world.principal, world.school)


def test_disable_without_a_device_writes_nothing(world):
    client = client_in(world.teacher, world.school)
    response = client.post(SECURITY, {"action": "disable", "token": "123456"})
    assert response.status_code == 302
    assert not AuditEntry.objects.filter(action="2fa.disable").exists()


def test_security_page_needs_login(client):
    response = client.get(SECURITY)
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# --- membership audit -----------------------------------------------------------------------

def test_membership_grant_and_revoke_are_audited(world):
    membership = services.membership_grant(actor=world.principal, acting_unit=world.school,
                                           user=world.no_role, unit=world.school, role="teacher")
    assert Membership.objects.get(user=world.no_role).role == "teacher"
    grant = AuditEntry.objects.get(action="membership.grant")
    assert (grant.actor, grant.acting_unit, grant.target_uid) == (
        world.principal, world.school, str(membership.uid))
    assert grant.details == {"user": "chuaco", "unit": "truong-a", "role": "teacher"}
    services.membership_revoke(actor=world.principal, acting_unit=world.school, membership=membership)
    membership.refresh_from_db()
    assert not membership.is_active
    revoke = AuditEntry.objects.get(action="membership.revoke")
    assert (revoke.actor, revoke.target_uid) == (world.principal, str(membership.uid))
    # Granting again re-activates the same row and writes a second grant row.
    again = services.membership_grant(actor=world.principal, acting_unit=world.school,
                                      user=world.no_role, unit=world.school, role="teacher")
    assert again.pk == membership.pk and again.is_active
    assert AuditEntry.objects.filter(action="membership.grant").count() == 2
