"""Staff pages of student protection: recording a report received in person, by phone or from
the suggestion box. Only the case team of the active school may; everyone else (the principal
included, unless on the team) gets 404, so the page does not reveal that the team exists."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods

from binhdang.accounts.access import require_active_unit
from binhdang.accounts.roles import Level

from .access import team_seat
from .forms import StaffRecordForm
from .intake import case_create, display_code

DONE_KEY = "binhdang_recorded_case"


def require_case_team(request):
    try:
        unit = require_active_unit(request, Level.VIEW)
    except PermissionDenied as exc:  # 403 would say "it exists, not for you": 404 for every refusal
        raise Http404 from exc
    if not unit.is_school or team_seat(request.user, unit) is None:  # one rule with the case pages (access.py)
        raise Http404
    return unit


@login_required
@never_cache
@require_http_methods(["GET", "POST"])
def record_view(request):
    unit = require_case_team(request)
    form = StaffRecordForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        case = case_create(
            unit=unit, channel=data["channel"], category=data["category"], narrative=data["narrative"],
            name=data["name"], school_class=data["school_class"], happening_now=data["happening_now"],
            passphrase=data["passphrase"], actor=request.user,
        )
        # Post/redirect/get: refreshing the result page must not record the case twice. The code
        # waits in the session for that one page, which removes it.
        request.session[DONE_KEY] = {"code": display_code(case.code), "has_passphrase": bool(case.passphrase_hash)}
        return redirect("safeguarding:record_done")
    return render(request, "safeguarding/record.html", {"unit": unit, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
@never_cache
@require_GET
def record_done_view(request):
    unit = require_case_team(request)
    done = request.session.pop(DONE_KEY, None)
    if done is None:  # shown once: a refresh (or a bookmark) goes back to the form
        return redirect("safeguarding:record")
    return render(request, "safeguarding/record_done.html", {"unit": unit, **done})
