"""A student's attempts: sign in with the personal code, start or resume, answer, submit.

The server is the clock: an attempt's deadline is fixed when it starts (the time limit, never
past the contest's close) and an answer arriving after it is refused. Each answer is saved as it
is given, so a dropped connection loses nothing and signing in again resumes the same attempt.
A submission is one conditional UPDATE (submitted_at still empty), so two submits racing each
other score the attempt once.
"""

import datetime as dt
import secrets

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from binhdang.audit.services import record

from . import drawing, scoring
from .models import Answer, Attempt, Contest, Entrant, QuestionKind

MAX_PIN_FAILURES = 5
LOCK_MINUTES = 10


class AttemptClosed(ValidationError):
    """The attempt takes no more answers (time is up, or it was submitted)."""


class AlreadySubmitted(ValidationError):
    pass


def _local_time(moment) -> str:
    return date_format(timezone.localtime(moment), "H:i")


def entrant_sign_in(*, entrant: Entrant, pin: str) -> None:
    """Check the personal code; after MAX_PIN_FAILURES wrong codes the entrant waits LOCK_MINUTES
    (a 4-digit code must not be guessable by trying them all)."""
    now = timezone.now()
    with transaction.atomic():
        entrant = Entrant.objects.select_for_update().get(pk=entrant.pk)
        if entrant.locked_until and entrant.locked_until > now:
            raise ValidationError(_("Mã cá nhân: đã nhập sai quá nhiều lần, hãy thử lại sau %(time)s.") % {
                "time": _local_time(entrant.locked_until)})
        # Bytes: compare_digest refuses non-ASCII text, and a child may type anything.
        if secrets.compare_digest((pin or "").strip().encode(), entrant.pin.encode()):
            if entrant.failed_pins:
                Entrant.objects.filter(pk=entrant.pk).update(failed_pins=0, locked_until=None)
            return
        failed = entrant.failed_pins + 1
        locked = now + dt.timedelta(minutes=LOCK_MINUTES) if failed >= MAX_PIN_FAILURES else None
        Entrant.objects.filter(pk=entrant.pk).update(failed_pins=0 if locked else failed, locked_until=locked)
    raise ValidationError(_("Mã cá nhân: không đúng. Hãy xem lại phiếu thầy cô phát."))


def _create(entrant: Entrant, contest: Contest, number: int, now) -> Attempt:
    seed = secrets.randbits(48)
    question_ids = drawing.draw(contest, entrant.contest_class.grade, seed)
    deadline = min(now + dt.timedelta(minutes=contest.time_limit_minutes), contest.closes_at)
    attempt = Attempt.objects.create(contest=contest, entrant=entrant, number=number, seed=seed, started_at=now,
                                     deadline=deadline, max_score=len(question_ids))
    Answer.objects.bulk_create(Answer(attempt=attempt, question_id=qid, position=position)
                               for position, qid in enumerate(question_ids, start=1))
    record(actor=None, unit=contest.unit, action="contests.attempt_start", target=attempt, details={
        "contest": contest.pk, "entrant": entrant.pk, "number": number, "questions": len(question_ids)})
    return attempt


def attempt_open(*, entrant: Entrant) -> Attempt:
    """The entrant's running attempt, or a new one while the contest is open and attempts remain."""
    # Expired attempts are closed in their own transactions first: a refusal below (no attempts
    # left) must not roll their closing back.
    for expired in Attempt.objects.filter(entrant=entrant, submitted_at__isnull=True, deadline__lte=timezone.now()):
        attempt_submit(attempt=expired, quiet=True)
    return _open(entrant)


@transaction.atomic
def _open(entrant: Entrant) -> Attempt:
    # Only the entrant's row is locked (the staff group's class is an outer join PostgreSQL cannot lock).
    entrant = Entrant.objects.select_for_update(of=("self",)).select_related(
        "contest_class__contest__unit", "contest_class__school_class").get(pk=entrant.pk)
    contest, now = entrant.contest_class.contest, timezone.now()
    attempts = list(Attempt.objects.filter(entrant=entrant).order_by("number"))
    for attempt in attempts:
        if attempt.submitted_at is None and attempt.deadline > now:
            return attempt
    if now < contest.opens_at:
        raise ValidationError(_("Cuộc thi chưa mở: bắt đầu lúc %(time)s ngày %(date)s.") % {
            "time": _local_time(contest.opens_at), "date": date_format(timezone.localtime(contest.opens_at), "d/m/Y")})
    if now >= contest.closes_at:
        raise ValidationError(_("Cuộc thi đã kết thúc."))
    if len(attempts) >= contest.max_attempts:
        raise ValidationError(_("Em đã làm hết %(n)s lượt của cuộc thi này.") % {"n": contest.max_attempts})
    return _create(entrant, contest, len(attempts) + 1, now)


# {(question id, updated_at): {choice id: is_correct}}: every answer needs its question's choices,
# and they change only with the question (an import saves the question, moving updated_at).
_CHOICES: dict = {}


def _choices(question) -> dict[int, bool]:
    key = (question.pk, question.updated_at)
    if key not in _CHOICES:
        if len(_CHOICES) > 5000:
            _CHOICES.clear()
        _CHOICES[key] = dict(question.choices.values_list("pk", "is_correct"))
    return _CHOICES[key]


def answer_save(*, attempt: Attempt, question_uid, choice_ids=(), text: str = "") -> Answer:
    """Check and score the answer, then store it if the attempt still takes answers. No audit row:
    answers are a child's quiz, not a privileged write, and there are thousands of them."""
    try:
        answer = Answer.objects.select_related("question").get(attempt_id=attempt.pk, question__uid=question_uid)
    except (Answer.DoesNotExist, ValidationError, ValueError) as exc:
        raise ValidationError(_("Câu hỏi không thuộc bài làm này.")) from exc
    question = answer.question
    choices = _choices(question)
    chosen = set()
    for value in choice_ids:
        try:
            chosen.add(int(value))
        except (TypeError, ValueError):
            chosen.add(-1)
    if not chosen <= set(choices):
        raise ValidationError(_("Phương án không thuộc câu hỏi này."))
    if question.kind != QuestionKind.MULTIPLE and len(chosen) > 1:
        raise ValidationError(_("Câu này chỉ chọn một phương án."))
    text = (text or "").strip()[:200] if question.kind == QuestionKind.SHORT else ""
    answer.choice_ids, answer.text = sorted(chosen), text
    answer.is_correct = scoring.is_correct(question.kind, {pk for pk, ok in choices.items() if ok},
                                           question.accepted_answers, chosen, text)
    # Only the check of the attempt and the write hold the lock (the reads above do not): the row
    # lock orders this answer against a submit of the same attempt.
    with transaction.atomic():
        deadline, submitted_at = Attempt.objects.select_for_update().values_list("deadline", "submitted_at").get(
            pk=attempt.pk)
        now = timezone.now()
        if submitted_at is not None:
            raise AttemptClosed(_("Bài đã nộp: không sửa câu trả lời được nữa."))
        if now > deadline:
            raise AttemptClosed(_("Đã hết giờ làm bài lúc %(time)s: câu trả lời này không được ghi nhận.") % {
                "time": _local_time(deadline)})
        answer.answered_at = now
        answer.save(update_fields=["choice_ids", "text", "is_correct", "answered_at"])
    return answer


@transaction.atomic
def attempt_submit(*, attempt: Attempt, quiet: bool = False) -> Attempt:
    """Score and close the attempt, once; `quiet` = closing an expired attempt (no error if done)."""
    now = timezone.now()
    # Closing first takes the row lock, so an answer still in flight either finished before (and
    # is counted below) or waits and is then refused as submitted.
    done = Attempt.objects.filter(pk=attempt.pk, submitted_at__isnull=True).update(
        submitted_at=min(now, attempt.deadline))
    if not done:
        attempt.refresh_from_db()
        if quiet:
            return attempt
        raise AlreadySubmitted(_("Bài này đã được nộp rồi."))
    score = Answer.objects.filter(attempt=attempt, is_correct=True).count()
    Attempt.objects.filter(pk=attempt.pk).update(score=score)
    attempt.refresh_from_db()
    record(actor=None, unit=attempt.contest.unit, action="contests.attempt_submit", target=attempt, details={
        "contest": attempt.contest_id, "entrant": attempt.entrant_id, "score": score, "max": attempt.max_score,
        "late": now > attempt.deadline})
    first = not Attempt.objects.filter(entrant_id=attempt.entrant_id, submitted_at__isnull=False).exclude(
        pk=attempt.pk).exists()
    if first:
        from .tasks import sync_participation

        uid = str(attempt.contest.uid)
        transaction.on_commit(lambda: sync_participation.enqueue(uid))
    return attempt
