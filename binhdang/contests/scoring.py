"""Is one answer right? Pure functions, one rule per question kind (each question is worth 1)."""

import re

from binhdang.lib.vntext import fold

from .models import QuestionKind

_PUNCT = re.compile(r"[\s.,;:!?\"'“”()]+")


def normalise_short(text: str) -> str:
    """Accents, case, spaces and punctuation do not count: “Tổng đài 111.” = “tong dai 111”."""
    return _PUNCT.sub(" ", fold(text)).strip()


def is_correct(kind: str, correct_ids: set[int], accepted: list[str], chosen_ids: set[int], text: str) -> bool:
    if kind == QuestionKind.SHORT:
        given = normalise_short(text)
        return bool(given) and given in {normalise_short(a) for a in accepted}
    if kind == QuestionKind.MULTIPLE:
        # All the right choices and none of the wrong ones: no partial credit, so guessing
        # every box never pays.
        return bool(chosen_ids) and chosen_ids == correct_ids
    # Single choice and true/false: exactly the one right choice.
    return len(chosen_ids) == 1 and chosen_ids == correct_ids
