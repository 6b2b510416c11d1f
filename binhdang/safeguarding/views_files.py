"""Attachments (upload and delete by the case team; download by whoever may open the case, a
named officer included) and the DOCX export of the case file. Downloads and exports are opened
in memory for the one response and never cached (Cache-Control: no-store)."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.core.files.uploadhandler import MemoryFileUploadHandler
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_POST

from binhdang.lib.vntext import fold

from . import attachments
from .access import case_view
from .export import case_docx
from .forms_parts import AttachmentForm
from .models import CaseAttachment
from .selectors_parts import parts_data
from .views_parts import case_url, refused

DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
# The whole request (file + form fields + multipart framing) may exceed the file limit a little.
BODY_LIMIT = attachments.MAX_MB * 1024 * 1024 + 64 * 1024


class InMemoryUploadHandler(MemoryFileUploadHandler):
    """Keeps an attachment in memory up to the case limit. Django's default handlers write any
    upload over FILE_UPLOAD_MAX_MEMORY_SIZE to a temporary file: the plaintext of a child's file
    would touch the disk before it is sealed."""

    def handle_raw_input(self, input_data, META, content_length, boundary, encoding=None):
        self.activated = content_length <= BODY_LIMIT


def content_disposition(name: str) -> str:
    """RFC 6266 / 5987: browsers that read filename* get the Vietnamese name, older ones ASCII."""
    ascii_name = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in fold(name)) or "tep"
    return f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"


def private_response(data: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(data, content_type=content_type)
    response["Content-Disposition"] = content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    response["Content-Security-Policy"] = "sandbox; default-src 'none'"
    # Neither the browser nor a proxy keeps a copy of a child's case file.
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt  # only until the handlers are set: CSRF is checked by _attachment_upload (csrf_protect)
@require_POST
def attachment_upload_view(request, uid):
    # Before anything reads the body (CsrfViewMiddleware would, hence the exemption above).
    request.upload_handlers = [InMemoryUploadHandler(request)]
    return _attachment_upload(request, uid=uid)


@csrf_protect
@case_view(page="attachment_add", team_only=True)
def _attachment_upload(request, access):
    form = AttachmentForm(request.POST, request.FILES)
    if int(request.META.get("CONTENT_LENGTH") or 0) > BODY_LIMIT:
        # The handler dropped the file unread; say why rather than "no file chosen".
        form.is_valid()
        too_large = _("Tệp: quá lớn, tối đa %(limit)d MB.") % {"limit": attachments.MAX_MB}
        form.errors["file"] = form.error_class([too_large])
    elif form.is_valid():
        try:
            attachments.attachment_add(actor=request.user, case=access.case, upload=form.cleaned_data["file"])
        except ValidationError as exc:
            for text in exc.messages:
                form.add_error("file", text)
        else:
            messages.success(request, _("Đã thêm tệp."))
            return redirect(case_url(access.case, "tep"))
    return refused(request, access, form, _("Thêm tệp"), request.path, multipart=True)


@require_POST
@case_view(page="attachment_delete", team_only=True)
def attachment_delete_view(request, access, file_uid):
    attachment = get_object_or_404(CaseAttachment, case=access.case, uid=file_uid)
    attachments.attachment_delete(actor=request.user, case=access.case, attachment=attachment)
    messages.success(request, _("Đã xoá tệp."))
    return redirect(case_url(access.case, "tep"))


@require_GET
@case_view(page="attachment")
def attachment_download_view(request, access, file_uid):
    attachment = get_object_or_404(CaseAttachment, case=access.case, uid=file_uid)
    name, content_type, data = attachments.attachment_opened(attachment, access.case)
    return private_response(data, content_type, name)


@require_GET
@case_view(page="export")
def export_view(request, access):
    # Built in memory and streamed: never stored (a decrypted file on disk would defeat the sealing).
    data = case_docx(access.case, parts_data(access.case))
    name = f"ho-so-vu-viec-{timezone.localdate():%Y%m%d}.docx"
    return private_response(data, DOCX_TYPE, name)
