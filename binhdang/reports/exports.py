"""The consolidation's files (DOCX report, XLSX annex): asked for in the web request, made by the
worker (a province of a thousand schools takes seconds; see benchmarks/consolidation.py).

Files made from the same state of the schools' answers are reused: the basis is the request's latest
report event and highlight pick, so a school submitting, being returned or accepted (or the issuer
picking highlights) makes the next request build new files, while a second click on an unchanged
request downloads the ones already made (or being made).
"Tạo lại" (force) always builds new ones, for indicator figures entered since."""

from __future__ import annotations

import logging

from django.core.files.base import ContentFile
from django.db import transaction
from django.db.models import Count, Max
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.documents.services import worker_file_finish

from .consolidation import consolidate
from .consolidation_files import file_stem, render_consolidation_docx, render_consolidation_xlsx
from .models import ConsolidationFile, PickedHighlight, ReportEvent, ReportRequest

logger = logging.getLogger(__name__)
KEEP = 3  # files of a request kept once newer ones are made (older ones leave the storage)


def basis_of(request: ReportRequest) -> str:
    """The state of the schools' answers: the request's latest report event and the issuer's latest
    pick of highlights (with how many picks stand, since a pick can also be taken back)."""
    latest = ReportEvent.objects.filter(request=request).exclude(action=ReportEvent.Action.REMINDED).aggregate(
        last=Max("id"))["last"]
    picks = PickedHighlight.objects.filter(request=request).aggregate(last=Max("id"), n=Count("id"))
    return f"e{latest or 0}-p{picks['last'] or 0}-{picks['n']}"


def latest_file(request: ReportRequest) -> ConsolidationFile | None:
    return ConsolidationFile.objects.filter(request=request).order_by("-created_at", "-id").first()


def is_current(file: ConsolidationFile | None, request: ReportRequest) -> bool:
    return file is not None and file.basis == basis_of(request)


@transaction.atomic
def consolidation_request(*, actor, unit, request: ReportRequest, force: bool = False) -> ConsolidationFile:
    """The request's consolidation files as the schools' answers stand now: reused, or queued for the worker."""
    basis = basis_of(request)
    # One request row lock: two officers pressing the button at once queue one run.
    ReportRequest.objects.select_for_update().filter(pk=request.pk).first()
    existing = (ConsolidationFile.objects.filter(request=request, basis=basis, status__in=[
        ConsolidationFile.Status.DONE, ConsolidationFile.Status.PENDING]).order_by("-created_at", "-id").first())
    if existing is not None and (not force or existing.status == ConsolidationFile.Status.PENDING):
        record(actor=actor, unit=unit, action="report.consolidate", target=request,
               details={"file": str(existing.uid), "reused": True})
        return existing
    made = ConsolidationFile.objects.create(request=request, basis=basis,
                                            requested_by=actor if getattr(actor, "pk", None) else None)
    uid = str(made.uid)
    from .tasks import render_consolidation  # tasks.py imports this module

    transaction.on_commit(lambda: render_consolidation.enqueue(uid))
    record(actor=actor, unit=unit, action="report.consolidate", target=request,
           details={"file": uid, "reused": False, "force": force})
    return made


def consolidation_run(*, made: ConsolidationFile) -> ConsolidationFile:
    """Build both files (outside any transaction: it takes seconds) and store them, or store why not."""
    request = ReportRequest.objects.select_related("issuer_unit__parent").get(pk=made.request_id)
    error, docx, xlsx, stem = "", b"", b"", ""
    try:
        data = consolidate(request)
        docx, xlsx, stem = render_consolidation_docx(data), render_consolidation_xlsx(data), file_stem(data)
    except Exception:  # the worker must record the failure, whatever it was, not die with it
        logger.exception("consolidation %s failed", made.uid)
        error = _("Không tạo được tệp tổng hợp do lỗi của hệ thống; hãy thử lại hoặc báo quản trị viên.")

    def store(row: ConsolidationFile) -> None:
        row.docx.save(f"{stem}.docx", ContentFile(docx), save=False)
        row.xlsx.save(f"{stem}.xlsx", ContentFile(xlsx), save=False)

    made = worker_file_finish(ConsolidationFile, made.pk, error=error, store=store)
    if not error:
        _drop_older(made)
    return made


def _drop_older(made: ConsolidationFile) -> None:
    """Keep the last few files of the request; older ones leave the storage and their rows go."""
    older = ConsolidationFile.objects.filter(request_id=made.request_id).order_by("-created_at", "-id")[KEEP:]
    for stale in older:
        for field in (stale.docx, stale.xlsx):
            if field:
                field.delete(save=False)
        stale.delete()
