"""Pages of the organisation tree through the test client: who may restructure, and the messages."""

import datetime as dt

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.orgs import services
from binhdang.orgs.models import OrgUnit
from binhdang.testing import client_in

pytestmark = pytest.mark.django_db




@pytest.fixture
def officer(world, login):
    return client_in(world.province_officer, world.province)


@pytest.fixture
def principal(world, login):
    return client_in(world.principal, world.school)


@pytest.fixture
def outsider(world, login):
    return client_in(world.outsider, world.other_school)


def _commune_b(world):
    return services.org_unit_create(actor=None, acting_unit=None, code="xa-b", name="UBND xã B",
                                    kind="commune", parent=world.province)


# --- create ---------------------------------------------------------------------------------

CREATE_DATA = {"name": "Trường THCS Lê Lợi", "short_name": "THCS LL", "code": "thcs-le-loi",
               "kind": "school", "school_level": "lower_secondary", "place": "Quế Sơn",
               "valid_from": "05/09/2025"}


def test_create_by_province_officer(world, officer):
    response = officer.post(reverse("orgs:create", args=[world.province.uid]), CREATE_DATA)
    unit = OrgUnit.objects.get(code="thcs-le-loi")
    assert response.status_code == 302
    assert response["Location"] == reverse("orgs:detail", args=[unit.uid])
    assert (unit.parent, unit.kind, unit.valid_from) == (world.province, "school", dt.date(2025, 9, 5))
    entry = AuditEntry.objects.get(action="org.create", target_uid=str(unit.uid))
    assert (entry.actor, entry.acting_unit) == (world.province_officer, world.province)
    page = officer.get(response["Location"]).content.decode()
    assert "Đã tạo đơn vị Trường THCS Lê Lợi." in page


def test_create_errors_in_vietnamese(world, officer):
    url = reverse("orgs:create", args=[world.province.uid])
    response = officer.post(url, {**CREATE_DATA, "name": "", "valid_from": "31/02/2025"})
    page = response.content.decode()
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in page
    assert "Nhập một ngày hợp lệ." in page
    # Errors the service raises land on the form too, in Vietnamese.
    response = officer.post(url, {**CREATE_DATA, "code": "truong-a", "school_level": ""})
    page = response.content.decode()
    assert "Trường học phải có cấp học." in page
    assert not OrgUnit.objects.filter(name="Trường THCS Lê Lợi").exists()
    response = officer.post(url, {**CREATE_DATA, "code": "truong-a"})
    assert "Mã đơn vị “truong-a” đã được dùng." in response.content.decode()
    assert OrgUnit.objects.filter(code="truong-a").count() == 1


def test_create_refused_under_a_school_and_to_low_roles(world, login, principal, outsider):
    # Nothing sits under a school, even for its principal.
    assert principal.post(reverse("orgs:create", args=[world.school.uid]), CREATE_DATA).status_code == 403
    committee = client_in(world.committee_member, world.school)
    assert committee.get(reverse("orgs:create", args=[world.school.uid])).status_code == 403
    assert principal.get(reverse("orgs:create", args=[world.commune.uid])).status_code == 404
    assert outsider.post(reverse("orgs:create", args=[world.province.uid]), CREATE_DATA).status_code == 404
    assert not OrgUnit.objects.filter(code="thcs-le-loi").exists()


# --- move -----------------------------------------------------------------------------------

def test_move_by_province_officer(world, officer):
    url = reverse("orgs:move", args=[world.school.uid])
    page = officer.get(url).content.decode()
    assert "UBND xã A (xa-a)" in page and "Sở GD&amp;ĐT A (so-a)" in page
    assert "(so-x)" not in page  # not the officer's to choose
    response = officer.post(url, {"new_parent": world.province.uid, "on_date": "01/07/2025"})
    assert response.status_code == 302
    school = OrgUnit.objects.get(pk=world.school.pk)
    assert school.parent == world.province
    assert school.path == f"{world.province.pk}.{school.pk}."
    entry = AuditEntry.objects.get(action="org.move")
    assert (entry.actor, entry.acting_unit) == (world.province_officer, world.province)


def test_move_to_a_unit_outside_ones_reach_is_a_form_error(world, officer):
    url = reverse("orgs:move", args=[world.school.uid])
    response = officer.post(url, {"new_parent": world.other_province.uid, "on_date": "01/07/2025"})
    assert response.status_code == 200
    assert "Hãy chọn một lựa chọn hợp lệ." in response.content.decode()
    assert OrgUnit.objects.get(pk=world.school.pk).parent == world.commune


def test_move_date_before_current_period_is_a_form_error(world, officer):
    school = services.org_unit_create(actor=None, acting_unit=None, code="th-moi", name="TH Mới",
                                      kind="school", school_level="primary", parent=world.commune,
                                      valid_from=dt.date(2025, 9, 1))
    response = officer.post(reverse("orgs:move", args=[school.uid]),
                            {"new_parent": world.province.uid, "on_date": "01/07/2025"})
    assert response.status_code == 200
    assert "Ngày chuyển không được trước ngày bắt đầu trực thuộc hiện tại (01/09/2025)." in (
        response.content.decode())


def test_principal_cannot_move_own_school(world, principal, outsider):
    url = reverse("orgs:move", args=[world.school.uid])
    data = {"new_parent": world.province.uid, "on_date": "01/07/2025"}
    assert principal.get(url).status_code == 403
    assert principal.post(url, data).status_code == 403
    assert outsider.get(url).status_code == 404
    assert outsider.post(url, data).status_code == 404
    assert OrgUnit.objects.get(pk=world.school.pk).parent == world.commune
    assert not AuditEntry.objects.filter(action="org.move").exists()


def test_detail_offers_restructuring_one_level_up_only(world, officer, principal):
    url = reverse("orgs:detail", args=[world.school.uid])
    move = reverse("orgs:move", args=[world.school.uid])
    assert move in officer.get(url).content.decode()
    page = principal.get(url).content.decode()
    assert "Trường Tiểu học A" in page
    assert move not in page


# --- merge ----------------------------------------------------------------------------------

def test_merge_by_province_officer(world, officer):
    commune_b = _commune_b(world)
    school_c = services.org_unit_create(actor=None, acting_unit=None, code="truong-c", name="TH C",
                                        kind="school", school_level="primary", parent=commune_b)
    url = reverse("orgs:merge", args=[world.commune.uid])
    page = officer.get(url).content.decode()
    assert "UBND xã B (xa-b)" in page
    response = officer.post(url, {"units": [commune_b.uid], "on_date": "01/07/2025"})
    assert response.status_code == 302
    commune_b.refresh_from_db()
    school_c.refresh_from_db()
    assert (commune_b.valid_to, commune_b.successor) == (dt.date(2025, 7, 1), world.commune)
    assert school_c.parent == world.commune
    assert AuditEntry.objects.filter(action="org.merge", actor=world.province_officer).count() == 1


def test_merge_requires_a_choice_in_vietnamese(world, officer):
    _commune_b(world)
    response = officer.post(reverse("orgs:merge", args=[world.commune.uid]), {"on_date": "01/07/2025"})
    assert response.status_code == 200
    assert "Trường này là bắt buộc." in response.content.decode()


def test_merge_refused_to_principal_and_outsider(world, principal, outsider):
    url = reverse("orgs:merge", args=[world.school.uid])
    data = {"units": [world.school_b.uid], "on_date": "01/07/2025"}
    assert principal.post(url, data).status_code == 403
    assert outsider.post(url, data).status_code == 404
    assert not OrgUnit.objects.filter(valid_to__isnull=False).exists()


# --- close ----------------------------------------------------------------------------------

def test_close_by_province_officer(world, officer):
    url = reverse("orgs:close", args=[world.school_b.uid])
    response = officer.post(url, {"on_date": "01/07/2025", "confirm": "on"})
    assert response.status_code == 302
    school_b = OrgUnit.objects.get(pk=world.school_b.pk)
    assert school_b.valid_to == dt.date(2025, 7, 1)
    entry = AuditEntry.objects.get(action="org.close")
    assert (entry.actor, entry.acting_unit) == (world.province_officer, world.province)


def test_close_errors_in_vietnamese(world, officer):
    url = reverse("orgs:close", args=[world.commune.uid])
    response = officer.post(url, {"on_date": "01/07/2025"})
    assert "Trường này là bắt buộc." in response.content.decode()  # the confirmation box
    response = officer.post(url, {"on_date": "01/07/2025", "confirm": "on"})
    assert response.status_code == 200
    assert ("Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy chuyển hoặc sáp nhập chúng trước."
            in response.content.decode())
    assert OrgUnit.objects.get(pk=world.commune.pk).valid_to is None


def test_principal_cannot_close_own_school(world, principal, outsider, login):
    url = reverse("orgs:close", args=[world.school.uid])
    data = {"on_date": "01/07/2025", "confirm": "on"}
    assert principal.post(url, data).status_code == 403
    assert outsider.post(url, data).status_code == 404
    commune_officer = client_in(world.commune_officer, world.commune)
    assert commune_officer.post(url, data).status_code == 302
    assert OrgUnit.objects.get(pk=world.school.pk).is_closed


def test_an_empty_post_is_a_submitted_form_with_errors(world, officer):
    """An empty POST is a submission with every field missing, not an unsubmitted page."""
    response = officer.post(reverse("orgs:create", args=[world.province.uid]), {})
    form = response.context["form"]
    assert form.is_bound and "name" in form.errors
    assert not OrgUnit.objects.filter(parent=world.province, name="").exists()
