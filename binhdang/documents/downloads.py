"""The web side of files made by the worker: the progress page, and the file as a download with a
Vietnamese name (browsers that read `filename*` get it; older ones the ASCII one)."""

import re
from urllib.parse import quote

from django.http import FileResponse
from django.shortcuts import redirect, render

from binhdang.lib.vntext import fold

from .models import FileStatus


def attachment(stored, content_type: str, name: str, ascii_name: str = "") -> FileResponse:
    """`stored`: a FieldFile. `name` with its extension; `ascii_name` derived from it when empty."""
    if not ascii_name:
        stem, _dot, ext = name.rpartition(".")
        ascii_name = f"{re.sub(r'[^a-z0-9]+', '-', fold(stem)).strip('-') or 'tep'}.{ext}"
    response = FileResponse(stored.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return response


def status_page(request, template: str, context: dict):
    """A worker file's progress page; htmx polls get the `_`-prefixed fragment of the same template
    ("plans/export_status.html" → "plans/_export_status.html")."""
    folder, _slash, page = template.rpartition("/")
    return render(request, f"{folder}/_{page}" if request.htmx else template, context)


def download_when_ready(made, stored, status_url: str, content_type: str, name: str, ascii_name: str = ""):
    """The file if the worker made it, else back to its progress page (`status_url`, by the file's uid)."""
    if made.status != FileStatus.DONE or not stored:
        return redirect(status_url, uid=made.uid)
    return attachment(stored, content_type, name, ascii_name)
