"""Writes of the plan import through the web: keep the file, parse it on the worker, save the
reviewed result as a Plan.

The file lives only until it is parsed: the parse result (or its error) is kept on the
PlanUpload, the file itself is deleted. Nothing reaches the plan tables before the user saves
the reviewed result, and that save is one transaction.
"""

import logging
from pathlib import PurePath

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.audit.services import record
from binhdang.orgs.models import OrgUnit

from .importing import PlanFileError, read_plan_file
from .models import Plan, PlanKind, PlanUpload
from .parsing import ParsedPlan
from .services import plan_create_from_parsed

logger = logging.getLogger(__name__)


@transaction.atomic
def plan_upload_create(*, actor, unit: OrgUnit, name: str, data: bytes, kind: str,
                       year: int | None = None) -> PlanUpload:
    """Store a checked file (see importing.check_plan_file) and queue its parse."""
    from .tasks import parse_plan_upload  # the task module imports this one

    if kind not in PlanKind.values:
        raise ValueError(_("Loại kế hoạch không hợp lệ: “%(kind)s”.") % {"kind": kind})
    upload = PlanUpload(unit=unit, uploaded_by=actor if getattr(actor, "pk", None) else None,
                        original_name=PurePath(name).name[:255], kind=kind, parsed={"year": year})
    # Stored under the upload's uid, never under the name the user's computer gave it.
    upload.file.save(f"{upload.uid}{PurePath(name).suffix.lower()[:6]}", ContentFile(data), save=False)
    upload.save()
    record(actor=actor, unit=unit, action="plan.upload", target=upload,
           details={"name": upload.original_name, "bytes": len(data), "kind": kind})
    uid = str(upload.uid)
    transaction.on_commit(lambda: parse_plan_upload.enqueue(uid))
    return upload


def plan_upload_parse(*, upload: PlanUpload) -> PlanUpload:
    """Parse the stored file: status parsed with the JSON to review, or failed with the reason.

    Either way the file is deleted afterwards: what the review needs is in `parsed`."""
    try:
        with upload.file.open("rb") as handle:
            data = handle.read()
        parsed = read_plan_file(upload.original_name, data)
    except PlanFileError as exc:
        status, result, error = PlanUpload.Status.FAILED, {}, str(exc)
    except Exception:  # a parser bug must not leave the upload pending for ever
        logger.exception("Parsing plan upload %s failed", upload.uid)
        status, result, error = PlanUpload.Status.FAILED, {}, _(
            "Không đọc được tệp do lỗi của chương trình; lỗi đã được ghi lại. Hãy thử lại sau hoặc gửi tệp "
            "cho người quản trị.")
    else:
        status, error = PlanUpload.Status.PARSED, ""
        result = {**parsed.to_json_dict(full=True), "year": upload.parsed.get("year")}
    stored, storage = upload.file.name, upload.file.storage
    with transaction.atomic():
        upload.status, upload.error, upload.file = status, error, ""
        upload.parsed = result or {"year": upload.parsed.get("year")}
        upload.save(update_fields=["status", "error", "parsed", "file"])
        record(actor=upload.uploaded_by, unit=upload.unit, action="plan.upload_parse", target=upload,
               details={"status": status, "unparsed": len(result.get("unparsed", [])), "error": error[:200]})
        transaction.on_commit(lambda: storage.delete(stored))
    return upload


@transaction.atomic
def plan_upload_save(*, actor, upload: PlanUpload, data: dict, dropped: list[dict]) -> Plan:
    """Create the plan from the reviewed JSON (review.json_from_state) in one transaction.

    `dropped` are the unparsed lines the user chose to drop: recorded in the audit row, so
    that even a deliberate drop leaves a trace. A saved upload cannot be saved again."""
    locked = PlanUpload.objects.select_for_update().get(pk=upload.pk)
    if locked.status == PlanUpload.Status.SAVED:
        raise ValidationError(_("Tệp “%(name)s” đã được lưu thành kế hoạch; không thể lưu lần thứ hai.")
                              % {"name": locked.original_name})
    if locked.status != PlanUpload.Status.PARSED:
        raise ValidationError(_("Tệp “%(name)s” chưa đọc xong hoặc không đọc được; chưa thể lưu.")
                              % {"name": locked.original_name})
    kind = data.get("kind") or locked.kind
    plan = plan_create_from_parsed(actor=actor, unit=locked.unit, parsed=ParsedPlan.from_json_dict(data),
                                   kind=kind, year=data.get("year"))
    locked.status, locked.plan, locked.parsed, locked.kind = PlanUpload.Status.SAVED, plan, data, kind
    locked.save(update_fields=["status", "plan", "parsed", "kind"])
    record(actor=actor, unit=locked.unit, action="plan.upload_save", target=locked, details={
        "plan": str(plan.uid),
        "dropped_lines": [{"line": u.get("line"), "text": u.get("text", "")[:200]} for u in dropped],
    })
    upload.refresh_from_db()
    return plan
