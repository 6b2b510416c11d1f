"""Attachments of a case (issue 5, item 3): checked by content, then sealed whole.

The type is decided by the bytes (filetype, with the evidence checks of the activities app:
Pillow's verify() for images, the OOXML main part for Word/Excel, so macro-enabled files are
refused). The file is sealed with the case key (sealing.seal_bytes) before it reaches the
storage: only ciphertext ever touches the disk. The original name and the type are sealed too.
"""

import logging

import filetype
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils.translation import gettext as _

from binhdang.activities.evidence import OOXML_MAIN, PDF_TYPE, _check_image, _check_ooxml, _refuse, clean_name
from binhdang.audit.services import record

from .models import Case, CaseAttachment
from .sealing import field_context, seal, seal_bytes, unseal, unseal_bytes

logger = logging.getLogger(__name__)

MAX_MB = 10
MAX_PER_CASE = 20
_HEAD = 8192  # what filetype reads
IMAGE_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG"}
OFFICE_TYPES = {
    mime: OOXML_MAIN[mime] for mime in (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
}
# The picker's hint only; the server decides by content.
ACCEPT = "image/jpeg,image/png,application/pdf,.docx,.xlsx," + ",".join(OFFICE_TYPES)


def check_attachment(upload) -> tuple[str, str]:
    """(clean name, content type by content) or ValidationError naming the file."""
    name = clean_name(getattr(upload, "name", ""))
    if upload.size > MAX_MB * 1024 * 1024:
        raise _refuse(name, _("quá lớn (%(size).1f MB), tối đa %(limit)d MB.")
                      % {"size": upload.size / 1024 / 1024, "limit": MAX_MB})
    if upload.size == 0:
        raise _refuse(name, _("tệp trống."))
    upload.seek(0)
    guess = filetype.guess(upload.read(_HEAD))
    upload.seek(0)
    mime = guess.mime if guess else ""
    if mime in IMAGE_TYPES:
        _check_image(upload, name, IMAGE_TYPES[mime])
    elif mime in OFFICE_TYPES:
        _check_ooxml(upload, name, OFFICE_TYPES[mime])
    elif mime != PDF_TYPE:
        raise _refuse(name, _("chỉ nhận PDF, ảnh JPEG, PNG, tệp Word (.docx) hoặc Excel (.xlsx) không có macro."))
    upload.seek(0)
    return name, mime


def file_context(attachment: CaseAttachment) -> str:
    return field_context(attachment, "blob")


@transaction.atomic
def attachment_add(*, actor, case: Case, upload) -> CaseAttachment:
    # Lock the case row so two uploads at once cannot pass the per-case limit together.
    Case.objects.select_for_update().filter(pk=case.pk).first()
    if CaseAttachment.objects.filter(case=case).count() >= MAX_PER_CASE:
        raise ValidationError(_("Tệp: vụ việc đã có đủ %(n)d tệp, hãy xoá bớt trước khi thêm.") % {"n": MAX_PER_CASE})
    name, mime = check_attachment(upload)
    upload.seek(0)
    data = upload.read()
    attachment = CaseAttachment(case=case, size=len(data), created_by=actor)
    attachment.name_sealed = seal(case.key, name, field_context(attachment, "name_sealed"))
    attachment.content_type_sealed = seal(case.key, mime, field_context(attachment, "content_type_sealed"))
    # Sealed in memory first: the plaintext bytes are never handed to the storage.
    attachment.blob.save("sealed", ContentFile(seal_bytes(case.key, data, file_context(attachment))), save=False)
    stored = attachment.blob.name
    try:
        attachment.save()
        record(actor=actor, unit=case.unit, action="case.attachment_add", target=case,
               details={"attachment": str(attachment.uid), "bytes": attachment.size})
    except Exception:
        attachment.blob.storage.delete(stored)  # the row rolls back; its file must not stay behind
        raise
    return attachment


def attachment_opened(attachment: CaseAttachment, case: Case) -> tuple[str, str, bytes]:
    """(name, content type, bytes), opened in memory for one response."""
    with attachment.blob.open("rb") as handle:
        sealed = handle.read()
    return (unseal(case.key, attachment.name_sealed, field_context(attachment, "name_sealed")),
            unseal(case.key, attachment.content_type_sealed, field_context(attachment, "content_type_sealed")),
            unseal_bytes(case.key, sealed, file_context(attachment)))


@transaction.atomic
def attachment_delete(*, actor, case: Case, attachment: CaseAttachment) -> None:
    if attachment.case_id != case.pk:
        raise ValueError("attachment of another case")
    uid, stored, storage = str(attachment.uid), attachment.blob.name, attachment.blob.storage
    attachment.delete()
    record(actor=actor, unit=case.unit, action="case.attachment_delete", target=case, details={"attachment": uid})

    def delete_file():
        try:
            storage.delete(stored)
        except OSError:
            logger.warning("case attachment file %s could not be deleted", uid)

    # The file goes once the deletion is committed, never before.
    transaction.on_commit(delete_file)
