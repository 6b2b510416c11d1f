"""Reads of contests: lists, results by class and student, participation, questions most missed.

Each function is a fixed number of queries whatever the number of students; ranking keeps each
student's best attempt (highest score, then the shortest time)."""

from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.db.models.functions import Coalesce

from .models import Answer, Attempt, Contest, ContestClass, Entrant


def family(contest: Contest) -> list[int]:
    """The contest and, for a commune's or Sở's contest, its schools' contests (whose results it sums)."""
    return [contest.pk, *contest.school_contests.values_list("pk", flat=True)]


def contests_of(unit):
    """Contests of the unit and of every school below it (a commune compares its schools'), with
    how many took part and the average score in percent of the submitted attempts. A school's share
    of a contest from above is listed under that contest, not again on its own; the figures of a
    contest from above sum its schools' (one grouped query each way, so joins never multiply them)."""
    contests = list(Contest.objects.filter(unit__path__startswith=unit.path)
                    .exclude(parent__unit__path__startswith=unit.path).select_related("unit")
                    .annotate(class_count=Count("classes", distinct=True), schools=Count("school_contests"))
                    .order_by("-opens_at", "-id"))
    submitted = Attempt.objects.filter(submitted_at__isnull=False)
    figures = {}
    for key in ("contest_id", "contest__parent_id"):
        ids = [c.pk for c in contests if (c.schools if key == "contest__parent_id" else not c.schools)]
        rows = (submitted.filter(**{f"{key}__in": ids}).values(key)
                .annotate(n=Count("entrant", distinct=True), a=Avg(F("score") * 100.0 / F("max_score"))))
        figures.update({row[key]: (row["n"], row["a"]) for row in rows})
    for contest in contests:
        contest.took_part, contest.average = figures.get(contest.pk, (0, None))
    return contests


def school_summary(contest: Contest) -> list[dict]:
    """A contest from above, school by school: invited, took part, average and best of the people's
    best scores (in percent, since schools may draw different numbers of questions); ranked by average."""
    children = list(contest.school_contests.select_related("unit").annotate(
        invited=Count("classes__entrants", distinct=True)))
    best: dict[int, tuple[float, int]] = {}
    for entrant_id, child_id, score, max_score in (
            Attempt.objects.filter(contest__parent=contest, submitted_at__isnull=False)
            .values_list("entrant_id", "contest_id", "score", "max_score")):
        percent = 100.0 * (score or 0) / max_score if max_score else 0.0
        if entrant_id not in best or percent > best[entrant_id][0]:
            best[entrant_id] = (percent, child_id)
    by_school: dict[int, list[float]] = defaultdict(list)
    for percent, child_id in best.values():
        by_school[child_id].append(percent)
    rows = []
    for child in children:
        scores = by_school.get(child.pk, [])
        rows.append({"contest": child, "school": child.unit, "invited": child.invited, "took_part": len(scores),
                     "average": round(sum(scores) / len(scores), 1) if scores else None,
                     "best": round(max(scores), 1) if scores else None})
    return sorted(rows, key=lambda r: (r["average"] is None, -(r["average"] or 0), r["school"].name))


@dataclass
class Ranked:
    rank: int
    entrant: Entrant
    score: int
    max_score: int
    seconds: int
    attempts: int

    @property
    def duration(self) -> str:
        return f"{self.seconds // 60}:{self.seconds % 60:02d}"


def _best_attempts(contest: Contest, contest_class: ContestClass | None = None) -> dict[int, tuple]:
    attempts = Attempt.objects.filter(contest=contest, submitted_at__isnull=False)
    if contest_class is not None:
        attempts = attempts.filter(entrant__contest_class=contest_class)
    best: dict[int, tuple] = {}
    counts: dict[int, int] = defaultdict(int)
    for entrant_id, score, max_score, started, submitted in attempts.values_list(
            "entrant_id", "score", "max_score", "started_at", "submitted_at"):
        seconds = max(0, int((submitted - started).total_seconds()))
        counts[entrant_id] += 1
        key = (-(score or 0), seconds)
        if entrant_id not in best or key < best[entrant_id][0]:
            best[entrant_id] = (key, score or 0, max_score, seconds)
    return {entrant_id: (*value[1:], counts[entrant_id]) for entrant_id, value in best.items()}


def ranking(contest: Contest, contest_class: ContestClass | None = None) -> list[Ranked]:
    """Students by best score (ties share a rank when score and time are equal)."""
    best = _best_attempts(contest, contest_class)
    entrants = Entrant.objects.filter(pk__in=best).select_related("student", "staff", "contest_class__school_class")
    rows = sorted((Ranked(0, e, *best[e.pk]) for e in entrants),
                  key=lambda r: (-r.score, r.seconds, r.entrant.person.sort_key))
    previous = None
    for index, row in enumerate(rows, start=1):
        key = (row.score, row.seconds)
        row.rank = previous[1] if previous and previous[0] == key else index
        previous = (key, row.rank)
    return rows


def class_summary(contest: Contest) -> list[dict]:
    """Each invited class: invited, took part, average and best of the students' best scores;
    classes ranked by average."""
    best = _best_attempts(contest)
    classes = list(contest.classes.select_related("school_class").annotate(invited=Count("entrants")))
    by_class: dict[int, list[int]] = defaultdict(list)
    for entrant_id, class_id in Entrant.objects.filter(pk__in=best).values_list("pk", "contest_class_id"):
        by_class[class_id].append(best[entrant_id][0])
    rows = []
    for contest_class in classes:
        scores = by_class.get(contest_class.pk, [])
        rows.append({"contest_class": contest_class, "invited": contest_class.invited, "took_part": len(scores),
                     "average": round(sum(scores) / len(scores), 1) if scores else None,
                     "best": max(scores) if scores else None})
    return sorted(rows, key=lambda r: (r["average"] is None, -(r["average"] or 0), r["contest_class"].label))


def participation(contest: Contest) -> dict:
    """Invited and took part by grade × sex (distinct people; grade None = the staff)."""
    rows = (Entrant.objects.filter(contest_class__contest__in=family(contest))
            .annotate(sex=Coalesce("student__sex", "staff__sex"))
            .values("contest_class__school_class__grade", "sex")
            .annotate(invited=Count("id", distinct=True),
                      took_part=Count("id", filter=Q(attempts__submitted_at__isnull=False), distinct=True)))
    grades: dict = defaultdict(lambda: {"F": [0, 0], "M": [0, 0], "U": [0, 0]})
    totals = {"F": [0, 0], "M": [0, 0], "U": [0, 0]}
    for row in rows:
        cell = grades[row["contest_class__school_class__grade"]][row["sex"]]
        cell[0] += row["invited"]
        cell[1] += row["took_part"]
        totals[row["sex"]][0] += row["invited"]
        totals[row["sex"]][1] += row["took_part"]
    return {"grades": sorted(grades.items(), key=lambda item: (item[0] is None, item[0] or 0)), "totals": totals,
            "took_part": sum(v[1] for v in totals.values()), "invited": sum(v[0] for v in totals.values())}


def most_missed(contest: Contest, limit: int = 10) -> list[dict]:
    """Questions of submitted attempts by how often they were missed (unanswered counts as missed)."""
    rows = (Answer.objects.filter(attempt__contest__in=family(contest), attempt__submitted_at__isnull=False)
            .values("question_id", "question__code", "question__text", "question__topic")
            .annotate(drawn=Count("id"), missed=Count("id", filter=Q(is_correct=False)))
            .filter(missed__gt=0).order_by("-missed", "question__code")[:limit])
    return [{**row, "share": round(100 * row["missed"] / row["drawn"])} for row in rows]
