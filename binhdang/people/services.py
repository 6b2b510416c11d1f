"""Writes about staff seats in internal bodies."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record

from .models import BodyMembership


@transaction.atomic
def body_seat_set(*, actor, acting_unit, body, staff, role: str) -> BodyMembership:
    if staff.unit_id != body.unit_id:
        raise ValidationError(_("Người này không thuộc trường của tổ chức."))
    seat, _created = BodyMembership.objects.update_or_create(staff=staff, body=body, defaults={"role": role})
    record(actor=actor, unit=acting_unit, action="body.seat", target=body,
           details={"staff": str(staff.uid), "role": role})
    return seat


@transaction.atomic
def body_seat_remove(*, actor, acting_unit, seat: BodyMembership) -> None:
    record(actor=actor, unit=acting_unit, action="body.unseat", target=seat.body,
           details={"staff": str(seat.staff.uid)})
    seat.delete()
