"""The leader sees who read what: one case's log and the team's log of reads per person."""

import pytest
from django.urls import reverse
from django.utils import timezone

from binhdang.audit.models import AuditEntry
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import CaseTeamMember, Channel, Referral
from binhdang.testing import client_in

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "LOG-MARKER-4410"


@pytest.fixture
def case(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher, is_leader=True)
    CaseTeamMember.objects.create(unit=world.school, user=world.counsellor)
    return case_create(unit=world.school, channel=Channel.PHONE, category="bullying", narrative=f"Chuyện {MARKER}",
                       actor=world.teacher)


def _log(case):
    return reverse("safeguarding:case_log", args=[case.uid])


def test_leader_sees_every_read_newest_first(world, case):
    member = case_client(world.counsellor, world.school)
    for _i in range(3):
        assert member.get(reverse("safeguarding:case_detail", args=[case.uid])).status_code == 200
    response = case_client(world.teacher, world.school).get(_log(case))
    assert response.status_code == 200
    text = response.content.decode()
    assert MARKER not in text  # the log shows who and when, never what the case says
    rows = response.context["rows"]
    assert [r["entry"].action for r in rows] == ["case.log", "case.view", "case.view", "case.view", "case.create"]
    assert [r["words"] for r in rows][:2] == ["xem nhật ký", "xem"]
    assert rows[1]["entry"].actor == world.counsellor and "Trường Tiểu học A" in text
    local = timezone.localtime(rows[1]["entry"].at).strftime("%d/%m/%Y %H:%M")
    assert local in text


def test_unknown_actions_are_shown_as_they_are(world, case):
    from django.db import transaction

    from binhdang.audit.services import record

    with transaction.atomic():
        record(actor=world.teacher, unit=world.school, action="case.something_new", target=case)
    text = case_client(world.teacher, world.school).get(_log(case)).content.decode()
    assert "case.something_new" in text


def test_log_is_paginated_by_fifty(world, case):
    client = case_client(world.teacher, world.school)
    for _i in range(55):
        client.get(reverse("safeguarding:case_detail", args=[case.uid]))
    first = client.get(_log(case))
    assert len(first.context["rows"]) == 50 and first.context["page"].paginator.num_pages == 2
    second = client.get(_log(case) + "?trang=2")
    # 55 views + the create + two log reads = 58 rows; the second page holds the oldest 8.
    assert len(second.context["rows"]) == 8 and second.context["rows"][-1]["entry"].action == "case.create"


def test_only_this_case_is_listed(world, case):
    other = case_create(unit=world.school, channel=Channel.PHONE, category="other", narrative="khác",
                        actor=world.teacher)
    client = case_client(world.teacher, world.school)
    client.get(reverse("safeguarding:case_detail", args=[other.uid]))
    uids = {r["entry"].target_uid for r in client.get(_log(case)).context["rows"]}
    assert uids == {str(case.uid)}


def test_member_403_others_404(world, case):
    assert case_client(world.counsellor, world.school).get(_log(case)).status_code == 403
    for role, unit in [("principal", "school"), ("committee_member", "school"), ("province_officer", "province"),
                       ("commune_officer", "commune"), ("admin", "province")]:
        assert case_client(getattr(world, role), getattr(world, unit)).get(_log(case)).status_code == 404, role
    assert not AuditEntry.objects.filter(action="case.log").exists()


def test_referred_officer_gets_404(world, case):
    referral = Referral.objects.create(case=case, target="education", to_unit=world.province,
                                       referred_at=timezone.now(), referred_by=world.teacher)
    referral.officers.add(world.province_officer)
    client = case_client(world.province_officer, world.province)
    assert client.get(reverse("safeguarding:case_detail", args=[case.uid])).status_code == 200
    assert client.get(_log(case)).status_code == 404


def test_leader_without_2fa_is_sent_to_verify(world, case):
    response = client_in(world.teacher, world.school).get(_log(case))
    assert response.status_code == 302 and response["Location"].startswith(reverse("safeguarding:reauth"))


def test_team_log_counts_reads_per_person(world, case):
    other = case_create(unit=world.school, channel=Channel.PHONE, category="other", narrative="khác",
                        actor=world.teacher)
    elsewhere = case_create(unit=world.school_b, channel=Channel.PHONE, category="other", narrative="B",
                            actor=None)
    CaseTeamMember.objects.create(unit=world.school_b, user=world.counsellor)
    member = case_client(world.counsellor, world.school)
    for target in (case, case, case, other):
        member.get(reverse("safeguarding:case_detail", args=[target.uid]))
    case_client(world.counsellor, world.school_b).get(reverse("safeguarding:case_detail", args=[elsewhere.uid]))
    response = case_client(world.teacher, world.school).get(reverse("safeguarding:team_log"))
    assert response.status_code == 200
    people = {p["actor__username"]: p for p in response.context["people"]}
    # The read of school B's case is not this school's business.
    assert people[world.counsellor.username]["reads"] == 4
    assert people[world.counsellor.username]["cases"] == 2
    assert people[world.teacher.username]["reads"] == 0  # created both, read neither
    assert response.context["people"][0]["actor__username"] == world.counsellor.username
    assert MARKER not in response.content.decode()


def test_team_log_member_403_others_404(world, case):
    url = reverse("safeguarding:team_log")
    assert case_client(world.counsellor, world.school).get(url).status_code == 403
    assert case_client(world.principal, world.school).get(url).status_code == 404
    assert case_client(world.province_officer, world.province).get(url).status_code == 404
    response = client_in(world.teacher, world.school).get(url)
    assert response.status_code == 302 and response["Location"].startswith(reverse("safeguarding:reauth"))
