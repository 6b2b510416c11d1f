"""Pages of the materials review (/ra-soat/). Reading a review is VIEW on its unit; uploading and
deciding on flags is EDIT (a teacher); sending the proposal upward is MANAGE. Officers above read
the proposals sent from their schools (/ra-soat/de-xuat/)."""


from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from binhdang.accounts.access import can, get_for_user, require_active_unit
from binhdang.accounts.roles import Level

from . import selectors, services
from .forms import FlagDecisionForm, LessonLinkForm, MaterialUploadForm, SendForm
from .messages import activity_rows, rule_label
from .models import MaterialReview, ReviewFlag

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def _get_review(request, uid, level=Level.VIEW) -> MaterialReview:
    queryset = MaterialReview.objects.select_related("unit", "unit__parent", "created_by", "lesson", "sent_by")
    return get_for_user(request.user, queryset, level=level, uid=uid)


def _errors(exc: ValidationError) -> list[str]:
    return [str(m) for m in exc.messages]


@login_required
def review_list_view(request):
    unit = require_active_unit(request, Level.VIEW)
    may_upload = can(request.user, unit, Level.EDIT) and not unit.is_closed
    posted = request.method == "POST"
    if posted:
        require_active_unit(request, Level.EDIT)
    form = MaterialUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if posted and form.is_valid():
        file = form.cleaned_data["file"]
        review = services.review_create(actor=request.user, unit=unit, name=file.name, data=form.file_bytes,
                                        title=form.cleaned_data["title"])
        return redirect("review:detail", uid=review.uid)
    return render(request, "review/review_list.html", {
        "unit": unit, "form": form, "may_upload": may_upload, "reviews": selectors.reviews_of(unit)[:100],
        "max_mb": settings.MAX_UPLOAD_MB})


@login_required
def review_status_view(request, uid):
    review = _get_review(request, uid)
    if review.status in (MaterialReview.Status.DONE, MaterialReview.Status.FAILED) and request.htmx:
        return HttpResponseClientRedirect(redirect("review:detail", uid=review.uid).url)
    return render(request, "review/_status.html", {"review": review})


@login_required
def review_detail_view(request, uid):
    review = _get_review(request, uid)
    may_edit = can(request.user, review.unit, Level.EDIT) and not review.sent_at
    flags = list(review.flags.select_related("decided_by"))
    for flag in flags:
        flag.rule_label = rule_label(flag.rule)
    return render(request, "review/review_detail.html", {
        "review": review, "unit": review.unit, "flags": flags, "may_edit": may_edit,
        "may_send": can(request.user, review.unit, Level.MANAGE) and not review.sent_at,
        "open_count": sum(f.decision == ReviewFlag.Decision.OPEN for f in flags),
        "accepted_count": sum(f.decision == ReviewFlag.Decision.ACCEPTED for f in flags),
        "lesson_form": LessonLinkForm(lessons=selectors.lesson_choices(review),
                                      initial={"lesson": str(review.lesson.uid) if review.lesson else ""})
        if may_edit else None,
        "send_form": SendForm(initial={"note": review.note}), "decisions": ReviewFlag.Decision,
        "summary": review.summary or {}, "activities": activity_rows(review.summary or {}),
    })


@login_required
@require_POST
def flag_decide_view(request, uid, flag_uid):
    review = _get_review(request, uid, Level.EDIT)
    flag = get_object_or_404(ReviewFlag, review=review, uid=flag_uid)
    form = FlagDecisionForm(request.POST)
    error = ""
    if form.is_valid():
        try:
            flag = services.flag_decide(actor=request.user, flag=flag, decision=form.cleaned_data["decision"],
                                        note=form.cleaned_data["note"])
        except ValidationError as exc:
            error = " ".join(_errors(exc))
    else:
        error = " ".join(e for errors in form.errors.values() for e in errors)
    if request.htmx:
        flag.rule_label = rule_label(flag.rule)
        return render(request, "review/_flag.html", {"flag": flag, "review": review, "may_edit": not review.sent_at,
                                                     "decisions": ReviewFlag.Decision, "error": error},
                      status=400 if error else 200)
    if error:
        messages.error(request, error)
    return redirect(f"{redirect('review:detail', uid=review.uid).url}#cau-{flag.position}")


def _submit(request, review: MaterialReview, form, action, success: str):
    """Run `action(form.cleaned_data)` for a valid form, with the message either way; back to the review."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
            messages.success(request, success)
        except ValidationError as exc:
            messages.error(request, " ".join(_errors(exc)))
    else:
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
    return redirect("review:detail", uid=review.uid)


@login_required
@require_POST
def lesson_link_view(request, uid):
    review = _get_review(request, uid, Level.EDIT)
    form = LessonLinkForm(request.POST, lessons=selectors.lesson_choices(review))
    return _submit(request, review, form, lambda data: services.review_link_lesson(
        actor=request.user, review=review, lesson=data["lesson"]),
        _("Đã cập nhật tiết dạy lồng ghép giới của tài liệu."))


@login_required
@require_POST
def send_view(request, uid):
    review = _get_review(request, uid, Level.MANAGE)
    return _submit(request, review, SendForm(request.POST), lambda data: services.review_send(
        actor=request.user, review=review, note=data["note"]), _("Đã gửi đề xuất lên cấp trên."))


@login_required
def proposals_view(request):
    unit = require_active_unit(request, Level.VIEW)
    return render(request, "review/proposals.html", {"unit": unit, "proposals": selectors.proposals_below(unit)[:200]})
