"""One starter question as plain data (the loader in ../starter.py turns it into rows)."""

TRUE_FALSE = ("Đúng", "Sai")


def q(code: str, kind: str, topic: str, text: str, *, why: str, choices=(), correct=(), answer=None,
      answers=(), doc: str = "", ref: str = "", level: int = 1, grades=(6, 12)) -> dict:
    """`correct` = indexes of the right choices; true/false questions give `answer`, short ones `answers`."""
    if kind == "true_false":
        choices, correct = TRUE_FALSE, (0,) if answer else (1,)
    return {"code": code, "kind": kind, "topic": topic, "text": text, "explanation": why,
            "choices": [(text_, index in correct) for index, text_ in enumerate(choices)],
            "accepted_answers": list(answers), "document": doc, "reference": ref, "difficulty": level,
            "grade_min": grades[0], "grade_max": grades[1]}
