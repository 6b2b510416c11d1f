"""A change of the tree (move, merge, close: orgs.signals.tree_changed) re-files the values under
their new parents: every period aggregated on a day on or after the change is rebuilt from the
values (rollups.rebuild), inside the change's transaction, so the next page already shows it.
Periods that ended before the change keep the tree they had; a change dated in the future is
picked up by the next change or full recompute (the current period is aggregated on today's tree)."""

import datetime as dt

from . import periods
from .rollups import rebuild


def periods_affected(on_date: dt.date) -> list[str]:
    """The periods whose reference date is on or after `on_date`, oldest first."""
    first, last = int(periods.period_of(on_date)[:4]), int(periods.current()[:4])
    found = [f"{year}-{year + 1}" for year in range(first, last + 1)]
    return [period for period in found if periods.reference_date(period) >= on_date]


def on_tree_changed(sender, on_date: dt.date, **kwargs) -> None:
    for period in periods_affected(on_date):
        rebuild(period)


def connect() -> None:
    from binhdang.orgs.signals import tree_changed

    tree_changed.connect(on_tree_changed, weak=False, dispatch_uid="indicators:tree_changed")
