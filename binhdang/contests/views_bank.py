"""The question bank pages: the list (shared bank, the units above and the unit's own), the XLSX
export (VIEW) and the XLSX import into the unit's own bank (MANAGE)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.lib.vntext import fold

from . import bank
from .forms import ImportForm
from .models import Question, Topic
from .views_files import XLSX, _file

SHOWN = 300


def questions_for(unit):
    units = [unit.pk, *(u.pk for u in unit.ancestors())]
    return Question.objects.filter(Q(unit__isnull=True) | Q(unit__in=units), is_active=True).order_by("code", "pk")


@login_required
def bank_view(request):
    unit = access.require_active_unit(request, Level.VIEW)
    questions = questions_for(unit).select_related("legal_document", "unit")
    topic, search = request.GET.get("chu-de", ""), request.GET.get("q", "").strip()
    if topic in Topic.values:
        questions = questions.filter(topic=topic)
    rows = list(questions)
    if search:
        wanted = fold(search)
        rows = [q for q in rows if wanted in fold(q.text) or wanted in fold(q.code)]
    return render(request, "contests/bank.html", {
        "unit": unit, "questions": rows[:SHOWN], "total": len(rows), "topics": Topic.choices, "topic": topic,
        "search": search, "may_import": access.can(request.user, unit, Level.MANAGE) and not unit.is_closed})


@login_required
def bank_export_view(request):
    unit = access.require_active_unit(request, Level.VIEW)
    return _file(bank.export_xlsx(questions_for(unit)), XLSX, "ngan-hang-cau-hoi.xlsx")


@login_required
def bank_import_view(request):
    unit = access.require_active_unit(request, Level.MANAGE)
    form = ImportForm(request.POST or None, request.FILES or None)
    errors = []
    if request.method == "POST" and form.is_valid():
        try:
            created, updated = bank.questions_import(actor=request.user, unit=unit, source=form.cleaned_data["file"])
        except ValidationError as exc:
            errors = exc.messages
        else:
            messages.success(request, _("Đã nhập: %(created)s câu hỏi mới, %(updated)s câu cập nhật.") % {
                "created": created, "updated": updated})
            return redirect("contests:bank")
    return render(request, "contests/bank_import.html", {"unit": unit, "form": form, "errors": errors},
                  status=400 if request.method == "POST" else 200)
