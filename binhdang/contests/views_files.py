"""Downloads of a contest's results: the XLSX workbook and the certificates PDF (both name
children, so both are read with the school chosen in the switcher)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from binhdang.accounts.roles import Level
from binhdang.documents.rendering.pdf import PdfRenderError

from . import certificates, exporting
from .views import contest_for, require_at_school

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _file(body: bytes, content_type: str, name: str) -> HttpResponse:
    response = HttpResponse(body, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response


@login_required
def export_view(request, uid):
    contest = contest_for(request, uid, Level.VIEW)
    require_at_school(request, contest)
    return _file(exporting.results_xlsx(contest), XLSX, f"ket-qua-cuoc-thi-{contest.uid}.xlsx")


@login_required
def certificates_view(request, uid):
    contest = contest_for(request, uid, Level.EDIT)
    require_at_school(request, contest)
    top = request.GET.get("hang", "3")
    top = int(top) if top.isdigit() and 1 <= int(top) <= certificates.MAX_AWARDS else 3
    rows = certificates.awarded(contest, top)
    if not rows:
        messages.warning(request, _("Chưa có học sinh nào đạt để cấp giấy chứng nhận."))
        return redirect("contests:detail", uid=contest.uid)
    try:
        body = certificates.certificates_pdf(contest, rows)
    except PdfRenderError as exc:
        messages.error(request, str(exc))
        return redirect("contests:detail", uid=contest.uid)
    return _file(body, "application/pdf", f"giay-chung-nhan-{contest.uid}.pdf")
