"""Rollups: Σ of school values for every unit above them, kept current by deltas.

`value_set()` is the one write path for values: it compares the new rows of one (unit,
indicator, period) with the stored ones and applies the differences to the unit's own rollup and
to every ancestor's, as the tree stood on the period's reference date. A change therefore costs
O(depth of the tree) row updates, and any unit's figure is one indexed row read.
`rebuild()` recomputes a period's rollups from the values (after a tree change: move, merge).
"""

from collections import defaultdict

from django.db import transaction
from django.db.models import F, Q

from binhdang.orgs.models import OrgUnit, ParentLink

from .models import DataValue, Indicator, Rollup
from .periods import reference_date

Rows = dict[str, tuple[int, int | None]]  # disaggregation -> (numerator, denominator)


def parent_map(day) -> dict[int, int]:
    """{unit id: parent id} of the whole tree on `day`, in one query."""
    links = ParentLink.objects.filter(
        Q(valid_from__lte=day) | Q(valid_from__isnull=True), Q(valid_to__gt=day) | Q(valid_to__isnull=True),
    ).values_list("unit_id", "parent_id")
    return dict(links)


def chain(unit_id: int, parents: dict[int, int]) -> list[int]:
    """The unit and its ancestors, bottom up."""
    ids, seen = [unit_id], {unit_id}
    while (parent := parents.get(ids[-1])) is not None and parent not in seen:
        ids.append(parent)
        seen.add(parent)
    return ids


def chain_on(unit: OrgUnit, period: str) -> list[int]:
    day = reference_date(period)
    ids, current = [unit.pk], unit.pk
    while True:
        link = ParentLink.objects.filter(
            Q(valid_from__lte=day) | Q(valid_from__isnull=True), Q(valid_to__gt=day) | Q(valid_to__isnull=True),
            unit_id=current).values_list("parent_id", flat=True).first()
        if link is None or link in ids:
            return ids
        ids.append(link)
        current = link


def _apply(unit_ids: list[int], indicator: Indicator, period: str, disaggregation: str,
           d_num: int, d_den: int | None, d_reporting: int) -> None:
    rows = Rollup.objects.filter(unit_id__in=unit_ids, indicator=indicator, period=period,
                                 disaggregation=disaggregation)
    existing = set(rows.values_list("unit_id", flat=True))
    missing = [uid for uid in unit_ids if uid not in existing]
    if missing:
        Rollup.objects.bulk_create(
            [Rollup(unit_id=uid, indicator=indicator, period=period, disaggregation=disaggregation) for uid in missing],
            ignore_conflicts=True)  # a concurrent writer may have created it: the update below still adds
    update = {"numerator": F("numerator") + d_num, "reporting": F("reporting") + d_reporting}
    if d_den is not None:
        # NULL + x is NULL in SQL: start from 0 the first time a denominator arrives.
        from django.db.models.functions import Coalesce

        update["denominator"] = Coalesce(F("denominator"), 0) + d_den
    Rollup.objects.filter(unit_id__in=unit_ids, indicator=indicator, period=period,
                          disaggregation=disaggregation).update(**update)


@transaction.atomic
def value_set(*, unit: OrgUnit, indicator: Indicator, period: str, rows: Rows, manual: bool = False,
              actor=None) -> int:
    """Make the stored values of (unit, indicator, period) equal `rows`; returns how many
    disaggregations changed. Rows absent from `rows` are removed (their contribution too)."""
    stored = {v.disaggregation: v for v in DataValue.objects.select_for_update().filter(
        unit=unit, indicator=indicator, period=period)}
    ids = None
    changed = 0
    for key in set(stored) | set(rows):
        old = stored.get(key)
        new = rows.get(key)
        old_num, old_den = (old.numerator, old.denominator) if old else (0, None)
        new_num, new_den = new if new else (0, None)
        if old and new and (old_num, old_den) == (new_num, new_den):
            continue
        ids = ids or chain_on(unit, period)
        d_den = None if old_den is None and new_den is None else (new_den or 0) - (old_den or 0)
        _apply(ids, indicator, period, key, new_num - old_num, d_den, (1 if new else 0) - (1 if old else 0))
        if new is None:
            old.delete()
        elif old is None:
            DataValue.objects.create(unit=unit, indicator=indicator, period=period, disaggregation=key,
                                     numerator=new_num, denominator=new_den, is_manual=manual, entered_by=actor)
        else:
            old.numerator, old.denominator, old.is_manual, old.entered_by = new_num, new_den, manual, actor
            old.save(update_fields=["numerator", "denominator", "is_manual", "entered_by", "updated_at"])
        changed += 1
    return changed


@transaction.atomic
def rebuild(period: str) -> int:
    """Recompute every rollup of `period` from the values, on the period's tree (after a move or a
    merge); returns the number of rollup rows."""
    parents = parent_map(reference_date(period))
    sums: dict[tuple[int, int, str], list] = defaultdict(lambda: [0, None, 0])
    for unit_id, indicator_id, key, num, den in DataValue.objects.filter(period=period).values_list(
            "unit_id", "indicator_id", "disaggregation", "numerator", "denominator").iterator(chunk_size=20000):
        for target in chain(unit_id, parents):
            row = sums[(target, indicator_id, key)]
            row[0] += num
            if den is not None:
                row[1] = (row[1] or 0) + den
            row[2] += 1
    Rollup.objects.filter(period=period).delete()
    Rollup.objects.bulk_create(
        (Rollup(unit_id=u, indicator_id=i, period=period, disaggregation=k, numerator=n, denominator=d, reporting=r)
         for (u, i, k), (n, d, r) in sums.items()), batch_size=5000)
    return len(sums)


def _chunks(ids: list[int], size: int = 500):
    for start in range(0, len(ids), size):
        yield ids[start:start + size]


@transaction.atomic
def values_set_bulk(*, indicator: Indicator, period: str, results: dict[int, Rows]) -> int:
    """value_set() for many schools at once (a campaign given to 1,000 schools, a deferred batch):
    the same stored values and the same rollup deltas, in a few set-based statements instead of a
    handful per school. `results` maps each school to its new rows ({} removes its values).
    Returns how many disaggregations changed."""
    unit_ids = sorted(results)
    stored: dict[tuple[int, str], DataValue] = {}
    stored_keys: dict[int, set[str]] = defaultdict(set)
    for chunk in _chunks(unit_ids):
        for value in DataValue.objects.select_for_update().filter(unit_id__in=chunk, indicator=indicator,
                                                                   period=period):
            stored[(value.unit_id, value.disaggregation)] = value
            stored_keys[value.unit_id].add(value.disaggregation)
    parents = parent_map(reference_date(period))
    deltas: dict[tuple[int, str], list] = defaultdict(lambda: [0, None, 0])
    create, update, delete = [], [], []
    for unit_id in unit_ids:
        rows = results[unit_id]
        for key in stored_keys[unit_id] | set(rows):
            old, new = stored.get((unit_id, key)), rows.get(key)
            old_num, old_den = (old.numerator, old.denominator) if old else (0, None)
            new_num, new_den = new if new else (0, None)
            if old and new and (old_num, old_den) == (new_num, new_den):
                continue
            d_den = None if old_den is None and new_den is None else (new_den or 0) - (old_den or 0)
            for target in chain(unit_id, parents):
                row = deltas[(target, key)]
                row[0] += new_num - old_num
                if d_den is not None:
                    row[1] = (row[1] or 0) + d_den
                row[2] += (1 if new else 0) - (1 if old else 0)
            if new is None:
                delete.append(old.pk)
            elif old is None:
                create.append(DataValue(unit_id=unit_id, indicator=indicator, period=period, disaggregation=key,
                                        numerator=new_num, denominator=new_den))
            else:
                old.numerator, old.denominator, old.is_manual, old.entered_by = new_num, new_den, False, None
                update.append(old)
    for chunk in _chunks(delete):
        DataValue.objects.filter(pk__in=chunk).delete()
    DataValue.objects.bulk_create(create, batch_size=1000)
    DataValue.objects.bulk_update(update, ["numerator", "denominator", "is_manual", "entered_by"], batch_size=1000)
    _apply_bulk(indicator, period, deltas)
    return len(create) + len(update) + len(delete)


def _apply_bulk(indicator: Indicator, period: str, deltas: dict[tuple[int, str], list]) -> None:
    """Add the deltas to the rollup rows (created when missing), read and written in batches."""
    targets = sorted({unit_id for unit_id, _key in deltas})
    existing: dict[tuple[int, str], Rollup] = {}
    for chunk in _chunks(targets):
        for row in Rollup.objects.select_for_update().filter(unit_id__in=chunk, indicator=indicator, period=period):
            existing[(row.unit_id, row.disaggregation)] = row
    create, update = [], []
    for (unit_id, key), (d_num, d_den, d_reporting) in deltas.items():
        row = existing.get((unit_id, key))
        if row is None:
            row = Rollup(unit_id=unit_id, indicator=indicator, period=period, disaggregation=key)
            create.append(row)
        else:
            update.append(row)
        row.numerator += d_num
        if d_den is not None:
            row.denominator = (row.denominator or 0) + d_den
        row.reporting += d_reporting
    Rollup.objects.bulk_create(create, batch_size=1000)
    Rollup.objects.bulk_update(update, ["numerator", "denominator", "reporting"], batch_size=1000)
