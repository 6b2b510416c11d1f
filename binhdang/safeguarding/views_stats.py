"""Statistics upward (issue 5, item 6): counts of consented cases of the active unit and the
schools below it, with small cells suppressed (see statistics.py). Counts only: no case link,
and no breakdown per school (a small school's cell would point at a child)."""

import csv
import datetime as dt

from django import forms
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from binhdang.accounts.access import require_active_unit
from binhdang.accounts.roles import Level

from .statistics import case_counts

# School years (1 September to 31 August) rather than calendar years: schools plan, report and
# are judged by school year, and the programme's indicators and reports follow the same year.
YEARS_SHOWN = 6


def school_year_of(day: dt.date) -> int:
    return day.year if day.month >= 9 else day.year - 1


def school_year_bounds(year: int) -> tuple[dt.date, dt.date]:
    return dt.date(year, 9, 1), dt.date(year + 1, 8, 31)


class YearForm(forms.Form):
    nam = forms.TypedChoiceField(label=gettext_lazy("Năm học"), coerce=int, error_messages={
        "invalid_choice": gettext_lazy("Năm học không có trong danh sách.")})

    def __init__(self, *args, current: int, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["nam"].choices = [(y, f"{y}–{y + 1}") for y in range(current, current - YEARS_SHOWN, -1)]


@login_required
@never_cache
@require_GET
def statistics_view(request):
    # Principals and officers (ADMIN) and the committee (MANAGE) of the active unit; lower roles 403.
    unit = require_active_unit(request, Level.MANAGE)
    current = school_year_of(timezone.localdate())
    form = YearForm(request.GET if "nam" in request.GET else {"nam": current}, current=current)
    if not form.is_valid():
        return render(request, "safeguarding/stats/statistics.html", {"unit": unit, "form": form}, status=400)
    year = form.cleaned_data["nam"]
    table = case_counts(unit, *school_year_bounds(year))
    if request.GET.get("format") == "csv":
        return _csv(table, year)
    return render(request, "safeguarding/stats/statistics.html", {
        "unit": unit, "form": form, "table": table, "year": year,
        "rows": [row for row in table.rows if row.total.count],
    })


def _csv(table, year: int) -> HttpResponse:
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="thong-ke-bao-ve-hoc-sinh-{year}-{year + 1}.csv"'
    response.write("\ufeff")  # so that spreadsheet programs read the Vietnamese letters as UTF-8
    writer = csv.writer(response)
    writer.writerow([_("Loại việc"), _("Giới tính"), *[label for _band, label in table.bands], _("Tổng")])
    for row in table.rows:
        writer.writerow([row.category_label, row.sex_label, *[c.shown() for c in row.cells], row.total.shown()])
    writer.writerow([_("Tổng"), "", *[c.shown() for c in table.column_totals], table.total.shown()])
    return response
