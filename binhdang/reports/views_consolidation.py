"""Downloads of a request's consolidation (DOCX report, XLSX annex), for the issuer (VIEW there).

Rendered in the request: one request's figures are a handful of queries whatever the number of
schools (see consolidation.py), and the files are a few kilobytes, so the worker is not needed."""

from django.contrib.auth.decorators import login_required
from django.http import HttpResponse

from binhdang.accounts import access
from binhdang.accounts.roles import Level

from .consolidation import consolidate
from .consolidation_files import file_stem, render_consolidation_docx, render_consolidation_xlsx
from .models import ReportRequest

DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _download(request, uid, render, content_type, ext):
    report_request = access.get_for_user(request.user, ReportRequest.objects.select_related("issuer_unit__parent"),
                                         level=Level.VIEW, unit_attr="issuer_unit", uid=uid)
    data = consolidate(report_request)
    response = HttpResponse(render(data), content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{file_stem(data)}.{ext}"'
    return response


@login_required
def consolidate_docx_view(request, uid):
    return _download(request, uid, render_consolidation_docx, DOCX, "docx")


@login_required
def consolidate_xlsx_view(request, uid):
    return _download(request, uid, render_consolidation_xlsx, XLSX, "xlsx")
