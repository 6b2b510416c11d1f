"""/bao-ve/: where every member of a unit starts in student protection. It shows what each person
may do and nothing about cases: the school's help page and poster (every teacher can print it),
who is on the case team (so a teacher who hears of a problem knows whom to tell), and links to
the case list, recording, team and statistics pages for those they are open to."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from binhdang.accounts.access import can, require_active_unit
from binhdang.accounts.roles import Level

from .access import is_case_user, team_seat
from .models import CaseTeamMember
from .views_team import is_school_principal


@login_required
@require_GET
def home_view(request):
    unit = require_active_unit(request, Level.VIEW)
    is_school = unit.is_school and not unit.is_closed
    seat = team_seat(request.user, unit) if is_school else None
    context = {
        "unit": unit,
        "is_school": is_school,
        "team": (CaseTeamMember.objects.filter(unit=unit).select_related("user")
                 .order_by("-is_leader", "user__full_name") if is_school else []),
        "seat": seat,
        "case_user": is_case_user(request.user),
        "manages_team": is_school and (bool(seat and seat.is_leader) or is_school_principal(request.user, unit)),
        "sees_statistics": can(request.user, unit, Level.MANAGE),
    }
    return render(request, "safeguarding/home.html", context)
