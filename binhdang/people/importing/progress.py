"""Progress of a running import, shared between the worker and the polling page.

The import writes inside one transaction (all rows or none), so a counter kept in the
database would stay invisible until the end, and on SQLite a second writer would wait
for the lock. A small file next to the uploaded roster is seen at once by any process.
"""

from pathlib import Path

from django.conf import settings


def _path(uid) -> Path:
    return Path(settings.MEDIA_ROOT) / "imports" / f"{uid}.progress"


def write_progress(uid, processed: int) -> None:
    path = _path(uid)
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_text(str(processed))
    temporary.replace(path)  # atomic: a reader never sees a half-written number


def read_progress(uid) -> int | None:
    try:
        return int(_path(uid).read_text())
    except (OSError, ValueError):
        return None


def clear_progress(uid) -> None:
    _path(uid).unlink(missing_ok=True)
