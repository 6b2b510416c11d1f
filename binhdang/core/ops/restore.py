"""Restores a backup made by binhdang.core.ops.backup: checks first, then replaces the
database in one transaction and swaps the media files only if that transaction succeeds."""

import hashlib
import json
import shutil
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.color import no_style
from django.db import connection, transaction
from django.db.migrations.executor import MigrationExecutor

from .backup import (
    DB_DUMP,
    FORMAT,
    FORMAT_VERSION,
    MANIFEST,
    MEDIA_PREFIX,
    STAGING_PREFIX,
    BackupError,
    sha256_of,
    table_models,
)

# Rows that `migrate` creates by itself: a database holding only these counts as empty.
CREATED_BY_MIGRATE = {"contenttypes.ContentType", "auth.Permission"}


@dataclass(frozen=True)
class RestoreResult:
    rows: int
    media_files: int
    created_at: str


def open_backup(path: Path) -> tuple[zipfile.ZipFile, dict]:
    """The archive and its manifest, or BackupError when it is not a usable backup."""
    path = Path(path)
    if not path.is_file():
        raise BackupError(f"Không tìm thấy tệp sao lưu {path}.")
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as exc:
        raise BackupError(
            f"Tệp {path} không phải tệp .zip hợp lệ (hỏng hoặc không phải bản sao lưu Bình Đẳng)."
        ) from exc
    names = set(archive.namelist())
    if MANIFEST not in names or DB_DUMP not in names:
        archive.close()
        raise BackupError(
            f"Tệp {path} thiếu {MANIFEST} hoặc {DB_DUMP}: không phải bản sao lưu Bình Đẳng."
        )
    try:
        manifest = json.loads(archive.read(MANIFEST))
    except (ValueError, zipfile.BadZipFile) as exc:
        archive.close()
        raise BackupError(f"{MANIFEST} trong {path} bị hỏng, không đọc được.") from exc
    if not isinstance(manifest, dict) or manifest.get("format") != FORMAT:
        archive.close()
        raise BackupError(f"Tệp {path} không phải bản sao lưu Bình Đẳng.")
    if manifest.get("format_version") != FORMAT_VERSION:
        archive.close()
        raise BackupError(
            f"Bản sao lưu dùng định dạng phiên bản {manifest.get('format_version')!r}; "
            f"phiên bản mã này chỉ đọc được định dạng {FORMAT_VERSION}."
        )
    for key, kind in (("migrations", dict), ("counts", dict), ("media", list), ("db_sha256", str)):
        if not isinstance(manifest.get(key), kind):
            archive.close()
            raise BackupError(f"{MANIFEST} trong {path} thiếu mục “{key}” hoặc mục này sai dạng.")
    return archive, manifest


def _few(keys) -> str:
    shown = [f"{app}.{name}" for app, name in sorted(keys)[:5]]
    return ", ".join(shown) + (" …" if len(keys) > 5 else "")


def check_migrations(manifest: dict) -> None:
    """The backup's schema must be the code's schema, and the database must be migrated."""
    executor = MigrationExecutor(connection)
    loader = executor.loader
    known = set(loader.disk_migrations)
    for key, migration in loader.replacements.items():
        known.add(key)
        known.update(migration.replaces)
    in_backup = {(app, name) for app, names in manifest["migrations"].items() for name in names}
    newer = in_backup - known
    if newer:
        raise BackupError(
            "Bản sao lưu được tạo từ phiên bản mới hơn mã đang chạy (có migration mà mã chưa có: "
            f"{_few(newer)}). Hãy cập nhật mã trước khi khôi phục."
        )
    if executor.migration_plan(loader.graph.leaf_nodes()):
        raise BackupError("Cơ sở dữ liệu chưa được cập nhật cấu trúc: chạy `binhdang migrate` trước.")
    # Rows from an older schema would skip the data migrations written since then.
    older = (set(loader.applied_migrations) & set(loader.disk_migrations)) - in_backup
    if older:
        raise BackupError(
            "Bản sao lưu được tạo từ phiên bản cũ hơn (thiếu migration: "
            f"{_few(older)}). Hãy khôi phục bằng phiên bản mã đã tạo ra nó, rồi nâng cấp "
            "bằng `binhdang migrate`."
        )


def existing_rows() -> int:
    return sum(
        model._base_manager.count()
        for model in table_models()
        if model._meta.label not in CREATED_BY_MIGRATE
    )


def _safe_relative(name: str) -> PurePosixPath:
    rel = PurePosixPath(name)
    if rel.is_absolute() or not rel.parts or ".." in rel.parts or "\\" in name:
        raise BackupError(f"Đường dẫn tệp không hợp lệ trong bản sao lưu: {name!r}.")
    if rel.parts[0].startswith(STAGING_PREFIX):
        raise BackupError(f"Đường dẫn tệp không hợp lệ trong bản sao lưu: {name!r}.")
    return rel


class MediaSwap:
    """Media files unpacked into a staging folder inside MEDIA_ROOT (same file system, so
    the swap is renames only), put in place by swap(), and put back by undo()."""

    def __init__(self, media_root: Path):
        self.root = media_root
        self.root.mkdir(parents=True, exist_ok=True)
        self.staging = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "new-", dir=self.root))
        self.old: Path | None = None
        self.moved_out: list[str] = []
        self.moved_in: list[str] = []

    def stage(self, archive: zipfile.ZipFile, manifest: dict) -> int:
        expected = {item["path"]: item for item in manifest["media"]}
        entries = {
            name[len(MEDIA_PREFIX):]: name
            for name in archive.namelist()
            if name.startswith(MEDIA_PREFIX) and not name.endswith("/")
        }
        if set(entries) != set(expected):
            missing = sorted(set(expected) - set(entries))[:3]
            raise BackupError(f"Các tệp trong media/ không khớp với {MANIFEST} (thiếu: {missing}).")
        for rel, name in entries.items():
            target = self.staging.joinpath(*_safe_relative(rel).parts)
            target.parent.mkdir(parents=True, exist_ok=True)
            digest = hashlib.sha256()
            with archive.open(name) as src, open(target, "wb") as dst:
                for block in iter(lambda: src.read(1024 * 1024), b""):  # noqa: B023
                    digest.update(block)
                    dst.write(block)
            if digest.hexdigest() != expected[rel]["sha256"]:
                raise BackupError(f"Tệp media/{rel} trong bản sao lưu bị hỏng (sai mã kiểm tra).")
        return len(entries)

    def swap(self) -> None:
        self.old = Path(tempfile.mkdtemp(prefix=STAGING_PREFIX + "old-", dir=self.root))
        for entry in sorted(self.root.iterdir()):
            if not entry.name.startswith(STAGING_PREFIX):
                entry.rename(self.old / entry.name)
                self.moved_out.append(entry.name)
        for entry in sorted(self.staging.iterdir()):
            entry.rename(self.root / entry.name)
            self.moved_in.append(entry.name)

    def undo(self) -> None:
        for name in reversed(self.moved_in):
            (self.root / name).rename(self.staging / name)
        for name in reversed(self.moved_out):
            (self.old / name).rename(self.root / name)
        self.moved_in, self.moved_out = [], []

    def cleanup(self) -> None:
        for folder in (self.staging, self.old):
            if folder is not None:
                shutil.rmtree(folder, ignore_errors=True)


def reset_sequences() -> None:
    """What `sqlsequencereset` prints for every app, executed (nothing to do on SQLite).

    The SQL comes from the same function, without the BEGIN/COMMIT the command wraps it
    in, which would end the restore's transaction early."""
    statements = connection.ops.sequence_reset_sql(no_style(), table_models())
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def _load_database(dump: Path, manifest: dict) -> None:
    call_command("flush", interactive=False, inhibit_post_migrate=True, verbosity=0)
    try:
        call_command("loaddata", str(dump), verbosity=0)
    except Exception as exc:
        raise BackupError(f"Không nạp được {DB_DUMP}: {exc}") from exc
    for model in table_models():
        label = model._meta.label
        expected, actual = manifest["counts"].get(label, 0), model._base_manager.count()
        if actual != expected:
            raise BackupError(
                f"Sau khi nạp, bảng {label} có {actual} dòng nhưng bản sao lưu ghi {expected}; "
                "đã huỷ khôi phục."
            )
    reset_sequences()


def restore_backup(path: Path, *, confirm: bool) -> RestoreResult:
    """Replaces the database and the media files with the backup's.

    Refuses without `confirm` when the database holds data. A failure at any step leaves
    both the database and the media files as they were."""
    archive, manifest = open_backup(path)
    with archive, tempfile.TemporaryDirectory(prefix="binhdang-restore-") as work:
        dump = Path(work) / DB_DUMP
        with archive.open(DB_DUMP) as src, open(dump, "wb") as dst:
            shutil.copyfileobj(src, dst, 1024 * 1024)
        if sha256_of(dump) != manifest["db_sha256"]:
            raise BackupError(f"{DB_DUMP} trong bản sao lưu bị hỏng (sai mã kiểm tra).")
        check_migrations(manifest)
        rows = existing_rows()
        if rows and not confirm:
            raise BackupError(
                f"Cơ sở dữ liệu đang có dữ liệu ({rows} dòng). Khôi phục sẽ XOÁ toàn bộ dữ liệu "
                "và tệp hiện có rồi thay bằng bản sao lưu. Chạy lại với --yes để xác nhận."
            )
        media = MediaSwap(Path(settings.MEDIA_ROOT))
        try:
            count = media.stage(archive, manifest)
            try:
                with transaction.atomic():
                    _load_database(dump, manifest)
                    media.swap()
            except BaseException:
                media.undo()
                raise
        finally:
            media.cleanup()
    ContentType.objects.clear_cache()
    return RestoreResult(
        rows=sum(manifest["counts"].values()), media_files=count,
        created_at=str(manifest.get("created_at", "")),
    )
