"""Puts the unit chosen in the switcher on the request (request.active_unit), and ends idle
sessions."""

import time

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.http import HttpResponse
from django.shortcuts import resolve_url
from django.utils.translation import gettext as _

from binhdang.orgs.models import OrgUnit

SESSION_KEY = "binhdang_active_unit"
SEEN_KEY = "binhdang_seen"
# The session is written at most once a minute for "last seen", not on every request.
SEEN_RESOLUTION = 60


def mark_seen_at_login(sender, request, user, **kwargs):
    """A new login starts the idle clock (and saves the first request a session write)."""
    if request is not None and hasattr(request, "session"):
        request.session[SEEN_KEY] = int(time.time())


class IdleTimeoutMiddleware:
    """Logs out a session that made no request for BINHDANG_IDLE_MINUTES (a shared school
    computer left open must not keep a case team member signed in)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            now = int(time.time())
            seen = request.session.get(SEEN_KEY)
            if seen is not None and now - seen > settings.BINHDANG_IDLE_MINUTES * 60:
                logout(request)
                messages.info(request, _("Phiên làm việc đã kết thúc vì lâu không thao tác. Hãy đăng nhập lại."))
                if getattr(request, "htmx", False):
                    response = HttpResponse(status=204)
                    response["HX-Redirect"] = resolve_url(settings.LOGIN_URL)
                    return response
                return redirect_to_login(request.get_full_path())
            if seen is None or now - seen >= SEEN_RESOLUTION:
                request.session[SEEN_KEY] = now
        return self.get_response(request)


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
