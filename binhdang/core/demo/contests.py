"""Demo of contests (issue 8): phường Đống Đa runs "Rung chuông vàng" for grades 4 and 5 of its
schools (Lý Thường Kiệt's part opened as the worker would), and part of class 4A1 has already taken
it, so the school's, the class's and the phường's results have figures. The demo prints a class code,
a student number and personal code to try the phone pages. Idempotent: made once."""

import datetime as dt
import random

from django.utils import timezone

from binhdang.accounts.models import User
from binhdang.contests import attempts, participation, starter
from binhdang.contests.above import contest_create_above, school_contests_prepare
from binhdang.contests.models import Answer, Contest, ContestClass
from binhdang.orgs.models import OrgUnit

COMMUNE, SCHOOL, CLASS = "ubnd-phuong-dong-da", "th-ly-thuong-kiet", "4A1"
TITLE = "Rung chuông vàng: Em hiểu về bình đẳng giới"
PLAYERS = 18  # of the class's 32: the rest are left to try


def _play(entrant, rng: random.Random) -> None:
    attempt = attempts.attempt_open(entrant=entrant)
    for row in Answer.objects.filter(attempt=attempt).select_related("question").prefetch_related(
            "question__choices"):
        choices = list(row.question.choices.all())
        right = rng.random() < 0.7
        picked = [c.pk for c in choices if c.is_correct == right][:1] if choices else []
        text = (row.question.accepted_answers or [""])[0] if right else "không biết"
        attempts.answer_save(attempt=attempt, question_uid=row.question.uid, choice_ids=picked, text=text)
    attempts.attempt_submit(attempt=attempt, quiet=True)


def ensure_contests(units: dict[str, OrgUnit]) -> dict | None:
    commune = units[COMMUNE]
    contest = Contest.objects.filter(unit=commune, title=TITLE).first()
    if contest is None:
        starter.load()  # the data migration's questions, again if a database was emptied since (idempotent)
        now = timezone.now()
        contest = contest_create_above(
            actor=User.objects.get(username="xa.dongda"), unit=commune, grades=[4, 5], staff=False, data={
                "title": TITLE, "description": "Mỗi em làm một lượt, 10 câu trong 15 phút.",
                "opens_at": now - dt.timedelta(days=1), "closes_at": now + dt.timedelta(days=13),
                "time_limit_minutes": 15, "question_count": 10, "max_attempts": 1, "shuffle": True, "topics": []})
        # What the worker does after the request; run here so the demo is complete without one.
        school_contests_prepare(contest=contest)
        group = ContestClass.objects.get(contest__parent=contest, school_class__name=CLASS)
        rng = random.Random("demo-contest")
        for entrant in group.entrants.order_by("number")[1:PLAYERS + 1]:
            _play(entrant, rng)
        participation.sync(group.contest)  # the worker's recount of the school's activity, done now
    group = ContestClass.objects.filter(contest__parent=contest, school_class__name=CLASS).first()
    first = group.entrants.order_by("number").first() if group else None
    return {"join_code": group.join_code, "number": first.number, "pin": first.pin} if first else None
