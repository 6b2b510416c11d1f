"""Copy the content of one plan into another: the one routine behind the cascade (a school
plan started from the plan above it, or from last year's) and behind amendments (the new
version of an issued plan).

What is copied: legal basis, sections, task groups and tasks (with their nesting), targets,
recipients, the intro and closing text, and each task's links to targets. What each copied
task remembers is the caller's choice: `implements` (the task of the plan above that it
carries out) and/or `copied_from` (the task it is a copy of).
"""

from django.db import transaction

from .models import LegalBasis, Plan, PlanSection, Recipient, Target, Task, TaskGroup
from .revisions import ensure_editable


@transaction.atomic
def plan_copy_content(source: Plan, target: Plan, *, implements: bool, copied_from: bool = True,
                      keep_implements: bool = False) -> dict[int, Task]:
    """Copy `source`'s content into the empty `target`; returns {source task pk: new task}.

    implements=True: each new task implements its source task (cascade from the plan above).
    keep_implements=True: each new task implements what its source task implemented
    (a new version of a plan keeps carrying out the same tasks above).
    """
    if implements and keep_implements:
        raise ValueError("choose implements or keep_implements, not both")
    ensure_editable(target)  # content goes into a new draft only, never into an issued plan
    target.intro = source.intro
    target.closing = source.closing
    target.save(update_fields=["intro", "closing"])

    LegalBasis.objects.bulk_create([
        LegalBasis(plan=target, position=b.position, document_id=b.document_id, number=b.number, raw=b.raw,
                   in_preamble=b.in_preamble)
        for b in source.legal_basis.all()
    ])
    PlanSection.objects.bulk_create([
        PlanSection(plan=target, position=s.position, heading=s.heading, title=s.title, kind=s.kind, body=s.body)
        for s in source.sections.all()
    ])
    new_targets = {}
    for t in source.targets.all():
        new_targets[t.pk] = Target.objects.create(plan=target, position=t.position, text=t.text)
    Recipient.objects.bulk_create([
        Recipient(plan=target, position=r.position, name=r.name, purpose=r.purpose)
        for r in source.recipients.all()
    ])

    mapping: dict[int, Task] = {}
    for group in source.task_groups.all():
        new_group = TaskGroup.objects.create(plan=target, position=group.position, title=group.title)
        # Parents before children: order by depth via repeated passes over the flat list.
        pending = list(group.tasks.order_by("position", "pk"))
        while pending:
            waiting = []
            for task in pending:
                if task.parent_id and task.parent_id not in mapping:
                    waiting.append(task)
                    continue
                if implements:
                    link = task
                elif keep_implements:
                    link = task.implements
                else:
                    link = None
                mapping[task.pk] = Task.objects.create(
                    group=new_group, position=task.position,
                    parent=mapping[task.parent_id] if task.parent_id else None,
                    text=task.text, responsible=task.responsible, cooperating=task.cooperating,
                    time_frame=task.time_frame, expected_output=task.expected_output, due_on=task.due_on,
                    implements=link, copied_from=task if copied_from else None,
                )
            if len(waiting) == len(pending):  # a parent outside the group: cannot happen, but never loop
                raise ValueError(f"task tree of group {group.pk} is broken")
            pending = waiting

    # Internal bodies belong to one school: they follow the task only inside the same issuer
    # (a new version), never down the cascade to another unit.
    if source.issuer_unit_id == target.issuer_unit_id:
        Bodies = Task.responsible_bodies.through
        Bodies.objects.bulk_create([
            Bodies(task_id=mapping[row.task_id].pk, internalbody_id=row.internalbody_id)
            for row in Bodies.objects.filter(task__group__plan=source) if row.task_id in mapping
        ])

    links = Task.targets.through.objects.filter(task__group__plan=source)
    Task.targets.through.objects.bulk_create([
        Task.targets.through(task_id=mapping[link.task_id].pk, target_id=new_targets[link.target_id].pk)
        for link in links if link.task_id in mapping and link.target_id in new_targets
    ])
    return mapping
