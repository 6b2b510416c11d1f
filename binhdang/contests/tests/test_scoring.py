"""Scoring of each question kind, as pure rules and through a saved answer."""

import pytest

from binhdang.contests import attempts
from binhdang.contests.models import Answer, Question, QuestionKind
from binhdang.contests.scoring import is_correct, normalise_short

from .helpers import class_with_students, contest_for, entrant


def test_single_choice_needs_exactly_the_right_one():
    assert is_correct(QuestionKind.SINGLE, {2}, [], {2}, "")
    assert not is_correct(QuestionKind.SINGLE, {2}, [], {1}, "")
    assert not is_correct(QuestionKind.SINGLE, {2}, [], set(), "")
    assert not is_correct(QuestionKind.SINGLE, {2}, [], {1, 2}, "")


def test_multiple_choice_needs_all_right_ones_and_no_wrong_one():
    assert is_correct(QuestionKind.MULTIPLE, {1, 2, 3}, [], {1, 2, 3}, "")
    assert not is_correct(QuestionKind.MULTIPLE, {1, 2, 3}, [], {1, 2}, "")  # no partial credit
    assert not is_correct(QuestionKind.MULTIPLE, {1, 2, 3}, [], {1, 2, 3, 4}, "")  # ticking all never pays


def test_true_false_is_one_choice():
    assert is_correct(QuestionKind.TRUE_FALSE, {10}, [], {10}, "")
    assert not is_correct(QuestionKind.TRUE_FALSE, {10}, [], {11}, "")


def test_short_answer_ignores_accents_case_spaces_and_punctuation():
    accepted = ["8/3", "mùng 8 tháng 3"]
    assert is_correct(QuestionKind.SHORT, set(), accepted, set(), "  Mung 8  THÁNG 3. ")
    assert is_correct(QuestionKind.SHORT, set(), ["111"], set(), "111")
    assert not is_correct(QuestionKind.SHORT, set(), ["111"], set(), "113")
    assert not is_correct(QuestionKind.SHORT, set(), ["111"], set(), "")
    assert normalise_short("Tổng đài “111”!") == "tong dai 111"


@pytest.mark.django_db
def test_saved_answers_are_scored_per_kind(world):
    klass = class_with_students(world)
    contest = contest_for(world, [klass], shuffle=False, question_count=8)
    attempt = attempts.attempt_open(entrant=entrant(contest, "An"))
    rows = list(Answer.objects.filter(attempt=attempt).select_related("question"))
    expected = 0
    for index, row in enumerate(rows):
        question: Question = row.question
        right = [c.pk for c in question.choices.all() if c.is_correct]
        if index % 2 == 0:  # right answers on even positions, wrong ones on odd
            expected += 1
            attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=right,
                                 text=(question.accepted_answers or [""])[0])
        else:
            wrong = [c.pk for c in question.choices.all() if not c.is_correct][:1]
            attempts.answer_save(attempt=attempt, question_uid=question.uid, choice_ids=wrong, text="sai")
    submitted = attempts.attempt_submit(attempt=attempt)
    assert submitted.score == expected == 4
    assert submitted.max_score == 8


@pytest.mark.django_db
def test_a_single_choice_question_refuses_two_choices(world):
    klass = class_with_students(world)
    contest = contest_for(world, [klass], shuffle=False, question_count=3)
    attempt = attempts.attempt_open(entrant=entrant(contest, "An"))
    row = Answer.objects.filter(attempt=attempt, question__kind=QuestionKind.SINGLE).select_related("question").first()
    ids = [c.pk for c in row.question.choices.all()][:2]
    with pytest.raises(attempts.ValidationError):
        attempts.answer_save(attempt=attempt, question_uid=row.question.uid, choice_ids=ids)
