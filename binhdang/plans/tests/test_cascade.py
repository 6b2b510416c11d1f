"""The cascade: deriving a plan from the plan above or from last year's, linking tasks, coverage."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.db import connection
from django.test.utils import CaptureQueriesContext

from binhdang.audit.models import AuditEntry
from binhdang.plans import cascade
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.plans.revisions import PlanConflict
from binhdang.plans.selectors_cascade import (
    coverage,
    coverage_by_unit,
    implementing_units,
    plans_from_above,
    plans_of_unit_before,
)
from binhdang.testing import make_unit

from .test_views import _import

pytestmark = pytest.mark.django_db

SEED_TASKS = 16  # the 000 seed: five task groups, sixteen tasks, one of them nested


def issued(plan: Plan, number: str = "05/KH-UBND", day=dt.date(2023, 1, 10)) -> Plan:
    """Mark an imported plan as issued, the way the workflow leaves it (number and date set)."""
    plan.status = PlanStatus.ISSUED
    plan.number = number
    plan.document_date = day
    plan.save()
    return plan


def commune_plan(world) -> Plan:
    return issued(_import(world.commune))


def test_derive_from_above_copies_structure_and_links_every_task(world):
    source = commune_plan(world)
    world.school.place = "Đống Đa"
    world.school.save()
    plan = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=source)

    assert plan.status == PlanStatus.DRAFT and plan.issuer_unit == world.school and plan.source_plan == source
    assert (plan.kind, plan.year) == (source.kind, 2023)
    assert plan.title == "Triển khai thực hiện công tác bình đẳng giới năm 2023"
    assert plan.place == "Đống Đa" and plan.signer_position == "HIỆU TRƯỞNG" and plan.signer_name == ""
    tasks = Task.objects.filter(group__plan=plan).select_related("implements", "parent__implements")
    assert tasks.count() == SEED_TASKS
    for task in tasks:
        assert task.implements.group.plan_id == source.pk and task.implements.text == task.text
        if task.parent_id:  # nesting kept: the parent implements the source task's parent
            assert task.parent.implements == task.implements.parent
    assert tasks.filter(parent__isnull=False).count() == 1

    preamble = list(plan.legal_basis.filter(in_preamble=True).order_by("position"))
    assert [b.number for b in preamble] == ["6830/KH-UBND", "559/SGDĐT-CTHSSV", "05/KH-UBND"]
    assert preamble[-1].raw == ("Thực hiện Kế hoạch số 05/KH-UBND ngày 10/01/2023 của UBND xã A về triển khai "
                                "thực hiện công tác bình đẳng giới năm 2023")
    positions = list(plan.legal_basis.values_list("position", flat=True))
    assert len(positions) == len(set(positions)) == source.legal_basis.count() + 1
    entry = AuditEntry.objects.get(action="plan.derive")
    assert entry.target_uid == str(plan.uid) and entry.details["tasks"] == SEED_TASKS


def test_derive_title_says_what_it_carries_out(world):
    source = commune_plan(world)
    source.title = "Công tác bình đẳng giới năm 2024"
    source.number = ""
    source.document_date = None
    source.save()
    plan = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=source)
    assert plan.title == "Thực hiện công tác bình đẳng giới năm 2024"
    # Without a number or a date there is nothing to cite: no line is invented.
    assert plan.legal_basis.count() == source.legal_basis.count()


def test_derive_refuses_a_draft_or_a_plan_not_above(world):
    draft = _import(world.commune)
    with pytest.raises(ValidationError, match="chưa ban hành"):
        cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=draft)
    sideways = issued(_import(world.school_b))
    with pytest.raises(ValidationError, match="đơn vị cấp trên"):
        cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=sideways)
    own = issued(_import(world.school))
    with pytest.raises(ValidationError, match="đơn vị cấp trên"):
        cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=own)
    below = issued(_import(world.school))
    with pytest.raises(ValidationError):
        cascade.plan_derive_from_above(actor=world.commune_officer, unit=world.commune, source=below)
    assert Plan.objects.filter(source_plan__isnull=False).count() == 0
    assert not AuditEntry.objects.filter(action="plan.derive").exists()


def test_derive_from_previous_moves_the_year_and_remembers_the_copy(world):
    above = commune_plan(world)
    last_year = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=above)
    last_year.signer_name = "Nguyễn Văn An"
    last_year.save()
    plan = cascade.plan_derive_from_previous(actor=world.principal, unit=world.school, previous=last_year)

    assert plan.year == 2024 and plan.title == "Triển khai thực hiện công tác bình đẳng giới năm 2024"
    assert plan.copied_from == last_year and plan.source_plan is None and plan.status == PlanStatus.DRAFT
    assert plan.signer_name == "Nguyễn Văn An"
    tasks = Task.objects.filter(group__plan=plan)
    assert tasks.count() == SEED_TASKS
    assert not tasks.filter(implements__isnull=False).exists()
    assert set(tasks.values_list("copied_from__group__plan", flat=True)) == {last_year.pk}
    # Last year's plan above is not next year's: its "Thực hiện" line is not carried over.
    assert not plan.legal_basis.filter(number="05/KH-UBND").exists()
    assert plan.legal_basis.filter(number="6830/KH-UBND").exists()


def test_derive_from_previous_replaces_school_year_and_refuses_another_units_plan(world):
    previous = Plan.objects.create(issuer_unit=world.school, year=2023,
                                   title="Kế hoạch công tác năm học 2023-2024 và năm 2023 (2023 học sinh)")
    plan = cascade.plan_derive_from_previous(actor=world.principal, unit=world.school, previous=previous)
    assert plan.title == "Kế hoạch công tác năm học 2024-2025 và năm 2024 (2023 học sinh)"
    other = Plan.objects.create(issuer_unit=world.school_b, year=2023, title="năm 2023")
    with pytest.raises(ValidationError, match="của chính"):
        cascade.plan_derive_from_previous(actor=world.principal, unit=world.school, previous=other)
    no_year = Plan.objects.create(issuer_unit=world.school, title="Kế hoạch")
    with pytest.raises(ValidationError, match="chưa ghi năm"):
        cascade.plan_derive_from_previous(actor=world.principal, unit=world.school, previous=no_year)


def test_task_link_checks_the_plan_above_the_draft_and_the_revision(world):
    source = commune_plan(world)
    plan = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=source)
    own = Task.objects.create(group=plan.task_groups.first(), position=50, text="Việc riêng của trường")
    target = Task.objects.filter(group__plan=source).order_by("pk").last()
    revision = plan.revision
    cascade.task_link(actor=world.principal, task=own, implemented=target, expected=revision)
    own.refresh_from_db()
    plan.refresh_from_db()
    assert own.implements == target and plan.revision == revision + 1
    with pytest.raises(PlanConflict):
        cascade.task_link(actor=world.principal, task=own, implemented=None, expected=revision)
    own.refresh_from_db()
    assert own.implements == target  # the refused write left nothing behind
    not_above = Task.objects.filter(group__plan=plan).exclude(pk=own.pk).first()
    with pytest.raises(ValidationError, match="không thuộc kế hoạch cấp trên"):
        cascade.task_link(actor=world.principal, task=own, implemented=not_above)
    cascade.task_link(actor=world.principal, task=own, implemented=None)
    own.refresh_from_db()
    assert own.implements is None
    plan.status = PlanStatus.ISSUED
    plan.save()
    with pytest.raises(ValidationError, match="đã ban hành"):
        cascade.task_link(actor=world.principal, task=own, implemented=target)
    assert AuditEntry.objects.filter(action="plan.task_link").count() == 2


def test_set_source_links_tasks_by_their_text(world):
    old_above = commune_plan(world)
    last_year = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=old_above)
    plan = cascade.plan_derive_from_previous(actor=world.principal, unit=world.school, previous=last_year)
    new_above = issued(_import(world.commune), number="07/KH-UBND", day=dt.date(2024, 1, 9))
    changed = Task.objects.filter(group__plan=new_above).order_by("pk").first()
    changed.text = "Một nhiệm vụ mới của năm 2024"
    changed.save()

    linked = cascade.plan_set_source(actor=world.principal, plan=plan, source=new_above, expected=plan.revision)
    assert linked == SEED_TASKS - 1
    result = coverage(Plan.objects.get(pk=plan.pk))
    assert (result.covered, result.total) == (SEED_TASKS - 1, SEED_TASKS)
    assert [row.task for row in result.missing] == [changed]
    assert plan.legal_basis.filter(number="07/KH-UBND", in_preamble=True).exists()
    with pytest.raises(ValidationError):
        cascade.plan_set_source(actor=world.principal, plan=plan, source=_import(world.commune))


def test_plans_from_above_and_before(world):
    commune_issued = commune_plan(world)
    _import(world.commune)  # a draft: not offered
    province_issued = issued(_import(world.province), number="01/KH-SGDĐT", day=dt.date(2022, 12, 1))
    province_issued.year = 2022
    province_issued.save()
    issued(_import(world.school_b))  # beside the school, not above it
    issued(_import(world.school))  # the school's own
    assert list(plans_from_above(world.school)) == [commune_issued, province_issued]
    assert list(plans_from_above(world.commune)) == [province_issued]

    v1 = Plan.objects.create(issuer_unit=world.school, year=2022, title="năm 2022", status=PlanStatus.ISSUED)
    Plan.objects.create(issuer_unit=world.school, year=2022, title="năm 2022 (sửa đổi)", amends=v1,
                        status=PlanStatus.ISSUED, version=2)
    later = Plan.objects.create(issuer_unit=world.school, year=2025, title="năm 2025")
    titles = [p.title for p in plans_of_unit_before(world.school, 2025)]
    assert later.title not in titles and "năm 2022 (sửa đổi)" in titles and "năm 2022" not in titles


def _school_under_commune(world, code):
    return make_unit(code, "school", world.commune, "primary", name=f"Trường Tiểu học {code}")


def test_coverage_of_two_schools_with_tasks_deleted_and_added(world):
    source = commune_plan(world)
    school2 = _school_under_commune(world, "truong-c")
    first = cascade.plan_derive_from_above(actor=world.principal, unit=world.school, source=source)
    second = cascade.plan_derive_from_above(actor=None, unit=school2, source=source)
    # The first school drops the whole fifth group (2 tasks) and one task with a child (2 more)
    # and adds a task of its own; the second drops one task and writes two of its own for it.
    first.task_groups.get(position=5).delete()
    Task.objects.filter(group__plan=first, children__isnull=False).delete()
    Task.objects.create(group=first.task_groups.first(), position=9, text="Câu lạc bộ bình đẳng giới")
    dropped = Task.objects.filter(group__plan=second, implements__text__startswith="Tổ chức khen thưởng")
    dropped.delete()
    above = Task.objects.get(group__plan=source, text__startswith="Đẩy mạnh việc lồng ghép")
    for position in (7, 8):
        Task.objects.create(group=second.task_groups.get(position=3), position=position, text="Lồng ghép",
                            implements=above)

    mine = coverage(first)
    assert (mine.covered, mine.total, mine.percent) == (12, 16, 75)
    assert [row.task.text[:16] for row in mine.missing] == [
        "Hình thức tuyên ", "Tham gia các cuộ", "Xây dựng Kế hoạc", "Huy động đông đả"]
    assert [row.depth for row in mine.rows[:7]] == [0, 0, 0, 0, 0, 1, 0]  # tree order: the child under its parent
    assert [t.text for t in mine.own_tasks] == ["Câu lạc bộ bình đẳng giới"]
    theirs = coverage(second)
    assert (theirs.covered, theirs.percent) == (15, 93)
    row = next(r for r in theirs.rows if r.task == above)
    assert len(row.implemented_by) == 3

    units = implementing_units(source)
    rows = coverage_by_unit(source, units)
    assert [(r.unit, r.covered, r.total, r.percent) for r in rows] == [
        (world.school, 12, 16, 75), (school2, 15, 16, 93)]
    assert rows[0].plan == first


def test_coverage_by_unit_puts_units_without_a_plan_first_and_uses_a_fixed_number_of_queries(world):
    source = commune_plan(world)
    counts = []
    for batch, how_many in (("a", 3), ("b", 30)):
        schools = [_school_under_commune(world, f"truong-{batch}{i}") for i in range(how_many)]
        for school in schools[1:]:
            cascade.plan_derive_from_above(actor=None, unit=school, source=source)
        with CaptureQueriesContext(connection) as queries:
            rows = coverage_by_unit(source, implementing_units(source))
        counts.append(len(queries))
        assert rows[0].plan is None and rows[0].percent is None  # a laggard comes first
        without = [r for r in rows if r.plan is None]
        assert len(without) == (2 if batch == "a" else 3)  # world.school and the first of each batch
        assert all(r.percent == 100 for r in rows[len(without):])
    assert counts[0] == counts[1] == 3


def test_implementing_units_are_the_units_below_and_any_deriving_unit(world):
    province_plan = issued(_import(world.province), number="01/KH-SGDĐT")
    assert set(implementing_units(province_plan)) == {world.commune, world.school_b}
    cascade.plan_derive_from_above(actor=None, unit=world.school, source=province_plan)
    assert set(implementing_units(province_plan)) == {world.commune, world.school_b, world.school}
    assert list(implementing_units(commune_plan(world))) == [world.school]
