"""Internal bodies of a school and their members: views for every role, services with audit."""

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import InternalBody
from binhdang.people.models import BodyMembership, StaffMember
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db




def _staff(unit, given="Hoa"):
    member = StaffMember(unit=unit, family_name="Nguyễn", middle_name="Thị", given_name=given, sex="F")
    member.refresh_derived()
    member.save()
    return member


def test_committee_member_adds_a_body_teacher_cannot(world, login):
    url = reverse("people:bodies")
    data = {"kind": "committee", "name": "Ban vì sự tiến bộ của phụ nữ", "short_name": "Ban VSTBPN"}
    teacher = client_in(world.teacher, world.school)
    assert teacher.get(url).status_code == 200
    assert teacher.post(url, data).status_code == 403
    assert not InternalBody.objects.exists()
    member = client_in(world.committee_member, world.school)
    assert member.post(url, data).status_code == 302
    body = InternalBody.objects.get()
    assert (body.unit, body.kind) == (world.school, "committee")
    assert AuditEntry.objects.filter(action="body.create", actor=world.committee_member).exists()
    duplicate = member.post(url, data)
    assert duplicate.status_code == 400
    assert "Trường đã có tổ chức tên" in duplicate.content.decode()


def test_bodies_page_is_for_schools_only(world, login):
    assert client_in(world.commune_officer, world.commune).get(reverse("people:bodies")).status_code == 404


def test_seats_scoped_and_audited(world, login):
    body = InternalBody.objects.create(unit=world.school, kind="trade_union", name="Công đoàn")
    staff = _staff(world.school)
    url = reverse("people:body", args=[body.uid])
    assert client_in(world.outsider, world.other_school).get(url).status_code == 404
    assert client_in(world.teacher, world.school).get(url).status_code == 200
    teacher = client_in(world.teacher, world.school)
    assert teacher.post(url, {"staff": staff.uid, "role": "head"}).status_code == 403
    principal = client_in(world.principal, world.school)
    assert principal.post(url, {"staff": staff.uid, "role": "head"}).status_code == 302
    assert BodyMembership.objects.get(body=body, staff=staff).role == "head"
    remove = reverse("people:body_seat_remove", args=[body.uid, staff.uid])
    assert client_in(world.teacher, world.school).post(remove).status_code == 403
    principal = client_in(world.principal, world.school)
    assert principal.post(remove).status_code == 302
    assert not BodyMembership.objects.exists()
    actions = AuditEntry.objects.filter(target_uid=str(body.uid)).order_by("id").values_list("action", flat=True)
    assert list(actions) == ["body.seat", "body.unseat"]


def test_staff_of_another_school_cannot_be_seated(world, login):
    body = InternalBody.objects.create(unit=world.school, kind="trade_union", name="Công đoàn")
    stranger = _staff(world.school_b, "Lan")
    response = client_in(world.principal, world.school).post(
        reverse("people:body", args=[body.uid]), {"staff": stranger.uid, "role": "member"})
    assert response.status_code == 400
    assert not BodyMembership.objects.exists()


def test_rosters_are_read_at_school_level_only(world, login):
    _staff(world.school)
    officer = client_in(world.commune_officer, world.commune)
    for name in ("people:staff", "people:students"):
        response = officer.get(reverse(name))
        assert response.status_code == 200
        assert "Nguyễn Thị Hoa" not in response.content.decode()
        assert "không hiển thị ở cấp trên" in response.content.decode()
    teacher = client_in(world.teacher, world.school)
    assert "Nguyễn Thị Hoa" in teacher.get(reverse("people:staff")).content.decode()
