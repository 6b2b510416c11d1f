"""How each computed indicator is computed, by name (Indicator.computation).

Each function takes (unit_ids, period): the schools to compute (a list; None means every school)
and returns {unit id: {disaggregation: (numerator, denominator or None)}} with "" for the total,
from a few aggregate queries GROUPed BY unit, so the same code serves one school after a saved
record and the whole country in a full refresh (`refresh.recompute_all`, bench-data).
A school with nothing to count is absent from the result (no value, "missing data").

Disaggregation keys are "sex=F", "sex=M", "level=primary", joined with "|" in sorted key order.
"""

from collections.abc import Callable

from django.db.models import Count, Q, QuerySet

from binhdang.people.models import Position, Sex, StaffMember

from .refresh import watch

Rows = dict[str, tuple[int, int | None]]
Result = dict[int, Rows]
COMPUTATIONS: dict[str, Callable[[list[int] | None, str], Result]] = {}

MANAGERS = [Position.PRINCIPAL, Position.VICE_PRINCIPAL]


def for_units(queryset: QuerySet, unit_ids: list[int] | None, field: str = "unit_id") -> QuerySet:
    return queryset if unit_ids is None else queryset.filter(**{f"{field}__in": unit_ids})


def computation(name: str):
    def register(function):
        COMPUTATIONS[name] = function
        return function

    return register


@computation("women_managers_share")
def women_managers_share(unit_ids, period) -> Result:
    """Women among each school's managers (principal and vice-principals) on the roster now."""
    rows = (for_units(StaffMember.objects.filter(is_active=True, position__in=MANAGERS), unit_ids)
            .values("unit_id").annotate(all=Count("id"), women=Count("id", filter=Q(sex=Sex.FEMALE))))
    return {row["unit_id"]: {"": (row["women"], row["all"])} for row in rows if row["all"]}


watch("people.StaffMember", "staff", lambda row: row.unit_id)
