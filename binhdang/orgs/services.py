"""Writes to the organisation tree: create, move, merge, close. Each is one transaction
with an audit row."""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.lib.vntext import format_date, nfc

from .models import OrgKind, OrgUnit, ParentLink
from .signals import tree_changed


def _path_for(unit: OrgUnit, parent: OrgUnit | None) -> str:
    return f"{parent.path if parent else ''}{unit.pk}."


@transaction.atomic
def org_unit_create(
    *,
    actor,
    acting_unit: OrgUnit | None,
    code: str,
    name: str,
    kind: str,
    parent: OrgUnit | None,
    school_level: str = "",
    short_name: str = "",
    place: str = "",
    valid_from: dt.date | None = None,
) -> OrgUnit:
    if kind == OrgKind.SCHOOL and not school_level:
        raise ValidationError({"school_level": _("Trường học phải có cấp học.")})
    if kind != OrgKind.SCHOOL and school_level:
        raise ValidationError({"school_level": _("Chỉ trường học mới có cấp học.")})
    if parent is not None and parent.kind == OrgKind.SCHOOL:
        raise ValidationError({"parent": _("Không thể đặt đơn vị dưới một trường học.")})
    if parent is not None and parent.is_closed:
        raise ValidationError({"parent": _("Đơn vị cấp trên đã đóng.")})
    if OrgUnit.objects.filter(code=code).exists():
        raise ValidationError({"code": _("Mã đơn vị “%(code)s” đã được dùng.") % {"code": code}})
    unit = OrgUnit.objects.create(
        code=code,
        name=nfc(name),
        short_name=nfc(short_name),
        place=nfc(place),
        kind=kind,
        school_level=school_level,
        parent=parent,
        path="",
        valid_from=valid_from,
    )
    unit.path = _path_for(unit, parent)
    unit.save(update_fields=["path"])
    if parent is not None:
        ParentLink.objects.create(unit=unit, parent=parent, valid_from=valid_from)
    record(actor=actor, unit=acting_unit, action="org.create", target=unit,
           details={"code": code, "parent": parent.code if parent else None})
    return unit


def _reparent(unit: OrgUnit, new_parent: OrgUnit, on_date: dt.date) -> None:
    """Close the current parent link, open a new one, rewrite the subtree's paths."""
    ParentLink.objects.filter(unit=unit, valid_to__isnull=True).update(valid_to=on_date)
    ParentLink.objects.create(unit=unit, parent=new_parent, valid_from=on_date)
    old_path = unit.path
    new_path = _path_for(unit, new_parent)
    unit.parent = new_parent
    unit.path = new_path
    unit.save(update_fields=["parent", "path"])
    descendants = list(OrgUnit.objects.filter(path__startswith=old_path).exclude(pk=unit.pk))
    for child in descendants:
        child.path = new_path + child.path[len(old_path):]
    OrgUnit.objects.bulk_update(descendants, ["path"], batch_size=1000)


@transaction.atomic
def org_unit_move(
    *, actor, acting_unit: OrgUnit | None, unit: OrgUnit, new_parent: OrgUnit, on_date: dt.date
) -> OrgUnit:
    """A school now reports to another unit (e.g. from a Phòng to a commune in 2025)."""
    if new_parent.pk == unit.pk or new_parent.path.startswith(unit.path):
        raise ValidationError({"new_parent": _("Không thể chuyển đơn vị vào chính nó hoặc đơn vị cấp dưới của nó.")})
    if new_parent.kind == OrgKind.SCHOOL:
        raise ValidationError({"new_parent": _("Không thể đặt đơn vị dưới một trường học.")})
    if new_parent.is_closed or unit.is_closed:
        raise ValidationError({"new_parent": _("Không thể chuyển đơn vị đã đóng.")})
    current = ParentLink.objects.filter(unit=unit, valid_to__isnull=True).first()
    # A move dated before the current period began would leave a period that ends before
    # it starts, and children_on()/parent_on() would answer wrongly for those days.
    if current is not None and current.valid_from is not None and on_date < current.valid_from:
        raise ValidationError({"on_date": _(
            "Ngày chuyển không được trước ngày bắt đầu trực thuộc hiện tại (%(date)s)."
        ) % {"date": format_date(current.valid_from)}})
    old_parent = unit.parent
    _reparent(unit, new_parent, on_date)
    record(actor=actor, unit=acting_unit, action="org.move", target=unit,
           details={"from": old_parent.code if old_parent else None, "to": new_parent.code,
                    "on": on_date.isoformat()})
    tree_changed.send(sender=OrgUnit, units=[unit], on_date=on_date, action="move")
    return unit


def _close(
    *, actor, acting_unit: OrgUnit | None, unit: OrgUnit, on_date: dt.date,
    successor: OrgUnit | None = None,
) -> OrgUnit:
    """Close without signalling: a merge closes several units and signals once for all."""
    if unit.is_closed:
        raise ValidationError(_("Đơn vị này đã đóng."))
    if unit.children.filter(valid_to__isnull=True).exists():
        raise ValidationError(_("Đơn vị còn đơn vị cấp dưới đang hoạt động: hãy chuyển hoặc sáp nhập chúng trước."))
    unit.valid_to = on_date
    unit.successor = successor
    unit.save(update_fields=["valid_to", "successor"])
    ParentLink.objects.filter(unit=unit, valid_to__isnull=True).update(valid_to=on_date)
    record(actor=actor, unit=acting_unit, action="org.close", target=unit,
           details={"on": on_date.isoformat(), "successor": successor.code if successor else None})
    return unit


@transaction.atomic
def org_unit_close(
    *, actor, acting_unit: OrgUnit | None, unit: OrgUnit, on_date: dt.date,
    successor: OrgUnit | None = None,
) -> OrgUnit:
    """Close a unit on a date; its open children must have been moved first."""
    _close(actor=actor, acting_unit=acting_unit, unit=unit, on_date=on_date, successor=successor)
    tree_changed.send(sender=OrgUnit, units=[unit], on_date=on_date, action="close")
    return unit


@transaction.atomic
def org_unit_merge(
    *, actor, acting_unit: OrgUnit | None, units: list[OrgUnit], into: OrgUnit, on_date: dt.date
) -> OrgUnit:
    """Merge units into a successor: their children move to it, they close with it as successor."""
    if not units:
        raise ValidationError(_("Chọn ít nhất một đơn vị để sáp nhập."))
    if into.is_closed:
        raise ValidationError(_("Đơn vị kế thừa đã đóng."))
    for unit in units:
        if unit.pk == into.pk:
            raise ValidationError(_("Đơn vị kế thừa không thể là một trong các đơn vị bị sáp nhập."))
        if unit.kind != into.kind:
            raise ValidationError(
                _("Chỉ sáp nhập các đơn vị cùng loại (%(a)s và %(b)s khác loại).")
                % {"a": unit.name, "b": into.name}
            )
        # Moving the merged unit's children under a successor that sits below it would
        # make the tree a cycle.
        if into.path.startswith(unit.path):
            raise ValidationError(
                _("Đơn vị kế thừa không thể nằm trong đơn vị bị sáp nhập (%(name)s).") % {"name": unit.name}
            )
    moved = []
    for unit in units:
        unit.refresh_from_db()
        for child in list(unit.children.filter(valid_to__isnull=True)):
            _reparent(child, into, on_date)
            moved.append(child.code)
        into.refresh_from_db()
        # The inner step does not signal: the tree changed once, for all units, at the end.
        _close(actor=actor, acting_unit=acting_unit, unit=unit, on_date=on_date, successor=into)
    record(actor=actor, unit=acting_unit, action="org.merge", target=into,
           details={"merged": [u.code for u in units], "moved": moved, "on": on_date.isoformat()})
    tree_changed.send(sender=OrgUnit, units=[*units, into], on_date=on_date, action="merge")
    return into


@transaction.atomic
def internal_body_create(*, actor, acting_unit: OrgUnit | None, unit: OrgUnit, kind: str, name: str,
                         short_name: str = ""):
    from .models import InternalBody

    if not unit.is_school:
        raise ValidationError(_("Chỉ trường học mới có tổ chức trong trường."))
    name = nfc(name)
    if InternalBody.objects.filter(unit=unit, name=name).exists():
        raise ValidationError({"name": _("Trường đã có tổ chức tên “%(name)s”.") % {"name": name}})
    body = InternalBody.objects.create(unit=unit, kind=kind, name=name, short_name=nfc(short_name))
    record(actor=actor, unit=acting_unit, action="body.create", target=body, details={"kind": kind})
    return body
