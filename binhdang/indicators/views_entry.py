"""Hand entry of manual indicators, completeness and period locks (thin views)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import require_active_unit, require_authority_unit
from binhdang.accounts.roles import Level

from . import entry, services
from . import selectors_entry as selectors
from .periods import PeriodError, current, parse, recent


def _period(request) -> str:
    period = (request.POST.get("ky") or request.GET.get("ky") or current()).strip()
    try:
        start, _end = parse(period)
    except PeriodError as exc:
        raise Http404 from exc
    if start > timezone.localdate():
        raise Http404  # a year that has not begun has nothing to enter, mark or lock
    return period


def _entry_url(period: str) -> str:
    return f"{reverse('indicators:entry')}?ky={period}"


@login_required
def entry_form(request):
    unit = require_active_unit(request, Level.MANAGE)
    period = _period(request)
    indicators = selectors.manual_indicators(unit)
    stored = selectors.stored_rows(unit, period, indicators)
    lock = selectors.lock_over(unit, period)
    problems, needs_confirm = [], False
    if request.method == "POST":
        lines = entry.lines_from_post(indicators, request.POST)
        if not any(line.errors for line in lines) and "confirm" not in request.POST and lock is None:
            previous = selectors.previous_period(period)
            entry.flag_outliers(lines, stored, selectors.stored_rows(unit, previous, indicators), previous)
            needs_confirm = any(line.warnings for line in lines)
        if not any(line.errors for line in lines) and not needs_confirm:
            try:
                changed = services.values_enter(unit=unit, period=period, lines=lines, actor=request.user)
            except ValidationError as exc:
                problems = exc.messages
            else:
                messages.success(request, _("Đã lưu số liệu năm học %(period)s (%(count)s ô thay đổi).")
                                 % {"period": period, "count": changed})
                return redirect(_entry_url(period))
    else:
        lines = entry.lines_from_stored(indicators, stored)
    return render(request, "indicators/entry.html", {
        "unit": unit, "period": period, "periods": recent(5, until=max(current(), period)), "lines": lines,
        "lock": lock, "problems": problems, "needs_confirm": needs_confirm,
        "completeness": selectors.completeness(unit, period),
    })


@login_required
@require_POST
def entry_complete(request):
    unit = require_active_unit(request, Level.MANAGE)
    period = _period(request)
    complete = request.POST.get("action") != "unmark"
    try:
        services.completeness_set(unit=unit, period=period, complete=complete, actor=request.user)
    except ValidationError as exc:
        messages.error(request, exc.messages[0])
    else:
        messages.success(request, _("Đã đánh dấu số liệu năm học %(period)s là hoàn thành.") % {"period": period}
                         if complete else _("Đã bỏ đánh dấu hoàn thành năm học %(period)s.") % {"period": period})
    return redirect(_entry_url(period))


@login_required
def period_locks(request):
    """The authority's page: lock a period for every unit below. A school has no unit below to lock,
    and locking its own figures would let it unlock them too, so the page is for units above it."""
    unit = require_authority_unit(request)
    period = _period(request)
    if request.method == "POST":
        locked = request.POST.get("action") != "unlock"
        services.period_lock_set(unit=unit, period=period, locked=locked, actor=request.user)
        messages.success(request, _("Đã khoá số liệu năm học %(period)s.") % {"period": period} if locked
                         else _("Đã mở khoá số liệu năm học %(period)s.") % {"period": period})
        return redirect(f"{reverse('indicators:lock')}?ky={period}")
    below = selectors.units_below(unit, period)
    return render(request, "indicators/locks.html", {
        "unit": unit, "period": period, "periods": recent(5, until=max(current(), period)),
        "lock": selectors.lock_over(unit, period), "below": below,
        "complete_count": sum(1 for row in below if row["marked_at"]),
    })
