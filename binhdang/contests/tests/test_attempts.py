"""Attempts: server-side time limit, one submission, seeded shuffling, resuming, the personal code."""

import datetime as dt
from unittest import mock

import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone

from binhdang.activities.models import ActivityStatus, Participation
from binhdang.contests import attempts
from binhdang.contests.models import Answer, Attempt
from binhdang.indicators import periods
from binhdang.indicators.models import DataValue

from .helpers import class_with_students, contest_for, entrant

pytestmark = pytest.mark.django_db


def _first_question(attempt):
    row = Answer.objects.filter(attempt=attempt).exclude(question__kind="short").select_related("question").first()
    right = [c.pk for c in row.question.choices.all() if c.is_correct]
    return row.question, right


def _later(minutes):
    return mock.patch("django.utils.timezone.now", return_value=timezone.now() + dt.timedelta(minutes=minutes))


def test_an_answer_after_the_deadline_is_refused(world):
    contest = contest_for(world, [class_with_students(world)], time_limit_minutes=10)
    attempt = attempts.attempt_open(entrant=entrant(contest, "An"))
    question, right = _first_question(attempt)
    with _later(9):
        attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=right)
    with _later(11), pytest.raises(attempts.AttemptClosed, match="hết giờ"):
        attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=[])
    answer = Answer.objects.get(attempt=attempt, question=question)
    assert answer.choice_ids == sorted(right) and answer.is_correct  # the late change did not land


def test_the_deadline_never_runs_past_the_contest_close(world):
    contest = contest_for(world, [class_with_students(world)], time_limit_minutes=60,
                          closes_at=timezone.now() + dt.timedelta(minutes=5))
    attempt = attempts.attempt_open(entrant=entrant(contest, "An"))
    assert attempt.deadline == contest.closes_at


def test_an_attempt_is_submitted_once(world):
    contest = contest_for(world, [class_with_students(world)])
    attempt = attempts.attempt_open(entrant=entrant(contest, "An"))
    question, right = _first_question(attempt)
    attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=right)
    first = attempts.attempt_submit(attempt=attempt)
    assert first.score == 1
    stale = Attempt.objects.get(pk=attempt.pk)
    stale.submitted_at = None  # a second request that read the attempt before the first submit
    with pytest.raises(attempts.AlreadySubmitted):
        attempts.attempt_submit(attempt=stale)
    with pytest.raises(attempts.AttemptClosed, match="đã nộp"):
        attempts.answer_save(attempt=stale, question_uid=question.uid, choice_ids=[])
    assert Attempt.objects.get(pk=attempt.pk).score == 1


def test_two_attempts_draw_differently_when_shuffling(world):
    contest = contest_for(world, [class_with_students(world)], question_count=8, max_attempts=5)
    person = entrant(contest, "An")
    orders = []
    for _ in range(3):
        attempt = attempts.attempt_open(entrant=person)
        orders.append(list(attempt.answers.values_list("question_id", flat=True)))
        attempts.attempt_submit(attempt=attempt)
    assert len({tuple(order) for order in orders}) == 3


def test_without_shuffling_every_attempt_gets_the_same_questions(world):
    contest = contest_for(world, [class_with_students(world)], question_count=5, shuffle=False)
    one = attempts.attempt_open(entrant=entrant(contest, "An"))
    two = attempts.attempt_open(entrant=entrant(contest, "Bình"))
    assert list(one.answers.values_list("question_id", flat=True)) == list(
        two.answers.values_list("question_id", flat=True))


def test_opening_again_resumes_the_running_attempt_with_its_answers(world):
    contest = contest_for(world, [class_with_students(world)])
    person = entrant(contest, "An")
    attempt = attempts.attempt_open(entrant=person)
    question, right = _first_question(attempt)
    attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=right)
    again = attempts.attempt_open(entrant=person)
    assert again.pk == attempt.pk
    assert Answer.objects.get(attempt=again, question=question).answered_at is not None


def test_an_expired_attempt_is_closed_and_the_attempts_are_counted(world):
    contest = contest_for(world, [class_with_students(world)], max_attempts=1, time_limit_minutes=5)
    person = entrant(contest, "An")
    attempt = attempts.attempt_open(entrant=person)
    with _later(6), pytest.raises(ValidationError, match="hết 1 lượt"):
        attempts.attempt_open(entrant=person)
    assert Attempt.objects.get(pk=attempt.pk).submitted_at == attempt.deadline


def test_a_closed_or_future_contest_starts_no_attempt(world):
    klass = class_with_students(world)
    later = contest_for(world, [klass], opens_at=timezone.now() + dt.timedelta(days=1),
                        closes_at=timezone.now() + dt.timedelta(days=2))
    with pytest.raises(ValidationError, match="chưa mở"):
        attempts.attempt_open(entrant=entrant(later, "An"))


def test_the_personal_code_locks_after_five_wrong_tries(world):
    contest = contest_for(world, [class_with_students(world)])
    person = entrant(contest, "An")
    wrong = "0000" if person.pin != "0000" else "1111"
    for _ in range(attempts.MAX_PIN_FAILURES):
        with pytest.raises(ValidationError, match="không đúng"):
            attempts.entrant_sign_in(entrant=person, pin=wrong)
    with pytest.raises(ValidationError, match="sai quá nhiều"):
        attempts.entrant_sign_in(entrant=person, pin=person.pin)  # even the right code waits
    with _later(attempts.LOCK_MINUTES + 1):
        attempts.entrant_sign_in(entrant=person, pin=person.pin)


def test_participants_reach_the_activity_by_sex(world, django_capture_on_commit_callbacks):
    contest = contest_for(world, [class_with_students(world)], max_attempts=2)
    for given in ("An", "Bình", "Cường"):
        for _ in range(2 if given == "An" else 1):  # An twice: still one participant
            with django_capture_on_commit_callbacks(execute=True):
                attempts.attempt_submit(attempt=attempts.attempt_open(entrant=entrant(contest, given)))
    contest.activity.refresh_from_db()
    assert contest.activity.status == ActivityStatus.DONE
    counts = {p.sex: p.count for p in Participation.objects.filter(activity=contest.activity)}
    assert counts == {"F": 2, "M": 1}
    # The indicator refresh wired to Participation picked it up: girls 2 of 3 participants.
    value = DataValue.objects.get(unit=world.school, indicator__code="girls-participation",
                                  period=periods.current(), disaggregation="")
    assert (value.numerator, value.denominator) == (2, 3)
