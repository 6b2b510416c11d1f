"""Sending a stored file (made by the worker) as a download with a Vietnamese name.

Browsers that read `filename*` get the Vietnamese name; older ones the ASCII one."""

import re
from urllib.parse import quote

from django.http import FileResponse

from binhdang.lib.vntext import fold


def attachment(stored, content_type: str, name: str, ascii_name: str = "") -> FileResponse:
    """`stored`: a FieldFile. `name` with its extension; `ascii_name` derived from it when empty."""
    if not ascii_name:
        stem, _dot, ext = name.rpartition(".")
        ascii_name = f"{re.sub(r'[^a-z0-9]+', '-', fold(stem)).strip('-') or 'tep'}.{ext}"
    response = FileResponse(stored.open("rb"), content_type=content_type)
    response["Content-Disposition"] = f"attachment; filename=\"{ascii_name}\"; filename*=UTF-8''{quote(name)}"
    return response
