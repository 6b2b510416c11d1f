"""The case page and its step URLs through the client, for each persona; bad input; the reply
reaching the student's follow-up page."""

import datetime as dt

import pytest
from django.urls import reverse
from django.utils import timezone

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding.intake import case_create, display_code
from binhdang.safeguarding.models import Case, CaseEntry, CaseTeamMember, Channel, Referral, Stage

from .helpers import case_client

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "VIEWS-MARKER-9052"
PASSPHRASE = "mat-khau-bi-mat"

VALID = {
    "case_assess": {"harm_level": "2", "risk_level": "3", "child_under_16_abused": "yes", "category": "bullying",
                    "note": f"Nhận định {MARKER}"},
    "case_note": {"text": f"Ghi chú {MARKER}"},
    "case_reply": {"text": f"Trả lời {MARKER}"},
    "case_close": {"text": f"An toàn {MARKER}"},
    "case_reopen": {"text": f"Mở lại {MARKER}"},
}
WRITES = ["case_assess", "case_step", "case_note", "case_session", "case_reply", "case_close", "case_approve",
          "case_reopen"]


@pytest.fixture
def team(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead, is_leader=True)
    return world


@pytest.fixture
def case(team):
    return case_create(unit=team.school, channel=Channel.IN_PERSON, category="bullying",
                       narrative=f"Chuyện {MARKER}", passphrase=PASSPHRASE, actor=team.teacher)


def url(name, case, **kwargs):
    if name == "case_step":
        kwargs.setdefault("step", "ho-tro")
    return reverse(f"safeguarding:{name}", kwargs={"uid": case.uid, **kwargs})


def test_member_handles_a_case_through_the_page(team, case):
    client = case_client(team.teacher, team.school)
    page = client.get(url("case_detail", case)).content.decode()
    assert '<details open data-testid="form-assess">' in page and url("case_assess", case) in page
    response = client.post(url("case_assess", case), VALID["case_assess"])
    assert response.status_code == 302 and response["Location"] == url("case_detail", case)
    for step, text in [("ho-tro", "Đưa em về phòng y tế"), ("ke-hoach", "Kế hoạch"), ("can-thiep", "Can thiệp"),
                       ("theo-doi", "Theo dõi")]:
        assert client.post(url("case_step", case, step=step), {"text": text}).status_code == 302
    assert client.post(url("case_step", case, step="gia-dinh"),
                       {"informed": "no", "text": "Gia đình là nguồn nguy hiểm"}).status_code == 302
    assert client.post(url("case_session", case), {"held_on": timezone.localdate().isoformat(),
                                                    "text": "Buổi tư vấn"}).status_code == 302
    assert client.post(url("case_note", case), VALID["case_note"]).status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert stored.stage == Stage.FOLLOW_UP and stored.support_at and stored.plan_at and stored.family_informed is False
    page = client.get(url("case_detail", case)).content.decode()
    assert '<details open data-testid="form-close">' in page  # the next step after follow-up
    assert f"Nhận định {MARKER}" in page and "Đưa em về phòng y tế" in page and "Buổi tư vấn" in page
    assert 'data-state="met"' in page
    # The member asks for closure; the leader is told, approves, and the case closes.
    assert client.post(url("case_close", case), VALID["case_close"]).status_code == 302
    assert Case.objects.get(pk=case.pk).stage == Stage.FOLLOW_UP
    assert client.post(url("case_approve", case), {}).status_code == 403
    notice = Notification.objects.get(user=team.unit_lead, key__startswith="case-closure")
    assert notice.url == url("case_detail", case)
    leader = case_client(team.unit_lead, team.school)
    assert '<details open data-testid="form-approve">' in leader.get(url("case_detail", case)).content.decode()
    assert leader.post(url("case_approve", case), {"text": ""}).status_code == 302
    assert Case.objects.get(pk=case.pk).stage == Stage.CLOSED
    page = client.get(url("case_detail", case)).content.decode()
    assert 'data-testid="form-reopen"' in page and 'data-testid="form-note"' not in page
    assert client.post(url("case_reopen", case), VALID["case_reopen"]).status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert stored.stage == Stage.ASSESSED and stored.reopened_count == 1


def test_a_leader_closes_directly(team, case):
    client = case_client(team.unit_lead, team.school)
    assert client.post(url("case_close", case), VALID["case_close"]).status_code == 302
    stored = Case.objects.get(pk=case.pk)
    assert stored.stage == Stage.CLOSED and stored.closed_by == team.unit_lead


@pytest.mark.parametrize(("name", "data", "message"), [
    ("case_assess", {"harm_level": "5", "risk_level": "", "category": "bullying"}, "Hãy chọn mức độ nguy cơ"),
    ("case_assess", {"harm_level": "1", "risk_level": "1", "category": "bullying"}, "trẻ dưới 16 tuổi"),
    ("case_step", {"text": "   "}, "Hãy ghi hỗ trợ ban đầu đã thực hiện."),
    ("case_note", {}, "Hãy ghi nội dung ghi chú."),
    ("case_session", {"held_on": "hôm qua", "text": "x"}, "“Ngày tư vấn” không đúng dạng ngày"),
    ("case_session", {"held_on": "2020-01-01", "text": "x"}, "Ngày tư vấn phải từ ngày tiếp nhận"),
    ("case_reply", {"text": ""}, "Hãy viết nội dung trả lời học sinh."),
    ("case_reply", {"text": "x" * 5001}, "“Trả lời học sinh” dài quá 5000 ký tự."),
    ("case_close", {"text": ""}, "Hãy ghi vì sao trẻ đã an toàn"),
    ("case_reopen", {"text": "Mở lại"}, "Vụ việc đang mở, không cần mở lại."),
])
def test_bad_input_is_refused_in_vietnamese_and_nothing_is_saved(team, case, name, data, message):
    client = case_client(team.teacher, team.school)
    audits = AuditEntry.objects.count()
    response = client.post(url(name, case), data)
    assert response.status_code == 400
    assert message in response.content.decode()
    assert MARKER not in response.content.decode()  # the form alone: no case content in a POST answer
    assert not CaseEntry.objects.filter(case=case).exists() and AuditEntry.objects.count() == audits
    assert Case.objects.get(pk=case.pk).stage == Stage.RECEIVED


def test_a_closed_case_takes_no_step_and_approval_needs_a_request(team, case):
    leader = case_client(team.unit_lead, team.school)
    response = leader.post(url("case_approve", case), {})
    assert response.status_code == 400 and "Chưa có đề nghị đóng vụ việc" in response.content.decode()
    leader.post(url("case_close", case), VALID["case_close"])
    response = leader.post(url("case_note", case), VALID["case_note"])
    assert response.status_code == 400 and "Hãy mở lại vụ việc trước khi ghi tiếp" in response.content.decode()


def test_unknown_step_and_get_on_a_write_url(team, case):
    client = case_client(team.teacher, team.school)
    assert client.post(url("case_step", case, step="khong-co"), {"text": "x"}).status_code == 404
    assert client.get(url("case_note", case)).status_code == 405
    assert client.post(reverse("safeguarding:case_note", kwargs={"uid": Case(unit=team.school).uid}),
                       VALID["case_note"]).status_code == 404


@pytest.mark.parametrize("role", ["principal", "counsellor", "province_officer"])
def test_everyone_off_the_team_gets_404_on_every_write(team, case, role):
    unit = team.province if role == "province_officer" else team.school
    client = case_client(getattr(team, role), unit)
    for name in WRITES:
        assert client.post(url(name, case), VALID.get(name, {"text": "x"})).status_code == 404, name
    assert not CaseEntry.objects.filter(case=case).exists()


def test_a_referred_officer_reads_but_writes_nothing(team, case):
    referral = Referral.objects.create(case=case, target="education", to_unit=team.province,
                                       referred_at=timezone.now(), referred_by=team.teacher)
    referral.officers.add(team.province_officer)
    client = case_client(team.province_officer, team.province)
    page = client.get(url("case_detail", case))
    assert page.status_code == 200 and 'data-testid="case-forms"' not in page.content.decode()
    for name in WRITES:
        assert client.post(url(name, case), VALID.get(name, {"text": "x"})).status_code == 404, name
    assert not CaseEntry.objects.filter(case=case).exists()


def test_the_reply_reaches_the_students_follow_up_page(team, case, client):
    staff = case_client(team.teacher, team.school)
    assert staff.post(url("case_reply", case), VALID["case_reply"]).status_code == 302
    response = client.post(reverse("safeguarding:follow_up"),
                           {"code": display_code(case.code), "passphrase": PASSPHRASE})
    assert response.status_code == 200 and f"Trả lời {MARKER}" in response.content.decode()
    # The student answers; the team sees it on the case page, and a note never reaches the student.
    client.post(reverse("safeguarding:follow_up"),
                {"code": case.code, "passphrase": PASSPHRASE, "text": "Em cảm ơn thầy cô"})
    staff.post(url("case_note", case), {"text": "GHI-CHU-NOI-BO"})
    page = staff.get(url("case_detail", case)).content.decode()
    assert "Em cảm ơn thầy cô" in page
    response = client.post(reverse("safeguarding:follow_up"), {"code": case.code, "passphrase": PASSPHRASE})
    assert "GHI-CHU-NOI-BO" not in response.content.decode()


def test_no_marker_in_audit_rows_or_notification_titles(team, case):
    member = case_client(team.teacher, team.school)
    for name in ["case_assess", "case_note", "case_reply", "case_close"]:
        assert member.post(url(name, case), VALID[name]).status_code == 302
    member.post(url("case_step", case, step="gia-dinh"), {"informed": "yes", "text": MARKER})
    member.post(url("case_session", case), {"held_on": timezone.localdate().isoformat(), "text": MARKER})
    case_client(team.unit_lead, team.school).post(url("case_approve", case), {"text": MARKER})
    member.post(url("case_reopen", case), VALID["case_reopen"])
    assert AuditEntry.objects.filter(action="case.reopen").exists()
    for row in AuditEntry.objects.all():
        assert MARKER not in f"{row.action} {row.details} {row.target_label}"
    assert Notification.objects.filter(key__startswith="case-closure").exists()
    for notice in Notification.objects.all():
        assert MARKER not in f"{notice.title} {notice.body} {notice.url}"
    assert CaseEntry.objects.filter(case=case).count() == 8
    assert dt.timedelta(0) <= timezone.now() - CaseEntry.objects.filter(case=case).last().at < dt.timedelta(minutes=5)
