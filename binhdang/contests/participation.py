"""The contest's participants as the head-counts of its activity (students and staff by sex), so
the participation indicators (girls' participation share) count the contest like any activity."""

from django.db.models import Case, Count, Value, When
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from binhdang.activities import services as activity_services
from binhdang.activities.models import Audience

from .models import Contest, Entrant


def participants(contest: Contest) -> list[tuple[str, str, int]]:
    """(group, sex, count) of the distinct people with at least one submitted attempt (one query)."""
    group = Case(When(student__isnull=False, then=Value(Audience.STUDENTS.value)), default=Value(Audience.STAFF.value))
    rows = (Entrant.objects.filter(contest_class__contest=contest, attempts__submitted_at__isnull=False)
            .annotate(group=group, sex=Coalesce("student__sex", "staff__sex"))
            .values("group", "sex").annotate(n=Count("id", distinct=True)))
    return sorted((row["group"], row["sex"], row["n"]) for row in rows)


def sync(contest: Contest) -> None:
    if contest.activity_id is None:
        return
    rows = participants(contest)
    activity_services.activity_participants_record(
        activity=contest.activity, participations=rows,
        results=_("Cuộc thi trực tuyến: %(n)s người đã nộp bài.") % {"n": sum(n for _g, _s, n in rows)})
