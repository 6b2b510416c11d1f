"""Typed readers for environment variables that fail loudly on bad values.

Settings must never guess: a typo in BINHDANG_DEBUG or DATABASE_URL stops the process
with a message naming the variable, instead of silently running with a default.
"""

import base64
import binascii
import os
import re
import secrets
import stat
from pathlib import Path

from django.core.exceptions import ImproperlyConfigured

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off", ""}


def env_str(name: str, default: str = "") -> str:
    return os.environ.get(name, default)


def env_bool(name: str, default: bool = False) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a boolean; use 1/0, true/false, yes/no or on/off."
    )


def env_int(name: str, default: int) -> int:
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError as exc:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from exc


def env_list(name: str, default: list[str]) -> list[str]:
    raw = os.environ.get(name)
    if raw is None:
        return default
    items = [item.strip() for item in raw.split(",") if item.strip()]
    if not items:
        raise ImproperlyConfigured(f"{name} is set but lists no value.")
    return items


def env_database(name: str, default: str, **options) -> dict:
    """A database URL parsed by dj_database_url. The message names the variable but never
    repeats its value, which may hold a password."""
    import dj_database_url

    raw = os.environ.get(name, "").strip() or default
    try:
        config = dj_database_url.parse(raw, **options)
    except ValueError as exc:
        raise ImproperlyConfigured(
            f"{name} is not a valid database URL ({type(exc).__name__}: {exc}). "
            "Expected e.g. postgres://user:password@host:5432/name or sqlite:////path/to/file.sqlite3."
        ) from None
    if not config.get("NAME"):
        raise ImproperlyConfigured(f"{name} names no database (the part after the last '/').")
    return config


def secret_key(var_dir: Path) -> str:
    """BINHDANG_SECRET_KEY, or a key generated once into var/ (never committed)."""
    raw = os.environ.get("BINHDANG_SECRET_KEY")
    if raw is not None:
        if len(raw) < 50:
            raise ImproperlyConfigured(
                "BINHDANG_SECRET_KEY must be at least 50 characters long."
            )
        return raw
    key_file = var_dir / "secret_key"
    if key_file.exists():
        return key_file.read_text().strip()
    var_dir.mkdir(parents=True, exist_ok=True)
    key = secrets.token_urlsafe(64)
    # Owner-only permissions: the key signs sessions and password resets. Written whole
    # to a temporary name, then linked into place, so the web server and the worker
    # starting together agree on one key and never read a half-written file.
    partial = var_dir / f".secret_key.{os.getpid()}"
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "w") as fh:
        fh.write(key)
    try:
        os.link(partial, key_file)
    except FileExistsError:
        key = key_file.read_text().strip()
    finally:
        partial.unlink()
    return key


def env_email(name: str, *, local: bool) -> dict:
    """E-mail settings from one URL: smtp://user:password@host:587 (STARTTLS on 587, or with
    ?tls=1), smtps://user:password@host:465 (TLS from the start), console:// (print to the
    terminal), none:// (drop every message). Unset: console:// on a local or debug server
    (`local`), none:// otherwise, so a production server never pretends to send.

    Returns Django's EMAIL_* settings plus BINHDANG_EMAIL_ENABLED (False for none://: reminders then
    stay in-app only and are not marked as e-mailed). Errors name the variable, never its
    value, which holds a password."""
    from urllib.parse import parse_qs, unquote, urlsplit

    raw = os.environ.get(name, "").strip() or ("console://" if local else "none://")
    scheme = raw.split(":", 1)[0].lower()
    if scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend", "BINHDANG_EMAIL_ENABLED": True}
    if scheme == "none":
        return {"EMAIL_BACKEND": "django.core.mail.backends.dummy.EmailBackend", "BINHDANG_EMAIL_ENABLED": False}
    expected = ("Expected smtp://user:password@host:587, smtps://user:password@host:465, "
                "console:// or none://.")
    if scheme not in ("smtp", "smtps"):
        raise ImproperlyConfigured(f"{name} has an unknown scheme. {expected}")
    try:
        parts = urlsplit(raw)
        port = parts.port
        host = parts.hostname
    except ValueError:
        raise ImproperlyConfigured(f"{name} is not a valid e-mail URL. {expected}") from None
    if not host:
        raise ImproperlyConfigured(f"{name} names no host. {expected}")
    options = parse_qs(parts.query)
    ssl = scheme == "smtps"
    tls = not ssl and (port == 587 or options.get("tls", ["0"])[0].lower() in _TRUE)
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "BINHDANG_EMAIL_ENABLED": True,
        "EMAIL_HOST": host,
        "EMAIL_PORT": port or (465 if ssl else 587 if tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_SSL": ssl,
        "EMAIL_USE_TLS": tls,
        "EMAIL_TIMEOUT": 20,
    }


class MasterKeys:
    """The master keys of the sealed data (issue 5), the current one first.

    Its repr names the key ids and the variable they came from, never the key bytes, so a
    settings dump or a traceback's locals cannot print them."""

    __slots__ = ("_keys", "source")

    def __init__(self, keys: tuple[tuple[int, bytes], ...] = (), source: str = ""):
        self._keys = tuple(keys)
        self.source = source

    def __bool__(self) -> bool:
        return bool(self._keys)

    def __repr__(self) -> str:
        return f"MasterKeys(ids={list(self.ids)}, source={self.source!r})"

    __str__ = __repr__

    @property
    def ids(self) -> tuple[int, ...]:
        return tuple(key_id for key_id, _secret in self._keys)

    @property
    def current_id(self) -> int:
        return self._keys[0][0]

    def get(self, key_id: int) -> bytes | None:
        for known_id, secret in self._keys:
            if known_id == key_id:
                return secret
        return None


MASTER_KEY_BYTES = 32
_KEY_ID_MAX = 65535
_BASE64URL = re.compile(r"[A-Za-z0-9_-]+={0,2}")


def parse_master_keys(name: str, text: str) -> MasterKeys:
    """"ID:BASE64URL" entries separated by commas or new lines ('#' starts a comment line).

    Errors name the variable and the entry's position, never the text, which is a secret."""
    entries = [
        entry.strip()
        for line in text.splitlines()
        if not line.strip().startswith("#")
        for entry in line.split(",")
        if entry.strip()
    ]
    if not entries:
        raise ImproperlyConfigured(f"{name} is set but lists no key.")
    keys: list[tuple[int, bytes]] = []
    for position, entry in enumerate(entries, start=1):
        key_id, sep, encoded = entry.partition(":")
        if not sep or not key_id.strip().isdigit() or not 1 <= int(key_id) <= _KEY_ID_MAX:
            raise ImproperlyConfigured(
                f"{name}: entry {position} is not ID:KEY with an id from 1 to {_KEY_ID_MAX} "
                "(make a key with `binhdang sealing new-key`)."
            )
        encoded = encoded.strip()
        secret = None
        if _BASE64URL.fullmatch(encoded):
            try:
                secret = base64.urlsafe_b64decode(encoded + "=" * (-len(encoded) % 4))
            except (binascii.Error, ValueError):
                secret = None
        if secret is None or len(secret) != MASTER_KEY_BYTES:
            raise ImproperlyConfigured(
                f"{name}: the key of entry {position} is not {MASTER_KEY_BYTES} bytes in base64url "
                "(make one with `binhdang sealing new-key`)."
            )
        if int(key_id) in {known for known, _secret in keys}:
            raise ImproperlyConfigured(f"{name}: key id {int(key_id)} appears twice.")
        keys.append((int(key_id), secret))
    return MasterKeys(tuple(keys), source=name)


def sealing_keys(name: str, file_name: str) -> MasterKeys:
    """The master keys from the variable `name`, or from the file named by `file_name` (same
    format, owner-only permissions like var/secret_key). Neither set: no keys (sealing is then
    unavailable, and the system check refuses to start once sealed keys exist)."""
    raw = os.environ.get(name, "")
    path = os.environ.get(file_name, "").strip()
    if raw.strip() and path:
        raise ImproperlyConfigured(f"Set either {name} or {file_name}, not both.")
    if raw.strip():
        return parse_master_keys(name, raw)
    if not path:
        return MasterKeys()
    key_file = Path(path)
    try:
        mode = key_file.stat().st_mode
    except OSError:
        raise ImproperlyConfigured(f"{file_name} names a file that cannot be read.") from None
    if not stat.S_ISREG(mode):
        raise ImproperlyConfigured(f"{file_name} does not name a regular file.")
    if stat.S_IMODE(mode) & 0o077:
        raise ImproperlyConfigured(
            f"{file_name} names a file that others can read or write; make it owner-only (chmod 600)."
        )
    try:
        text = key_file.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        raise ImproperlyConfigured(f"{file_name} names a file that cannot be read.") from None
    return parse_master_keys(file_name, text)
