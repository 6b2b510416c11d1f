"""Evidence pages: upload to an activity (EDIT), download and thumbnail (VIEW on the activity's
unit, never a public media URL), delete (uploader or MANAGE)."""

from urllib.parse import quote

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import FileResponse, Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import get_for_user
from binhdang.accounts.roles import Level
from binhdang.lib.vntext import fold

from . import evidence as evidence_services
from .models import Evidence, EvidenceKind
from .views import activity_for_user


def activity_url(activity) -> str:
    return reverse("activities:detail", kwargs={"uid": activity.uid})


def _evidence_for_user(request, uid, level: Level) -> Evidence:
    return get_for_user(request.user, Evidence.objects.select_related("activity__unit"), level=level,
                        unit_attr="activity.unit", uid=uid)


@login_required
@require_POST
def evidence_upload_view(request, uid):
    activity = activity_for_user(request.user, uid, Level.EDIT)
    if activity.unit.is_closed:
        raise PermissionDenied
    try:
        added = evidence_services.evidence_add(actor=request.user, activity=activity,
                                               uploads=request.FILES.getlist("files"),
                                               caption=request.POST.get("caption", ""))
    except ValidationError as exc:
        for text in exc.messages:
            messages.error(request, text)
    else:
        messages.success(request, _("Đã thêm %(n)d minh chứng.") % {"n": len(added)})
    return redirect(f"{activity_url(activity)}#minh-chung")


def _serve(file, content_type: str, name: str, inline: bool):
    response = FileResponse(file.open("rb"), content_type=content_type)
    ascii_name = "".join(ch if ch.isalnum() or ch in "._-" else "-" for ch in fold(name)) or "minh-chung"
    disposition = "inline" if inline else "attachment"
    # Browsers that read filename* get the Vietnamese name; older ones the ASCII one.
    response["Content-Disposition"] = f"{disposition}; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    response["X-Content-Type-Options"] = "nosniff"
    # Whatever slipped through, it runs nowhere: no scripts, no plugins, its own origin.
    response["Content-Security-Policy"] = "sandbox; default-src 'none'; img-src 'self'; style-src 'unsafe-inline'"
    response["Cache-Control"] = "private, max-age=3600"
    return response


@login_required
def evidence_download_view(request, uid):
    evidence = _evidence_for_user(request, uid, Level.VIEW)
    if evidence.kind == EvidenceKind.PHOTO and not evidence.thumbnail:
        # Not yet cleaned of its metadata (GPS) by the worker: never served as uploaded.
        messages.info(request, _("Ảnh “%(name)s” đang được xử lý, hãy thử lại sau ít phút.")
                      % {"name": evidence.original_name})
        return redirect(activity_url(evidence.activity))
    # Photos (re-encoded) open in the browser; documents are downloaded.
    return _serve(evidence.file, evidence.content_type, evidence.original_name,
                  inline=evidence.kind == EvidenceKind.PHOTO)


@login_required
def evidence_thumbnail_view(request, uid):
    evidence = _evidence_for_user(request, uid, Level.VIEW)
    if not evidence.thumbnail:
        raise Http404
    stem = evidence.original_name.rsplit(".", 1)[0]
    return _serve(evidence.thumbnail, "image/jpeg", f"{stem}-anh-nho.jpg", inline=True)


@login_required
@require_POST
def evidence_delete_view(request, uid):
    evidence = _evidence_for_user(request, uid, Level.EDIT)
    if not evidence_services.may_delete(request.user, evidence):
        raise PermissionDenied
    activity = evidence.activity
    evidence_services.evidence_delete(actor=request.user, evidence=evidence)
    messages.success(request, _("Đã xoá minh chứng “%(name)s”.") % {"name": evidence.original_name})
    return redirect(f"{activity_url(activity)}#minh-chung")
