"""Writes of issue 6 outside the rollup engine: hand-entered values (all or nothing), completeness,
period locks and plan targets linked to indicators. Each is one transaction with its audit row;
audit details carry ids and numbers of changed rows only, never the figures' context."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.orgs.models import OrgUnit

from .entry import Line
from .models import Completeness, Indicator, PeriodLock, TargetLink
from .rollups import value_set
from .selectors_entry import lock_over


class PeriodLocked(ValidationError):
    pass


def _refuse_if_locked(unit: OrgUnit, period: str) -> None:
    lock = lock_over(unit, period)
    if lock is not None:
        raise PeriodLocked(_("Năm học %(period)s đã được %(unit)s khoá số liệu: không thể thay đổi nữa. "
                             "Liên hệ %(unit)s nếu cần mở khoá.") % {"period": period, "unit": lock.unit.name})


@transaction.atomic
def values_enter(*, unit: OrgUnit, period: str, lines: list[Line], actor) -> int:
    """Save every line of the entry form or none: the lock is checked first, inside the transaction,
    and any failure of one indicator rolls the others back. Returns the number of changed rows."""
    if any(line.errors for line in lines):
        raise ValidationError(_("Biểu mẫu còn lỗi: chưa lưu gì."))
    _refuse_if_locked(unit, period)
    changed, touched = 0, []
    for line in lines:
        count = value_set(unit=unit, indicator=line.indicator, period=period, rows=line.rows, manual=True,
                          actor=actor)
        if count:
            changed += count
            touched.append(str(line.indicator.uid))
    if changed:
        record(actor=actor, unit=unit, action="indicator.values_enter", target=unit,
               details={"unit": str(unit.uid), "period": period, "indicators": touched, "rows_changed": changed})
    return changed


@transaction.atomic
def completeness_set(*, unit: OrgUnit, period: str, complete: bool, actor) -> None:
    """Mark (or un-mark) the unit's data for the period complete; frozen once the period is locked."""
    _refuse_if_locked(unit, period)
    if complete:
        _row, created = Completeness.objects.get_or_create(unit=unit, period=period, defaults={"marked_by": actor})
        changed = created
    else:
        changed = bool(Completeness.objects.filter(unit=unit, period=period).delete()[0])
    if changed:
        record(actor=actor, unit=unit, action="indicator.completeness_mark" if complete else
               "indicator.completeness_unmark", target=unit, details={"unit": str(unit.uid), "period": period})


@transaction.atomic
def period_lock_set(*, unit: OrgUnit, period: str, locked: bool, actor) -> None:
    """Lock (or unlock) `period` for `unit` and every unit under it. Only this unit's own lock is
    removed by an unlock: a lock placed higher up stays."""
    if locked:
        _row, changed = PeriodLock.objects.get_or_create(unit=unit, period=period, defaults={"locked_by": actor})
    else:
        changed = bool(PeriodLock.objects.filter(unit=unit, period=period).delete()[0])
    if changed:
        record(actor=actor, unit=unit, action="indicator.period_lock" if locked else "indicator.period_unlock",
               target=unit, details={"unit": str(unit.uid), "period": period})


@transaction.atomic
def target_link_set(*, target, indicator: Indicator, disaggregation: str, goal: Decimal, higher_is_better: bool,
                    actor) -> TargetLink:
    link, created = TargetLink.objects.update_or_create(
        target=target, defaults={"indicator": indicator, "disaggregation": disaggregation, "goal": goal,
                                 "higher_is_better": higher_is_better, "created_by": actor})
    record(actor=actor, unit=target.plan.issuer_unit, action="indicator.target_link", target=link,
           details={"plan": str(target.plan.uid), "position": target.position, "indicator": str(indicator.uid),
                    "disaggregation": disaggregation, "goal": str(goal), "higher_is_better": higher_is_better,
                    "created": created})
    return link


@transaction.atomic
def target_link_remove(*, target, actor) -> None:
    link = TargetLink.objects.filter(target=target).first()
    if link is None:
        return
    details = {"plan": str(target.plan.uid), "position": target.position, "indicator": str(link.indicator.uid)}
    record(actor=actor, unit=target.plan.issuer_unit, action="indicator.target_unlink", target=link, details=details)
    link.delete()
