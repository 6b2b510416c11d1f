"""Staff and student lists of the active school."""

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import render

from binhdang.accounts.access import require_active_unit
from binhdang.accounts.roles import Level

from . import selectors

PAGE_SIZE = 50


def _page(request, queryset):
    return Paginator(queryset, PAGE_SIZE).get_page(request.GET.get("trang"))


def _school_only(request, unit):
    """Rosters are read at the school: the levels above see aggregated figures, not names
    (children's data kept to the minimum)."""
    return render(request, "people/not_school.html", {"unit": unit})


@login_required
def staff_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    if not unit.is_school:
        return _school_only(request, unit)
    query = request.GET.get("q", "")
    page = _page(request, selectors.staff_list(unit, query=query).prefetch_related("body_memberships__body"))
    template = "people/_staff_rows.html" if request.htmx else "people/staff_list.html"
    return render(request, template, {"page": page, "q": query, "unit": unit})


@login_required
def student_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    if not unit.is_school:
        return _school_only(request, unit)
    query = request.GET.get("q", "")
    class_uid = request.GET.get("lop", "")
    year = selectors.current_school_year()
    students = selectors.student_list(unit, query=query, class_uid=class_uid, school_year=year)
    classes = unit.classes.filter(school_year=year).order_by("grade", "name") if year else []
    template = "people/_student_rows.html" if request.htmx else "people/student_list.html"
    return render(request, template, {"page": _page(request, students), "q": query, "unit": unit,
                                      "classes": classes, "class_uid": class_uid, "year": year})
