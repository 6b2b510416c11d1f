"""Issuing at the same moment, on PostgreSQL: two plans get consecutive numbers, one plan is issued once.

Each thread has its own database connection and starts at a barrier. The step between the
plan lock and the number allocation is slowed down, so that without the row locks the two
transactions would overlap every time (both reading "not issued yet", both reading the same
last number) instead of only by chance.
"""

import threading
import time

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from binhdang.documents.models import IssuedNumber, NumberRegister
from binhdang.plans import workflow
from binhdang.plans.models import Plan, PlanStatus

from .test_workflow import DAY, make_plan

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql",
                       reason="SQLite serialises writers; row locks need PostgreSQL"),
    pytest.mark.django_db(transaction=True),
]


@pytest.fixture
def school(world):
    world.school.short_name = "THA"
    world.school.place = "Đống Đa"
    world.school.save()
    return world.school


@pytest.fixture
def slow_issue(monkeypatch):
    real = workflow.issuer_code

    def slow(plan):
        time.sleep(0.3)  # inside the transaction, after the plan lock, before the register lock
        return real(plan)

    monkeypatch.setattr(workflow, "issuer_code", slow)


def run_together(action, plan_pks: list[int]) -> tuple[list, list[BaseException]]:
    """Run action(plan) for each pk in its own thread, all released at once; (results, errors)."""
    barrier = threading.Barrier(len(plan_pks))
    results, errors = [], []
    lock = threading.Lock()

    def worker(pk: int) -> None:
        try:
            plan = Plan.objects.select_related("issuer_unit", "issuer_body").get(pk=pk)
            barrier.wait(timeout=10)
            result = action(plan)
            with lock:
                results.append(result)
        except BaseException as error:  # collected: the test asserts on them
            with lock:
                errors.append(error)
        finally:
            connection.close()

    threads = [threading.Thread(target=worker, args=(pk,)) for pk in plan_pks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    assert not any(thread.is_alive() for thread in threads)
    return results, errors


def test_two_plans_issued_at_once_get_consecutive_numbers(world, school, slow_issue):
    plans = [make_plan(school), make_plan(school)]
    results, errors = run_together(
        lambda plan: workflow.plan_issue(actor=world.principal, plan=plan, document_date=DAY).number,
        [p.pk for p in plans])
    assert errors == []
    assert sorted(results) == ["01/KH-THA", "02/KH-THA"]
    assert sorted(Plan.objects.values_list("number", flat=True)) == ["01/KH-THA", "02/KH-THA"]
    assert sorted(IssuedNumber.objects.values_list("number", flat=True)) == [1, 2]
    assert NumberRegister.objects.get(issuer_unit=school, year=DAY.year).last_number == 2


def test_one_plan_issued_twice_at_once_is_issued_once(world, school, slow_issue):
    plan = make_plan(school)
    results, errors = run_together(
        lambda p: workflow.plan_issue(actor=world.principal, plan=p, document_date=DAY).number, [plan.pk, plan.pk])
    assert results == ["01/KH-THA"]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert "đã được ban hành" in errors[0].messages[0]
    plan.refresh_from_db()
    assert plan.status == PlanStatus.ISSUED and plan.number == "01/KH-THA"
    assert IssuedNumber.objects.count() == 1
    assert NumberRegister.objects.get(issuer_unit=school, year=DAY.year).last_number == 1


def test_one_plan_amended_twice_at_once_gets_one_new_version(world, school, monkeypatch):
    plan = make_plan(school)
    workflow.plan_issue(actor=world.principal, plan=plan, document_date=DAY)
    real = workflow.newer_version

    def slow(p):
        found = real(p)
        time.sleep(0.3)  # the window between "is there a newer draft?" and creating one
        return found

    monkeypatch.setattr(workflow, "newer_version", slow)
    results, errors = run_together(
        lambda p: workflow.plan_amend(actor=world.committee_member, plan=p, note="Bổ sung").version,
        [plan.pk, plan.pk])
    assert results == [2]
    assert len(errors) == 1 and isinstance(errors[0], ValidationError)
    assert Plan.objects.filter(amends=plan).count() == 1
