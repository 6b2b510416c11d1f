"""Handling a case step by step (issue 5, item 2): assessment and its clocks, the steps, notes,
counselling sessions, replies to the student, closure approved by the team leader, reopening.

Rules kept here, whatever the view:
- only the school's case team writes (a referred officer reads only): PermissionDenied otherwise;
- Case.stage only moves forward; a step may be recorded again (more support, a new plan) and
  is then one more entry, but the stage never goes back except by `reopen`;
- a closed case takes nothing but `reopen`;
- every text is sealed under the case key; audit rows hold ids and flags only; notifications
  say that a case needs attention and where, never what or who.

How each entry reads in the timeline (CaseEntry has a kind and a stage, nothing else):
STEP + stage X: step X was recorded (STEP + CLOSED: the closure, approved by the leader);
NOTE + CLOSED: closure requested; NOTE + RECEIVED/ASSESSED: reopened (back to that stage);
NOTE without stage: a note; SESSION: a counselling session; MESSAGE_OUT: a reply to the student.
"""

import datetime as dt

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.audit.services import record

from .access import CaseAccess
from .alerts import alert
from .models import Case, CaseEntry, CaseTeamMember, EntryKind, Stage
from .sealing import field_context, seal
from .working_days import add_working_days

STAGE_ORDER = list(Stage.values)  # declaration order is the order of the steps
EMERGENCY_HOURS = 12
PLAN_WORKING_DAYS = 5
# The steps recorded with a text through /buoc/<slug>/ (assessment, family and closure have their own forms).
STEP_SLUGS = {
    "ho-tro": Stage.SUPPORT,
    "ke-hoach": Stage.PLAN,
    "can-thiep": Stage.INTERVENTION,
    "theo-doi": Stage.FOLLOW_UP,
}


def _locked(access: CaseAccess, actor) -> Case:
    """The case row, locked for this transaction, after checking the actor is on its team."""
    if not access.on_team:
        raise PermissionDenied
    case = Case.objects.select_for_update(of=("self",)).select_related("key", "unit").get(pk=access.case.pk)
    if case.stage == Stage.CLOSED:
        raise ValidationError(_("Vụ việc đã đóng. Hãy mở lại vụ việc trước khi ghi tiếp."))
    return case


def _advance(case: Case, stage: str) -> None:
    if STAGE_ORDER.index(stage) > STAGE_ORDER.index(case.stage):
        case.stage = stage


def _entry(case: Case, actor, kind: str, stage: str = "", text: str = "", at: dt.datetime | None = None) -> CaseEntry:
    entry = CaseEntry(case=case, kind=kind, stage=stage, at=at or timezone.now(), by=actor)
    if text:
        # The uid exists before saving, so the sealing context is final here.
        entry.text_sealed = seal(case.key, text, field_context(entry, "text_sealed"))
    entry.save()
    return entry


def _audit(actor, case: Case, action: str, entry: CaseEntry | None = None, **flags) -> None:
    details = {"stage": case.stage, **flags}
    if entry is not None:
        details["entry"] = str(entry.uid)
    record(actor=actor, unit=case.unit, action=f"case.{action}", target=case, details=details)


@transaction.atomic
def assess(*, access: CaseAccess, actor, harm_level: int, risk_level: int, child_under_16_abused: bool,
           category: str, note: str = "") -> Case:
    case = _locked(access, actor)
    if harm_level not in (1, 2, 3) or risk_level not in (1, 2, 3):
        raise ValidationError(_("Mức độ tổn hại và mức độ nguy cơ phải từ 1 đến 3."))
    now = timezone.now()
    case.harm_level, case.risk_level, case.category = harm_level, risk_level, category
    case.child_under_16_abused = child_under_16_abused
    if case.assessed_at is None:
        case.assessed_at = now
    if child_under_16_abused and case.emergency_due_at is None:
        # NĐ 56/2017 counts both clocks from when the information was received, not from the
        # assessment: emergency support "trong vòng 12 giờ kể từ khi nhận được thông tin", the
        # support plan "trong thời hạn 05 ngày làm việc kể từ ngày nhận được thông báo". A slow
        # assessment therefore eats into the 12 hours; it does not move them.
        case.emergency_due_at = case.received_at + dt.timedelta(hours=EMERGENCY_HOURS)
        case.plan_due_at = add_working_days(case.received_at, PLAN_WORKING_DAYS)
    # A clock once started stays, even if a re-assessment says otherwise: a missed deadline
    # cannot be hidden by changing the answer afterwards (the audit row keeps each answer).
    _advance(case, Stage.ASSESSED)
    case.save()
    entry = _entry(case, actor, EntryKind.STEP, Stage.ASSESSED, note)
    _audit(actor, case, "assess", entry, harm=harm_level, risk=risk_level,
           child_under_16_abused=child_under_16_abused, category=category)
    return case


@transaction.atomic
def record_step(*, access: CaseAccess, actor, stage: str, text: str) -> Case:
    """Support, plan, intervention or follow-up. The first support meets the emergency clock,
    the first plan meets the plan clock; later ones are entries only."""
    if stage not in STEP_SLUGS.values():
        raise ValueError(f"not a text step: {stage}")
    case = _locked(access, actor)
    now = timezone.now()
    if stage == Stage.SUPPORT and case.support_at is None:
        case.support_at = now
    if stage == Stage.PLAN and case.plan_at is None:
        case.plan_at = now
    _advance(case, stage)
    case.save()
    entry = _entry(case, actor, EntryKind.STEP, stage, text)
    _audit(actor, case, str(stage), entry)
    return case


@transaction.atomic
def family(*, access: CaseAccess, actor, informed: bool, text: str) -> Case:
    """The family informed (how), or not and why (e.g. the family is the danger)."""
    case = _locked(access, actor)
    case.family_informed = informed
    _advance(case, Stage.FAMILY)
    case.save()
    entry = _entry(case, actor, EntryKind.STEP, Stage.FAMILY, text)
    _audit(actor, case, "family", entry, informed=informed)
    return case


@transaction.atomic
def note(*, access: CaseAccess, actor, text: str) -> CaseEntry:
    case = _locked(access, actor)
    entry = _entry(case, actor, EntryKind.NOTE, "", text)
    _audit(actor, case, "note", entry)
    return entry


@transaction.atomic
def counselling_session(*, access: CaseAccess, actor, held_on: dt.date, text: str) -> CaseEntry:
    case = _locked(access, actor)
    local_now = timezone.localtime()
    if held_on > local_now.date() or held_on < timezone.localtime(case.received_at).date():
        raise ValidationError(_("Ngày tư vấn phải từ ngày tiếp nhận vụ việc đến hôm nay."))
    # Today's session is placed now; an earlier one at noon of its day, so the timeline keeps its order.
    at = timezone.now() if held_on == local_now.date() else timezone.make_aware(
        dt.datetime.combine(held_on, dt.time(12, 0)), timezone.get_default_timezone())
    entry = _entry(case, actor, EntryKind.SESSION, "", text, at=at)
    _audit(actor, case, "session", entry)
    return entry


@transaction.atomic
def reply(*, access: CaseAccess, actor, text: str) -> CaseEntry:
    """A reply the student reads on /giup-do/theo-doi/ with the code and passphrase."""
    case = _locked(access, actor)
    entry = _entry(case, actor, EntryKind.MESSAGE_OUT, "", text)
    _audit(actor, case, "reply", entry)
    return entry


def _leaders(case: Case):
    return [seat.user for seat in CaseTeamMember.objects.filter(unit=case.unit, is_leader=True).select_related("user")]


@transaction.atomic
def request_closure(*, access: CaseAccess, actor, text: str, tell_leaders: bool = True) -> Case:
    """Any team member asks to close: `text` says why the child is safe. The leaders are told
    (not when a leader closes directly: the approval follows at once)."""
    case = _locked(access, actor)
    case.closure_requested_at, case.closure_requested_by = timezone.now(), actor
    case.save()
    entry = _entry(case, actor, EntryKind.NOTE, Stage.CLOSED, text)
    _audit(actor, case, "closure_request", entry)
    url = reverse("safeguarding:case_detail", args=[case.uid])
    for leader in _leaders(case) if tell_leaders else []:
        if leader != actor:
            alert(leader, case.unit, key=f"case-closure:{entry.uid}",
                   title=_("Có đề nghị đóng vụ việc cần trưởng nhóm duyệt"), url=url)
    return case


@transaction.atomic
def approve_closure(*, access: CaseAccess, actor, text: str = "") -> Case:
    """The team leader approves a requested closure: the case is closed."""
    if not access.is_leader:
        raise PermissionDenied
    case = _locked(access, actor)
    if case.closure_requested_at is None:
        raise ValidationError(_("Chưa có đề nghị đóng vụ việc để duyệt."))
    case.stage, case.closed_at, case.closed_by = Stage.CLOSED, timezone.now(), actor
    case.save()
    entry = _entry(case, actor, EntryKind.STEP, Stage.CLOSED, text)
    _audit(actor, case, "close", entry)
    return case


@transaction.atomic
def close_directly(*, access: CaseAccess, actor, text: str) -> Case:
    """A leader closes at once: the request (with why the child is safe) and its approval."""
    if not access.is_leader:
        raise PermissionDenied
    request_closure(access=access, actor=actor, text=text, tell_leaders=False)
    return approve_closure(access=access, actor=actor)


@transaction.atomic
def reopen(*, access: CaseAccess, actor, reason: str) -> Case:
    """Back to ASSESSED (RECEIVED if never assessed); closure cleared; the clocks, and when
    they were met, are kept (a reopened case does not get new deadlines)."""
    if not access.on_team:
        raise PermissionDenied
    case = Case.objects.select_for_update(of=("self",)).select_related("key", "unit").get(pk=access.case.pk)
    if case.stage != Stage.CLOSED:
        raise ValidationError(_("Vụ việc đang mở, không cần mở lại."))
    case.stage = Stage.ASSESSED if case.assessed_at else Stage.RECEIVED
    case.reopened_count += 1
    case.closure_requested_at = case.closure_requested_by = case.closed_at = case.closed_by = None
    case.save()
    entry = _entry(case, actor, EntryKind.NOTE, case.stage, reason)
    _audit(actor, case, "reopen", entry, reopened=case.reopened_count)
    return case
