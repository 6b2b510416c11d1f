"""Completeness marks and period locks: who may set them, what a lock refuses, the audit rows."""

import pytest
from django.urls import reverse

from binhdang.audit.models import AuditEntry
from binhdang.indicators.models import Completeness, DataValue, PeriodLock
from binhdang.testing import client_in

from .manual import count

PERIOD = "2025-2026"
ENTRY = reverse("indicators:entry") + f"?ky={PERIOD}"
COMPLETE = reverse("indicators:entry_complete")
LOCK = reverse("indicators:lock")
LOCKED_MESSAGE = ("Năm học 2025-2026 đã được {unit} khoá số liệu: không thể thay đổi nữa. "
                  "Liên hệ {unit} nếu cần mở khoá.")


@pytest.fixture
def sessions(db):
    return count()


def enter(user, unit, number=3, code="counselling-sessions"):
    return client_in(user, unit).post(ENTRY, {"ky": PERIOD, f"v-{code}-num": str(number)})


def lock(user, unit, action="lock", period=PERIOD):
    return client_in(user, unit).post(LOCK, {"ky": period, "action": action})


def test_completeness_is_marked_shown_and_unmarked(world, sessions):
    client = client_in(world.committee_member, world.school)
    assert client.post(COMPLETE, {"ky": PERIOD, "action": "mark"}).status_code == 302
    mark = Completeness.objects.get(unit=world.school, period=PERIOD)
    assert mark.marked_by == world.committee_member
    assert "Đơn vị đã đánh dấu số liệu năm học này là hoàn thành" in client.get(ENTRY).content.decode()
    client.post(COMPLETE, {"ky": PERIOD, "action": "unmark"})
    assert not Completeness.objects.exists()
    assert list(AuditEntry.objects.filter(action__startswith="indicator.completeness").order_by("pk")
                .values_list("action", flat=True)) == ["indicator.completeness_mark", "indicator.completeness_unmark"]


def test_completeness_needs_manage(world):
    assert client_in(world.unit_lead, world.school).post(COMPLETE, {"ky": PERIOD}).status_code == 403
    assert client_in(world.outsider, world.other_school).post(COMPLETE, {"ky": PERIOD}).status_code == 302
    assert not Completeness.objects.filter(unit=world.school).exists()


def test_the_authority_sees_which_units_below_marked_complete(world, sessions):
    client_in(world.committee_member, world.school).post(COMPLETE, {"ky": PERIOD, "action": "mark"})
    response = client_in(world.province_officer, world.province).get(LOCK + f"?ky={PERIOD}")
    rows = {row["unit"].code: bool(row["marked_at"]) for row in response.context["below"]}
    assert rows == {"xa-a": False, "truong-a": True, "truong-b": False}
    assert response.context["complete_count"] == 1


def test_a_lock_refuses_entry_for_the_unit_and_every_unit_below(world, sessions):
    count(code="commune-meetings", kind="commune")
    enter(world.committee_member, world.school, 3)
    assert lock(world.commune_officer, world.commune).status_code == 302
    assert PeriodLock.objects.get(unit=world.commune, period=PERIOD).locked_by == world.commune_officer
    # The school below: refused with the message, nothing changed.
    response = enter(world.committee_member, world.school, 9)
    assert LOCKED_MESSAGE.format(unit="UBND xã A") in response.context["problems"]
    assert DataValue.objects.get(unit=world.school, indicator=sessions).numerator == 3
    # The locking unit itself.
    response = enter(world.commune_officer, world.commune, 2, code="commune-meetings")
    assert response.context["problems"] and not DataValue.objects.filter(unit=world.commune).exists()
    # The form is shown read-only with the notice, and completeness is frozen.
    page = client_in(world.committee_member, world.school).get(ENTRY).content.decode()
    assert 'id="locked"' in page and "Lưu số liệu" not in page
    client_in(world.committee_member, world.school).post(COMPLETE, {"ky": PERIOD, "action": "mark"})
    assert not Completeness.objects.exists()
    # School B is not under the commune; another period is not locked.
    assert enter(world.principal, world.school, 4).context["problems"]
    client = client_in(world.committee_member, world.school)
    assert client.post(reverse("indicators:entry") + "?ky=2024-2025",
                       {"ky": "2024-2025", "v-counselling-sessions-num": "4"}).status_code == 302


def test_unlock_lets_entry_again_and_both_are_audited(world, sessions):
    lock(world.province_officer, world.province)
    assert enter(world.committee_member, world.school).status_code == 200
    lock(world.province_officer, world.province, "unlock")
    assert not PeriodLock.objects.exists()
    assert enter(world.committee_member, world.school).status_code == 302
    assert list(AuditEntry.objects.filter(action__startswith="indicator.period").order_by("pk")
                .values_list("action", flat=True)) == ["indicator.period_lock", "indicator.period_unlock"]


def test_a_lower_unit_cannot_lift_a_lock_placed_above(world, sessions):
    lock(world.province_officer, world.province)
    lock(world.commune_officer, world.commune, "unlock")
    assert PeriodLock.objects.filter(unit=world.province).exists()
    page = client_in(world.commune_officer, world.commune).get(LOCK + f"?ky={PERIOD}").content.decode()
    assert "đã được Sở GD&amp;ĐT A khoá" in page and "Mở khoá" not in page


def test_only_an_authority_above_the_schools_locks(world):
    # The school's own principal (ADMIN at the school) would lock, then unlock, its own figures.
    assert lock(world.principal, world.school).status_code == 403
    assert lock(world.committee_member, world.school).status_code == 403
    # A user without a unit has no page at all.
    assert client_in(world.no_role, world.commune).post(LOCK, {"ky": PERIOD}).status_code == 404
    assert not PeriodLock.objects.exists()
