"""Plan targets measured by indicators: the value of a unit (its Rollup row), the status against
the goal, and for an authority the number of its schools that reach the same goal.

Status: "met" once the goal is reached (value ≥ goal, or ≤ goal when lower is better); while the
period runs (reference date = today) a target not yet reached is "at_risk", after it ends "missed".
"""

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from binhdang.orgs.models import OrgKind, OrgUnit
from binhdang.plans.models import Target

from .models import Rollup, TargetLink
from .periods import parse

STATUS_LABELS = {"met": _("Đạt"), "at_risk": _("Có nguy cơ không đạt"), "missed": _("Không đạt")}


@dataclass(frozen=True)
class TargetStatus:
    value: Decimal | None  # None: a rate with no denominator yet
    status: str

    @property
    def label(self):
        return STATUS_LABELS[self.status]


def value_of(link: TargetLink, numerator: int, denominator: int | None) -> Decimal | None:
    """A rate is Σnum / Σden × factor (never an average); a count is its numerator."""
    if not link.indicator.is_rate:
        return Decimal(numerator)
    if not denominator:
        return None
    return (Decimal(numerator) * link.indicator.factor / Decimal(denominator)).quantize(Decimal("0.01"))


def reached(link: TargetLink, value: Decimal | None) -> bool:
    if value is None:
        return False
    return value >= link.goal if link.higher_is_better else value <= link.goal


def status_of(link: TargetLink, value: Decimal | None, period: str, today: dt.date | None = None) -> TargetStatus:
    if reached(link, value):
        return TargetStatus(value, "met")
    running = (today or timezone.localdate()) <= parse(period)[1]
    return TargetStatus(value, "at_risk" if running else "missed")


def target_status(link: TargetLink, unit: OrgUnit, period: str, today: dt.date | None = None) -> TargetStatus:
    """The status of one linked target for one unit, from the unit's Rollup row (one query). A
    count with no row is 0 (nothing counted); a rate with no row has no value."""
    row = Rollup.objects.filter(unit=unit, indicator=link.indicator, period=period,
                                disaggregation=link.disaggregation).values_list("numerator", "denominator").first()
    numerator, denominator = row or (0, None)
    return status_of(link, value_of(link, numerator, denominator), period, today)


def schools_meeting(links: list[TargetLink], unit: OrgUnit, period: str) -> tuple[int, dict[int, int]]:
    """(number of open schools under `unit`, {link id: how many of them reach the link's goal}),
    in one query per indicator whatever the number of schools."""
    schools = OrgUnit.objects.filter(kind=OrgKind.SCHOOL, path__startswith=unit.path, valid_to__isnull=True)
    total = schools.count()
    by_indicator: dict[int, list[TargetLink]] = {}
    for link in links:
        by_indicator.setdefault(link.indicator_id, []).append(link)
    meeting: dict[int, int] = {}
    for indicator_id, group in by_indicator.items():
        rows = Rollup.objects.filter(
            indicator_id=indicator_id, period=period, disaggregation__in={link.disaggregation for link in group},
            unit__in=schools).values_list("disaggregation", "numerator", "denominator")
        rows = list(rows)
        for link in group:
            meeting[link.pk] = sum(1 for key, num, den in rows
                                   if key == link.disaggregation and reached(link, value_of(link, num, den)))
    return total, meeting


def targets_page(unit: OrgUnit, period: str, today: dt.date | None = None) -> dict:
    """The unit's own plan targets (every plan it issued, newest first), each with its link and
    status on the unit's rollups; above a school, how many schools below reach each goal."""
    targets = list(Target.objects.filter(plan__issuer_unit=unit)
                   .select_related("plan", "indicator_link__indicator")
                   .order_by("-plan__created_at", "plan_id", "position"))
    links = [target.indicator_link for target in targets if hasattr(target, "indicator_link")]
    school_total, meeting = (0, {}) if unit.is_school else schools_meeting(links, unit, period)
    rows = []
    for target in targets:
        link = getattr(target, "indicator_link", None)
        rows.append({
            "target": target, "link": link,
            "status": target_status(link, unit, period, today) if link else None,
            "schools_meeting": meeting.get(link.pk) if link else None,
        })
    return {"rows": rows, "school_total": school_total}
