from .access import level_in
from .selectors import roles_in, switchable_units


def active_unit(request):
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}
    unit = getattr(request, "active_unit", None)
    return {
        "active_unit": unit,
        "switchable_units": switchable_units(user),
        "active_roles": roles_in(user, unit) if unit else [],
        "active_level": level_in(user, unit) if unit else None,
    }
