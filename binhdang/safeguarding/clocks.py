"""The two legal clocks of a case (NĐ 56/2017, see workflow.assess): emergency support within
12 hours and a support plan within 5 working days, both from when the report was received.

A clock is met when its step was first recorded (support_at, plan_at), overdue when it is not
met and its time has passed, "due soon" when less than 3 hours (emergency) or less than one
working day (plan) are left. Pure functions over the Case columns: no query per case.
"""

import datetime as dt
from dataclasses import dataclass

from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from .alerts import alert
from .models import Case, CaseTeamMember, Stage
from .working_days import add_working_days

EMERGENCY_SOON = dt.timedelta(hours=3)
EMERGENCY, PLAN = "emergency", "plan"


@dataclass(frozen=True)
class Clock:
    name: str  # EMERGENCY or PLAN
    due: dt.datetime
    met_at: dt.datetime | None
    overdue: bool
    soon: bool

    @property
    def met(self) -> bool:
        return self.met_at is not None

    @property
    def met_late(self) -> bool:
        return self.met_at is not None and self.met_at > self.due

    @property
    def state(self) -> str:
        """For templates and tests: met, met_late, overdue, soon or running."""
        if self.met:
            return "met_late" if self.met_late else "met"
        return "overdue" if self.overdue else "soon" if self.soon else "running"


def _clock(name: str, due, met_at, now: dt.datetime, closed: bool) -> Clock | None:
    if due is None:
        return None
    waiting = met_at is None and not closed  # a closed case no longer runs late
    overdue = waiting and now > due
    if name == EMERGENCY:
        soon = waiting and not overdue and due - now < EMERGENCY_SOON
    else:
        soon = waiting and not overdue and add_working_days(now, 1) > due
    return Clock(name, due, met_at, overdue, soon)


def case_clocks(case: Case, now: dt.datetime | None = None) -> dict[str, Clock | None]:
    now = now or timezone.now()
    closed = case.stage == Stage.CLOSED
    return {
        EMERGENCY: _clock(EMERGENCY, case.emergency_due_at, case.support_at, now, closed),
        PLAN: _clock(PLAN, case.plan_due_at, case.plan_at, now, closed),
    }


def overdue_filter(now: dt.datetime) -> Q:
    return (Q(emergency_due_at__lt=now, support_at__isnull=True)
            | Q(plan_due_at__lt=now, plan_at__isnull=True))


def overdue_cases_notify(now: dt.datetime) -> int:
    """Tell each case-team member of a school with an overdue clock, once per case and clock
    (the notification key), with a content-free title and the list's URL. Returns how many
    notifications were created. Two queries whatever the number of cases."""
    cases = list(Case.objects.filter(overdue_filter(now), unit__valid_to__isnull=True)
                 .exclude(stage=Stage.CLOSED).select_related("unit"))
    team: dict[int, list] = {}
    for seat in CaseTeamMember.objects.filter(unit__in={case.unit_id for case in cases},
                                              user__is_active=True).select_related("user"):
        team.setdefault(seat.unit_id, []).append(seat.user)
    title, url = _("Có vụ việc quá hạn cần xử lý"), reverse("safeguarding:case_list")
    created = 0
    for case in cases:
        for name, clock in case_clocks(case, now).items():
            if clock is None or not clock.overdue:
                continue
            for user in team.get(case.unit_id, []):
                created += alert(user, case.unit, key=f"case-overdue:{case.uid}:{name}",
                                  title=title, url=url)
    return created
