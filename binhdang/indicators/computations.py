"""How each computed indicator is computed, by name (Indicator.computation).

Each function takes (unit_ids, period): the schools to compute (a list; None means every school)
and returns {unit id: {disaggregation: (numerator, denominator or None)}} with "" for the total,
from a few aggregate queries GROUPed BY unit, so the same code serves one school after a saved
record and the whole country in a full refresh (`refresh.recompute_all`, bench-data).
A school with nothing to count is absent from the result (no value, "missing data").

The functions live by source in computations_people (rosters), computations_activities
(activities, trainings, lessons, Action Month) and computations_cases (safeguarding counts);
importing them here registers them in COMPUTATIONS and their source models with refresh.watch.
Disaggregation keys are "sex=F", "sex=M", "level=primary", joined with "|" in sorted key order
(see computing.fold).
"""

from . import computations_activities, computations_cases, computations_people  # noqa: F401 - registration
from .computing import COMPUTATIONS, SNAPSHOT_SOURCES, Result, Rows, computation, fold, for_units

__all__ = ["COMPUTATIONS", "SNAPSHOT_SOURCES", "Result", "Rows", "computation", "fold", "for_units"]
