"""Writes of the materials review: upload (queued for the worker), the worker's run, the reviewer's
decisions on flags, the link to a lesson-integration record, and sending the proposal upward.

Who: a teacher (EDIT) uploads material and decides on its flags; sending the proposal to the
authority above is the school's business (MANAGE: the committee or the principal).
"""

import logging
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from binhdang.accounts.access import require
from binhdang.accounts.models import Membership
from binhdang.accounts.roles import ROLE_LEVEL, Level
from binhdang.activities.models import LessonIntegration
from binhdang.audit.services import record
from binhdang.core.notifications import notify
from binhdang.lib.vntext import nfc
from binhdang.orgs.models import OrgUnit

from .analysis import ReadError, read_material, review_material
from .messages import read_error_message
from .models import MaterialReview, ReviewFlag

logger = logging.getLogger(__name__)


@transaction.atomic
def review_create(*, actor, unit: OrgUnit, name: str, data: bytes, title: str = "") -> MaterialReview:
    """Store a checked file (see forms.MaterialUploadForm) and queue its review on the worker."""
    from .tasks import run_material_review  # the task module imports this one

    require(actor, unit, Level.EDIT)
    name = PurePath(name).name[:255]
    review = MaterialReview(unit=unit, created_by=actor if getattr(actor, "pk", None) else None,
                            original_name=name, title=(nfc(title) or PurePath(name).stem)[:300])
    # Stored under the review's uid, never under the name the user's computer gave it.
    review.file.save(f"{review.uid}{PurePath(name).suffix.lower()[:6]}", ContentFile(data), save=False)
    review.save()
    record(actor=actor, unit=unit, action="review.upload", target=review,
           details={"name": name, "bytes": len(data)})
    uid = str(review.uid)
    transaction.on_commit(lambda: run_material_review.enqueue(uid))
    return review


def _set_progress(review: MaterialReview, done: int, total: int) -> None:
    # Outside any transaction: the status page reads it while the review runs.
    MaterialReview.objects.filter(pk=review.pk).update(progress=min(99, done * 100 // max(total, 1)))


def review_run(*, review: MaterialReview) -> MaterialReview:
    """Read and analyse the stored file; keep the flags and the summary, or the reason it failed.
    The file is deleted either way."""
    MaterialReview.objects.filter(pk=review.pk).update(status=MaterialReview.Status.RUNNING, progress=0)
    report, error = None, ""
    try:
        with review.file.open("rb") as handle:
            data = handle.read()
        material = read_material(review.original_name, data)
        report = review_material(material, progress=lambda done, total: _set_progress(review, done, total))
    except ReadError as exc:
        error = read_error_message(exc)
    except Exception:  # a bug must not leave the review running for ever
        logger.exception("Material review %s failed", review.uid)
        error = _("Không rà soát được tệp do lỗi của chương trình; lỗi đã được ghi lại. Hãy thử lại sau.")
    stored, storage = review.file.name, review.file.storage
    with transaction.atomic():
        review.refresh_from_db()
        review.file, review.finished_at = "", timezone.now()
        if report is None:
            review.status, review.error, review.progress = MaterialReview.Status.FAILED, error, 0
        else:
            summary = report.to_json()
            summary.pop("flags")
            summary.update(sentences=report.sentences, good_examples=[t for _, t in report.counter_examples][:50],
                           good_example_count=len(report.counter_examples))
            review.status, review.progress, review.summary = MaterialReview.Status.DONE, 100, summary
            review.kind, review.legacy_encoding = report.kind, report.legacy_encoding
            ReviewFlag.objects.bulk_create(
                ReviewFlag(review=review, position=n, paragraph=f.paragraph.index + 1, line=f.paragraph.line,
                           page=f.paragraph.page, lesson=f.lesson[:200], sentence=f.sentence, rule=f.flag.rule,
                           evidence=f.flag.evidence[:300], explanation=f.flag.explanation,
                           suggestion=f.flag.suggestion)
                for n, f in enumerate(report.flags, start=1))
        review.save()
        record(actor=review.created_by, unit=review.unit, action="review.run", target=review,
               details={"status": review.status, "flags": len(report.flags) if report else 0,
                        "legacy_encoding": review.legacy_encoding, "error": error[:200]})
        transaction.on_commit(lambda: storage.delete(stored))
    return review


@transaction.atomic
def flag_decide(*, actor, flag: ReviewFlag, decision: str, note: str = "") -> ReviewFlag:
    require(actor, flag.review.unit, Level.EDIT)
    if decision not in ReviewFlag.Decision.values:
        raise ValidationError({"decision": _("Quyết định không hợp lệ: “%(value)s”.") % {"value": decision}})
    # Locked like review_send, so a decision cannot slip in while the proposal is being sent.
    if MaterialReview.objects.select_for_update().get(pk=flag.review_id).sent_at:
        raise ValidationError(_("Đề xuất đã gửi lên cấp trên; không sửa được ý kiến nữa."))
    flag.decision, flag.note = decision, nfc(note)[:2000]
    flag.decided_by = actor if decision != ReviewFlag.Decision.OPEN else None
    flag.decided_at = timezone.now() if decision != ReviewFlag.Decision.OPEN else None
    flag.save(update_fields=["decision", "note", "decided_by", "decided_at"])
    # The note may quote the material; the audit keeps the decision only.
    record(actor=actor, unit=flag.review.unit, action="review.flag_decide", target=flag.review,
           details={"flag": str(flag.uid), "position": flag.position, "decision": decision})
    return flag


@transaction.atomic
def review_link_lesson(*, actor, review: MaterialReview, lesson: LessonIntegration | None) -> MaterialReview:
    """Attach the review to a lesson of the school that integrated gender content (or detach it)."""
    require(actor, review.unit, Level.EDIT)
    if lesson is not None and lesson.unit_id != review.unit_id:
        raise ValidationError({"lesson": _("Tiết dạy “%(lesson)s” không thuộc đơn vị của tài liệu này.")
                               % {"lesson": lesson}})
    review.lesson = lesson
    review.save(update_fields=["lesson"])
    record(actor=actor, unit=review.unit, action="review.link_lesson", target=review,
           details={"lesson": str(lesson.uid) if lesson else None})
    return review


@transaction.atomic
def review_send(*, actor, review: MaterialReview, note: str) -> MaterialReview:
    """Send the proposal upward: every flag decided, at least one accepted; sent once."""
    require(actor, review.unit, Level.MANAGE)
    locked = MaterialReview.objects.select_for_update().get(pk=review.pk)
    if locked.status != MaterialReview.Status.DONE:
        raise ValidationError(_("Tài liệu chưa rà soát xong; chưa lập được đề xuất."))
    if locked.sent_at:
        raise ValidationError(_("Đề xuất này đã được gửi lên cấp trên."))
    open_count = locked.flags.filter(decision=ReviewFlag.Decision.OPEN).count()
    if open_count:
        raise ValidationError(ngettext("Còn %(n)d câu chưa có ý kiến (đồng ý sửa hoặc bỏ qua).",
                                       "Còn %(n)d câu chưa có ý kiến (đồng ý sửa hoặc bỏ qua).", open_count)
                              % {"n": open_count})
    accepted = locked.flags.filter(decision=ReviewFlag.Decision.ACCEPTED).count()
    if not accepted:
        raise ValidationError(_("Chưa có câu nào được đồng ý sửa: không có gì để đề xuất."))
    locked.note, locked.sent_at, locked.sent_by = nfc(note)[:5000], timezone.now(), actor
    locked.save(update_fields=["note", "sent_at", "sent_by"])
    told = _tell_above(locked)
    record(actor=actor, unit=locked.unit, action="review.send", target=locked,
           details={"accepted": accepted, "told": told,
                    "to": str(locked.unit.parent.uid) if locked.unit.parent_id else None})
    review.refresh_from_db()
    return review


def _tell_above(review: MaterialReview) -> int:
    """Notify the heads of the unit directly above (ADMIN roles there): the proposal is for them."""
    parent = review.unit.parent
    if parent is None:
        return 0
    heads = [role for role, level in ROLE_LEVEL.items() if level == Level.ADMIN]
    members = Membership.objects.filter(unit=parent, role__in=heads, is_active=True).select_related("user")
    url = reverse("review:detail", kwargs={"uid": review.uid})
    title = _("Đề xuất chỉnh sửa tài liệu từ %(unit)s") % {"unit": review.unit.name}
    return sum(notify(m.user, parent, "review", f"review:{review.uid}:sent:{m.user.pk}", title, review.title, url)
               for m in members)
