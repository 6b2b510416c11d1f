"""Plan import through the web: upload a file, wait for the parse, review and correct, save.

Importing is MANAGE work on the unit the plan belongs to (a school, or a unit above importing
its own plan); the upload, its status and its review are fetched through get_for_user on
the upload's unit.
"""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_POST
from django_htmx.http import HttpResponseClientRedirect

from binhdang.accounts.access import get_for_user, require_active_unit
from binhdang.accounts.roles import Level

from . import review
from .forms_import import PlanUploadForm
from .models import PlanKind, PlanUpload
from .uploads import plan_upload_create, plan_upload_save

RECENT = 10


def _get_upload(request, uid) -> PlanUpload:
    queryset = PlanUpload.objects.select_related("unit", "uploaded_by", "plan")
    return get_for_user(request.user, queryset, level=Level.MANAGE, uid=uid)


@login_required
def plan_import_view(request):
    unit = require_active_unit(request, Level.MANAGE)
    posted = request.method == "POST"
    form = PlanUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        upload = plan_upload_create(actor=request.user, unit=unit, name=file.name, data=form.file_bytes,
                                    kind=form.cleaned_data["kind"], year=form.cleaned_data["year"])
        return redirect("plans:import_status", uid=upload.uid)
    recent = PlanUpload.objects.filter(unit=unit).select_related("uploaded_by", "plan")[:RECENT]
    return render(request, "plans/import_upload.html", {"unit": unit, "form": form, "recent": recent,
                                                        "max_mb": settings.MAX_UPLOAD_MB})


@login_required
def plan_import_status_view(request, uid):
    upload = _get_upload(request, uid)
    if upload.status == PlanUpload.Status.PARSED:
        target = redirect("plans:import_review", uid=upload.uid).url
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    if upload.status == PlanUpload.Status.SAVED and upload.plan:
        target = redirect("plans:detail", uid=upload.plan.uid).url
        return HttpResponseClientRedirect(target) if request.htmx else redirect(target)
    template = "plans/_import_status.html" if request.htmx else "plans/import_status.html"
    return render(request, template, {"upload": upload, "unit": upload.unit})


def _review_page(request, upload: PlanUpload, state: dict, errors=(), status=200):
    stored = upload.parsed
    dropped = set(state["dropped"])
    unparsed = [{**u, "index": k, "dropped": k in dropped} for k, u in enumerate(stored.get("unparsed", []))]
    return render(request, "plans/import_review.html", {
        "upload": upload, "unit": upload.unit, "state": review.annotate(state), "errors": errors,
        "unparsed": unparsed, "warnings": stored.get("warnings", []), "no_signer": not stored.get("signer"),
        "kinds": PlanKind.choices, "authorities": review.AUTHORITIES,
    }, status=status)


@login_required
def plan_import_review_view(request, uid):
    upload = _get_upload(request, uid)
    if upload.status != PlanUpload.Status.PARSED:
        return redirect("plans:import_status", uid=upload.uid)
    return _review_page(request, upload, review.state_from_json(upload.parsed, kind=upload.kind))


@login_required
@require_POST
def plan_import_save_view(request, uid):
    upload = _get_upload(request, uid)
    data, dropped = {}, []
    if upload.status == PlanUpload.Status.PARSED:
        state = review.state_from_post(request.POST, unparsed_count=len(upload.parsed.get("unparsed", [])))
        data, errors, dropped = review.json_from_state(state, upload.parsed)
        if errors:
            return _review_page(request, upload, state, errors)
    try:
        # Refuses an upload saved already (a second click) or not parsed, with the reason.
        plan = plan_upload_save(actor=request.user, upload=upload, data=data, dropped=dropped)
    except ValidationError as exc:
        messages.error(request, " ".join(exc.messages))
        return redirect("plans:import_status", uid=upload.uid)
    text = _("Đã lưu kế hoạch “%(title)s” từ tệp “%(name)s”.") % {"title": plan.title, "name": upload.original_name}
    if dropped:
        n = len(dropped)
        text += " " + ngettext("Đã bỏ %(n)d dòng chưa xếp được theo lựa chọn của bạn.",
                               "Đã bỏ %(n)d dòng chưa xếp được theo lựa chọn của bạn.", n) % {"n": n}
    messages.success(request, text)
    return redirect("plans:detail", uid=plan.uid)
