"""The student's pages through the Django client: join, sign in, answer, resume, submit, result."""

import datetime as dt
from unittest import mock

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from binhdang.contests.models import Answer, Attempt

from .helpers import class_with_students, contest_for, entrant

pytestmark = pytest.mark.django_db
FETCH = {"HTTP_X_REQUESTED_WITH": "fetch"}


def _sign_in(client, contest, given):
    person = entrant(contest, given)
    code = person.contest_class.join_code
    assert client.post(reverse("contests:join"), {"code": code.lower()})["Location"].endswith(f"/vao/{code}/")
    response = client.post(reverse("contests:join_class", args=[code]), {"entrant": person.number, "pin": person.pin})
    assert response.status_code == 302, response.content.decode()[:500]
    return Attempt.objects.get(entrant=person)


def test_join_answer_resume_submit_and_see_explanations(world):
    contest = contest_for(world, [class_with_students(world)], question_count=4, shuffle=False)
    client = Client()
    attempt = _sign_in(client, contest, "An")
    page = client.get(reverse("contests:attempt", args=[attempt.uid]))
    assert page.status_code == 200 and "Câu 1." in page.content.decode()
    row = Answer.objects.filter(attempt=attempt).select_related("question").first()
    right = next(c for c in row.question.choices.all() if c.is_correct)
    saved = client.post(reverse("contests:answer", args=[attempt.uid]),
                        {"question": row.question.uid, "choice": right.pk}, **FETCH)
    assert saved.json() == {"saved": True}
    # A new browser (the connection and session lost) signs in again and gets the same attempt back.
    other = Client()
    assert _sign_in(other, contest, "An").pk == attempt.pk
    page = other.get(reverse("contests:attempt", args=[attempt.uid])).content.decode()
    assert f'value="{right.pk}" checked' in page
    assert other.post(reverse("contests:submit", args=[attempt.uid])).status_code == 302
    again = other.post(reverse("contests:submit", args=[attempt.uid]), follow=True)
    assert "đã được nộp rồi" in again.content.decode()
    result = other.get(reverse("contests:result", args=[attempt.uid])).content.decode()
    assert "1/4" in result and row.question.explanation in result


def test_a_late_answer_gets_a_clear_refusal(world):
    contest = contest_for(world, [class_with_students(world)], time_limit_minutes=5)
    client = Client()
    attempt = _sign_in(client, contest, "An")
    row = Answer.objects.filter(attempt=attempt).select_related("question").first()
    later = timezone.now() + dt.timedelta(minutes=6)
    with mock.patch("django.utils.timezone.now", return_value=later):
        response = client.post(reverse("contests:answer", args=[attempt.uid]),
                               {"question": row.question.uid, "text": "111",
                                "choice": [c.pk for c in row.question.choices.all()][:1]}, **FETCH)
    assert response.status_code == 409
    assert "hết giờ" in response.json()["error"]
    assert Answer.objects.get(pk=row.pk).answered_at is None


def test_another_browser_cannot_open_an_attempt(world):
    contest = contest_for(world, [class_with_students(world)])
    attempt = _sign_in(Client(), contest, "An")
    stranger = Client()
    assert stranger.get(reverse("contests:attempt", args=[attempt.uid])).status_code == 404
    assert stranger.post(reverse("contests:submit", args=[attempt.uid])).status_code == 404


def test_a_wrong_personal_code_is_refused_with_a_message(world):
    contest = contest_for(world, [class_with_students(world)])
    person = entrant(contest, "An")
    code = person.contest_class.join_code
    response = Client().post(reverse("contests:join_class", args=[code]),
                             {"entrant": person.number, "pin": "mã sai"})
    assert response.status_code == 400
    assert "Mã cá nhân: không đúng" in response.content.decode()
    assert not Attempt.objects.exists()


def test_an_unknown_class_code_names_the_field(world):
    response = Client().post(reverse("contests:join"), {"code": "ZZZZZZ"})
    assert response.status_code == 400 and "Mã lớp" in response.content.decode()
