"""Which entrant this browser signed in as, per contest (students have no accounts: the session
remembers the entrant after the join code and personal code were checked)."""

from django.http import Http404

from .models import Attempt

SESSION_KEY = "binhdang_contest_entrants"


def remember(request, entrant) -> None:
    entrants = dict(request.session.get(SESSION_KEY, {}))
    entrants[str(entrant.contest_class.contest.uid)] = entrant.pk
    request.session[SESSION_KEY] = entrants
    request.session.cycle_key()  # a new session id once signed in


def entrant_id(request, contest) -> int | None:
    return request.session.get(SESSION_KEY, {}).get(str(contest.uid))


def attempt_for(request, uid, *, related: bool = True) -> Attempt:
    """The attempt when this browser signed in as its entrant; 404 otherwise (never says it exists).
    `related=False` reads the attempt row alone (saving an answer needs nothing more, and it is
    the request every student sends most)."""
    attempts = Attempt.objects.select_related("contest__unit", "entrant__contest_class__school_class") if related \
        else Attempt.objects.all()
    try:
        attempt = attempts.get(uid=uid)
    except (Attempt.DoesNotExist, ValueError) as exc:
        raise Http404 from exc
    if attempt.entrant_id not in request.session.get(SESSION_KEY, {}).values():
        raise Http404
    return attempt


def display_name(person) -> str:
    """ "Lê T. An": enough for a child to find their own line, less than the full name."""
    middle = f"{person.middle_name[0]}." if person.middle_name else ""
    return " ".join(filter(None, [person.family_name, middle, person.given_name]))


def sheet(attempt) -> list[dict]:
    """The attempt's questions in drawn order, each with its choices in this attempt's order and
    what was answered (two queries)."""
    from .drawing import choice_order

    answers = list(attempt.answers.select_related("question__legal_document").prefetch_related("question__choices"))
    rows = []
    for answer in answers:
        question = answer.question
        choices = choice_order(list(question.choices.all()), attempt.seed, question.pk, attempt.contest.shuffle)
        rows.append({"answer": answer, "question": question, "choices": choices, "chosen": set(answer.choice_ids),
                     "right": [c for c in choices if c.is_correct]})
    return rows
