"""Reads for hand entry, completeness and locks (who asks is checked in the views)."""

from binhdang.orgs.models import OrgKind, OrgUnit

from .models import Completeness, DataValue, Indicator, PeriodLock, Source
from .periods import parse
from .rollups import chain_on


def manual_indicators(unit: OrgUnit) -> list[Indicator]:
    """The hand-entered indicators this kind of unit fills in (schools, communes, Sở)."""
    return list(Indicator.objects.filter(is_active=True, source=Source.MANUAL, entered_at_kind=unit.kind))


def lock_over(unit: OrgUnit, period: str) -> PeriodLock | None:
    """The lock that freezes `unit`'s values for `period`: on the unit itself or any unit above it,
    on the tree as it stood on the period's reference date (the tree the values were summed on)."""
    return (PeriodLock.objects.filter(unit_id__in=chain_on(unit, period), period=period)
            .select_related("unit").order_by("unit__path").first())


def completeness(unit: OrgUnit, period: str) -> Completeness | None:
    return Completeness.objects.filter(unit=unit, period=period).select_related("marked_by").first()


def stored_rows(unit: OrgUnit, period: str, indicators: list[Indicator]) -> dict[int, dict]:
    """{indicator id: {disaggregation: (numerator, denominator)}} of the unit for one period."""
    rows: dict[int, dict] = {}
    for value in DataValue.objects.filter(unit=unit, period=period, indicator__in=indicators):
        rows.setdefault(value.indicator_id, {})[value.disaggregation] = (value.numerator, value.denominator)
    return rows


def previous_period(period: str) -> str:
    start = parse(period)[0].year
    return f"{start - 1}-{start}"


def units_below(unit: OrgUnit, period: str) -> list[dict]:
    """The open units under `unit` (by the current tree) that enter data, with whether each marked
    `period` complete: two queries whatever their number."""
    below = list(OrgUnit.objects.filter(path__startswith=unit.path, valid_to__isnull=True)
                 .exclude(pk=unit.pk).exclude(kind=OrgKind.DISTRICT_OFFICE).order_by("path"))
    done = dict(Completeness.objects.filter(unit__in=below, period=period).values_list("unit_id", "marked_at"))
    return [{"unit": child, "marked_at": done.get(child.pk)} for child in below]
