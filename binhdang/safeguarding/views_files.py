"""Attachments (upload and delete by the case team; download by whoever may open the case, a
named officer included) and the DOCX export of the case file. Downloads and exports are opened
in memory for the one response and never cached (Cache-Control: no-store)."""

from urllib.parse import quote

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils import timezone
from django.utils.translation import gettext as _
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


@require_POST
@case_view(page="attachment_add", team_only=True)
def attachment_upload_view(request, access):
    form = AttachmentForm(request.POST, request.FILES)
    if form.is_valid():
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
