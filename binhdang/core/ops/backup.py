"""Backups of the whole installation as one .zip: manifest.json, db.json, media/.

db.json is Django's database-neutral JSON of every managed table, so a backup taken on
SQLite restores on PostgreSQL and back. Restoring is in binhdang.core.ops.restore.
"""

import datetime as dt
import hashlib
import json
import os
import tempfile
import zipfile
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.db.migrations.recorder import MigrationRecorder
from django.utils import timezone

FORMAT = "binhdang-backup"
FORMAT_VERSION = 1
MANIFEST = "manifest.json"
DB_DUMP = "db.json"
MEDIA_PREFIX = "media/"
# Restore stages files in folders with this prefix inside MEDIA_ROOT; they are never backed up.
STAGING_PREFIX = ".restore-"


class BackupError(Exception):
    """A refusal or a failure, with a message for the operator."""


@dataclass(frozen=True)
class BackupResult:
    path: Path
    rows: int
    media_files: int
    size_bytes: int


def table_models() -> list:
    """Every table Django creates, including the automatic many-to-many tables."""
    return [
        model
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    ]


def dumped_models() -> list:
    """The models written to db.json, each after the models its foreign keys point to.

    Automatic many-to-many tables travel inside their owner's rows. Cycles (a unit's
    parent is a unit) are broken arbitrarily: loaddata checks constraints at the end.
    """
    models = [model for model in table_models() if not model._meta.auto_created]
    known = set(models)
    ordered: list = []
    seen: set = set()

    def visit(model) -> None:
        if model in seen:
            return
        seen.add(model)
        for field in model._meta.concrete_fields:
            target = field.related_model if field.is_relation else None
            if target is not None and target is not model:
                target = target._meta.concrete_model
                if target in known:
                    visit(target)
        ordered.append(model)

    for model in sorted(models, key=lambda m: m._meta.label):
        visit(model)
    return ordered


def row_counts() -> dict[str, int]:
    return {model._meta.label: model._base_manager.count() for model in table_models()}


def applied_migrations() -> dict[str, list[str]]:
    applied: dict[str, list[str]] = {}
    for app_label, name in MigrationRecorder(connection).applied_migrations():
        applied.setdefault(app_label, []).append(name)
    return {app: sorted(names) for app, names in sorted(applied.items())}


def sha256_of(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as fh:
        for block in iter(lambda: fh.read(1024 * 1024), b""):
            digest.update(block)
    return digest.hexdigest()


def media_files(media_root: Path) -> list[tuple[Path, str]]:
    """(absolute path, path inside media/) of every file under MEDIA_ROOT, sorted."""
    if not media_root.is_dir():
        return []
    found = []
    for folder, subfolders, files in os.walk(media_root):
        if Path(folder) == media_root:
            subfolders[:] = [name for name in subfolders if not name.startswith(STAGING_PREFIX)]
        for name in files:
            path = Path(folder) / name
            found.append((path, path.relative_to(media_root).as_posix()))
    return sorted(found, key=lambda item: item[1])


def default_backup_path() -> Path:
    stamp = timezone.localtime().strftime("%Y%m%d-%H%M%S")
    return Path(settings.VAR_DIR) / "backups" / f"binhdang-{stamp}.zip"


def _app_version() -> str:
    try:
        return metadata.version("binhdang")
    except metadata.PackageNotFoundError:
        return "unknown"


class _ConsistentSnapshot:
    """One transaction for the whole dump, so counts, rows and references agree.

    PostgreSQL gets a REPEATABLE READ snapshot (writers carry on); SQLite's transaction
    holds the write lock, so writers wait until the dump is done.
    """

    def __enter__(self):
        self._reset = False
        if connection.vendor == "postgresql" and not connection.in_atomic_block:
            with connection.cursor() as cursor:
                cursor.execute("SET default_transaction_isolation TO 'repeatable read'")
            self._reset = True
        self._atomic = transaction.atomic()
        self._atomic.__enter__()
        return self

    def __exit__(self, *exc_info):
        try:
            return self._atomic.__exit__(*exc_info)
        finally:
            if self._reset:
                with connection.cursor() as cursor:
                    cursor.execute("RESET default_transaction_isolation")


class LosslessJSONEncoder(DjangoJSONEncoder):
    """Django's encoder cuts times to milliseconds (an ECMA-262 habit); a backup keeps
    the microseconds, which loaddata reads back as they are."""

    def default(self, o):
        if isinstance(o, dt.datetime):
            text = o.isoformat()
            return text.removesuffix("+00:00") + "Z" if text.endswith("+00:00") else text
        if isinstance(o, dt.time) and o.utcoffset() is None:
            return o.isoformat()
        return super().default(o)


def _write_dump(path: Path) -> None:
    def rows():
        for model in dumped_models():
            yield from model._base_manager.order_by(model._meta.pk.name).iterator(chunk_size=2000)

    with open(path, "w", encoding="utf-8") as fh:
        serializers.serialize("json", rows(), stream=fh, cls=LosslessJSONEncoder)


def create_backup(output: Path | None = None) -> BackupResult:
    """Writes the backup zip (owner-only permissions: it holds password hashes and
    children's data) and returns where it went. An existing file is never overwritten."""
    output = Path(output) if output else default_backup_path()
    if output.exists():
        raise BackupError(f"Tệp {output} đã tồn tại; hãy chọn tên khác (--output).")
    output.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
    media_root = Path(settings.MEDIA_ROOT)
    partial = output.with_name(f".{output.name}.partial")
    try:
        with tempfile.TemporaryDirectory(prefix="binhdang-backup-") as work:
            dump = Path(work) / DB_DUMP
            with _ConsistentSnapshot():
                _write_dump(dump)
                counts = row_counts()
                migrations = applied_migrations()
            files = media_files(media_root)
            manifest = {
                "format": FORMAT,
                "format_version": FORMAT_VERSION,
                "created_at": timezone.now().isoformat(),
                "app_version": _app_version(),
                "database_vendor": connection.vendor,
                "migrations": migrations,
                "counts": counts,
                "db_sha256": sha256_of(dump),
                "media": [
                    {"path": rel, "size": path.stat().st_size, "sha256": sha256_of(path)}
                    for path, rel in files
                ],
            }
            fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "wb") as raw, zipfile.ZipFile(
                raw, "w", compression=zipfile.ZIP_DEFLATED, allowZip64=True
            ) as archive:
                archive.write(dump, DB_DUMP)
                for path, rel in files:
                    archive.write(path, MEDIA_PREFIX + rel)
                archive.writestr(MANIFEST, json.dumps(manifest, ensure_ascii=False, indent=2))
        os.replace(partial, output)
    finally:
        partial.unlink(missing_ok=True)
    return BackupResult(
        path=output, rows=sum(counts.values()), media_files=len(files),
        size_bytes=output.stat().st_size,
    )
