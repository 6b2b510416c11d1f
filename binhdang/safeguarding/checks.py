"""Refusing to run without the master key once sealed data exists (issue 5).

Two places: a system check (run by `binhdang check`, `runserver`, `db_worker` and every
management command that runs checks), and ensure_sealing_ready(), which the WSGI module calls
because gunicorn runs no system checks. Both read the database only when the SealedKey table
exists, so `migrate` on a fresh database, and `check` before it, work.
"""

import logging
from pathlib import Path

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.db import DatabaseError, connection
from django.db.models import Count

logger = logging.getLogger(__name__)

HOW_TO_FIX = (
    "Đặt biến môi trường BINHDANG_SEALING_KEYS (hoặc BINHDANG_SEALING_KEY_FILE) với khoá chính đã "
    "dùng để niêm phong dữ liệu. / Set BINHDANG_SEALING_KEYS (or BINHDANG_SEALING_KEY_FILE) to the "
    "master key(s) the data was sealed with; `binhdang sealing status` lists the ids needed."
)


def _database_missing() -> bool:
    """True for a SQLite file that does not exist yet: nothing sealed, and a check must not
    create an empty database file as a side effect."""
    if connection.vendor != "sqlite":
        return False
    name = str(connection.settings_dict.get("NAME") or "")
    if name == ":memory:" or name.startswith("file:") or "mode=memory" in name:
        return False
    return not Path(name).exists()


def keys_needed() -> dict[int, int]:
    """{master key id: number of sealed keys wrapped by it}; empty before the table exists."""
    from .models import SealedKey

    if _database_missing():
        return {}
    if SealedKey._meta.db_table not in connection.introspection.table_names():
        return {}
    rows = SealedKey.objects.values("master_key_id").annotate(n=Count("id")).order_by("master_key_id")
    return {row["master_key_id"]: row["n"] for row in rows}


def problems() -> list[str]:
    """Bilingual messages for what is missing; empty when sealed data can be opened."""
    needed = keys_needed()
    if not needed:
        return []
    configured = getattr(settings, "BINHDANG_SEALING_KEYS", None)
    if not configured:
        return [
            f"Có {sum(needed.values())} khoá dữ liệu niêm phong nhưng chưa cấu hình khoá chính "
            f"BINHDANG_SEALING_KEYS. / {sum(needed.values())} sealed data keys exist but no master "
            "key is configured in BINHDANG_SEALING_KEYS."
        ]
    missing = sorted(set(needed) - set(configured.ids))
    if missing:
        ids = ", ".join(str(key_id) for key_id in missing)
        return [
            f"BINHDANG_SEALING_KEYS thiếu khoá chính số {ids} mà dữ liệu niêm phong đang cần. / "
            f"BINHDANG_SEALING_KEYS lacks master key id(s) {ids} that sealed data needs."
        ]
    wrong = [key_id for key_id in needed if not _opens_a_key(key_id)]
    if wrong:
        ids = ", ".join(str(key_id) for key_id in wrong)
        return [
            f"Khoá chính số {ids} trong BINHDANG_SEALING_KEYS không mở được khoá dữ liệu (sai khoá). / "
            f"Master key id(s) {ids} in BINHDANG_SEALING_KEYS do not open the sealed keys (wrong key)."
        ]
    return []


def _opens_a_key(master_key_id: int) -> bool:
    """Whether the configured key with this id unwraps one of its SealedKeys: catches a key
    regenerated under an old id. The data key is dropped at once."""
    from .models import SealedKey
    from .sealing import SealedDataError, _unwrap

    key = SealedKey.objects.filter(master_key_id=master_key_id).order_by("pk").first()
    try:
        return key is None or bool(_unwrap(key))
    except SealedDataError:
        return False


@checks.register(checks.Tags.security)
def check_master_keys(app_configs=None, **kwargs) -> list[checks.CheckMessage]:
    try:
        found = problems()
    except DatabaseError:
        # An unreachable database is reported by everything else; ensure_sealing_ready() and
        # the sealing functions still refuse at the moment of use.
        return []
    return [checks.Error(message, hint=HOW_TO_FIX, id="safeguarding.E001") for message in found]


def ensure_sealing_ready() -> None:
    """Raises ImproperlyConfigured (naming BINHDANG_SEALING_KEYS, never a key) when sealed data
    exists and its master key is not configured. Called when the web application loads.

    A database that cannot be reached at that moment does not stop the start (a web server started
    before its database must keep retrying per request, as before): nothing sealed can be opened
    without the key anyway, because the sealing functions refuse at the moment of use."""
    try:
        found = problems()
    except DatabaseError as exc:
        logger.warning("Sealed keys not checked at start: database unavailable (%s).", type(exc).__name__)
        return
    if found:
        raise ImproperlyConfigured(" ".join(found) + " " + HOW_TO_FIX)
