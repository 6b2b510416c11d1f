"""The proposal DOCX on the worker: asked for on the review's page (or the list of proposals above),
made by `tasks.render_proposal`, reused while the review's decisions stay the same."""

import hashlib
import logging

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.services import worker_file_finish

from .models import MaterialReview, ProposalFile
from .proposal import proposal_document, proposal_filename

logger = logging.getLogger(__name__)


def _basis(review: MaterialReview) -> str:
    """Everything the proposal shows that can change: each flag's decision, note and suggestion, the
    reviewer's note and the sending."""
    flags = review.flags.order_by("position").values_list("pk", "decision", "note", "suggestion")
    text = repr((list(flags), review.note, review.sent_at, review.title))
    return hashlib.sha256(text.encode()).hexdigest()


@transaction.atomic
def proposal_request(*, actor, review: MaterialReview) -> ProposalFile:
    if review.status != MaterialReview.Status.DONE:
        raise ValidationError(_("Tài liệu chưa rà soát xong; chưa lập được đề xuất."))
    MaterialReview.objects.select_for_update().filter(pk=review.pk).first()  # two clicks, one run
    basis = _basis(review)
    made = ProposalFile.objects.filter(review=review, basis=basis, status__in=[
        ProposalFile.Status.DONE, ProposalFile.Status.PENDING]).first()
    if made is None:
        made = ProposalFile.objects.create(review=review, basis=basis, requested_by=actor)
        uid = str(made.uid)
        from .tasks import render_proposal  # tasks.py imports this module

        transaction.on_commit(lambda: render_proposal.enqueue(uid))
    record(actor=actor, unit=review.unit, action="review.proposal", target=review, details={"file": str(made.uid)})
    return made


def proposal_run(*, made: ProposalFile) -> ProposalFile:
    review = MaterialReview.objects.select_related("unit", "unit__parent", "sent_by").get(pk=made.review_id)
    data, error = b"", ""
    try:
        data = render_docx(proposal_document(review))
    except Exception:  # the worker must record the failure, whatever it was, not die with it
        logger.exception("proposal %s failed", made.uid)
        error = _("Không tạo được tệp do lỗi của hệ thống; hãy thử lại hoặc báo quản trị viên.")

    def store(row: ProposalFile) -> None:
        row.file.save(proposal_filename(review)[1], ContentFile(data), save=False)

    return worker_file_finish(ProposalFile, made.pk, error=error, store=store)
