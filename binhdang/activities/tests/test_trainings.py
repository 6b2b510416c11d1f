"""Trainings: the session and its activity in one transaction, attendance picked from the roster,
participation derived from the attendance (exact counts by sex), the summary, access per role."""

import datetime as dt

import pytest
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import timezone

from binhdang.activities.models import Activity, ActivityKind, Participation, Training
from binhdang.activities.selectors_people import attendance_summary
from binhdang.activities.trainings import training_attendance_update, training_create
from binhdang.audit.models import AuditEntry
from binhdang.plans.models import Plan, PlanStatus, Task, TaskGroup
from binhdang.testing import client_in

from .people_work import school_class, staff, student

STARTS = timezone.make_aware(dt.datetime(2026, 11, 18, 14, 0))


def _training(world, **extra) -> Training:
    return training_create(actor=world.teacher, unit=world.school, title="", topic="Phòng chống bạo lực giới",
                           trainer="Bà Trần Thị Lan", starts_at=STARTS, **extra)


def _participation(activity) -> dict:
    return {(p.group, p.sex): p.count for p in Participation.objects.filter(activity=activity)}


def _task(unit, status) -> Task:
    plan = Plan.objects.create(issuer_unit=unit, title="Kế hoạch bình đẳng giới năm 2026", status=status)
    group = TaskGroup.objects.create(plan=plan, position=1, title="Tuyên truyền")
    return Task.objects.create(group=group, position=1, text="Tập huấn cho giáo viên")


def test_create_makes_a_training_activity_with_an_audit_row(world):
    training = _training(world)
    activity = training.activity
    assert (activity.kind, activity.unit, activity.title, activity.task) == (
        ActivityKind.TRAINING, world.school, "Phòng chống bạo lực giới", None)
    assert AuditEntry.objects.filter(action="activity.training_create", target_uid=str(activity.uid)).count() == 1


def test_task_must_belong_to_an_issued_plan_of_the_school(world):
    assert _training(world, task=_task(world.school, PlanStatus.ISSUED)).activity.task is not None
    for task in (_task(world.school, PlanStatus.DRAFT), _task(world.school_b, PlanStatus.ISSUED)):
        with pytest.raises(ValidationError) as error:
            _training(world, task=task)
        assert "task" in error.value.message_dict
    assert Training.objects.count() == 1 and Activity.objects.count() == 1  # nothing half-saved


def test_attendance_derives_participation_by_group_and_sex(world):
    training = _training(world)
    women = [staff(world.school, name, "F") for name in ("Hoa", "Lan", "Mai")]
    man = staff(world.school, "Nam", "M", position="staff", middle="Văn")
    girl, boy = student(world.school, "Hà", "F"), student(world.school, "Bình", "M")
    shown = women + [man]
    training_attendance_update(actor=world.teacher, training=training, shown_staff=[p.uid for p in shown],
                               checked_staff=[p.uid for p in shown], shown_students=[girl.uid, boy.uid],
                               checked_students=[girl.uid])
    assert _participation(training.activity) == {("staff", "F"): 3, ("staff", "M"): 1, ("students", "F"): 1}
    summary = attendance_summary(training)
    assert (summary.total, summary.by_sex["F"], summary.by_sex["M"]) == (5, 4, 1)
    assert summary.by_position == [("Giáo viên", 3), ("Nhân viên", 1)]
    assert sorted(training.activity.audiences) == ["staff", "students"]

    # A search that showed only Hoa, who is unchecked: she leaves, the others stay.
    training_attendance_update(actor=world.teacher, training=training, shown_staff=[women[0].uid], checked_staff=[])
    assert _participation(training.activity) == {("staff", "F"): 2, ("staff", "M"): 1, ("students", "F"): 1}
    assert AuditEntry.objects.filter(action="activity.training_attendance").count() == 2


def test_typed_parents_count_is_kept_and_roster_of_another_school_refused(world):
    training = _training(world)
    Participation.objects.create(activity=training.activity, group="parents", sex="F", count=12)
    outsider = staff(world.school_b, "Xuân")
    with pytest.raises(ValidationError):
        training_attendance_update(actor=world.teacher, training=training, checked_staff=[outsider.uid])
    assert not training.attendance.exists()
    training_attendance_update(actor=world.teacher, training=training, checked_staff=[staff(world.school, "Hoa").uid])
    assert _participation(training.activity) == {("parents", "F"): 12, ("staff", "F"): 1}


def test_teacher_records_a_training_and_its_attendance_on_the_pages(world):
    hoa, nam = staff(world.school, "Hoa", "F"), staff(world.school, "Nam", "M", middle="Văn")
    client = client_in(world.teacher, world.school)
    response = client.post(reverse("activities:training_create"), {
        "topic": "Lồng ghép giới trong dạy học", "starts_at": "2026-11-18T14:00", "trainer": "Ông Lê Văn Tư"})
    assert response.status_code == 302
    activity = Activity.objects.get(kind=ActivityKind.TRAINING)
    url = reverse("activities:training_attendance", args=[activity.uid])
    assert response["Location"] == url
    # Accent-free search finds "Nguyễn Thị Hoa" and not Nam.
    page = client.get(url, {"q": "nguyen thi hoa"}).content.decode()
    assert "Nguyễn Thị Hoa" in page and "Nguyễn Văn Nam" not in page
    response = client.post(url, {"shown_staff": [hoa.uid, nam.uid], "staff": [hoa.uid, nam.uid]})
    assert response.status_code == 302
    detail = client.get(reverse("activities:training_detail", args=[activity.uid])).content.decode()
    assert "Tham dự: 2</strong>" in detail and "Nữ 1, Nam 1" in detail and "Giáo viên 2" in detail


def test_students_names_stay_at_the_school(world):
    year_class = school_class(world.school)
    training = _training(world)
    girl = student(world.school, "Hà", "F", year_class)
    training_attendance_update(actor=world.teacher, training=training, checked_students=[girl.uid])
    url = reverse("activities:training_detail", args=[training.activity.uid])
    assert "Lê Thị Hà" in client_in(world.counsellor, world.school).get(url).content.decode()
    above = client_in(world.commune_officer, world.commune).get(url)
    assert above.status_code == 200
    assert "Lê Thị Hà" not in above.content.decode() and "Tham dự: 1</strong>" in above.content.decode()
    # The roster page lists names: refused away from the school.
    attendance = reverse("activities:training_attendance", args=[training.activity.uid])
    assert client_in(world.commune_officer, world.commune).get(attendance).status_code == 403
    page = client_in(world.teacher, world.school).get(attendance, {"lop": year_class.uid}).content.decode()
    assert "Lê Thị Hà" in page


def test_access_per_role(world):
    training = _training(world)
    detail = reverse("activities:training_detail", args=[training.activity.uid])
    attendance = reverse("activities:training_attendance", args=[training.activity.uid])
    assert client_in(world.outsider, world.other_school).get(detail).status_code == 404
    assert client_in(world.counsellor, world.school).get(reverse("activities:training_create")).status_code == 403
    assert client_in(world.counsellor, world.school).post(attendance, {}).status_code == 403
    # Another teacher's training: the author changes it, MANAGE changes anyone's.
    assert client_in(world.unit_lead, world.school).get(attendance).status_code == 403
    assert client_in(world.committee_member, world.school).get(attendance).status_code == 200


def test_services_check_the_role_too(world):
    from django.core.exceptions import PermissionDenied

    with pytest.raises(PermissionDenied):
        training_create(actor=world.counsellor, unit=world.school, title="", topic="Bình đẳng giới", starts_at=STARTS)
    training = _training(world)  # recorded by the teacher
    hoa = staff(world.school, "Hoa")
    with pytest.raises(PermissionDenied):
        training_attendance_update(actor=world.unit_lead, training=training, checked_staff=[hoa.uid])
    training_attendance_update(actor=world.committee_member, training=training, checked_staff=[hoa.uid])
    assert training.attendance.count() == 1
