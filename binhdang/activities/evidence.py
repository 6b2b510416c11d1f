"""Evidence (minh chứng) files: checked by content, stored through the storage API, cleaned on the worker.

What is accepted is decided by the bytes (the `filetype` library), never by the name: photos
(JPEG, PNG, WebP), PDF, Word/Excel/PowerPoint (OOXML whose [Content_Types].xml names the
Office main part, or the legacy OLE formats filetype recognises). Everything else is refused,
an executable renamed .jpg, HTML and SVG (which may carry scripts) included. HEIC is refused
with a hint: Pillow here cannot read it, so its metadata could not be removed (phones convert
to JPEG when asked, and browsers usually do it on upload).

Photos of children may carry the GPS position of the school or a home in their EXIF data.
The worker (tasks.make_evidence_thumbnail) therefore re-encodes every stored photo without
metadata (orientation applied first, long side at most PHOTO_MAX_SIDE) and makes the JPEG
thumbnail; until it has, the photo is not served (the page shows a placeholder). Re-encoding
costs a little quality and is done on the worker because it takes ~0.3 s per large photo.
"""

import io
import logging
import re
import zipfile
from dataclasses import dataclass

import filetype
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils.translation import gettext as _
from PIL import Image, ImageOps, UnidentifiedImageError

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.audit.services import record
from binhdang.lib.vntext import nfc

from .models import Activity, Evidence, EvidenceKind

logger = logging.getLogger(__name__)

MAX_FILES = 10  # per upload: a phone gallery selection, not a whole album
THUMB_SIDE = 320
PHOTO_MAX_SIDE = 2560
MAX_PIXELS = 60_000_000  # refuses decompression bombs long before Pillow's own limit
_HEAD = 8192  # what filetype reads

PHOTO_TYPES = {"image/jpeg": "JPEG", "image/png": "PNG", "image/webp": "WEBP"}
PDF_TYPE = "application/pdf"
OOXML_MAIN = {
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document":
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
    "application/vnd.openxmlformats-officedocument.presentationml.presentation":
        "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
}
OLE_TYPES = {"application/msword", "application/vnd.ms-excel", "application/vnd.ms-powerpoint"}
# The picker's hint only; the server decides by content.
ACCEPT = ("image/jpeg,image/png,image/webp,application/pdf,.doc,.docx,.xls,.xlsx,.ppt,.pptx,"
          + ",".join(OOXML_MAIN) + ",application/msword,application/vnd.ms-excel,application/vnd.ms-powerpoint")

_UNSAFE_RE = re.compile(r"[\x00-\x1f\x7f]+")


@dataclass
class CheckedFile:
    upload: object  # an UploadedFile (or any file object with .read/.seek/.size)
    name: str
    content_type: str
    kind: str
    size: int


def clean_name(name: str) -> str:
    """The user's file name without folders or control characters (kept for the download)."""
    name = nfc(str(name or "")).replace("\\", "/").rsplit("/", 1)[-1]
    name = _UNSAFE_RE.sub("", name).strip() or _("tệp")
    return name[-255:]


def _refuse(name: str, message: str) -> ValidationError:
    return ValidationError(_("Tệp “%(name)s”: %(message)s") % {"name": name, "message": message})


def check_file(upload) -> CheckedFile:
    """One uploaded file checked (size, type by content, images opened); the message names it."""
    name = clean_name(getattr(upload, "name", ""))
    size = upload.size
    limit = settings.MAX_UPLOAD_MB
    if size > limit * 1024 * 1024:
        raise _refuse(name, _("quá lớn (%(size).1f MB), tối đa %(limit)d MB mỗi tệp.")
                      % {"size": size / 1024 / 1024, "limit": limit})
    if size == 0:
        raise _refuse(name, _("tệp trống."))
    upload.seek(0)
    head = upload.read(_HEAD)
    upload.seek(0)
    guess = filetype.guess(head)
    mime = guess.mime if guess else ""
    if mime in PHOTO_TYPES:
        _check_image(upload, name, PHOTO_TYPES[mime])
        kind = EvidenceKind.PHOTO
    elif mime == PDF_TYPE:
        kind = EvidenceKind.PDF
    elif mime in OOXML_MAIN:
        _check_ooxml(upload, name, OOXML_MAIN[mime])
        kind = EvidenceKind.OFFICE
    elif mime in OLE_TYPES:
        kind = EvidenceKind.OFFICE
    elif mime in ("image/heic", "image/avif"):
        raise _refuse(name, _("ảnh HEIC/AVIF chưa được hỗ trợ; hãy chụp hoặc lưu ảnh ở định dạng JPEG."))
    else:
        raise _refuse(name, _("không phải ảnh (JPEG, PNG, WebP), PDF hay tệp Word, Excel, PowerPoint."))
    upload.seek(0)
    return CheckedFile(upload=upload, name=name, content_type=mime, kind=kind, size=size)


def _check_image(upload, name: str, expected_format: str) -> None:
    try:
        with Image.open(upload) as image:
            if image.format != expected_format or image.width * image.height > MAX_PIXELS:
                raise _refuse(name, _("ảnh không hợp lệ hoặc quá nhiều điểm ảnh."))
            image.verify()
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, Image.DecompressionBombError) as exc:
        raise _refuse(name, _("ảnh bị hỏng, không mở được.")) from exc
    finally:
        upload.seek(0)


def _check_ooxml(upload, name: str, main_part: str) -> None:
    """A real Word/Excel/PowerPoint file names its main part in [Content_Types].xml (macro-enabled
    files name another type and are refused)."""
    try:
        with zipfile.ZipFile(upload) as archive:
            types = archive.read("[Content_Types].xml").decode("utf-8", "replace")
    except (zipfile.BadZipFile, KeyError, OSError, ValueError) as exc:
        raise _refuse(name, _("tệp Office bị hỏng, không mở được.")) from exc
    finally:
        upload.seek(0)
    if f'ContentType="{main_part}"' not in types:
        raise _refuse(name, _("không phải tệp Word, Excel, PowerPoint hợp lệ (tệp có macro không được nhận)."))


def check_files(uploads: list) -> list[CheckedFile]:
    """Every file checked before any is stored; all problems reported together."""
    if not uploads:
        raise ValidationError(_("Minh chứng: hãy chọn ít nhất một tệp."))
    if len(uploads) > MAX_FILES:
        raise ValidationError(_("Minh chứng: tối đa %(n)d tệp mỗi lần tải lên (đã chọn %(got)d).")
                              % {"n": MAX_FILES, "got": len(uploads)})
    checked, errors = [], []
    for upload in uploads:
        try:
            checked.append(check_file(upload))
        except ValidationError as exc:
            errors.extend(exc.messages)
    if errors:
        raise ValidationError(errors)
    return checked


def delete_files_on_commit(names: list[str]) -> None:
    """Stored files of deleted rows go once the deletion is committed (never before)."""
    def delete():
        for name in names:
            try:
                default_storage.delete(name)
            except OSError:
                logger.warning("evidence file %s could not be deleted", name)

    if names:
        transaction.on_commit(delete)


@transaction.atomic
def evidence_add(*, actor, activity: Activity, uploads: list, caption: str = "") -> list[Evidence]:
    """Store the files of one upload, all or none; photos are cleaned and thumbnailed on the worker."""
    access.require(actor, activity.unit, Level.EDIT)
    checked = check_files(uploads)
    caption = nfc(caption or "").strip()[:300]
    stored: list[str] = []
    created: list[Evidence] = []
    try:
        for item in checked:
            evidence = Evidence(activity=activity, kind=item.kind, original_name=item.name,
                                content_type=item.content_type, size=item.size, caption=caption,
                                uploaded_by=actor if getattr(actor, "pk", None) else None)
            evidence.file.save("upload", item.upload, save=False)
            stored.append(evidence.file.name)
            evidence.save()
            created.append(evidence)
        record(actor=actor, unit=activity.unit, action="activity.evidence_add", target=activity, details={
            "files": len(created), "kinds": sorted({e.kind for e in created}),
            "bytes": sum(e.size for e in created)})
    except Exception:
        for name in stored:  # the rows roll back; their files must not stay behind
            default_storage.delete(name)
        raise
    photos = [str(e.uid) for e in created if e.kind == EvidenceKind.PHOTO]
    if photos:
        from .tasks import make_evidence_thumbnail  # tasks.py imports this module

        transaction.on_commit(lambda: [make_evidence_thumbnail.enqueue(uid) for uid in photos])
    return created


def may_delete(user, evidence: Evidence) -> bool:
    unit = evidence.activity.unit
    if access.can(user, unit, Level.MANAGE):
        return True
    return evidence.uploaded_by_id == getattr(user, "pk", None) and access.can(user, unit, Level.EDIT)


@transaction.atomic
def evidence_delete(*, actor, evidence: Evidence) -> None:
    access.require(actor, evidence.activity.unit, Level.EDIT)
    if not may_delete(actor, evidence):
        raise PermissionDenied
    names = [name for name in (evidence.file.name, evidence.thumbnail.name) if name]
    record(actor=actor, unit=evidence.activity.unit, action="activity.evidence_delete", target=evidence.activity,
           details={"evidence": str(evidence.uid), "kind": evidence.kind})
    evidence.delete()
    delete_files_on_commit(names)


def _encode(image: Image.Image, fmt: str) -> bytes:
    out = io.BytesIO()
    if fmt == "JPEG":
        image.convert("RGB").save(out, "JPEG", quality=90, optimize=True)
    elif fmt == "WEBP":
        image.save(out, "WEBP", quality=90)
    else:
        image.save(out, "PNG", optimize=True)
    return out.getvalue()


def evidence_process(*, evidence: Evidence) -> bool:
    """Re-encode a stored photo without its metadata (EXIF, GPS, XMP, text chunks) and make its
    JPEG thumbnail. Runs on the worker; returns False when there was nothing to do."""
    if evidence.kind != EvidenceKind.PHOTO or evidence.thumbnail:
        return False
    with evidence.file.open("rb") as source, Image.open(source) as original:
        fmt = original.format
        image = ImageOps.exif_transpose(original)  # the EXIF orientation survives as pixels
        image.load()
    image.thumbnail((PHOTO_MAX_SIDE, PHOTO_MAX_SIDE))
    clean = _encode(image, fmt)
    thumb = image.copy()
    thumb.thumbnail((THUMB_SIDE, THUMB_SIDE))
    if thumb.mode not in ("RGB", "L"):
        # Transparent PNGs get a white background rather than black.
        background = Image.new("RGB", thumb.size, "white")
        background.paste(thumb, mask=thumb.convert("RGBA").getchannel("A"))
        thumb = background
    thumb_data = _encode(thumb, "JPEG")
    old_name = evidence.file.name
    evidence.file.save("clean", ContentFile(clean), save=False)
    evidence.thumbnail.save("thumb.jpg", ContentFile(thumb_data), save=False)
    updated = Evidence.objects.filter(pk=evidence.pk, thumbnail="").update(
        file=evidence.file.name, thumbnail=evidence.thumbnail.name, size=len(clean))
    if updated:
        default_storage.delete(old_name)
    else:  # deleted (or done by a duplicate message) meanwhile: drop what this run stored
        default_storage.delete(evidence.file.name)
        default_storage.delete(evidence.thumbnail.name)
    return bool(updated)
