"""Builders for the contest tests: a class of school A with students, and a contest for it."""

import datetime as dt

from django.utils import timezone

from binhdang.activities.tests.people_work import school_class, student
from binhdang.contests import services
from binhdang.contests.models import Contest, Entrant


def class_with_students(world, name: str = "3A1", girls=("An", "Bình"), boys=("Cường",), grade: int = 3):
    klass = school_class(world.school, name=name, grade=grade)
    for given in girls:
        student(world.school, given, "F", klass)
    for given in boys:
        student(world.school, given, "M", klass)
    return klass


def contest_for(world, classes, **overrides) -> Contest:
    now = timezone.now()
    data = {"title": "Rung chuông vàng bình đẳng giới", "description": "", "opens_at": now - dt.timedelta(hours=1),
            "closes_at": now + dt.timedelta(days=2), "time_limit_minutes": 15, "question_count": 8,
            "max_attempts": 2, "shuffle": True, "topics": []}
    staff = overrides.pop("staff", False)
    data.update(overrides)
    return services.contest_create(actor=world.teacher, unit=world.school, data=data, classes=list(classes),
                                   staff=staff)


def entrant(contest: Contest, given: str) -> Entrant:
    return Entrant.objects.select_related("student", "contest_class").get(
        contest_class__contest=contest, student__given_name=given)
