"""Editing a draft plan's task groups and tasks: add, edit, remove, reorder, nest and unnest,
duplicate a task with everything under it, move a task to another group.

Same rules as editing.py (draft only, revision check, one `plan.edit` audit row per write).
A task's siblings are the tasks of its group with the same parent; their positions stay 1..n.
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from binhdang.orgs.models import InternalBody

from .editing import _next_position, _row, _text, audit, begin, renumber, swap
from .models import Plan, Target, Task, TaskGroup

TASK_TEXT = {
    "text": _l("Nội dung nhiệm vụ"), "responsible": _l("Đơn vị chủ trì"), "cooperating": _l("Đơn vị phối hợp"),
    "time_frame": _l("Thời gian"), "expected_output": _l("Sản phẩm"),
}


def _task(plan: Plan, task_id) -> Task:
    try:
        return Task.objects.select_related("group").get(group__plan=plan, pk=task_id)
    except (Task.DoesNotExist, ValueError, TypeError) as exc:
        raise ValidationError(_("Không tìm thấy nhiệm vụ này trong kế hoạch (có thể đã bị xoá).")) from exc


def siblings(task: Task):
    return Task.objects.filter(group_id=task.group_id, parent_id=task.parent_id)


@transaction.atomic
def group_add(*, actor, plan: Plan, title: str, expected: int | None) -> TaskGroup:
    begin(plan, expected)
    group = TaskGroup.objects.create(plan=plan, position=_next_position(plan.task_groups),
                                     title=_text(title, _("Tên nhóm nhiệm vụ"), required=True))
    audit(actor, plan, "group", op="add", id=group.pk)
    return group


@transaction.atomic
def group_update(*, actor, plan: Plan, group_id, title: str, expected: int | None) -> TaskGroup:
    begin(plan, expected)
    group = _row(plan, "group", group_id)
    group.title = _text(title, _("Tên nhóm nhiệm vụ"), required=True)
    group.save(update_fields=["title"])
    audit(actor, plan, "group", op="edit", id=group.pk)
    return group


@transaction.atomic
def task_add(*, actor, plan: Plan, group_id=None, parent_id=None, text: str, expected: int | None) -> Task:
    """A new task at the end of a group, or as the last child of `parent_id`."""
    begin(plan, expected)
    if parent_id:
        parent = _task(plan, parent_id)
        group = parent.group
    else:
        parent, group = None, _row(plan, "group", group_id)
    text = _text(text, TASK_TEXT["text"], required=True)
    task = Task.objects.create(group=group, parent=parent, text=text,
                               position=_next_position(Task.objects.filter(group=group, parent=parent)))
    audit(actor, plan, "task", op="add", id=task.pk, parent=parent.pk if parent else None)
    return task


@transaction.atomic
def task_update(*, actor, plan: Plan, task_id, fields: dict, target_ids=None, expected: int | None,
                due_on: str | None = None, body_ids=None) -> Task:
    """Change a task's text fields (any of TASK_TEXT) and, when given, its targets (of the
    same plan), its due date (YYYY-MM-DD or dd/mm/yyyy text, "" clears it) and its
    responsible bodies (bodies of the plan's unit)."""
    begin(plan, expected)
    task = _task(plan, task_id)
    changed = []
    if due_on is not None:
        day = _due_date(due_on)
        if task.due_on != day:
            task.due_on = day
            changed.append("due_on")
    for name, value in fields.items():
        if name not in TASK_TEXT:
            raise ValidationError(_("Không sửa được trường “%(field)s”.") % {"field": name})
        value = _text(value, TASK_TEXT[name], required=name == "text", model=Task, field=name)
        if getattr(task, name) != value:
            setattr(task, name, value)
            changed.append(name)
    if changed:
        task.save(update_fields=changed)
    if target_ids is not None:
        wanted = {int(pk) for pk in target_ids if str(pk).isdigit()}
        own = set(Target.objects.filter(plan=plan, pk__in=wanted).values_list("pk", flat=True))
        if own != wanted or len(wanted) != len(list(target_ids)):
            raise ValidationError(_("Chỉ gắn được nhiệm vụ với chỉ tiêu của chính kế hoạch này."))
        if own != set(task.targets.values_list("pk", flat=True)):
            task.targets.set(own)
            changed.append("targets")
    if body_ids is not None:
        wanted = {int(pk) for pk in body_ids if str(pk).isdigit()}
        own = set(InternalBody.objects.filter(unit_id=plan.issuer_unit_id, pk__in=wanted).values_list("pk", flat=True))
        if own != wanted or len(wanted) != len(list(body_ids)):
            raise ValidationError(_("Bộ phận chủ trì phải là bộ phận của chính đơn vị ban hành kế hoạch."))
        if own != set(task.responsible_bodies.values_list("pk", flat=True)):
            task.responsible_bodies.set(own)
            changed.append("responsible_bodies")
    audit(actor, plan, "task", op="edit", id=task.pk, fields=changed)
    return task


def _due_date(raw: str):
    raw = (raw or "").strip()
    if not raw:
        return None
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return dt.datetime.strptime(raw, fmt).date()
        except ValueError:
            continue
    raise ValidationError(_("Hạn hoàn thành: “%(value)s” không phải ngày (dd/mm/yyyy).") % {"value": raw[:20]})


@transaction.atomic
def task_remove(*, actor, plan: Plan, task_id, expected: int | None) -> int:
    """Remove a task and every task under it; returns how many went."""
    begin(plan, expected)
    task = _task(plan, task_id)
    removed = 1 + len(_subtree_ids(task))
    rest = siblings(task).exclude(pk=task.pk)
    task.delete()
    renumber(rest)
    audit(actor, plan, "task", op="remove", id=task_id, removed=removed)
    return removed


@transaction.atomic
def task_move(*, actor, plan: Plan, task_id, up: bool, expected: int | None) -> bool:
    begin(plan, expected)
    task = _task(plan, task_id)
    moved = swap(task, siblings(task), up)
    audit(actor, plan, "task", op="up" if up else "down", id=task.pk, moved=moved)
    return moved


@transaction.atomic
def task_indent(*, actor, plan: Plan, task_id, expected: int | None) -> Task:
    """The task becomes the last child of the sibling above it."""
    begin(plan, expected)
    task = _task(plan, task_id)
    renumber(siblings(task))
    task.refresh_from_db(fields=["position"])
    above = siblings(task).filter(position=task.position - 1).first()
    if above is None:
        raise ValidationError(_("Nhiệm vụ đầu tiên không thụt vào được: không có nhiệm vụ nào phía trên cùng cấp."))
    old = siblings(task).exclude(pk=task.pk)
    task.parent, task.position = above, _next_position(above.children)
    task.save(update_fields=["parent", "position"])
    renumber(old)
    audit(actor, plan, "task", op="indent", id=task.pk, parent=above.pk)
    return task


@transaction.atomic
def task_outdent(*, actor, plan: Plan, task_id, expected: int | None) -> Task:
    """The task leaves its parent and comes right after it."""
    begin(plan, expected)
    task = _task(plan, task_id)
    parent = task.parent
    if parent is None:
        raise ValidationError(_("Nhiệm vụ này đã ở cấp ngoài cùng của nhóm."))
    old = siblings(task).exclude(pk=task.pk)
    renumber(siblings(parent))
    parent.refresh_from_db(fields=["position"])
    siblings(parent).filter(position__gt=parent.position).update(position=F("position") + 1)
    task.parent_id, task.position = parent.parent_id, parent.position + 1
    task.save(update_fields=["parent", "position"])
    renumber(old)
    audit(actor, plan, "task", op="outdent", id=task.pk)
    return task


def _subtree_ids(task: Task) -> list[int]:
    """Ids of every task under `task` (one query per level)."""
    found, level = [], [task.pk]
    while level:
        level = list(Task.objects.filter(parent_id__in=level).values_list("pk", flat=True))
        found.extend(level)
    return found


def _copy(task: Task, *, group: TaskGroup, parent: Task | None, position: int) -> Task:
    # The copy carries out the same task above (implements) but is not "copied from last
    # year's": that link is for copies between plans.
    copy = Task.objects.create(group=group, parent=parent, position=position, text=task.text,
                               responsible=task.responsible, cooperating=task.cooperating,
                               time_frame=task.time_frame, expected_output=task.expected_output,
                               implements_id=task.implements_id)
    copy.targets.set(task.targets.all())
    for child in task.children.order_by("position", "pk"):
        _copy(child, group=group, parent=copy, position=child.position)
    return copy


@transaction.atomic
def task_duplicate(*, actor, plan: Plan, task_id, expected: int | None) -> Task:
    """A copy of the task and everything under it, right after the original."""
    begin(plan, expected)
    task = _task(plan, task_id)
    renumber(siblings(task))
    task.refresh_from_db(fields=["position"])
    siblings(task).filter(position__gt=task.position).update(position=F("position") + 1)
    copy = _copy(task, group=task.group, parent=task.parent, position=task.position + 1)
    audit(actor, plan, "task", op="duplicate", id=task.pk, copy=copy.pk, tasks=1 + len(_subtree_ids(copy)))
    return copy


@transaction.atomic
def task_move_to_group(*, actor, plan: Plan, task_id, group_id, expected: int | None) -> Task:
    """The task, with everything under it, goes to the end of another group (top level)."""
    begin(plan, expected)
    task = _task(plan, task_id)
    group = _row(plan, "group", group_id)
    old = siblings(task).exclude(pk=task.pk)
    Task.objects.filter(pk__in=_subtree_ids(task)).update(group=group)
    task.group, task.parent, task.position = group, None, _next_position(Task.objects.filter(group=group,
                                                                                             parent=None))
    task.save(update_fields=["group", "parent", "position"])
    renumber(old)
    renumber(Task.objects.filter(group=group, parent=None))
    audit(actor, plan, "task", op="move_group", id=task.pk, group=group.pk)
    return task
