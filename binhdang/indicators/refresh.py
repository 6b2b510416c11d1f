"""Computed values refresh by themselves (issue 6, item 2): no nightly job, no double entry.

Each source model is registered with how to find the school and the period a saved or deleted
row touches (`watch`). On save or delete the school's indicators of that source are recomputed
for that period at once, in the same transaction (a few aggregate queries over one school), and
`rollups.value_set` carries the difference up the tree. Bulk work (roster import, demo,
bench-data) wraps itself in `deferred()`: changes are collected and each (school, source, period)
is recomputed once at the end. Code that writes with bulk_create/update (no signals) calls
`touch(unit, source, period)` itself.
"""

import threading
from collections.abc import Callable
from contextlib import contextmanager

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_save

from . import periods

_state = threading.local()
Key = tuple[int, str, str]  # (school id, source, period)


def _deferred() -> set | None:
    return getattr(_state, "pending", None)


def _enter() -> None:
    depth = getattr(_state, "depth", 0)
    if depth == 0:
        _state.pending = set()
    _state.depth = depth + 1


def _exit(failed: bool = False) -> None:
    _state.depth -= 1
    if _state.depth == 0:
        pending, _state.pending = _state.pending, None
        # After an error the writes roll back with their transaction: nothing to recompute (and
        # the broken transaction could not run the queries anyway).
        if not failed:
            _run(pending)


# From this many schools of one source and period on, a batch is recomputed set-based (one
# computation call, values and rollups written in bulk) rather than school by school.
BULK_FROM = 20


def _run(pending: set) -> None:
    groups: dict[tuple[str, str], list[int]] = {}
    for unit_id, source, period in pending:
        groups.setdefault((source, period), []).append(unit_id)
    for (source, period), unit_ids in sorted(groups.items()):
        if len(unit_ids) >= BULK_FROM:
            recompute_units(sorted(unit_ids), source, period)
        else:
            for unit_id in sorted(unit_ids):
                recompute(unit_id, source, period)


@contextmanager
def deferred():
    """Collect refreshes and run each once when the outermost block ends."""
    _enter()
    failed = True
    try:
        yield
        failed = False
    finally:
        _exit(failed)


def touch(unit_id: int | None, source: str, period: str | None = None) -> None:
    if unit_id is None:
        return
    key = (unit_id, source, period or periods.current())
    pending = _deferred()
    if pending is not None:
        pending.add(key)
    else:
        recompute(*key)


def _computable(source: str, period: str) -> bool:
    """Snapshot sources (the roster now) are written for the current period only: recomputing a
    past period from today's roster would overwrite the figures that period really had."""
    from .computing import SNAPSHOT_SOURCES

    return source not in SNAPSHOT_SOURCES or period == periods.current()


def recompute(unit_id: int, source: str, period: str) -> int:
    """Recompute every active computed indicator of `source` for one school and period."""
    from binhdang.orgs.models import OrgUnit

    from .computations import COMPUTATIONS
    from .models import Indicator
    from .rollups import value_set

    if not _computable(source, period):
        return 0
    unit = OrgUnit.objects.filter(pk=unit_id).first()
    if unit is None:
        return 0
    changed = 0
    for indicator in Indicator.objects.filter(source=source, is_active=True).exclude(computation=""):
        compute = COMPUTATIONS.get(indicator.computation)
        if compute is not None:
            rows = compute([unit_id], period).get(unit_id, {})
            changed += value_set(unit=unit, indicator=indicator, period=period, rows=rows)
    return changed


def recompute_units(unit_ids: list[int], source: str, period: str) -> int:
    """recompute() for many schools of one source and period, set-based."""
    from .computations import COMPUTATIONS
    from .models import Indicator
    from .rollups import values_set_bulk

    if not _computable(source, period):
        return 0
    changed = 0
    for indicator in Indicator.objects.filter(source=source, is_active=True).exclude(computation=""):
        compute = COMPUTATIONS.get(indicator.computation)
        if compute is None:
            continue
        results: dict[int, dict] = {}
        for start in range(0, len(unit_ids), 500):  # under every database's limit of query parameters
            chunk = unit_ids[start:start + 500]
            computed = compute(chunk, period)
            results.update({unit_id: computed.get(unit_id, {}) for unit_id in chunk})
        changed += values_set_bulk(indicator=indicator, period=period, results=results)
    return changed


def _analyze() -> None:
    """PostgreSQL only: refresh the planner's statistics before the set-based pass. Right after a
    bulk load (demo, bench-data, a restore) the tables have none or stale ones, and the planner
    then nests loops over the roster joins: a CI run spent minutes on one GROUP BY of 1,000 rows.
    ANALYZE samples, so it stays cheap on a large database, and may run inside a transaction."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def recompute_all(period: str, *, source: str | None = None) -> int:
    """Every school's computed values of `period` from the records (set-based, one pass per
    indicator), then the period's rollups rebuilt: for a new installation, bench-data, or after
    changing a computation. Returns the number of values written."""
    from django.db import transaction

    from .computations import COMPUTATIONS
    from .models import DataValue, Indicator
    from .rollups import rebuild

    indicators = Indicator.objects.filter(is_active=True).exclude(computation="")
    if source:
        indicators = indicators.filter(source=source)
    indicators = [indicator for indicator in indicators if _computable(indicator.source, period)]
    _analyze()
    written = 0
    with transaction.atomic():
        for indicator in indicators:
            compute = COMPUTATIONS.get(indicator.computation)
            if compute is None:
                continue
            DataValue.objects.filter(indicator=indicator, period=period, is_manual=False).delete()
            DataValue.objects.bulk_create(
                (DataValue(unit_id=unit_id, indicator=indicator, period=period, disaggregation=key,
                           numerator=num, denominator=den)
                 for unit_id, rows in compute(None, period).items() for key, (num, den) in rows.items()),
                batch_size=5000)
            written += DataValue.objects.filter(indicator=indicator, period=period, is_manual=False).count()
        rebuild(period)
    return written


WATCHED: list[tuple[str, str, Callable, Callable]] = []


def watch(model_label: str, source: str, unit_of: Callable, period_of: Callable | None = None) -> None:
    """Recompute `source` for unit_of(row) and period_of(row) (default: the current period)
    whenever a row of `model_label` ("app.Model") is saved or deleted."""
    WATCHED.append((model_label, source, unit_of, period_of or (lambda row: None)))


def _remember_stored(sender, instance, raw=False, **kwargs) -> None:
    """Before an update, keep the stored row: if the change moves the record to another school or
    period (an activity rescheduled past 31 August), the one it leaves is recomputed too."""
    if not raw and not instance._state.adding and instance.pk is not None:
        instance._indicators_stored = sender._default_manager.filter(pk=instance.pk).first()


def _connect() -> None:
    _connect_bulk()
    for number, (label, source, unit_of, period_of) in enumerate(WATCHED):
        model = apps.get_model(label)

        def handler(sender, instance, *, _source=source, _unit=unit_of, _period=period_of, raw=False, **kwargs):
            if raw:  # loaddata / restore: values are restored with their own rows
                return
            keys = set()
            for row in (getattr(instance, "_indicators_stored", None), instance):
                if row is None:
                    continue
                try:
                    keys.add((_unit(row), _period(row) or periods.current()))
                except Exception:  # noqa: BLE001, S112 - a row being deleted may have lost its parent already
                    continue
            for unit_id, period in keys:
                touch(unit_id, _source, period)

        pre_save.connect(_remember_stored, sender=model, weak=False, dispatch_uid=f"indicators:{label}:pre_save")
        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"indicators:{number}:{label}:{source}:save")
        post_delete.connect(handler, sender=model, weak=False,
                            dispatch_uid=f"indicators:{number}:{label}:{source}:delete")


def _bulk_written(sender, instances=(), **kwargs) -> None:
    """Rows written in bulk (no post_save): each (school, source, period) they touch through the
    model's watches is recomputed once."""
    label = sender._meta.label
    watches = [(source, unit_of, period_of) for model, source, unit_of, period_of in WATCHED if model == label]
    if not watches:
        return
    keys = set()
    for row in instances:
        for source, unit_of, period_of in watches:
            try:
                keys.add((unit_of(row), source, period_of(row)))
            except Exception:  # noqa: BLE001 - same tolerance as the save/delete handler
                continue
    with deferred():
        for unit_id, source, period in keys:
            touch(unit_id, source, period)


def _connect_bulk() -> None:
    from binhdang.lib.signals import batch_finished, batch_started, bulk_written

    bulk_written.connect(_bulk_written, weak=False, dispatch_uid="indicators:bulk_written")
    # A lower app's batch() is a deferred() block here, without that app importing indicators.
    batch_started.connect(lambda sender, **kw: _enter(), weak=False, dispatch_uid="indicators:batch_started")
    batch_finished.connect(lambda sender, failed=False, **kw: _exit(failed), weak=False,
                           dispatch_uid="indicators:batch_finished")
