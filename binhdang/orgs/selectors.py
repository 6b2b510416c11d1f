"""Reads of the organisation tree."""

import datetime as dt

from django.db.models import Q

from .models import OrgUnit, ParentLink


def subtree(unit: OrgUnit):
    return OrgUnit.objects.subtree_of(unit)


def children_on(unit: OrgUnit, day: dt.date):
    """Units that reported to `unit` on `day`, from the dated history (not today's tree)."""
    links = ParentLink.objects.filter(parent=unit).filter(
        Q(valid_from__lte=day) | Q(valid_from__isnull=True)
    ).filter(Q(valid_to__gt=day) | Q(valid_to__isnull=True))
    return OrgUnit.objects.filter(pk__in=links.values("unit_id"))


def parent_on(unit: OrgUnit, day: dt.date) -> OrgUnit | None:
    link = (
        ParentLink.objects.filter(unit=unit)
        .filter(Q(valid_from__lte=day) | Q(valid_from__isnull=True))
        .filter(Q(valid_to__gt=day) | Q(valid_to__isnull=True))
        .select_related("parent")
        .first()
    )
    return link.parent if link else None
