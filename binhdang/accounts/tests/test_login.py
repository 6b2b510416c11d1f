"""Logging in and out, the django-axes lock-out, the unit switcher, the production hasher."""

import datetime as dt

import pytest
from axes.models import AccessAttempt
from axes.utils import reset as axes_reset
from django.contrib.auth.hashers import check_password, make_password
from django.test import Client
from django.urls import reverse

from binhdang.accounts.middleware import SESSION_KEY
from binhdang.accounts.models import Membership
from binhdang.testing import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = "/tai-khoan/dang-nhap/"
WRONG = "Tên đăng nhập hoặc mật khẩu không đúng."
LOCKED = "Tạm khoá đăng nhập"


def _post_login(client, username, password, **extra):
    return client.post(LOGIN, {"username": username, "password": password, **extra})


def _logged_in_as(client):
    return client.get(reverse("core:home")).wsgi_request.user


def test_login_page_is_public_and_in_vietnamese(client):
    response = client.get(LOGIN)
    assert response.status_code == 200
    assert '<html lang="vi">' in response.content.decode()
    assert "Đăng nhập" in response.content.decode()


def test_login_success_goes_to_next(world, client, password):
    response = _post_login(client, "giaovien", password, next="/don-vi/")
    assert response.status_code == 302
    assert response["Location"] == "/don-vi/"
    assert _logged_in_as(client) == world.teacher


def test_login_refuses_an_outside_next(world, client, password):
    response = _post_login(client, "giaovien", password, next="https://evil.example/")
    assert response["Location"] == "/"


def test_wrong_password_message(world, client):
    response = _post_login(client, "giaovien", "sai-mat-khau")
    assert response.status_code == 200
    assert WRONG in response.content.decode()
    assert not _logged_in_as(client).is_authenticated
    # An unknown user gets the very same answer (no hint that the name exists).
    response = _post_login(client, "khong-co-ai", "sai-mat-khau")
    assert WRONG in response.content.decode()


def _fail_five_times(client, username="giaovien"):
    responses = [_post_login(client, username, f"sai-{i}") for i in range(5)]
    assert all(r.status_code == 200 for r in responses[:4])
    assert all(WRONG in r.content.decode() for r in responses[:4])
    return responses[-1]


def test_lock_out_after_five_failures(world, client, password):
    fifth = _fail_five_times(client)
    assert LOCKED in fifth.content.decode()
    assert fifth.status_code == 429
    # Now even the right password is refused, with the locked-out page.
    response = _post_login(client, "giaovien", password)
    assert response.status_code == 429
    assert LOCKED in response.content.decode()
    assert "15 phút" in response.content.decode()
    assert not _logged_in_as(client).is_authenticated
    # Another user on the same machine is not locked.
    assert _post_login(Client(), "hieutruong", password).status_code == 302


def test_lock_out_ends_after_the_cool_off(world, client, password):
    _fail_five_times(client)
    assert _post_login(client, "giaovien", password).status_code == 429
    # Travel 14 minutes: still locked; 16 minutes: the 15-minute cool-off is over.
    attempt = AccessAttempt.objects.get(username="giaovien")
    attempt.attempt_time -= dt.timedelta(minutes=14)
    attempt.save(update_fields=["attempt_time"])
    assert _post_login(client, "giaovien", password).status_code == 429
    AccessAttempt.objects.filter(username="giaovien").update(
        attempt_time=attempt.attempt_time - dt.timedelta(minutes=2))
    response = _post_login(client, "giaovien", password)
    assert response.status_code == 302
    assert _logged_in_as(client) == world.teacher


def test_lock_out_reset_by_an_administrator(world, client, password):
    _fail_five_times(client)
    assert axes_reset(username="giaovien") == 1
    assert _post_login(client, "giaovien", password).status_code == 302


def test_success_resets_the_failure_count(world, client, password):
    for i in range(4):
        _post_login(client, "giaovien", f"sai-{i}")
    assert _post_login(client, "giaovien", password).status_code == 302
    client.post(reverse("accounts:logout"))
    # Four more failures do not lock: the count started again.
    for i in range(4):
        assert WRONG in _post_login(client, "giaovien", f"sai-{i}").content.decode()
    assert _post_login(client, "giaovien", password).status_code == 302


def test_logout_is_post_only(world, login):
    client = login(world.teacher)
    assert client.get(reverse("accounts:logout")).status_code == 405
    assert _logged_in_as(client) == world.teacher
    response = client.post(reverse("accounts:logout"))
    assert response.status_code == 302
    assert response["Location"] == reverse("accounts:login")
    assert not _logged_in_as(client).is_authenticated


# --- unit switcher --------------------------------------------------------------------------

def test_switching_changes_the_active_unit(world, login):
    Membership.objects.create(user=world.principal, unit=world.commune, role="committee_member")
    client = login(world.principal)
    response = client.post(reverse("accounts:switch_unit"),
                           {"unit": str(world.commune.uid), "next": "/don-vi/"})
    assert response.status_code == 302
    assert response["Location"] == "/don-vi/"
    assert client.session[SESSION_KEY] == str(world.commune.uid)
    assert client.get(reverse("core:home")).wsgi_request.active_unit == world.commune
    client.post(reverse("accounts:switch_unit"), {"unit": str(world.school.uid)})
    assert client.get(reverse("core:home")).wsgi_request.active_unit == world.school


@pytest.mark.parametrize("target", ["province", "school_b", "other_school"])
def test_switching_to_a_unit_without_membership_is_404(world, login, target):
    # Even a unit below the user's own (school_b is under the province) is not a switcher
    # entry unless a membership is held there.
    client = login(world.commune_officer)
    response = client.post(reverse("accounts:switch_unit"), {"unit": str(getattr(world, target).uid)})
    assert response.status_code == 404
    assert SESSION_KEY not in client.session
    assert client.get(reverse("core:home")).wsgi_request.active_unit == world.commune


def test_switcher_ignores_a_forged_session_value(world, login):
    client = login(world.teacher)
    session = client.session
    session[SESSION_KEY] = str(world.other_school.uid)
    session.save()
    assert client.get(reverse("core:home")).wsgi_request.active_unit == world.school


def test_switching_needs_login(world, client):
    response = client.post(reverse("accounts:switch_unit"), {"unit": str(world.school.uid)})
    assert response.status_code == 302
    assert response["Location"].startswith(LOGIN)


# --- production settings ---------------------------------------------------------------------

def test_production_settings_hash_with_argon2(world, settings, client):
    # The test settings swap in MD5 for speed; production must not.
    from binhdang.config import settings as production

    assert production.PASSWORD_HASHERS[0] == "django.contrib.auth.hashers.Argon2PasswordHasher"
    settings.PASSWORD_HASHERS = production.PASSWORD_HASHERS
    encoded = make_password("mat-khau-dai-hon")
    assert encoded.startswith("argon2$argon2id$")
    assert check_password("mat-khau-dai-hon", encoded)
    world.teacher.set_password(PASSWORD)
    world.teacher.save(update_fields=["password"])
    assert world.teacher.password.startswith("argon2$")
    assert _post_login(client, "giaovien", PASSWORD).status_code == 302
    assert production.AXES_FAILURE_LIMIT == 5
    assert production.AXES_COOLOFF_TIME == 0.25
    assert production.AXES_LOCKOUT_PARAMETERS == [["username", "ip_address"]]
