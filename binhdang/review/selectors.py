"""Reads of the review app that depend on who asks."""

from django.db.models import Count, Q, QuerySet

from binhdang.activities.models import LessonIntegration
from binhdang.orgs.models import OrgUnit

from .models import MaterialReview, ReviewFlag


def reviews_of(unit: OrgUnit) -> QuerySet[MaterialReview]:
    return (MaterialReview.objects.filter(unit=unit).select_related("created_by", "lesson")
            .annotate(flag_count=Count("flags"),
                      open_count=Count("flags", filter=Q(flags__decision=ReviewFlag.Decision.OPEN))))


def proposals_below(unit: OrgUnit) -> QuerySet[MaterialReview]:
    """Sent proposals of the unit and every unit below it (rights flow down the tree)."""
    return (MaterialReview.objects.filter(unit__path__startswith=unit.path, sent_at__isnull=False)
            .select_related("unit", "sent_by")
            .annotate(accepted_count=Count("flags", filter=Q(flags__decision=ReviewFlag.Decision.ACCEPTED)))
            .order_by("-sent_at", "-id"))


def lesson_choices(review: MaterialReview) -> QuerySet[LessonIntegration]:
    return (LessonIntegration.objects.filter(unit=review.unit).select_related("teacher", "school_year")
            .order_by("-taught_on", "-id")[:200])
