"""Reads of cases for the case pages. Opening sealed values happens here, for one case at a
time, only after access.case_view let the request through (and audited it). The list shows no
content at all: school, dates, category, stage and clocks only."""

import datetime as dt

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .access import CaseAccess, cases_for_user
from .clocks import EMERGENCY, PLAN, case_clocks
from .models import Case, CaseEntry, EntryKind, Stage
from .sealing import field_context, unseal

# How the timeline names an entry (see the table in workflow.py's docstring).
NOTE_EVENTS = {
    Stage.CLOSED: _("Đề nghị đóng vụ việc"),
    Stage.RECEIVED: _("Mở lại vụ việc"),
    Stage.ASSESSED: _("Mở lại vụ việc"),
}
CLOSURE_APPROVED = _("Trưởng nhóm duyệt đóng vụ việc")


def opened(record, field: str, case: Case) -> str:
    """The plaintext of one sealed field of `record` (a row of `case`), or "" when empty."""
    blob = getattr(record, field)
    if blob is None or bytes(blob) == b"":
        return ""
    return unseal(case.key, blob, field_context(record, field))


def entry_label(entry: CaseEntry) -> str:
    if entry.kind == EntryKind.STEP:
        return str(CLOSURE_APPROVED) if entry.stage == Stage.CLOSED else Stage(entry.stage).label
    if entry.kind == EntryKind.NOTE and entry.stage:
        return str(NOTE_EVENTS.get(entry.stage, entry.get_kind_display()))
    return entry.get_kind_display()


def entry_rows(case: Case) -> list[dict]:
    return [
        {"entry": entry, "label": entry_label(entry), "text": opened(entry, "text_sealed", case),
         "from_student": entry.kind == EntryKind.MESSAGE_IN}
        for entry in CaseEntry.objects.filter(case=case).select_related("by")
    ]


def case_detail(access: CaseAccess, now: dt.datetime | None = None) -> dict:
    case = access.case
    entries = entry_rows(case)
    clocks = case_clocks(case, now)
    return {
        "access": access,
        "case": case,
        "narrative": opened(case, "narrative_sealed", case),
        "reporter_name": opened(case, "reporter_name_sealed", case),
        "reporter_class": opened(case, "reporter_class_sealed", case),
        "entries": entries,
        "student_messages": [row for row in entries
                             if row["entry"].kind in (EntryKind.MESSAGE_IN, EntryKind.MESSAGE_OUT)],
        "emergency_clock": clocks[EMERGENCY],
        "plan_clock": clocks[PLAN],
        "is_closed": case.stage == Stage.CLOSED,
        "closure_pending": case.stage != Stage.CLOSED and case.closure_requested_at is not None,
    }


def _row(case: Case, now: dt.datetime) -> dict:
    clocks = case_clocks(case, now)
    running = [clock for clock in clocks.values() if clock is not None]
    return {
        "case": case,
        "emergency": clocks[EMERGENCY],
        "plan": clocks[PLAN],
        "overdue": any(clock.overdue for clock in running),
        "soon": any(clock.soon for clock in running),
        "closure_pending": case.stage != Stage.CLOSED and case.closure_requested_at is not None,
    }


def case_rows(user, now: dt.datetime | None = None, show: str = "") -> dict:
    """The case list: {"open": [...], "closed": [...]}. Open rows: overdue first (earliest due
    first), then due soon, then the others by received date (newest first). Closed rows by
    closing date. One query whatever the number of cases (clocks are computed, not fetched)."""
    now = now or timezone.now()
    cases = cases_for_user(user).select_related("unit").order_by("-received_at", "-id")
    if show == "open":
        cases = cases.exclude(stage=Stage.CLOSED)
    elif show == "closed":
        cases = cases.filter(stage=Stage.CLOSED)
    rows = [_row(case, now) for case in cases]
    open_rows = [row for row in rows if row["case"].stage != Stage.CLOSED]
    closed_rows = [row for row in rows if row["case"].stage == Stage.CLOSED]

    def urgency(row):
        dues = [clock.due for clock in (row["emergency"], row["plan"]) if clock and (clock.overdue or clock.soon)]
        return (0 if row["overdue"] else 1 if row["soon"] else 2, min(dues) if dues else now)

    open_rows.sort(key=urgency)  # stable: within a group the received order stays
    closed_rows.sort(key=lambda row: row["case"].closed_at or row["case"].received_at, reverse=True)
    return {"open": open_rows, "closed": closed_rows}
