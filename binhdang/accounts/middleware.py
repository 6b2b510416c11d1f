"""Puts the unit chosen in the switcher on the request (request.active_unit)."""

from binhdang.orgs.models import OrgUnit

SESSION_KEY = "binhdang_active_unit"


class ActiveUnitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.active_unit = None
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.active_unit = _active_unit(request)
        return self.get_response(request)


def _active_unit(request) -> OrgUnit | None:
    from .selectors import switchable_units

    units = switchable_units(request.user)
    wanted = request.session.get(SESSION_KEY)
    for unit in units:
        if str(unit.uid) == wanted:
            return unit
    return units[0] if units else None
