"""The case team's pages: the list of cases (with clocks) and one case. Every fetch goes through
access.case_view / case_list_guard: 404 for anyone not on the school's case team or named on a
referral. The writes on a case are in views_workflow."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from .access import case_list_guard, case_view
from .selectors import case_detail, case_rows
from .selectors_parts import parts_context
from .views_workflow import step_forms

# ?trang-thai=mo (open only) or =dong (closed only); anything else shows both sections.
SHOW = {"mo": "open", "dong": "closed"}


@login_required
@never_cache
@require_GET
def case_list_view(request):
    refused = case_list_guard(request)
    if refused is not None:
        return refused
    show = SHOW.get(request.GET.get("trang-thai", ""), "")
    rows = case_rows(request.user, show=show)
    return render(request, "safeguarding/case/list.html", {**rows, "show": show})


@never_cache
@require_GET
@case_view()
def case_detail_view(request, access):
    context = case_detail(access)
    context.update(parts_context(access))
    context["step_forms"] = step_forms(access)
    return render(request, "safeguarding/case/detail.html", context)
