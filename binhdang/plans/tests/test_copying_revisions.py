"""The shared plan routines: content copy (cascade, amendments), revision checks, and who reads a plan."""

import pytest
from django.core.exceptions import PermissionDenied
from django.http import Http404

from binhdang.accounts.roles import Level
from binhdang.plans.access import plan_for_user
from binhdang.plans.copying import plan_copy_content
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.plans.revisions import PlanConflict, revision_bump

from .test_views import _import

pytestmark = pytest.mark.django_db


def test_copy_keeps_structure_and_links_each_task(world):
    source = _import(world.commune)
    group = source.task_groups.first()
    first = group.tasks.order_by("position").first()
    target_row = source.targets.create(position=1, text="100% giáo viên được tập huấn")
    first.targets.add(target_row)
    child = Task.objects.create(group=group, position=99, parent=first, text="Việc con")

    copy = Plan.objects.create(issuer_unit=world.school, title="Kế hoạch của trường")
    mapping = plan_copy_content(source, copy, implements=True)

    assert copy.task_groups.count() == source.task_groups.count()
    assert Task.objects.filter(group__plan=copy).count() == Task.objects.filter(group__plan=source).count()
    assert copy.legal_basis.count() == source.legal_basis.count()
    assert list(copy.recipients.values_list("name", flat=True)) == list(source.recipients.values_list("name",
                                                                                                        flat=True))
    assert mapping[first.pk].implements == first
    assert mapping[child.pk].parent == mapping[first.pk]
    assert list(mapping[first.pk].targets.values_list("text", flat=True)) == ["100% giáo viên được tập huấn"]


def test_copy_for_a_new_version_keeps_what_the_tasks_implemented(world):
    above = _import(world.commune)
    school = Plan.objects.create(issuer_unit=world.school, title="v1")
    plan_copy_content(above, school, implements=True)
    v2 = Plan.objects.create(issuer_unit=world.school, title="v2")
    mapping = plan_copy_content(school, v2, implements=False, keep_implements=True)
    for old_pk, new in mapping.items():
        old = Task.objects.get(pk=old_pk)
        assert new.implements_id == old.implements_id and new.copied_from_id == old_pk


def test_revision_bump_refuses_a_stale_revision(world):
    plan = Plan.objects.create(issuer_unit=world.school, title="K")
    assert revision_bump(plan, expected=1) == 2
    with pytest.raises(PlanConflict) as caught:
        revision_bump(plan, expected=1)
    assert "phiên bản 2" in str(caught.value)
    plan.refresh_from_db()
    assert plan.revision == 2


def test_issued_plans_are_read_from_below_drafts_are_not(world):
    plan = Plan.objects.create(issuer_unit=world.commune, title="Kế hoạch của xã")
    with pytest.raises(Http404):
        plan_for_user(world.principal, plan.uid)
    plan.status = PlanStatus.ISSUED
    plan.save()
    assert plan_for_user(world.principal, plan.uid) == plan
    with pytest.raises(Http404):  # reading from below never grants writing
        plan_for_user(world.principal, plan.uid, level=Level.MANAGE)
    with pytest.raises(Http404):
        plan_for_user(world.outsider, plan.uid)
    with pytest.raises(PermissionDenied):
        plan_for_user(world.teacher, Plan.objects.create(issuer_unit=world.school, title="x").uid,
                      level=Level.MANAGE)


def test_bodies_follow_a_task_within_its_school_only(world):
    from binhdang.orgs.models import InternalBody

    body = InternalBody.objects.create(unit=world.school, kind="trade_union", name="Công đoàn")
    v1 = Plan.objects.create(issuer_unit=world.school, title="v1")
    group = v1.task_groups.create(position=1, title="Nhóm 1")
    task = Task.objects.create(group=group, position=1, text="Việc", due_on="2026-12-15")
    task.responsible_bodies.add(body)
    v2 = Plan.objects.create(issuer_unit=world.school, title="v2")
    copied = plan_copy_content(v1, v2, implements=False, keep_implements=True)[task.pk]
    assert list(copied.responsible_bodies.all()) == [body] and str(copied.due_on) == "2026-12-15"
    other = Plan.objects.create(issuer_unit=world.school_b, title="khác")
    assert not plan_copy_content(v1, other, implements=True)[task.pk].responsible_bodies.exists()
