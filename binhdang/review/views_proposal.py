"""The proposal DOCX: ask for it (POST, whoever reads the review), follow the worker, download it."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.views.decorators.http import require_POST

from binhdang.documents.downloads import download_when_ready, status_page

from .models import ProposalFile
from .proposal import proposal_filename
from .proposal_files import proposal_request
from .views import DOCX, _get_review


@login_required
@require_POST
def proposal_view(request, uid):
    review = _get_review(request, uid)
    try:
        made = proposal_request(actor=request.user, review=review)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("review:detail", uid=review.uid)
    return redirect("review:proposal_status", uid=made.uid)


def _file_for_user(request, uid) -> ProposalFile:
    made = get_object_or_404(ProposalFile.objects.select_related("review"), uid=uid)
    made.review = _get_review(request, made.review.uid)
    return made


@login_required
def proposal_status_view(request, uid):
    made = _file_for_user(request, uid)
    return status_page(request, "review/proposal_status.html", {"made": made, "review": made.review})


@login_required
def proposal_download_view(request, uid):
    made = _file_for_user(request, uid)
    return download_when_ready(made, made.file, "review:proposal_status", DOCX, *proposal_filename(made.review))
