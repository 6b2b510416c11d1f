"""The access helper: every object fetch in a view goes through here.

Answers are the same as healthchecks' and zulip's: 404 when the object is outside the
user's units (indistinguishable from "does not exist"), 403 when it is inside but the
user's role is too low.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Model, Q, QuerySet
from django.http import Http404

from binhdang.orgs.models import OrgUnit

from .roles import Level


def _grants(user) -> list[tuple[str, int]]:
    """(unit path, level) for each active membership, cached on the user for the request."""
    cached = getattr(user, "_binhdang_grants", None)
    if cached is None:
        cached = [
            (path, int(m_level))
            for path, m_level in (
                (m.unit.path, m.level)
                for m in user.memberships.filter(is_active=True, unit__valid_to__isnull=True)
                .select_related("unit")
            )
        ]
        user._binhdang_grants = cached
    return cached


def level_in(user, unit: OrgUnit) -> int | None:
    """The user's level in `unit` (rights flow down the tree), or None for an outsider."""
    if not user.is_authenticated:
        return None
    if user.is_superuser:
        return int(Level.ADMIN)
    levels = [lvl for path, lvl in _grants(user) if unit.path.startswith(path)]
    return max(levels) if levels else None


def require(user, unit: OrgUnit, level: Level) -> None:
    """Raise 404 outside the user's units, 403 when the role is too low."""
    have = level_in(user, unit)
    if have is None:
        raise Http404
    if have < level:
        raise PermissionDenied


def can(user, unit: OrgUnit, level: Level) -> bool:
    have = level_in(user, unit)
    return have is not None and have >= level


def visible_units(user) -> QuerySet[OrgUnit]:
    """Every unit the user may see: the units of their memberships and all below."""
    if user.is_superuser:
        return OrgUnit.objects.all()
    grants = _grants(user)
    if not grants:
        return OrgUnit.objects.none()
    query = Q()
    for path, _level in grants:
        query |= Q(path__startswith=path)
    return OrgUnit.objects.filter(query)


def get_for_user(user, queryset: QuerySet, *, level: Level, unit_attr: str = "unit", **lookup) -> Model:
    """Fetch one object and check the user's level in the unit it belongs to.

    `unit_attr` names the attribute path to the object's unit ("unit", "school_class.unit");
    for OrgUnit itself pass unit_attr="".
    """
    try:
        obj = queryset.get(**lookup)
    except (queryset.model.DoesNotExist, ValueError, TypeError) as exc:
        raise Http404 from exc
    unit = obj
    for part in filter(None, unit_attr.split(".")):
        unit = getattr(unit, part)
    require(user, unit, level)
    return obj


def require_active_unit(request, level: Level) -> OrgUnit:
    """The unit chosen in the switcher, checked at the given level (404/403 as above)."""
    unit = getattr(request, "active_unit", None)
    if unit is None:
        raise Http404
    require(request.user, unit, level)
    if level > Level.VIEW and unit.is_closed:
        raise PermissionDenied
    return unit


def require_authority_unit(request) -> OrgUnit:
    """The active unit when it is an authority above schools (commune, Sở) and the user is ADMIN
    there: launching campaigns, asking for reports and locking figures are decided above the
    schools, so a principal (ADMIN at a school) gets 403."""
    unit = require_active_unit(request, Level.ADMIN)
    if unit.is_school:
        raise PermissionDenied
    return unit
