"""Activity services: validation naming the field, participations as rows, status changes, who may
do what, audit rows without names."""

import datetime as dt

import pytest
from django.core.exceptions import PermissionDenied, ValidationError

from binhdang.activities import services
from binhdang.activities.models import Activity, ActivityStatus, Participation
from binhdang.audit.models import AuditEntry
from binhdang.orgs.models import InternalBody
from binhdang.plans.models import Plan, PlanStatus, Task

from .helpers import STARTS, data, issued_plan, log, tasks_of

pytestmark = pytest.mark.django_db


def _counts(activity):
    return {(p.group, p.sex): p.count for p in Participation.objects.filter(activity=activity)}


def test_create_against_a_task_of_an_issued_plan(world):
    task = tasks_of(issued_plan(world))[0]
    activity = log(world, task)
    assert activity.task == task and activity.status == ActivityStatus.PLANNED
    assert activity.created_by == world.teacher and activity.unit == world.school
    assert _counts(activity) == {("students", "F"): 20, ("students", "M"): 18}
    entry = AuditEntry.objects.get(action="activity.create")
    assert entry.details == {"task": task.pk, "kind": "flag_talk", "campaign": None,
                             "participants": {"M": 18, "F": 20, "U": 0}}


def test_unplanned_activity_has_no_task(world):
    assert log(world, None).is_unplanned


def test_task_of_a_draft_plan_is_refused(world):
    plan = issued_plan(world)
    Plan.objects.filter(pk=plan.pk).update(status=PlanStatus.DRAFT)
    with pytest.raises(ValidationError) as exc:
        log(world, tasks_of(plan)[0])
    assert "Nhiệm vụ" in exc.value.message_dict["task"][0]
    assert not Activity.objects.exists()


def test_task_of_another_units_plan_is_refused(world):
    plan = issued_plan(world, world.school_b)
    with pytest.raises(ValidationError) as exc:
        log(world, tasks_of(plan)[0])
    assert "task" in exc.value.message_dict


def test_every_bad_field_is_named_and_nothing_is_saved(world):
    other_body = InternalBody.objects.create(unit=world.school_b, kind="committee", name="Ban B")
    bad = data(None, title="  ", kind="dance", ends_at=STARTS - dt.timedelta(minutes=5),
               responsible_body=other_body, audiences=["students", "aliens"])
    with pytest.raises(ValidationError) as exc:
        services.activity_create(actor=world.teacher, unit=world.school, data=bad)
    errors = exc.value.message_dict
    assert set(errors) == {"title", "kind", "ends_at", "responsible_body", "audiences"}
    assert errors["ends_at"][0].startswith("Kết thúc:")
    assert not Activity.objects.exists() and not AuditEntry.objects.filter(action__startswith="activity.").exists()


@pytest.mark.parametrize("triples", [
    [("students", "F", -1)],
    [("students", "F", 2.5)],
    [("students", "F", "3")],
    [("students", "F", True)],
    [("students", "X", 3)],
    [("pets", "F", 3)],
    [("students", "F", 3), ("students", "F", 4)],
])
def test_bad_participations_are_refused(world, triples):
    with pytest.raises(ValidationError) as exc:
        log(world, None, participations=triples)
    assert "participants" in exc.value.message_dict
    assert not Activity.objects.exists()


def test_zero_counts_store_no_row(world):
    activity = log(world, None, participations=[("parents", "U", 0), ("staff", "F", 3)])
    assert _counts(activity) == {("staff", "F"): 3}


def test_report_done_replaces_the_rows(world):
    activity = log(world, None)
    services.activity_report_done(actor=world.teacher, activity=activity, results="Học sinh sôi nổi",
                                  participations=[("students", "F", 25), ("parents", "U", 4)])
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.DONE and activity.reported_at is not None
    assert activity.results == "Học sinh sôi nổi"
    assert _counts(activity) == {("students", "F"): 25, ("parents", "U"): 4}


def test_report_needs_results(world):
    activity = log(world, None)
    with pytest.raises(ValidationError) as exc:
        services.activity_report_done(actor=world.teacher, activity=activity, results=" ", participations=[])
    assert "results" in exc.value.message_dict
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.PLANNED


def test_cancel_needs_a_reason_kept_out_of_the_audit(world):
    activity = log(world, None)
    with pytest.raises(ValidationError):
        services.activity_cancel(actor=world.teacher, activity=activity, reason="")
    services.activity_cancel(actor=world.teacher, activity=activity, reason="Em Nguyễn Văn A ốm, trời mưa")
    activity.refresh_from_db()
    assert activity.status == ActivityStatus.CANCELLED
    entry = AuditEntry.objects.get(action="activity.cancel")
    assert "Nguyễn" not in str(entry.details)
    with pytest.raises(ValidationError):
        services.activity_report_done(actor=world.teacher, activity=activity, results="x", participations=[])


def test_only_the_author_or_manage_may_change(world):
    activity = log(world, None)
    other_teacher = world.unit_lead  # EDIT too, not the author
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=other_teacher, activity=activity, data=data(None, title="Khác"))
    with pytest.raises(PermissionDenied):
        services.activity_update(actor=world.counsellor, activity=activity, data=data(None, title="Khác"))
    services.activity_update(actor=world.committee_member, activity=activity, data=data(None, title="Đổi tên"))
    activity.refresh_from_db()
    assert activity.title == "Đổi tên"
    assert AuditEntry.objects.get(action="activity.update").details == {"changed": ["title"]}


def test_counsellor_cannot_log(world):
    with pytest.raises(PermissionDenied):
        log(world, None, actor=world.counsellor)


def test_delete_author_while_planned_else_manage(world):
    activity = log(world, None)
    services.activity_report_done(actor=world.teacher, activity=activity, results="Xong", participations=[])
    with pytest.raises(PermissionDenied):
        services.activity_delete(actor=world.teacher, activity=activity)
    services.activity_delete(actor=world.committee_member, activity=activity)
    assert not Activity.objects.exists()
    planned = log(world, None)
    services.activity_delete(actor=world.teacher, activity=planned)
    assert not Activity.objects.exists()
    assert AuditEntry.objects.filter(action="activity.delete").count() == 2


def test_task_deleted_with_its_plan_leaves_the_activity_unplanned(world):
    task = tasks_of(issued_plan(world))[0]
    activity = log(world, task)
    Task.objects.filter(pk=task.pk).delete()
    activity.refresh_from_db()
    assert activity.is_unplanned
