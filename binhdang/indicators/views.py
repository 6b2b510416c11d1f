"""Dashboards (issue 6, item 4): `/chi-so/` shows the figures of the active unit (or of a unit
below it, `?don-vi=<uid>`), `/chi-so/<code>/` one indicator across the units below; `?ky=` picks
the school year and `?format=csv|xlsx` downloads the rows the page shows."""

import uuid

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level
from binhdang.orgs.models import OrgUnit

from . import charts, exporting, periods, selectors
from .exporting import Line
from .models import Indicator


class BadRequest(Exception):
    pass


def _scope(request) -> tuple[OrgUnit, OrgUnit, str]:
    """(unit shown, active unit, period). The active unit needs VIEW; a unit picked by drill-down
    must be one the user sees (404 otherwise, as for any object outside their units)."""
    active = require_active_unit(request, Level.VIEW)
    unit = active
    if uid := request.GET.get("don-vi"):
        try:
            uid = uuid.UUID(uid)
        except ValueError as exc:  # a mangled link: as if the unit did not exist
            raise Http404 from exc
        unit = get_for_user(request.user, OrgUnit.objects.all(), level=Level.VIEW, unit_attr="", uid=uid)
    period = request.GET.get("ky") or periods.current()
    try:
        periods.parse(period)
    except periods.PeriodError as exc:
        raise BadRequest(_("Kỳ (ky): %(error)s") % {"error": exc}) from exc
    fmt = request.GET.get("format")
    if fmt is not None and fmt not in exporting.FORMATS:
        raise BadRequest(_("Định dạng (format) “%(fmt)s” không hỗ trợ: chọn csv hoặc xlsx.") % {"fmt": fmt})
    return unit, active, period


def _download(request, lines: list[Line], name: str) -> HttpResponse:
    fmt = request.GET["format"]
    content, content_type = exporting.render(exporting.table(lines), fmt, _("Chỉ số"))
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _bad(request, error: BadRequest) -> HttpResponse:
    return render(request, "indicators/bad_request.html", {"message": str(error)}, status=400)


def _periods(period: str) -> list[str]:
    choices = periods.recent(selectors.TREND_YEARS)
    return choices if period in choices else [*choices, period]


@login_required
@require_GET
def dashboard(request):
    try:
        unit, active, period = _scope(request)
    except BadRequest as error:
        return _bad(request, error)
    rows = selectors.unit_figures(unit, period, active)
    if "format" in request.GET:
        lines = [Line(unit, key, cell, period) for row in rows
                 for key, cell in (("", row.total), *row.by_sex.items())]
        return _download(request, lines, f"chi-so-{unit.code}-{period}")
    for row in rows:
        row.spark = charts.sparkline(row.trend)
    return render(request, "indicators/dashboard.html", {
        "unit": unit, "active": active, "period": period, "periods": _periods(period), "rows": rows,
        "is_school": unit.is_school, "drilled": unit != active,
        # Links to the other indicator pages, shown only to whom they are open.
        "may_enter": can(request.user, active, Level.MANAGE),
        "may_lock": not active.is_school and can(request.user, active, Level.ADMIN),
    })


@login_required
@require_GET
def indicator_view(request, code):
    try:
        unit, active, period = _scope(request)
    except BadRequest as error:
        return _bad(request, error)
    indicator = get_object_or_404(Indicator, code=code, is_active=True)
    own = selectors.unit_figures(unit, period, active, only=indicator)[0]
    kids = [] if unit.is_school else selectors.child_figures(unit, indicator, period, active)
    summary = [Line(unit, key, cell, period) for key, cell in (("", own.total), *own.by_sex.items())]
    lines = [Line(kid, "", cell, period) for kid, cell in kids]
    if "format" in request.GET:
        return _download(request, summary + lines, f"chi-so-{indicator.code}-{unit.code}-{period}")
    return render(request, "indicators/indicator.html", {
        "unit": unit, "active": active, "period": period, "periods": _periods(period), "indicator": indicator,
        "own": own, "summary": summary, "lines": lines, "spark": charts.sparkline(own.trend),
        "chart": charts.bars([(kid.name, cell) for kid, cell in kids]) if kids else None,
        "spread": None if unit.is_school else selectors.spread(unit, indicator, period),
        "parent_link": None if unit == active else selectors.parent_within(unit, active, period),
    })
