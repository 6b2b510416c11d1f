"""Members page: the unit's admin grants and revokes roles; others get 403/404."""

import pytest
from django.urls import reverse

from binhdang.accounts.models import Membership, User
from binhdang.audit.models import AuditEntry
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db




def test_principal_sees_members_teacher_gets_403(world, login):
    assert client_in(world.principal, world.school).get(reverse("accounts:members")).status_code == 200
    assert client_in(world.teacher, world.school).get(reverse("accounts:members")).status_code == 403
    assert client_in(world.committee_member, world.school).get(reverse("accounts:members")).status_code == 403


def test_grant_creates_login_with_temporary_password(world, login):
    client = client_in(world.principal, world.school)
    response = client.post(reverse("accounts:member_grant"),
                           {"username": "gv.moi", "full_name": "Nguyễn Thị Mới", "role": "teacher"}, follow=True)
    assert response.status_code == 200
    user = User.objects.get(username="gv.moi")
    assert user.full_name == "Nguyễn Thị Mới"
    assert Membership.objects.filter(user=user, unit=world.school, role="teacher", is_active=True).exists()
    assert "mật khẩu tạm" in response.content.decode()
    assert AuditEntry.objects.filter(action="membership.grant", actor=world.principal).count() == 1
    assert AuditEntry.objects.filter(action="user.create").count() == 1


def test_grant_refuses_a_role_not_offered_at_a_school(world, login):
    client = client_in(world.principal, world.school)
    response = client.post(reverse("accounts:member_grant"),
                           {"username": "so.gia", "full_name": "Giả", "role": "province_officer"})
    assert response.status_code == 400
    assert not User.objects.filter(username="so.gia").exists()


def test_new_login_needs_a_name(world, login):
    client = client_in(world.principal, world.school)
    response = client.post(reverse("accounts:member_grant"), {"username": "khongten", "role": "teacher"})
    assert response.status_code == 400
    assert "Tài khoản mới cần họ và tên." in response.content.decode()
    assert not User.objects.filter(username="khongten").exists()


def test_revoke_scoped_to_the_users_units(world, login):
    membership = Membership.objects.get(user=world.teacher)
    outsider = client_in(world.outsider, world.other_school)
    assert outsider.post(reverse("accounts:member_revoke", args=[membership.uid])).status_code == 404
    teacher = client_in(world.unit_lead, world.school)
    assert teacher.post(reverse("accounts:member_revoke", args=[membership.uid])).status_code == 403
    principal = client_in(world.principal, world.school)
    assert principal.post(reverse("accounts:member_revoke", args=[membership.uid])).status_code == 302
    membership.refresh_from_db()
    assert membership.is_active is False
    assert AuditEntry.objects.filter(action="membership.revoke", target_uid=str(membership.uid)).exists()


def test_admin_cannot_revoke_own_admin_role(world, login):
    own = Membership.objects.get(user=world.principal)
    client = client_in(world.principal, world.school)
    client.post(reverse("accounts:member_revoke", args=[own.uid]))
    own.refresh_from_db()
    assert own.is_active is True
