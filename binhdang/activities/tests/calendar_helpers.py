"""Small builders for the calendar, my-work and reminder tests."""

import datetime as dt
from zoneinfo import ZoneInfo

from binhdang.activities.models import Activity
from binhdang.orgs.models import InternalBody
from binhdang.people.models import BodyMembership, StaffMember
from binhdang.plans.models import Plan, PlanStatus, Task, TaskGroup

VN = ZoneInfo("Asia/Ho_Chi_Minh")


def at(day: str, time: str = "08:00") -> dt.datetime:
    """A local (Asia/Ho_Chi_Minh) moment: at("2026-11-16", "23:30")."""
    return dt.datetime.fromisoformat(f"{day}T{time}").replace(tzinfo=VN)


def activity(unit, title: str, when: dt.datetime, *, status: str = "planned", author=None, task=None, **extra):
    return Activity.objects.create(unit=unit, title=title, kind="other", starts_at=when, status=status,
                                   created_by=author, task=task, **extra)


def issued_task(unit, text: str = "Tổ chức tuyên truyền bình đẳng giới", *, due_on=None, bodies=(),
                status: str = PlanStatus.ISSUED) -> Task:
    """A task of a plan of `unit` in the given status (an issued plan by default). Built
    directly: the reminder and my-work rules only read these rows."""
    plan = Plan.objects.create(issuer_unit=unit, title="Kế hoạch bình đẳng giới năm 2026", status=status,
                               number="01/KH-TEST" if status == PlanStatus.ISSUED else "", year=2026)
    group = TaskGroup.objects.create(plan=plan, position=1, title="Nhiệm vụ chung")
    task = Task.objects.create(group=group, position=1, text=text, due_on=due_on)
    task.responsible_bodies.set(bodies)
    return task


def body(unit, name: str = "Tổ chuyên môn khối 3", kind: str = "subject_group") -> InternalBody:
    return InternalBody.objects.get_or_create(unit=unit, name=name, defaults={"kind": kind})[0]


def seat(body_, user=None, given_name: str = "Lan") -> StaffMember:
    """A staff member of the body's unit (linked to `user` if given) with a seat on the body."""
    staff = StaffMember(unit=body_.unit, family_name="Trần", middle_name="Thị", given_name=given_name, sex="F",
                        user=user)
    staff.refresh_derived()
    staff.save()
    BodyMembership.objects.create(staff=staff, body=body_)
    return staff
