"""Activity selectors: the list with its filters, and a plan's progress in a fixed number of queries."""

import datetime as dt

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from binhdang.activities import selectors, services
from binhdang.activities.models import ActivityStatus
from binhdang.activities.tests.helpers import STARTS, data, issued_plan, log, tasks_of
from binhdang.plans.models import Task

pytestmark = pytest.mark.django_db


def _done(world, activity, triples):
    services.activity_report_done(actor=world.teacher, activity=activity, results="Đã làm", participations=triples)


def test_plan_progress_counts_task_by_task(world):
    plan = issued_plan(world)
    tasks = tasks_of(plan)
    first, second = tasks[0], tasks[1]
    done = log(world, first)
    _done(world, done, [("students", "F", 12), ("students", "M", 10), ("parents", "U", 3)])
    log(world, first)  # still planned: counted, its participants are not (not done yet)
    cancelled = log(world, second)
    services.activity_cancel(actor=world.teacher, activity=cancelled, reason="Trời mưa")
    log(world, None)  # unplanned: in no task's row

    progress = selectors.plan_progress(plan)
    rows = {row.task.pk: row for row in progress.rows}
    assert len(progress.rows) == len(tasks)
    assert (rows[first.pk].planned, rows[first.pk].done, rows[first.pk].cancelled) == (1, 1, 0)
    assert rows[first.pk].by_sex == {"M": 10, "F": 12, "U": 3}
    assert rows[first.pk].total == 2 and rows[first.pk].percent == 50
    assert (rows[second.pk].total, rows[second.pk].cancelled) == (0, 1)
    assert rows[second.pk].has_activity
    missing = {row.task.pk for row in progress.without_activity}
    assert missing == {t.pk for t in tasks} - {first.pk, second.pk}
    assert progress.totals()["F"] == 12 and progress.with_done == 1


def test_plan_progress_rows_follow_the_tree(world):
    plan = issued_plan(world)
    rows = selectors.plan_progress(plan).rows
    # Parents come before their children, and children one level deeper.
    seen = set()
    depth = {}
    for row in rows:
        assert row.task.parent_id is None or row.task.parent_id in seen
        depth[row.task.pk] = row.depth
        if row.task.parent_id:
            assert row.depth == depth[row.task.parent_id] + 1
        seen.add(row.task.pk)
    assert [r.group.position for r in rows] == sorted(r.group.position for r in rows)


def test_plan_progress_queries_do_not_grow(world):
    plan = issued_plan(world)
    tasks = tasks_of(plan)
    log(world, tasks[0])
    with CaptureQueriesContext(connection) as small:
        selectors.plan_progress(plan)
    for task in tasks:
        for _ in range(3):
            _done(world, log(world, task), [("staff", "F", 2), ("staff", "M", 1)])
    Task.objects.create(group=tasks[0].group, position=99, text="Nhiệm vụ thêm")
    with CaptureQueriesContext(connection) as big:
        progress = selectors.plan_progress(plan)
    assert len(big) == len(small) == 4
    assert all(row.done == 3 for row in progress.rows if row.task.text != "Nhiệm vụ thêm")


def test_activity_list_filters(world):
    plan = issued_plan(world)
    task = tasks_of(plan)[0]
    planned = log(world, task)
    done = log(world, None, starts_at=STARTS - dt.timedelta(days=40), ends_at=None)
    _done(world, done, [("students", "F", 5)])
    other = services.activity_create(actor=world.principal, unit=world.school, data=data(None, kind="banner"))

    def titles(unit, **filters):
        return {a.pk for a in selectors.activity_list(unit, filters)}

    assert titles(world.school) == {planned.pk, done.pk, other.pk}
    assert titles(world.school, status=ActivityStatus.DONE) == {done.pk}
    assert titles(world.school, kind="banner") == {other.pk}
    assert titles(world.school, month=dt.date(2026, 10, 1)) == {done.pk}
    assert titles(world.school, task=task.pk) == {planned.pk}
    assert titles(world.school, unplanned=True) == {done.pk, other.pk}
    # Officers above see their schools' activities; another school sees none of them.
    assert titles(world.province) == titles(world.commune) == titles(world.school)
    assert titles(world.school_b) == set()
    row = selectors.activity_list(world.school, {"status": "done"}).get()
    assert row.participants == 5 and row.evidence_count == 0
