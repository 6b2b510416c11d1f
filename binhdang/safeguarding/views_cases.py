"""The case team's pages: the list of cases (with clocks) and one case. Every fetch goes through
access.case_view / case_list_guard: 404 for anyone not on the school's case team or named on a
referral."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .access import case_list_guard, case_view, cases_for_user
from .selectors import case_detail
from .selectors_parts import parts_context


@login_required
@never_cache
@require_GET
def case_list_view(request):
    refused = case_list_guard(request)
    if refused is not None:
        return refused
    cases = cases_for_user(request.user).select_related("unit")
    return render(request, "safeguarding/case/list.html", {"cases": cases})


@never_cache
@require_GET
@case_view()
def case_detail_view(request, access):
    context = case_detail(access)
    context.update(parts_context(access))
    return render(request, "safeguarding/case/detail.html", context)
