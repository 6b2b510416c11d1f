"""Writes of the documents app: taking the next number from an issuer's yearly register; ending a
worker's run of a generated file."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from binhdang.audit.services import record

from .codes import code_for
from .models import FileStatus, IssuedNumber, NumberRegister, WorkerFile

__all__ = ["code_for", "number_allocate", "worker_file_finish"]


def _locked_register(unit, body, year: int) -> NumberRegister:
    # get_or_create runs its INSERT in a savepoint and, when a concurrent transaction
    # inserted the same register first (IntegrityError on the unique constraint), reads
    # that row instead; the row lock is then taken by a separate SELECT … FOR UPDATE so
    # that every caller, creator or not, waits for the previous holder to commit.
    NumberRegister.objects.get_or_create(issuer_unit=unit, issuer_body=body, year=year)
    return NumberRegister.objects.select_for_update().get(
        issuer_unit=unit, issuer_body=body, year=year
    )


@transaction.atomic
def number_allocate(
    *,
    actor,
    unit,
    body=None,
    year: int,
    doc_type: str,
    issuer_code: str,
    target_label: str,
    target_uid: str,
    target_type: str = "",
    drafting_unit: str = "",
) -> IssuedNumber:
    """Give the next number of (unit or body, year) to a document: "05/KH-THPTQS".

    Numbers are unique per issuer per year and have no gaps: the counter moves only when
    the caller's transaction commits, so a failed issue leaves no hole."""
    if body is not None and body.unit_id != unit.pk:
        raise ValidationError({"body": _("Tổ chức “%(body)s” không thuộc đơn vị “%(unit)s”.")
                               % {"body": body, "unit": unit}})
    if not 1900 <= year <= 9999:
        raise ValidationError({"year": _("Năm %(year)s không hợp lệ.") % {"year": year}})
    code = code_for(doc_type, issuer_code, drafting_unit)
    register = _locked_register(unit, body, year)
    register.last_number += 1
    register.save(update_fields=["last_number"])
    issued = IssuedNumber.objects.create(
        register=register,
        number=register.last_number,
        code=code,
        doc_type=doc_type,
        issued_by=actor if getattr(actor, "pk", None) else None,
        object_type=target_type,
        object_uid=str(target_uid),
        object_label=target_label[:255],
    )
    record(
        actor=actor, unit=unit, action="document.number_allocate", target=issued,
        details={"number": issued.display, "year": year, "body": body.name if body else None,
                 "object_type": target_type, "object_uid": str(target_uid)},
    )
    return issued


def worker_file_finish(model, pk: int, *, error: str, store) -> WorkerFile:
    """End a worker's run of a WorkerFile row under its row lock: failed with `error`, or `store(row)`
    saves the made files on it (save=False) and it is done."""
    with transaction.atomic():
        made = model.objects.select_for_update().get(pk=pk)
        if error:
            made.status, made.error = FileStatus.FAILED, error
        else:
            store(made)
            made.status, made.error = FileStatus.DONE, ""
        made.finished_at = timezone.now()
        made.save()
    return made
