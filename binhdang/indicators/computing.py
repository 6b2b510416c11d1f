"""The registry of computations and the shared folding of grouped rows into disaggregations.

Every computation asks the database for rows GROUPed BY school and by the attributes it breaks
down by (sex, school level, position, grade…), then `fold` turns them into the stored cells:
"" (total), "sex=F", "sex=M", "<dim>=<value>" and "<dim>=<value>|sex=F" (keys in sorted order).
A person whose sex is not recorded ("U" or blank) counts only in the totals: a "sex=U" cell would
be a data-quality figure, not a programme one, and would break "F + M = total" checks elsewhere.
"""

import datetime as dt
from collections import defaultdict
from collections.abc import Callable, Iterable

from django.db.models import QuerySet
from django.utils import timezone

from . import periods

Rows = dict[str, tuple[int, int | None]]
Result = dict[int, Rows]
COMPUTATIONS: dict[str, Callable[[list[int] | None, str], Result]] = {}
SEXES = ("F", "M")

# Sources whose figures are head-counts of the roster as it stands now: the roster keeps no
# history, so their values of a past period are the snapshot written while that period was current
# and are never recomputed (refresh skips them for any period but the current one).
SNAPSHOT_SOURCES = frozenset({"staff"})


def computation(name: str):
    def register(function):
        COMPUTATIONS[name] = function
        return function

    return register


def for_units(queryset: QuerySet, unit_ids: list[int] | None, field: str = "unit_id") -> QuerySet:
    return queryset if unit_ids is None else queryset.filter(**{f"{field}__in": unit_ids})


def day_bounds(period: str) -> tuple[dt.datetime, dt.datetime]:
    """[first instant, first instant after] of a period in local time, for DateTimeFields (a range
    on the column keeps its index usable, unlike __date)."""
    first, last = periods.parse(period)
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(dt.datetime.combine(first, dt.time.min), zone)
    end = timezone.make_aware(dt.datetime.combine(last + dt.timedelta(days=1), dt.time.min), zone)
    return start, end


def period_of_instant(value: dt.datetime | None) -> str | None:
    return periods.period_of(timezone.localdate(value)) if value else None


def key(*parts: str) -> str:
    return "|".join(sorted(parts))


def fold(rows: Iterable[tuple[int, str | None, dict, int, int | None]], *, rate: bool) -> Result:
    """rows: (unit id, sex or None when the indicator has no sex breakdown, {dim: value}, numerator
    part, denominator part). Each row adds to the total, its sex cell, each dimension's cell and
    that cell crossed with sex. Empty dimension values (unknown level, class without grade) count
    in the total only."""
    out: dict[int, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0]))
    for unit_id, sex, dims, num, den in rows:
        cells = [""]
        sexed = sex in SEXES
        if sexed:
            cells.append(f"sex={sex}")
        for name, value in dims.items():
            if value in (None, ""):
                continue
            cells.append(f"{name}={value}")
            if sexed:
                cells.append(key(f"{name}={value}", f"sex={sex}"))
        unit = out[unit_id]
        for cell in cells:
            unit[cell][0] += num
            unit[cell][1] += den or 0
    return {unit_id: {cell: (num, den if rate else None) for cell, (num, den) in cells.items()}
            for unit_id, cells in out.items()}
