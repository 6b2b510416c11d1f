"""Computations over safeguarding cases: counts only, and only of the cases whose latest consent
to statistics is given (safeguarding.consents.cases_with_statistics_consent); nothing else of a
case leaves the safeguarding app. Small cells are hidden above the school by the display
(Indicator.suppress_below), not here: the values must add up exactly."""

from django.db.models import Count, F, Q

from binhdang.safeguarding.consents import cases_with_statistics_consent
from binhdang.safeguarding.models import Case, Stage

from .computing import Result, computation, day_bounds, fold, for_units, period_of_instant
from .refresh import watch


def _cases(unit_ids, period, field: str):
    start, end = day_bounds(period)
    return cases_with_statistics_consent(
        for_units(Case.objects.filter(**{f"{field}__gte": start, f"{field}__lt": end}), unit_ids))


@computation("incidents_by_type")
def incidents_by_type(unit_ids, period) -> Result:
    """Cases received in the period, by category and the child's sex (a case not yet classified,
    or whose child's sex is not known, counts in the total only)."""
    rows = _cases(unit_ids, period, "received_at").values(
        "unit_id", "unit__school_level", "category", "victim_sex").annotate(n=Count("id"))
    return fold(((r["unit_id"], r["victim_sex"], {"level": r["unit__school_level"], "category": r["category"]},
                  r["n"], None) for r in rows), rate=False)


@computation("incidents_handled_on_time")
def incidents_handled_on_time(unit_ids, period) -> Result:
    """Cases closed in the period that had the legal clocks, with both steps recorded by their
    deadlines (emergency support, support plan), among the closed cases that had the clocks."""
    met = Q(support_at__isnull=False, support_at__lte=F("emergency_due_at"), plan_at__isnull=False,
            plan_at__lte=F("plan_due_at"))
    rows = _cases(unit_ids, period, "closed_at").filter(
        stage=Stage.CLOSED, emergency_due_at__isnull=False, plan_due_at__isnull=False).values(
        "unit_id", "unit__school_level", "victim_sex").annotate(all=Count("id"), met=Count("id", filter=met))
    return fold(((r["unit_id"], r["victim_sex"], {"level": r["unit__school_level"]}, r["met"], r["all"])
                 for r in rows), rate=True)


# A case counts in the period it was received (by type) and, once closed, in the period it was
# closed (handled on time): both periods are recomputed when it changes.
watch("safeguarding.Case", "cases", lambda row: row.unit_id, lambda row: period_of_instant(row.received_at))
watch("safeguarding.Case", "cases", lambda row: row.unit_id if row.closed_at else None,
      lambda row: period_of_instant(row.closed_at))
watch("safeguarding.Consent", "cases", lambda row: row.case.unit_id,
      lambda row: period_of_instant(row.case.received_at))
watch("safeguarding.Consent", "cases", lambda row: row.case.unit_id if row.case.closed_at else None,
      lambda row: period_of_instant(row.case.closed_at))
