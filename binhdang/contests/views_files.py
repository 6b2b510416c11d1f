"""Downloads of a contest's results: the XLSX workbook and the certificates PDF, made by the worker
(both name children, so both are read with the school chosen in the switcher)."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from binhdang.accounts.roles import Level
from binhdang.documents.downloads import download_when_ready, status_page

from . import certificates, exporting
from .models import CertificateFile
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
@require_POST
def certificates_view(request, uid):
    contest = contest_for(request, uid, Level.EDIT)
    require_at_school(request, contest)
    top = request.POST.get("hang", "3")
    top = int(top) if top.isdigit() and 1 <= int(top) <= certificates.MAX_AWARDS else 3
    try:
        made = certificates.certificate_request(actor=request.user, contest=contest, top=top)
    except ValidationError as error:
        messages.warning(request, " ".join(error.messages))
        return redirect("contests:detail", uid=contest.uid)
    return redirect("contests:certificates_status", uid=made.uid)


def _certificate_file(request, uid) -> CertificateFile:
    made = get_object_or_404(CertificateFile.objects.select_related("contest"), uid=uid)
    made.contest = contest_for(request, made.contest.uid, Level.EDIT)
    require_at_school(request, made.contest)
    return made


@login_required
def certificates_status_view(request, uid):
    made = _certificate_file(request, uid)
    return status_page(request, "contests/certificates_status.html", {"made": made, "contest": made.contest})


@login_required
def certificates_download_view(request, uid):
    made = _certificate_file(request, uid)
    return download_when_ready(made, made.file, "contests:certificates_status", "application/pdf",
                               f"Giấy chứng nhận - {made.contest.title}"[:80] + ".pdf",
                               f"giay-chung-nhan-{made.contest.uid}.pdf")
