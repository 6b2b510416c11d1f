"""The help lines shown on every help screen: the national ones (unit empty, e.g. 111) and the
lines of the school's province, found by walking up the school's tree."""

from django.utils.translation import gettext as _

from binhdang.orgs.models import OrgKind, OrgUnit

from .models import Hotline


def province_of(unit: OrgUnit) -> OrgUnit | None:
    for candidate in [unit, *reversed(unit.ancestors())]:
        if candidate.kind == OrgKind.DEPARTMENT:
            return candidate
    return None


def hotlines_for(unit: OrgUnit) -> list[dict]:
    """111 first (always, even if no row says so), then the province's own lines."""
    province = province_of(unit)
    rows = list(Hotline.objects.filter(unit__isnull=True)) + (
        list(Hotline.objects.filter(unit=province)) if province else []
    )
    lines = [{"name": row.name, "number": row.number, "provincial": row.unit_id is not None} for row in rows]
    if not any(line["number"] == "111" for line in lines):
        lines.insert(0, {"name": _("Tổng đài quốc gia bảo vệ trẻ em"), "number": "111", "provincial": False})
    return lines
