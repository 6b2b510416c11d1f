"""The student's pages (no account): join with the class code, sign in with the personal code,
answer (each answer saved at once by fetch, or by the form without script), submit, see the
explanations. Rules in attempts.py; the browser's entrant in play.py."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from . import attempts, play
from .models import ContestClass, Entrant


def join_view(request):
    error = ""
    if request.method == "POST":
        code = (request.POST.get("code") or "").strip().upper().replace(" ", "")
        if ContestClass.objects.filter(join_code=code).exists():
            return redirect("contests:join_class", code=code)
        error = _("Mã lớp: không tìm thấy mã này. Hãy xem lại mã thầy cô cho.")
    return render(request, "contests/join.html", {"error": error}, status=400 if error else 200)


def _contest_class(code: str) -> ContestClass:
    try:
        return ContestClass.objects.select_related("contest", "school_class").get(join_code=code.upper())
    except ContestClass.DoesNotExist as exc:
        raise Http404 from exc


def join_class_view(request, code):
    contest_class = _contest_class(code)
    entrants = list(contest_class.entrants.select_related("student", "staff"))
    error, chosen = "", request.POST.get("entrant", "")
    if request.method == "POST":
        entrant = next((e for e in entrants if str(e.number) == chosen), None)
        try:
            if entrant is None:
                raise ValidationError(_("Tên: hãy chọn tên của em trong danh sách lớp."))
            attempts.entrant_sign_in(entrant=entrant, pin=request.POST.get("pin", ""))
            play.remember(request, entrant)
            attempt = attempts.attempt_open(entrant=entrant)
        except ValidationError as exc:
            error = " ".join(exc.messages)
            if entrant is not None and play.entrant_id(request, contest_class.contest) == entrant.pk:
                # Signed in but no attempt can start (all used, contest over): the last result.
                last = entrant.attempts.filter(submitted_at__isnull=False).order_by("-number").first()
                if last is not None:
                    messages.info(request, error)
                    return redirect("contests:result", uid=last.uid)
        else:
            return redirect("contests:attempt", uid=attempt.uid)
    return render(request, "contests/join_class.html", {
        "contest_class": contest_class, "contest": contest_class.contest, "error": error, "chosen": chosen,
        "entrants": [(e.number, play.display_name(e.person)) for e in entrants]},
        status=400 if error else 200)


def attempt_view(request, uid):
    attempt = play.attempt_for(request, uid)
    if attempt.submitted_at is None and attempt.deadline <= timezone.now():
        attempt = attempts.attempt_submit(attempt=attempt, quiet=True)
        messages.info(request, _("Đã hết giờ: bài được nộp với các câu đã trả lời."))
    if attempt.submitted_at is not None:
        return redirect("contests:result", uid=attempt.uid)
    rows = play.sheet(attempt)
    return render(request, "contests/attempt.html", {
        "attempt": attempt, "contest": attempt.contest, "rows": rows,
        "answered": sum(1 for row in rows if row["answer"].answered_at),
        "seconds_left": max(0, int((attempt.deadline - timezone.now()).total_seconds()))})


def _wants_json(request) -> bool:
    return request.headers.get("X-Requested-With") == "fetch"


@require_POST
def answer_view(request, uid):
    attempt = play.attempt_for(request, uid, related=False)
    try:
        attempts.answer_save(attempt=attempt, question_uid=request.POST.get("question", ""),
                             choice_ids=request.POST.getlist("choice"), text=request.POST.get("text", ""))
    except attempts.AttemptClosed as exc:
        if _wants_json(request):
            return JsonResponse({"error": " ".join(exc.messages)}, status=409)
        messages.error(request, " ".join(exc.messages))
        return redirect("contests:attempt", uid=attempt.uid)
    except ValidationError as exc:
        if _wants_json(request):
            return JsonResponse({"error": " ".join(exc.messages)}, status=400)
        messages.error(request, " ".join(exc.messages))
    else:
        if _wants_json(request):
            return JsonResponse({"saved": True})
        messages.success(request, _("Đã lưu câu trả lời."))
    return redirect("contests:attempt", uid=attempt.uid)


@require_POST
def submit_view(request, uid):
    attempt = play.attempt_for(request, uid)
    try:
        attempts.attempt_submit(attempt=attempt)
    except attempts.AlreadySubmitted as exc:
        messages.info(request, " ".join(exc.messages))
    return redirect("contests:result", uid=attempt.uid)


def result_view(request, uid):
    attempt = play.attempt_for(request, uid)
    if attempt.submitted_at is None:
        return redirect("contests:attempt", uid=attempt.uid)
    contest = attempt.contest
    used = attempt.entrant.attempts.count()
    may_retry = used < contest.max_attempts and contest.opens_at <= timezone.now() < contest.closes_at
    return render(request, "contests/result.html", {
        "attempt": attempt, "contest": contest, "rows": play.sheet(attempt), "may_retry": may_retry})


@require_POST
def again_view(request, uid):
    attempt = play.attempt_for(request, uid)
    entrant = Entrant.objects.select_related("contest_class__contest").get(pk=attempt.entrant_id)
    try:
        new = attempts.attempt_open(entrant=entrant)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("contests:result", uid=attempt.uid)
    return redirect("contests:attempt", uid=new.uid)
