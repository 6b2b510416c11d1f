"""The calendar of the active unit (month or week, htmx navigation that also works as plain
links) and "my work" (the user's tasks and their activities not yet reported)."""

import datetime as dt

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone

from binhdang.accounts.access import get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.orgs.models import OrgUnit

from . import calendar, selectors_calendar


def _anchor(raw: str | None, today: dt.date) -> dt.date:
    """?ngay=YYYY-MM-DD; anything unreadable means today (a bad link still shows a calendar)."""
    try:
        return dt.date.fromisoformat(raw) if raw else today
    except ValueError:
        return today


def _link(view: str, day: dt.date, unit_query: str) -> str:
    return f"{reverse('activities:calendar')}?xem={view}&ngay={day.isoformat()}{unit_query}"


def _calendar_unit(request):
    """The active unit, or with ?don-vi=<uid> one unit below it that the user may read (an
    officer looking at one school); another unit is "not found" (404) like any object."""
    unit = require_active_unit(request, Level.VIEW)
    raw = request.GET.get("don-vi")
    if not raw:
        return unit, ""
    chosen = get_for_user(request.user, OrgUnit.objects.all(), level=Level.VIEW, unit_attr="", uid=raw)
    return chosen, f"&don-vi={chosen.uid}"


@login_required
def calendar_view(request):
    unit, unit_query = _calendar_unit(request)
    today = timezone.localdate()
    view = calendar.WEEK if request.GET.get("xem") == calendar.WEEK else calendar.MONTH
    per = calendar.period(view, _anchor(request.GET.get("ngay"), today))
    activities = selectors_calendar.calendar_activities(unit, per.start, per.end)
    days = selectors_calendar.by_day(activities, per.start, per.end)
    context = {
        "unit": unit, "per": per, "today": today, "weekdays": calendar.WEEKDAYS,
        "weeks": calendar.weeks(per, days, today),
        # The phone list: only the days with something on them.
        "listed": [{"date": day, "weekday": calendar.WEEKDAYS[day.weekday()], "items": items,
                    "today": day == today} for day, items in days.items() if items],
        "month": calendar.MONTH, "week": calendar.WEEK, "unit_query": unit_query,
        "links": {
            "previous": _link(view, per.previous, unit_query), "next": _link(view, per.next, unit_query),
            "today": _link(view, today, unit_query), calendar.MONTH: _link(calendar.MONTH, per.anchor, unit_query),
            calendar.WEEK: _link(calendar.WEEK, per.anchor, unit_query),
        },
    }
    template = "activities/_calendar.html" if request.htmx else "activities/calendar.html"
    return render(request, template, context)


@login_required
def my_work_view(request):
    unit = require_active_unit(request, Level.VIEW)
    today = timezone.localdate()
    tasks = list(selectors_calendar.my_tasks(request.user, unit))
    for task in tasks:
        # Overdue: the deadline has passed and the task still has work open (nothing done yet,
        # or activities still planned).
        task.overdue = bool(task.due_on and task.due_on < today and (task.done == 0 or task.planned > 0))
    unreported = selectors_calendar.unreported_activities(unit, today=today, author=request.user)
    return render(request, "activities/my_work.html",
                  {"unit": unit, "tasks": tasks, "unreported": list(unreported), "today": today})
