"""Which questions an attempt gets, in which order, and the order of their choices.

Everything follows from the attempt's seed, so a resumed attempt shows the same page again;
two attempts have different seeds, so with shuffling on they draw differently.
"""

import random

from django.db.models import Q

from .models import Contest, Question


def pool(contest: Contest, grade: int | None):
    """Active questions the contest may draw: the shared bank and those of the contest's unit and
    the units above it, of its topics, suited to the class's grade."""
    units = [contest.unit_id, *(unit.pk for unit in contest.unit.ancestors())]
    questions = Question.objects.filter(Q(unit__isnull=True) | Q(unit__in=units), is_active=True)
    if contest.topics:
        questions = questions.filter(topic__in=contest.topics)
    if grade:
        questions = questions.filter(grade_min__lte=grade, grade_max__gte=grade)
    return questions


def draw(contest: Contest, grade: int | None, seed: int) -> list[int]:
    """Question ids for one attempt: a seeded sample when shuffling, else the first by code."""
    ids = list(pool(contest, grade).order_by("code", "pk").values_list("pk", flat=True))
    if not contest.shuffle:
        return ids[: contest.question_count]
    return random.Random(seed).sample(ids, min(contest.question_count, len(ids)))


def choice_order(choices: list, seed: int, question_id: int, shuffle: bool) -> list:
    """The choices as this attempt shows them (true/false keeps Đúng before Sai)."""
    if not shuffle or len(choices) <= 2:
        return list(choices)
    shuffled = list(choices)
    random.Random(f"{seed}:{question_id}").shuffle(shuffled)
    return shuffled
