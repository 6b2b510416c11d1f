"""Reads about users and their memberships."""

from binhdang.orgs.models import OrgUnit


def switchable_units(user) -> list[OrgUnit]:
    """Units offered in the unit switcher: one per membership (roots for platform admins)."""
    cached = getattr(user, "_binhdang_switchable", None)
    if cached is not None:
        return cached
    if user.is_superuser and not user.memberships.exists():
        units = list(OrgUnit.objects.filter(parent__isnull=True, valid_to__isnull=True).order_by("name"))
    else:
        seen: dict[int, OrgUnit] = {}
        memberships = user.memberships.filter(is_active=True, unit__valid_to__isnull=True).select_related("unit")
        # The unit where the user holds the highest role comes first: it is the default.
        for membership in sorted(memberships, key=lambda m: (-m.level, m.unit.path)):
            seen.setdefault(membership.unit_id, membership.unit)
        units = list(seen.values())
    user._binhdang_switchable = units
    return units


def roles_in(user, unit: OrgUnit) -> list[str]:
    return [m.get_role_display() for m in user.memberships.filter(unit=unit, is_active=True)]
