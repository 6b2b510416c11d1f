"""Referrals: consent or an override with a reason; receiving unit above the school; named
officers checked against the unit's memberships; content-free notifications; ending one takes
the officers' access away at once."""

import pytest
from django.utils.html import escape

from binhdang.accounts.models import Membership
from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.consents import consent_record
from binhdang.safeguarding.models import Referral
from binhdang.safeguarding.selectors import opened
from binhdang.testing import make_user

from .helpers import case_client
from .parts_helpers import MARKER, team_case, url

pytestmark = pytest.mark.usefixtures("sealing_on")


@pytest.fixture
def case(world):
    return team_case(world)


def page_of(response) -> str:
    return response.content.decode()


def give_referral_consent(world, case):
    consent_record(actor=world.teacher, case=case, purpose="referral", child_aged_7_plus=True, child_agreed=True,
                   parent_agreed=True)


def test_without_consent_the_override_and_reason_are_required(world, case):
    client = case_client(world.teacher, world.school)
    response = client.post(url("referral_add", case), {"target": "police", "note": "x"})
    page = response.content.decode()
    assert response.status_code == 400
    assert "Chuyển gửi khi chưa có sự đồng ý: chưa có sự đồng ý chuyển gửi" in page
    assert "Lý do chuyển gửi khi chưa có sự đồng ý: chưa nhập." in page
    response = client.post(url("referral_add", case), {"target": "police", "override": "on"})
    assert response.status_code == 400 and "Lý do chuyển gửi khi chưa có sự đồng ý: chưa nhập." in \
        response.content.decode()
    assert not Referral.objects.exists() and not AuditEntry.objects.filter(action="case.referral").exists()
    response = client.post(url("referral_add", case), {"target": "police", "override": "on",
                                                       "override_reason": f"Trẻ đang gặp nguy hiểm {MARKER}"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert referral.consent_override
    assert opened(referral, "override_reason_sealed", case) == f"Trẻ đang gặp nguy hiểm {MARKER}"
    row = AuditEntry.objects.get(action="case.referral")
    assert row.details == {"referral": str(referral.uid), "override": True, "target": "police", "officers": 0}


def test_with_consent_no_override_and_named_officers_are_told_content_free(world, case):
    give_referral_consent(world, case)
    client = case_client(world.teacher, world.school)
    response = client.post(url("referral_add", case), {
        "target": "education", "to_unit": str(world.province.uid), "officers": [str(world.province_officer.uid)],
        "note": f"Chuyển Sở {MARKER}", "override_reason": "bỏ qua"})
    assert response.status_code == 302
    referral = Referral.objects.get()
    assert not referral.consent_override and referral.override_reason_sealed is None
    assert list(referral.officers.all()) == [world.province_officer] and referral.to_unit == world.province
    assert AuditEntry.objects.get(action="case.referral").details["officers"] == 1
    notice = Notification.objects.get(user=world.province_officer)
    assert notice.title == "Một vụ việc được chuyển đến anh/chị"
    assert notice.url == url("case_detail", case) and notice.body == ""
    officer = case_client(world.province_officer, world.province)
    page = officer.get(url("case_detail", case))
    assert page.status_code == 200 and f"Chuyển Sở {MARKER}" in page.content.decode()
    assert 'action="' + url("referral_add", case) not in page.content.decode()  # read-only for officers
    # Ending the referral: the officer loses access at once.
    end = client.post(url("referral_end", case, referral_uid=referral.uid))
    assert end.status_code == 302
    referral.refresh_from_db()
    assert referral.ended_at is not None and referral.ended_by == world.teacher
    assert officer.get(url("case_detail", case)).status_code == 404
    assert officer.get(url("case_export", case)).status_code == 404
    assert AuditEntry.objects.get(action="case.referral_end").details == {"referral": str(referral.uid)}


def test_officers_must_be_members_of_the_receiving_unit(world, case):
    give_referral_consent(world, case)
    client = case_client(world.teacher, world.school)
    # The commune officer is offered (a member above the school) but not of the Sở chosen.
    response = client.post(url("referral_add", case), {
        "target": "education", "to_unit": str(world.province.uid), "officers": [str(world.commune_officer.uid)]})
    assert response.status_code == 400
    assert "Cán bộ được xem vụ việc: có người không thuộc đơn vị nhận." in response.content.decode()
    # A user not offered at all (a teacher of the school) is an invalid choice.
    response = client.post(url("referral_add", case), {
        "target": "education", "to_unit": str(world.province.uid), "officers": [str(world.teacher.uid)]})
    assert response.status_code == 400 and "Cán bộ được xem vụ việc: lựa chọn không hợp lệ." in \
        response.content.decode()
    # An inactive membership does not count.
    lapsed = make_user("so-cu", world.province, "province_officer")
    Membership.objects.filter(user=lapsed).update(is_active=False)
    response = client.post(url("referral_add", case), {
        "target": "education", "to_unit": str(world.province.uid), "officers": [str(lapsed.uid)]})
    assert response.status_code == 400
    # Officers without a receiving unit, and a unit that is not above the school.
    response = client.post(url("referral_add", case), {"target": "education",
                                                       "officers": [str(world.province_officer.uid)]})
    assert response.status_code == 400 and "hãy chọn đơn vị nhận trước" in response.content.decode()
    response = client.post(url("referral_add", case), {"target": "education",
                                                       "to_unit": str(world.other_province.uid)})
    assert response.status_code == 400 and "Đơn vị quản lý cấp trên nhận: lựa chọn không hợp lệ." in page_of(response)
    assert not Referral.objects.exists() and not Notification.objects.filter(kind="case").exclude(
        user__in=[world.teacher, world.unit_lead]).exists()


def test_the_form_offers_the_units_above_and_their_members(world, case):
    page = case_client(world.teacher, world.school).get(url("case_detail", case)).content.decode()
    assert escape(world.province.name) in page and escape(world.commune.name) in page
    assert escape(world.other_province.name) not in page
    assert f'value="{world.province_officer.uid}"' in page and f'value="{world.principal.uid}"' not in page


def test_a_referral_of_another_case_is_404(world, case):
    other = team_case(world)
    referral = Referral.objects.create(case=other, target="police", referred_at=other.received_at)
    client = case_client(world.teacher, world.school)
    assert client.post(url("referral_end", case, referral_uid=referral.uid)).status_code == 404
    referral.refresh_from_db()
    assert referral.ended_at is None
