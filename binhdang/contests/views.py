"""Staff pages of contests: the list, opening one, results (by class, by student, participation,
questions most missed) and the personal-code slips. Thin: rules in services.py, reads in
selectors.py. Children's names (rankings, slips, exports) are read at the school itself."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts import access
from binhdang.accounts.roles import Level

from . import above, selectors, services
from .forms import ContestAboveForm, ContestForm
from .models import Contest, ContestClass


def contest_for(request, uid, level: Level) -> Contest:
    return access.get_for_user(request.user, Contest.objects.select_related("unit", "activity", "parent__unit"),
                               level=level, uid=uid)


def require_at_school(request, contest: Contest) -> None:
    """Names of children are shown only with the contest's school chosen in the switcher."""
    if getattr(request, "active_unit", None) != contest.unit:
        raise PermissionDenied


@login_required
def list_view(request):
    unit = access.require_active_unit(request, Level.VIEW)
    may_create = access.can(request.user, unit, Level.EDIT) and not unit.is_closed
    return render(request, "contests/list.html", {
        "unit": unit, "contests": selectors.contests_of(unit), "may_create": may_create,
        "may_import": access.can(request.user, unit, Level.MANAGE)})


@login_required
def create_view(request):
    unit = access.require_active_unit(request, Level.EDIT)
    # A school opens a contest for its classes; a commune or Sở for grades of every school below.
    form_class, create = ((ContestForm, services.contest_create) if unit.is_school
                          else (ContestAboveForm, above.contest_create_above))
    form = form_class(request.POST if request.method == "POST" else None, unit=unit)
    if request.method == "POST" and form.is_valid():
        try:
            contest = create(actor=request.user, unit=unit, **form.service_kwargs())
        except ValidationError as error:
            problems = error.message_dict.items() if hasattr(error, "error_dict") else [(None, error.messages)]
            for name, errors in problems:
                form.add_error(name if name in form.fields else None, errors)
        else:
            done = (_("Đã mở cuộc thi. Phát mã lớp và phiếu mã cá nhân cho học sinh.") if unit.is_school
                    else _("Đã mở cuộc thi. Mỗi trường trực thuộc nhận mã lớp và phiếu mã cá nhân trên trang "
                           "cuộc thi của trường."))
            messages.success(request, done)
            return redirect("contests:detail", uid=contest.uid)
    return render(request, "contests/form.html", {"unit": unit, "form": form},
                  status=400 if request.method == "POST" else 200)


@login_required
def detail_view(request, uid):
    contest = contest_for(request, uid, Level.VIEW)
    at_school = getattr(request, "active_unit", None) == contest.unit
    if contest.is_above_schools:
        template = "contests/_above_status.html" if request.htmx else "contests/detail_above.html"
        return render(request, template, {
            "contest": contest, "schools": selectors.school_summary(contest),
            "participation": selectors.participation(contest), "missed": selectors.most_missed(contest)})
    return render(request, "contests/detail.html", {
        "contest": contest, "classes": selectors.class_summary(contest),
        "participation": selectors.participation(contest), "missed": selectors.most_missed(contest),
        "ranking": selectors.ranking(contest)[:10] if at_school else None, "at_school": at_school,
        "may_edit": access.can(request.user, contest.unit, Level.EDIT)})


def _contest_class(contest: Contest, class_uid) -> ContestClass:
    """A class of the contest (or its staff group) by the group's own uid."""
    return get_object_or_404(ContestClass.objects.select_related("school_class"), contest=contest, uid=class_uid)


@login_required
def class_view(request, uid, class_uid):
    contest = contest_for(request, uid, Level.VIEW)
    require_at_school(request, contest)
    contest_class = _contest_class(contest, class_uid)
    ranking = selectors.ranking(contest, contest_class)
    took_part = {row.entrant.pk for row in ranking}
    absent = [e for e in contest_class.entrants.select_related("student", "staff") if e.pk not in took_part]
    return render(request, "contests/class.html", {
        "contest": contest, "contest_class": contest_class, "ranking": ranking, "absent": absent})


@login_required
def slips_view(request, uid, class_uid):
    contest = contest_for(request, uid, Level.EDIT)
    require_at_school(request, contest)
    contest_class = _contest_class(contest, class_uid)
    return render(request, "contests/slips.html", {
        "contest": contest, "contest_class": contest_class,
        "entrants": contest_class.entrants.select_related("student", "staff")})


@login_required
@require_POST
def class_refresh_view(request, uid, class_uid):
    contest = contest_for(request, uid, Level.EDIT)
    contest_class = _contest_class(contest, class_uid)
    added = services.contest_class_refresh(actor=request.user, contest_class=contest_class)
    messages.success(request, _("Đã thêm %(n)s người mới vào danh sách %(name)s.") % {
        "n": added, "name": contest_class.label})
    return redirect("contests:detail", uid=contest.uid)
