"""THPT Quế Sơn's 2023 in the demo: its yearly plan completed and issued, then activities over the
year (with generated evidence photos), trainings with attendance from the roster and integrated
lessons, all written through the services, as the school's staff would have.

Idempotent: the plan is issued only while still a draft, and each activity (lesson) is recognised by
its title and start (teacher, lesson and day), so a second run finds everything and adds nothing.
"""

import datetime as dt

from django.core.files.uploadedfile import SimpleUploadedFile

from binhdang.accounts.models import User
from binhdang.activities import evidence, lessons, services, trainings
from binhdang.activities.models import Activity, LessonIntegration
from binhdang.lib.vntext import fold
from binhdang.orgs.models import InternalBody, OrgUnit, SchoolYear
from binhdang.people.models import BodyMembership, Position, StaffMember
from binhdang.plans import editing_tasks
from binhdang.plans.models import Plan, PlanStatus, Task
from binhdang.plans.workflow import VIETNAM, plan_issue

from . import activity_data as data
from .images import banner_jpeg

SCHOOL = "thpt-que-son"
PLAN_DATE = dt.date(2023, 2, 15)


def when(parts: tuple) -> dt.datetime:
    return dt.datetime(*parts, tzinfo=VIETNAM)


def find_task(plan: Plan, ref: tuple | None) -> Task | None:
    """The task at (group, task[, child]) positions; None (unplanned) when it is not there."""
    if ref is None:
        return None
    task = Task.objects.filter(group__plan=plan, group__position=ref[0], parent=None, position=ref[1]).first()
    if task is not None and len(ref) == 3:
        task = Task.objects.filter(parent=task, position=ref[2]).first()
    return task


def bodies_of(school: OrgUnit) -> dict[str, InternalBody]:
    return {b.short_name: b for b in InternalBody.objects.filter(unit=school)}


def issue_yearly_plan(plan: Plan, principal: User) -> Plan:
    """Due dates and responsible bodies on some tasks, then the principal issues the plan (dated
    15/02/2023; its number comes from the school's 2023 register). Only while it is a draft."""
    if plan.status != PlanStatus.DRAFT:
        return plan
    bodies = bodies_of(plan.issuer_unit)
    for ref, responsible, frame, due, names in data.PLAN_EDITS:
        task = find_task(plan, ref)
        if task is None:
            continue
        editing_tasks.task_update(actor=principal, plan=plan, task_id=task.pk, expected=None, due_on=due,
                                  fields={"responsible": responsible, "time_frame": frame},
                                  body_ids=[str(bodies[n].pk) for n in names if n in bodies])
    return plan_issue(actor=principal, plan=plan, document_date=PLAN_DATE)


def participants(people: dict) -> list[tuple[str, str, int]]:
    return [(group, sex, count) for group, (female, male) in people.items()
            for sex, count in (("F", female), ("M", male)) if count]


def attach_photos(activity: Activity, actor: User, count: int) -> None:
    """`count` generated photos through the evidence service, processed at once (the worker would
    do it later) so the thumbnails are there when the demo opens."""
    if not count:
        return
    day = activity.starts_at.astimezone(VIETNAM)
    lines = [activity.unit.name, f"{activity.place} – {day:%d/%m/%Y}"]
    slug = "-".join(fold(activity.title).split()[:5])
    uploads = [SimpleUploadedFile(f"{slug}-{n + 1}.jpg", banner_jpeg(activity.title, lines, activity.pk + n),
                                  content_type="image/jpeg") for n in range(count)]
    for item in evidence.evidence_add(actor=actor, activity=activity, uploads=uploads,
                                      caption=f"Ảnh hoạt động ngày {day:%d/%m/%Y}"):
        evidence.evidence_process(evidence=item)


def existing(school: OrgUnit, spec: dict) -> Activity | None:
    return Activity.objects.filter(unit=school, title=spec["title"], starts_at=when(spec["when"])).first()


def log_activity(school: OrgUnit, plan: Plan, spec: dict, actors: dict, task: Task | None = None) -> Activity:
    """One activity as a school would log it: created, then reported done (participants, results,
    photos) or cancelled with its reason, or left planned."""
    found = existing(school, spec)
    if found is not None:
        return found
    actor = actors[spec.get("by", "ht")]
    start = when(spec["when"])
    body = bodies_of(school).get(spec.get("body"))
    activity = services.activity_create(actor=actor, unit=school, data={
        "task": task if task is not None else find_task(plan, spec["task"]), "kind": spec["kind"],
        "title": spec["title"], "starts_at": start, "ends_at": start + dt.timedelta(hours=spec["hours"]),
        "place": spec["place"], "responsible_body": body, "audiences": spec["audiences"],
        "description": spec["description"]})
    status = spec.get("status", "done")
    if status == "done":
        activity = services.activity_report_done(actor=actor, activity=activity, results=spec["results"],
                                                 participations=participants(spec["people"]))
        attach_photos(activity, actor, spec.get("photos", 1))
    elif status == "cancelled":
        activity = services.activity_cancel(actor=actor, activity=activity, reason=spec["reason"])
    return activity


def log_training(school: OrgUnit, plan: Plan, spec: dict, principal: User) -> Activity:
    """A training with its attendance picked from the staff roster (so the counts are exact)."""
    found = existing(school, spec)
    if found is not None:
        return found
    start = when(spec["when"])
    training = trainings.training_create(
        actor=principal, unit=school, title=spec["title"], topic=spec["topic"], trainer=spec["trainer"],
        starts_at=start, ends_at=start + dt.timedelta(hours=spec["hours"]), place=spec["place"],
        task=find_task(plan, spec["task"]))
    staff = StaffMember.objects.filter(unit=school, position__in=[Position.TEACHER, Position.VICE_PRINCIPAL])
    chosen = [str(uid) for uid in staff.order_by("external_id").values_list("uid", flat=True)[:spec["attendees"]]]
    counts = trainings.training_attendance_update(actor=principal, training=training, shown_staff=chosen,
                                                  checked_staff=chosen)
    triples = [(group, sex, n) for (group, sex), n in sorted(counts.items())]
    activity = services.activity_report_done(actor=principal, activity=training.activity, results=spec["results"],
                                             participations=triples)
    attach_photos(activity, principal, 2)
    return activity


def record_lessons(school: OrgUnit, principal: User) -> None:
    """Integrated lessons by teachers of the subject groups (recorded by the principal, MANAGE)."""
    bodies = bodies_of(school)
    for index, (group, subject, grade, lesson, content, day) in enumerate(data.LESSONS):
        members = (BodyMembership.objects.filter(body=bodies[group], staff__position=Position.TEACHER)
                   .order_by("staff__external_id").values_list("staff", flat=True))
        if not members:  # a subject group without teachers (an edited demo): nobody to record for
            continue
        teacher = StaffMember.objects.get(pk=members[index % len(members)])
        if LessonIntegration.objects.filter(unit=school, teacher=teacher, lesson=lesson, taught_on=day).exists():
            continue
        year = SchoolYear.objects.get(starts_on__lte=day, ends_on__gte=day)
        lessons.lesson_record(actor=principal, unit=school, teacher=teacher, school_year=year, subject=subject,
                              grade=grade, lesson=lesson, content=content, taught_on=day)


def ensure_school_year_2023(school: OrgUnit, plan: Plan, actors: dict) -> Plan:
    plan = issue_yearly_plan(plan, actors["ht"])
    for spec in data.ACTIVITIES:
        log_activity(school, plan, spec, actors)
    for spec in data.TRAININGS:
        log_training(school, plan, spec, actors["ht"])
    record_lessons(school, actors["ht"])
    return plan
