"""Incident counts: only cases whose latest statistics consent is given, by type and the child's
sex; handled on time = both legal clocks met, among the closed cases that had them."""

import datetime as dt

import pytest
from django.utils import timezone

from binhdang.indicators.computations import COMPUTATIONS
from binhdang.safeguarding.intake import case_create
from binhdang.safeguarding.models import Case, Channel, Consent

from .builders import at, figure

pytestmark = pytest.mark.usefixtures("today", "sealing_on")
PAST = "2025-2026"
IN_YEAR = dt.date(2026, 3, 10)


def consent(case, given=True):
    Consent.objects.create(case=case, purpose="statistics", parent_agreed=given, child_agreed=given,
                           child_aged_7_plus=True, recorded_at=timezone.now())


def make_case(unit, category="bullying", sex="F", day=IN_YEAR, agreed=True, **fields) -> Case:
    case = case_create(unit=unit, channel=Channel.PHONE, category=category, narrative="x", actor=None)
    case.victim_sex, case.received_at = sex, at(day)
    for name, value in fields.items():
        setattr(case, name, value)
    case.save()
    if agreed:
        consent(case)
    return case


def run(name, unit, period=PAST):
    return COMPUTATIONS[name]([unit.pk], period).get(unit.pk, {})


def test_incidents_by_type_and_sex_only_with_consent(world):
    make_case(world.school, "bullying", "F")
    make_case(world.school, "bullying", "M")
    make_case(world.school, "cyber", "F")
    make_case(world.school, "", "U")  # not classified, sex unknown: in the total only
    make_case(world.school, "bullying", "F", agreed=False)  # no consent: never counted
    withdrawn = make_case(world.school, "bullying", "F")
    consent(withdrawn, given=False)  # the latest decision withdraws it
    make_case(world.school, "bullying", "F", day=dt.date(2026, 9, 1))  # next period
    rows = run("incidents_by_type", world.school)
    assert rows[""] == (4, None) and rows["sex=F"] == (2, None) and rows["sex=M"] == (1, None)
    assert rows["category=bullying"] == (2, None) and rows["category=bullying|sex=F"] == (1, None)
    assert rows["category=cyber|sex=F"] == (1, None) and "category=" not in rows
    # The consents saved above already moved the school's and the province's figures (watches).
    assert figure(world.province, "incidents", PAST) == (4, None)


def test_incidents_handled_within_the_deadline(world):
    received = at(IN_YEAR, 8)
    clocks = {"emergency_due_at": received + dt.timedelta(hours=12), "plan_due_at": received + dt.timedelta(days=7)}
    closed = {"stage": "closed", "closed_at": at(dt.date(2026, 5, 1))}
    on_time = {**clocks, **closed, "support_at": received + dt.timedelta(hours=2),
               "plan_at": received + dt.timedelta(days=3)}
    make_case(world.school, sex="F", **on_time)
    make_case(world.school, sex="M", **{**on_time, "plan_at": received + dt.timedelta(days=8)})  # plan late
    make_case(world.school, sex="F", **{**on_time, "support_at": None})  # support never recorded
    make_case(world.school, sex="F", **{**on_time, "stage": "follow_up", "closed_at": None})  # still open
    make_case(world.school, sex="F", **closed)  # no clocks: outside the denominator
    make_case(world.school, sex="F", agreed=False, **on_time)  # no consent
    # Closed with clocks and consent: 3 (F, M, F); met: the first -> 1 / 3; women 1 / 2, men 0 / 1.
    rows = run("incidents_handled_on_time", world.school)
    assert rows[""] == (1, 3) and rows["sex=F"] == (1, 2) and rows["sex=M"] == (0, 1)
    assert figure(world.commune, "incidents-on-time", PAST) == (1, 3)
