"""The issuer's consolidation (VIEW there): ask for the files, follow the worker, download them.
Thin: reuse and staleness in exports.py, the content in consolidation.py / consolidation_files.py."""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from binhdang.accounts import access
from binhdang.accounts.roles import Level
from binhdang.documents.downloads import download_when_ready, status_page

from .exports import consolidation_request, is_current
from .models import ConsolidationFile, ReportRequest

CONTENT_TYPES = {
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _issuer_request(user, uid) -> ReportRequest:
    return access.get_for_user(user, ReportRequest.objects.select_related("issuer_unit__parent"),
                               level=Level.VIEW, unit_attr="issuer_unit", uid=uid)


def _file_for_user(request, uid) -> ConsolidationFile:
    made = get_object_or_404(ConsolidationFile.objects.select_related("request"), uid=uid)
    made.request = _issuer_request(request.user, made.request.uid)
    return made


@login_required
@require_POST
def consolidate_view(request, uid):
    report_request = _issuer_request(request.user, uid)
    made = consolidation_request(actor=request.user, unit=request.active_unit or report_request.issuer_unit,
                                 request=report_request, force=request.POST.get("force") == "1")
    return redirect("reports:consolidation_status", uid=made.uid)


@login_required
def consolidation_status_view(request, uid):
    made = _file_for_user(request, uid)
    return status_page(request, "reports/consolidation_status.html", {
        "made": made, "report_request": made.request, "current": is_current(made, made.request)})


@login_required
def consolidation_download_view(request, uid, fmt):
    if fmt not in CONTENT_TYPES:
        raise Http404
    made = _file_for_user(request, uid)
    name = f"Tổng hợp - {made.request.title}"[:80].rstrip(" .-").replace('"', "")
    return download_when_ready(made, made.docx if fmt == "docx" else made.xlsx, "reports:consolidation_status",
                               CONTENT_TYPES[fmt], f"{name}.{fmt}", f"tong-hop-{made.request.uid}.{fmt}")
