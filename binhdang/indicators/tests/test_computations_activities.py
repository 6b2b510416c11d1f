"""Each activity-based computation on a small hand-counted school: only records dated inside the
period count, only activities carried out."""

import datetime as dt

import pytest

from binhdang.activities.models import (
    ActionMonthCampaign,
    ActivityKind,
    ActivityStatus,
    CampaignSchool,
    LessonIntegration,
    Training,
    TrainingAttendance,
)
from binhdang.activities.tests.people_work import school_year, staff
from binhdang.indicators.computations import COMPUTATIONS

from .builders import at, done_activity

pytestmark = pytest.mark.usefixtures("today")
PAST = "2025-2026"


def run(name, unit, period=PAST):
    return COMPUTATIONS[name]([unit.pk], period).get(unit.pk, {})


def test_girls_participation_and_communication(world):
    school = world.school
    # In 2025-2026: a communication session (students 30 F + 20 M, parents 5 F + 3 M), a flag talk
    # (students 10 F + 10 M), an Action Month club (students 4 F).
    done_activity(school, dt.date(2025, 10, 1), ActivityKind.COMMUNICATION, students_F=30, students_M=20,
                  parents_F=5, parents_M=3)
    done_activity(school, dt.date(2026, 8, 31), students_F=10, students_M=10)
    campaign = ActionMonthCampaign.objects.create(issuer_unit=world.province, year=2025, theme="Chủ đề",
                                                  starts_on=dt.date(2025, 11, 15), ends_on=dt.date(2025, 12, 15),
                                                  report_deadline=dt.date(2025, 12, 20))
    done_activity(school, dt.date(2025, 11, 20), ActivityKind.CLUB, campaign=campaign, students_F=4)
    # Not counted: planned, cancelled, or outside the period.
    done_activity(school, dt.date(2025, 10, 2), ActivityKind.COMMUNICATION, ActivityStatus.PLANNED, students_F=99)
    done_activity(school, dt.date(2025, 10, 3), ActivityKind.COMMUNICATION, ActivityStatus.CANCELLED, students_F=99)
    done_activity(school, dt.date(2025, 8, 31), ActivityKind.COMMUNICATION, students_F=99)
    done_activity(school, dt.date(2026, 9, 1), ActivityKind.COMMUNICATION, students_F=99)

    # Students: F 30 + 10 + 4 = 44 of 30 + 20 + 10 + 10 + 4 = 74.
    assert run("girls_participation_share", school) == {"": (44, 74), "level=primary": (44, 74)}
    assert run("communication_sessions", school) == {"": (1, None), "level=primary": (1, None)}
    reach = run("communication_reach", school)
    assert reach[""] == (58, None) and reach["sex=F"] == (35, None) and reach["sex=M"] == (23, None)
    assert reach["audience=parents"] == (8, None) and reach["audience=parents|sex=F"] == (5, None)
    assert reach["level=primary|sex=M"] == (23, None)
    assert run("action_month_activities", school) == {"": (1, None), "level=primary": (1, None)}


def test_staff_trained_in_gender_equality(world):
    school = world.school
    an, binh = staff(school, "An", "F", "principal"), staff(school, "Bình", "M")
    staff(school, "Dũng", "M")
    chi = staff(school, "Chi", "F")
    course = Training.objects.create(activity=done_activity(school, dt.date(2026, 3, 1), ActivityKind.TRAINING),
                                     topic="Bình đẳng giới")
    again = Training.objects.create(activity=done_activity(school, dt.date(2026, 4, 1), ActivityKind.TRAINING),
                                    topic="Phòng chống bạo lực")
    last_year = Training.objects.create(activity=done_activity(school, dt.date(2025, 3, 1), ActivityKind.TRAINING),
                                        topic="Cũ")
    for training, person in ((course, an), (course, binh), (again, an), (last_year, chi)):
        TrainingAttendance.objects.create(training=training, staff=person)
    # Trained in 2025-2026: An (twice, counted once), Bình -> 2 of 4 staff; women 1 / 2, men 1 / 2.
    rows = run("staff_trained_gender", school)
    assert rows[""] == (2, 4) and rows["sex=F"] == (1, 2) and rows["sex=M"] == (1, 2)
    assert rows["position=principal"] == (1, 1) and rows["position=teacher|sex=F"] == (0, 1)


def test_lessons_and_teachers_integrating(world):
    school, year = world.school, school_year(PAST)
    hoa, lan, minh = staff(school, "Hoa", "F"), staff(school, "Lan", "F"), staff(school, "Minh", "M")
    staff(school, "Head", "F", "principal")  # not a teacher: outside the denominator

    def lesson(teacher, day, grade=3):
        LessonIntegration.objects.create(unit=school, teacher=teacher, school_year=year, subject="Đạo đức",
                                         grade=grade, lesson="Bài", content="Giới", taught_on=day)

    lesson(hoa, dt.date(2025, 9, 1))
    lesson(hoa, dt.date(2026, 2, 1), grade=4)
    lesson(minh, dt.date(2026, 8, 31))
    lesson(lan, dt.date(2026, 9, 1))  # next period
    rows = run("gender_lessons", school)
    assert rows[""] == (3, None) and rows["sex=F"] == (2, None) and rows["grade=3"] == (2, None)
    assert rows["grade=4|sex=F"] == (1, None)
    # Teachers with a lesson in 2025-2026: Hoa, Minh of 3 teachers; women 1 / 2, men 1 / 1.
    shares = run("teachers_integrating_share", school)
    assert shares[""] == (2, 3) and shares["sex=F"] == (1, 2) and shares["sex=M"] == (1, 1)


def test_action_month_reporting_and_on_time(world):
    campaign = ActionMonthCampaign.objects.create(
        issuer_unit=world.province, year=2025, theme="Chủ đề", starts_on=dt.date(2025, 11, 15),
        ends_on=dt.date(2025, 12, 15), report_deadline=dt.date(2025, 12, 20), status="launched",
        launched_at=at(dt.date(2025, 11, 1)))
    draft = ActionMonthCampaign.objects.create(
        issuer_unit=world.commune, year=2025, theme="Nháp", starts_on=dt.date(2025, 11, 15),
        ends_on=dt.date(2025, 12, 15), report_deadline=dt.date(2025, 12, 20))
    CampaignSchool.objects.create(campaign=campaign, unit=world.school, reported_at=at(dt.date(2025, 12, 20), 23))
    CampaignSchool.objects.create(campaign=campaign, unit=world.school_b, reported_at=at(dt.date(2025, 12, 21), 7))
    CampaignSchool.objects.create(campaign=draft, unit=world.school)  # never launched: not expected
    # School A: sent on the deadline day (late evening, local time) -> 1 / 1 and on time 1 / 1.
    assert run("action_month_reporting_rate", world.school)[""] == (1, 1)
    assert run("action_month_on_time_rate", world.school)[""] == (1, 1)
    # School B: sent a day late -> reported 1 / 1, on time 0 / 1.
    assert run("action_month_reporting_rate", world.school_b)[""] == (1, 1)
    assert run("action_month_on_time_rate", world.school_b)[""] == (0, 1)
