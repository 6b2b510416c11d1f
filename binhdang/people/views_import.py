"""Roster import pages: upload, preview with every problem, import, progress."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from binhdang.accounts.access import get_for_user, require_active_unit
from binhdang.accounts.roles import Level

from .importing import services
from .importing.forms import RosterUploadForm, columns_from_post, field_choices
from .importing.headers import FIELD_LABELS, columns_from_json
from .importing.pipeline import KINDS, FileProblem, prepare
from .importing.progress import read_progress
from .models import RosterImport

# Enough to fix a file by; a file with more problems is usually a wrong column mapping.
ERRORS_SHOWN = 1000


def _get_upload(request, uid) -> RosterImport:
    queryset = RosterImport.objects.select_related("unit", "uploaded_by")
    upload = get_for_user(request.user, queryset, level=Level.MANAGE, uid=uid)
    # A preview lists children's names: like the rosters, it is read at the school itself,
    # not by the officers above it whose rights flow down the tree.
    if getattr(request.active_unit, "pk", None) != upload.unit_id:
        raise PermissionDenied
    return upload


def _school_only(request, unit):
    return render(request, "people/not_school.html", {"unit": unit})


@login_required
def import_upload_view(request):
    unit = require_active_unit(request, Level.MANAGE)
    if not unit.is_school:
        return _school_only(request, unit)
    posted = request.method == "POST"
    form = RosterUploadForm(request.POST if posted else None, request.FILES if posted else None)
    if request.method == "POST" and form.is_valid():
        file = form.cleaned_data["file"]
        try:
            prepared = prepare(file, kind=form.cleaned_data["kind"] or None)
        except FileProblem as exc:
            form.add_error("file", str(exc))
        else:
            upload = services.roster_upload_create(actor=request.user, unit=unit, file=file, prepared=prepared)
            return redirect("people:import_preview", uid=upload.uid)
    recent = RosterImport.objects.filter(unit=unit).select_related("uploaded_by")[:10]
    return render(request, "people/import_upload.html", {"form": form, "unit": unit, "recent": recent,
                                                         "max_mb": settings.MAX_UPLOAD_MB})


@login_required
def import_preview_view(request, uid):
    upload = _get_upload(request, uid)
    if upload.status != RosterImport.Status.PREVIEWED:
        return redirect("people:import_progress", uid=upload.uid)
    if request.method == "POST":
        kind = request.POST.get("kind", upload.kind)
        columns = columns_from_post(columns_from_json(upload.column_mapping), request.POST)
        try:
            services.roster_upload_remap(actor=request.user, upload=upload, columns=columns,
                                         kind=kind if kind in KINDS else upload.kind)
        except FileProblem as exc:
            messages.error(request, str(exc))
        return redirect("people:import_preview", uid=upload.uid)
    columns = columns_from_json(upload.column_mapping)
    width = max([c.index + 1 for c in columns] + [len(cells) for _n, cells in upload.preview] + [0])
    headers = [""] * width
    for column in columns:
        headers[column.index] = column.header
    rows = [(number, cells + [""] * (width - len(cells))) for number, cells in upload.preview]
    return render(request, "people/import_preview.html", {
        "upload": upload, "unit": upload.unit, "columns": columns, "choices": field_choices(),
        "labels": FIELD_LABELS, "headers": headers, "rows": rows, "kinds": RosterImport.Kind.choices,
        "errors": upload.errors[:ERRORS_SHOWN], "errors_hidden": max(0, len(upload.errors) - ERRORS_SHOWN),
        "form": RosterUploadForm(initial={"kind": upload.kind}), "max_mb": settings.MAX_UPLOAD_MB,
    })


@login_required
@require_POST
def import_commit_view(request, uid):
    upload = _get_upload(request, uid)
    if not services.roster_import_start(upload=upload, sync_limit=settings.ROSTER_SYNC_ROW_LIMIT):
        if upload.errors:
            messages.error(request, _("Tệp còn lỗi: hãy sửa tệp và tải lên lại."))
            return redirect("people:import_preview", uid=upload.uid)
    return redirect("people:import_progress", uid=upload.uid)


@login_required
def import_progress_view(request, uid):
    upload = _get_upload(request, uid)
    processed = upload.processed_rows
    if upload.status == RosterImport.Status.RUNNING:
        processed = max(processed, read_progress(upload.uid) or 0)
    context = {"upload": upload, "unit": upload.unit, "processed": processed}
    template = "people/_import_progress.html" if request.htmx else "people/import_progress.html"
    return render(request, template, context)
