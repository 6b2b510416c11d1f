"""The contest's participants as the head-counts of its activity (students by sex), so the
participation indicators (girls' participation share) count the contest like any activity."""

from django.db.models import Count
from django.utils.translation import gettext as _

from binhdang.activities import services as activity_services
from binhdang.activities.models import Audience

from .models import Contest, Entrant


def participants_by_sex(contest: Contest) -> dict[str, int]:
    """Distinct students with at least one submitted attempt, by sex (one grouped query)."""
    rows = (Entrant.objects.filter(contest_class__contest=contest, attempts__submitted_at__isnull=False)
            .values("student__sex").annotate(n=Count("id", distinct=True)))
    return {row["student__sex"]: row["n"] for row in rows}


def sync(contest: Contest) -> None:
    if contest.activity_id is None:
        return
    counts = participants_by_sex(contest)
    total = sum(counts.values())
    activity_services.activity_participants_record(
        activity=contest.activity,
        participations=[(Audience.STUDENTS, sex, n) for sex, n in sorted(counts.items())],
        results=_("Cuộc thi trực tuyến: %(n)s học sinh đã nộp bài.") % {"n": total})
