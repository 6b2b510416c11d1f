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
from django.db.models.signals import post_delete, post_save

from . import periods

_state = threading.local()
Key = tuple[int, str, str]  # (school id, source, period)


def _deferred() -> set | None:
    return getattr(_state, "pending", None)


@contextmanager
def deferred():
    """Collect refreshes and run each once when the outermost block ends."""
    outer = _deferred() is None
    if outer:
        _state.pending = set()
    try:
        yield
    finally:
        if outer:
            pending, _state.pending = _state.pending, None
            for key in sorted(pending):
                recompute(*key)


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


def _connect() -> None:
    for number, (label, source, unit_of, period_of) in enumerate(WATCHED):
        model = apps.get_model(label)

        def handler(sender, instance, *, _source=source, _unit=unit_of, _period=period_of, raw=False, **kwargs):
            if raw:  # loaddata / restore: values are restored with their own rows
                return
            try:
                unit_id = _unit(instance)
            except Exception:  # noqa: BLE001 - a row being deleted may have lost its parent already
                return
            touch(unit_id, _source, _period(instance))

        post_save.connect(handler, sender=model, weak=False, dispatch_uid=f"indicators:{number}:{label}:{source}:save")
        post_delete.connect(handler, sender=model, weak=False,
                            dispatch_uid=f"indicators:{number}:{label}:{source}:delete")
