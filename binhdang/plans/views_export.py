"""Plan downloads (DOCX, PDF): request a file, follow its progress, download it.

Anyone who may read the plan may download it, readers from below an issued plan included;
every step checks that again through plan_for_user.
"""

from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from binhdang.accounts.roles import Level
from binhdang.documents.downloads import download_when_ready, status_page

from .access import plan_for_user
from .export_files import export_filename, plan_export_request
from .models import ExportFormat, PlanExport


def _export_for_user(request, uid) -> PlanExport:
    export = get_object_or_404(PlanExport.objects.select_related("plan"), uid=uid)
    export.plan = plan_for_user(request.user, export.plan.uid, level=Level.VIEW)
    return export


@login_required
@require_POST
def export_request_view(request, uid, fmt):
    if fmt not in ExportFormat.values:
        raise Http404
    plan = plan_for_user(request.user, uid, level=Level.VIEW)
    export = plan_export_request(actor=request.user, unit=request.active_unit or plan.issuer_unit, plan=plan,
                                 export_format=fmt)
    return redirect("plans:export_status", uid=export.uid)


@login_required
def export_status_view(request, uid):
    export = _export_for_user(request, uid)
    return status_page(request, "plans/export_status.html", {"export": export, "plan": export.plan})


@login_required
def export_download_view(request, uid):
    export = _export_for_user(request, uid)
    return download_when_ready(export, export.file, "plans:export_status", _CONTENT_TYPES[export.format],
                               *export_filename(export.plan, export.format))


_CONTENT_TYPES = {
    ExportFormat.DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ExportFormat.PDF: "application/pdf",
}
