"""Writes for plan exports (DOCX, PDF): the request, made in the web request, and the run,
made on the worker because LibreOffice takes seconds.

One file per (plan, format, revision): a second request for an unchanged plan gets the file
already made (or the one being made) instead of another conversion.
"""

import logging
import re

from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.documents.rendering.docx import render_docx
from binhdang.documents.rendering.pdf import PdfRenderError, render_pdf
from binhdang.documents.services import worker_file_finish
from binhdang.lib.vntext import fold, nfc

from . import selectors
from .exporting import plan_to_document
from .models import ExportFormat, Plan, PlanExport

logger = logging.getLogger(__name__)

# Characters no file system accepts in a name, and control characters.
_UNSAFE_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')
NAME_LIMIT = 80


def _reusable(plan: Plan, export_format: str) -> PlanExport | None:
    """A done or still running export of the plan as it is now. Issuing gives the plan its
    number without touching the content, so a file made before issuing is not reused."""
    candidates = PlanExport.objects.filter(plan=plan, format=export_format, revision=plan.revision,
                                           status__in=[PlanExport.Status.DONE, PlanExport.Status.PENDING])
    if plan.issued_at:
        candidates = candidates.filter(created_at__gte=plan.issued_at)
    return candidates.order_by("-created_at", "-id").first()


@transaction.atomic
def plan_export_request(*, actor, unit, plan: Plan, export_format: str) -> PlanExport:
    """The export of `plan` in `export_format`, new (queued for the worker) or reused."""
    if export_format not in ExportFormat.values:
        raise ValueError(_("Định dạng tệp không hợp lệ: “%(format)s”.") % {"format": export_format})
    export = _reusable(plan, export_format)
    reused = export is not None
    if export is None:
        export = PlanExport.objects.create(plan=plan, format=export_format, revision=plan.revision,
                                           requested_by=actor if getattr(actor, "pk", None) else None)
        uid = str(export.uid)
        from .tasks import render_plan_export  # tasks.py imports this module


        transaction.on_commit(lambda: render_plan_export.enqueue(uid))
    record(actor=actor, unit=unit, action="plan.export", target=plan, details={
        "format": export_format, "revision": plan.revision, "export": str(export.uid), "reused": reused})
    return export


def export_filename(plan: Plan, export_format: str) -> tuple[str, str]:
    """(Vietnamese name, ASCII name) for the download: "Kế hoạch - <trích yếu>.docx"."""
    title = _UNSAFE_RE.sub(" ", nfc(plan.title)).strip(" .") or _("kế hoạch")
    name = nfc(f"{_('Kế hoạch')} - {title}")[:NAME_LIMIT].rstrip(" .-")
    ascii_name = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-") or "ke-hoach"
    return f"{name}.{export_format}", f"{ascii_name}.{export_format}"


def plan_export_run(*, export: PlanExport) -> PlanExport:
    """Render the file (outside any transaction: it takes seconds) and store it, or store why not."""
    plan = selectors.plan_for_reading().get(pk=export.plan_id)
    data, error = b"", ""
    try:
        data = render_docx(plan_to_document(plan))
        if export.format == ExportFormat.PDF:
            data = render_pdf(data)
    except PdfRenderError as exc:
        error = str(exc)
    except Exception:  # the worker must record the failure, whatever it was, not die with it
        logger.exception("plan export %s failed", export.uid)
        error = _("Không tạo được tệp do lỗi của hệ thống; hãy thử lại hoặc báo quản trị viên.")

    def store(row: PlanExport) -> None:
        # The file shows the plan as it was rendered, which an edit meanwhile may have moved on.
        row.revision = plan.revision
        row.file.save(f"{plan.uid}-r{plan.revision}.{row.format}", ContentFile(data), save=False)

    export = worker_file_finish(PlanExport, export.pk, error=error, store=store)
    if not error:
        _drop_older_files(export)
    return export


def _drop_older_files(export: PlanExport) -> None:
    """Older files of the same plan and format are stale (a download is made again on demand):
    their files leave the storage and their rows go, so exports do not pile up."""
    older = PlanExport.objects.filter(plan_id=export.plan_id, format=export.format,
                                      revision__lt=export.revision).exclude(pk=export.pk)
    for stale in older:
        if stale.file:
            stale.file.delete(save=False)
        stale.delete()
