"""The case steps as services: clocks from the time received, stage order, closure by the
leader, reopening, team-only writes, and no content in audit rows or notifications."""

import datetime as dt
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.audit.models import AuditEntry
from binhdang.core.models import Notification
from binhdang.safeguarding import workflow
from binhdang.safeguarding.access import CaseAccess, Role
from binhdang.safeguarding.clocks import case_clocks
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Case, CaseEntry, CaseTeamMember, Channel, EntryKind, Stage
from binhdang.safeguarding.selectors import entry_rows

pytestmark = pytest.mark.usefixtures("sealing_on")
MARKER = "WORKFLOW-MARKER-4417"
VN = ZoneInfo("Asia/Ho_Chi_Minh")
RECEIVED = dt.datetime(2026, 3, 5, 9, 30, tzinfo=VN)  # a Thursday


@pytest.fixture
def team(world):
    CaseTeamMember.objects.create(unit=world.school, user=world.teacher)
    CaseTeamMember.objects.create(unit=world.school, user=world.unit_lead, is_leader=True)
    return world


def new_case(world, received=RECEIVED) -> Case:
    case = case_create(unit=world.school, channel=Channel.PHONE, category="bullying",
                       narrative=f"Chuyện {MARKER}", actor=world.teacher)
    Case.objects.filter(pk=case.pk).update(received_at=received)
    return Case.objects.select_related("unit", "key").get(pk=case.pk)


def member(case):
    return CaseAccess(case=case, role=Role.MEMBER)


def leader(case):
    return CaseAccess(case=case, role=Role.LEADER)


def fresh(case) -> Case:
    return Case.objects.select_related("unit", "key").get(pk=case.pk)


def assess(case, actor, abused=True, **extra):
    return workflow.assess(access=member(case), actor=actor, harm_level=3, risk_level=2,
                           child_under_16_abused=abused, category="sexual_assault", note=f"Nhận định {MARKER}",
                           **extra)


def test_abuse_of_a_child_under_16_starts_both_clocks_from_the_time_received(team):
    case = new_case(team)
    assess(case, team.teacher)
    case = fresh(case)
    assert case.stage == Stage.ASSESSED and case.assessed_at is not None
    assert (case.harm_level, case.risk_level, case.category) == (3, 2, "sexual_assault")
    assert case.emergency_due_at == RECEIVED + dt.timedelta(hours=12)  # not from the assessment
    assert case.plan_due_at == dt.datetime(2026, 3, 12, 9, 30, tzinfo=VN)  # 5 working days
    entry = CaseEntry.objects.get(case=case)
    assert (entry.kind, entry.stage, entry.by) == (EntryKind.STEP, Stage.ASSESSED, team.teacher)
    assert entry_rows(case)[0]["text"] == f"Nhận định {MARKER}"
    assert MARKER.encode() not in bytes(entry.text_sealed)
    row = AuditEntry.objects.get(action="case.assess")
    assert row.details["child_under_16_abused"] is True and row.details["entry"] == str(entry.uid)


def test_no_clock_without_a_child_under_16_abused_and_a_started_clock_stays(team):
    case = new_case(team)
    assess(case, team.teacher, abused=False)
    assert fresh(case).emergency_due_at is None and fresh(case).plan_due_at is None
    assess(fresh(case), team.teacher, abused=True)
    due = fresh(case).emergency_due_at
    assert due == RECEIVED + dt.timedelta(hours=12)
    assess(fresh(case), team.teacher, abused=False)  # a later answer cannot hide a deadline
    assert fresh(case).emergency_due_at == due and fresh(case).child_under_16_abused is False


def test_bad_levels_save_nothing(team):
    case = new_case(team)
    with pytest.raises(ValidationError):
        workflow.assess(access=member(case), actor=team.teacher, harm_level=4, risk_level=1,
                        child_under_16_abused=True, category="other")
    case = fresh(case)
    assert case.stage == Stage.RECEIVED and case.assessed_at is None and not case.entries.exists()


def test_steps_meet_the_clocks_and_the_stage_only_moves_forward(team):
    case = new_case(team)
    assess(case, team.teacher)
    workflow.record_step(access=member(fresh(case)), actor=team.teacher, stage=Stage.PLAN, text="Kế hoạch")
    case = fresh(case)
    assert case.stage == Stage.PLAN and case.plan_at is not None and case.support_at is None
    workflow.record_step(access=member(case), actor=team.teacher, stage=Stage.SUPPORT, text="Hỗ trợ")
    case = fresh(case)
    assert case.stage == Stage.PLAN and case.support_at is not None  # recorded, the stage stays
    first_support = case.support_at
    workflow.record_step(access=member(case), actor=team.teacher, stage=Stage.SUPPORT, text="Hỗ trợ thêm")
    assert fresh(case).support_at == first_support  # the clock was met by the first support
    assess(fresh(case), team.teacher)  # a re-assessment does not move the stage back either
    assert fresh(case).stage == Stage.PLAN
    workflow.family(access=member(fresh(case)), actor=team.teacher, informed=False,
                    text=f"Gia đình là nguồn nguy hiểm {MARKER}")
    case = fresh(case)
    assert case.family_informed is False and case.stage == Stage.PLAN
    stages = list(case.entries.filter(kind=EntryKind.STEP).values_list("stage", flat=True))
    assert stages == ["assessed", "plan", "support", "support", "assessed", "family"]
    clocks = case_clocks(case)
    assert clocks["emergency"].met and clocks["plan"].met


def test_notes_sessions_and_replies(team):
    case = new_case(team)
    workflow.note(access=member(case), actor=team.teacher, text=f"Ghi chú {MARKER}")
    workflow.counselling_session(access=member(case), actor=team.teacher, held_on=dt.date(2026, 3, 6),
                                 text=f"Tư vấn {MARKER}")
    workflow.reply(access=member(case), actor=team.teacher, text=f"Trả lời {MARKER}")
    rows = entry_rows(fresh(case))
    assert [row["entry"].kind for row in rows] == ["session", "note", "message_out"]  # the session on its day
    assert rows[0]["entry"].at == dt.datetime(2026, 3, 6, 12, 0, tzinfo=VN)
    assert fresh(case).stage == Stage.RECEIVED  # notes and messages are not steps
    with pytest.raises(ValidationError):
        workflow.counselling_session(access=member(case), actor=team.teacher, held_on=dt.date(2026, 3, 1),
                                     text="trước ngày tiếp nhận")


def test_closure_asked_by_a_member_approved_by_the_leader_then_reopened(team):
    case = new_case(team)
    assess(case, team.teacher)
    clocks = (fresh(case).emergency_due_at, fresh(case).plan_due_at)
    workflow.request_closure(access=member(fresh(case)), actor=team.teacher, text=f"Trẻ đã an toàn {MARKER}")
    notice = Notification.objects.get(user=team.unit_lead, key__startswith="case-closure")
    assert notice.url == f"/bao-ve/vu-viec/{case.uid}/" and notice.kind == "case"
    assert not Notification.objects.filter(user=team.teacher, key__startswith="case-closure").exists()
    with pytest.raises(PermissionDenied):
        workflow.approve_closure(access=member(fresh(case)), actor=team.teacher)
    assert fresh(case).stage == Stage.ASSESSED
    workflow.approve_closure(access=leader(fresh(case)), actor=team.unit_lead)
    case = fresh(case)
    assert case.stage == Stage.CLOSED and case.closed_by == team.unit_lead and case.closed_at
    with pytest.raises(ValidationError):
        workflow.note(access=member(case), actor=team.teacher, text="sau khi đóng")
    workflow.reopen(access=member(case), actor=team.teacher, reason=f"Lại xảy ra {MARKER}")
    case = fresh(case)
    assert case.stage == Stage.ASSESSED and case.reopened_count == 1
    assert case.closed_at is None and case.closed_by is None and case.closure_requested_at is None
    assert (case.emergency_due_at, case.plan_due_at) == clocks
    labels = [row["label"] for row in entry_rows(case)]
    assert labels[-3:] == ["Đề nghị đóng vụ việc", "Trưởng nhóm duyệt đóng vụ việc", "Mở lại vụ việc"]
    with pytest.raises(ValidationError):
        workflow.reopen(access=member(case), actor=team.teacher, reason="đang mở")


def test_approval_needs_a_request_and_a_leader_may_close_directly(team):
    other_leader = team.principal
    CaseTeamMember.objects.create(unit=team.school, user=other_leader, is_leader=True)
    case = new_case(team)
    with pytest.raises(ValidationError):
        workflow.approve_closure(access=leader(case), actor=team.unit_lead)
    workflow.close_directly(access=leader(case), actor=team.unit_lead, text="An toàn")
    case = fresh(case)
    assert case.stage == Stage.CLOSED and case.closure_requested_by == team.unit_lead
    assert not Notification.objects.filter(key__startswith="case-closure").exists()
    workflow.reopen(access=member(case), actor=team.teacher, reason="Mở lại")
    assert fresh(case).stage == Stage.RECEIVED  # never assessed


def test_a_referred_officer_writes_nothing(team):
    case = new_case(team)
    officer = CaseAccess(case=case, role=Role.OFFICER)
    calls = [
        lambda: workflow.assess(access=officer, actor=team.province_officer, harm_level=1, risk_level=1,
                                child_under_16_abused=False, category="other"),
        lambda: workflow.record_step(access=officer, actor=team.province_officer, stage=Stage.SUPPORT, text="x"),
        lambda: workflow.family(access=officer, actor=team.province_officer, informed=True, text="x"),
        lambda: workflow.note(access=officer, actor=team.province_officer, text="x"),
        lambda: workflow.reply(access=officer, actor=team.province_officer, text="x"),
        lambda: workflow.request_closure(access=officer, actor=team.province_officer, text="x"),
        lambda: workflow.approve_closure(access=officer, actor=team.province_officer),
        lambda: workflow.reopen(access=officer, actor=team.province_officer, reason="x"),
    ]
    for call in calls:
        with pytest.raises(PermissionDenied):
            call()
    assert not case.entries.exists()


def test_clock_states():
    due = dt.datetime(2026, 3, 5, 21, 30, tzinfo=VN)
    case = Case(stage=Stage.ASSESSED, emergency_due_at=due, plan_due_at=dt.datetime(2026, 3, 12, 9, 30, tzinfo=VN))
    assert case_clocks(case, due - dt.timedelta(hours=4))["emergency"].state == "running"
    assert case_clocks(case, due - dt.timedelta(hours=2))["emergency"].state == "soon"
    assert case_clocks(case, due + dt.timedelta(minutes=1))["emergency"].state == "overdue"
    # The plan: "soon" when less than one working day is left (Wed 11 Mar 10:00 → Thu 10:00 is past the due).
    assert case_clocks(case, dt.datetime(2026, 3, 11, 9, 0, tzinfo=VN))["plan"].state == "running"
    assert case_clocks(case, dt.datetime(2026, 3, 11, 10, 0, tzinfo=VN))["plan"].state == "soon"
    case.support_at = due - dt.timedelta(hours=1)
    assert case_clocks(case, due + dt.timedelta(days=1))["emergency"].state == "met"
    case.support_at = due + dt.timedelta(hours=1)
    assert case_clocks(case, due + dt.timedelta(days=1))["emergency"].state == "met_late"
    case.stage = Stage.CLOSED  # a closed case no longer runs late
    assert case_clocks(case, due + dt.timedelta(days=30))["plan"].state == "running"
    assert case_clocks(Case(stage=Stage.RECEIVED))["emergency"] is None


def test_no_content_in_audit_rows_or_notifications(team):
    case = new_case(team)
    assess(case, team.teacher)
    workflow.record_step(access=member(fresh(case)), actor=team.teacher, stage=Stage.SUPPORT, text=MARKER)
    workflow.reply(access=member(fresh(case)), actor=team.teacher, text=MARKER)
    workflow.request_closure(access=member(fresh(case)), actor=team.teacher, text=MARKER)
    workflow.approve_closure(access=leader(fresh(case)), actor=team.unit_lead, text=MARKER)
    workflow.reopen(access=member(fresh(case)), actor=team.teacher, reason=MARKER)
    rows = list(AuditEntry.objects.filter(action__startswith="case."))
    assert {"case.assess", "case.support", "case.reply", "case.closure_request", "case.close",
            "case.reopen"} <= {row.action for row in rows}
    for row in rows:
        assert MARKER not in f"{row.details} {row.target_label}"
    notices = list(Notification.objects.all())
    assert notices
    for notice in notices:
        assert MARKER not in f"{notice.title} {notice.body} {notice.url} {notice.key}"
