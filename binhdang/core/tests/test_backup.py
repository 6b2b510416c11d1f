"""`binhdang backup` / `binhdang restore`: a full round trip on the demo data, and refusals."""

import datetime as dt
import json
import os
import zipfile

import pytest
from axes.models import AccessAttempt
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import CommandError, call_command
from django.db import connection
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_tasks_db.models import DBTaskResult

from binhdang.accounts.models import User
from binhdang.audit.models import AuditEntry
from binhdang.core.demo.builder import build_demo
from binhdang.core.ops.backup import table_models
from binhdang.orgs.models import OrgUnit, ParentLink
from binhdang.people.models import Student
from binhdang.safeguarding.sealing import new_data_key
from binhdang.testing import make_unit

pytestmark = pytest.mark.django_db(transaction=True)

# Not valid UTF-8, with a NUL: the bytes must come back exactly.
UPLOAD_BYTES = bytes(range(256)) * 40 + "Kế hoạch bình đẳng giới".encode()


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def snapshot() -> dict:
    """Every row of every table; automatic many-to-many rows without their own id."""
    rows = {}
    for model in table_models():
        values = list(model._base_manager.order_by("pk").values())
        if model._meta.auto_created:
            values = sorted(tuple(sorted((k, v) for k, v in row.items() if k != "id")) for row in values)
        rows[model._meta.label] = values
    return rows


def media_files(media_root) -> dict:
    return {str(p.relative_to(media_root)): p.read_bytes() for p in media_root.rglob("*") if p.is_file()}


def build_installation(media_root):
    """The demo data, one upload, and a row in each table the demo leaves empty."""
    build_demo(today=dt.date(2026, 11, 22))
    admin = User.objects.get(username="admin")
    FileSystemStorage(location=media_root).save("ke-hoach/2026/ke-hoach.docx", ContentFile(UPLOAD_BYTES))
    Session.objects.create(session_key="s" * 32, session_data="e30:", expire_date=timezone.now())
    TOTPDevice.objects.create(user=admin, name="Điện thoại", confirmed=True)
    AccessAttempt.objects.create(username="khach", ip_address="127.0.0.1", user_agent="t", failures_since_start=2)
    DBTaskResult.objects.create(
        args_kwargs={"args": [1], "kwargs": {}}, task_path="binhdang.people.tasks.import_roster",
        backend_name="default", run_after=timezone.now(), status="SUCCESSFUL",
        return_value={"rows": 12}, exception_class_path="", traceback="",
    )
    # A wrapped data key: binary bytes must come back exactly (they are base64 in db.json).
    new_data_key()
    return admin


def test_round_trip_restores_every_row_and_file(media_root, tmp_path):
    admin = build_installation(media_root)
    before = snapshot()
    files = media_files(media_root)
    # The demo must exercise what the backup has to carry (its evidence photos and thumbnails too).
    assert sum(name.startswith("evidence/") for name in files) > 20
    assert len(before["audit.AuditEntry"]) > 0
    assert len(before["orgs.ParentLink"]) > 0
    assert len(before["people.Student"]) > 100
    assert len(before["django_tasks_database.DBTaskResult"]) == 1
    uid, password_hash = admin.uid, admin.password
    moved = ParentLink.objects.filter(valid_to__isnull=False).select_related("unit").first()
    assert moved is not None, "the demo's reform moves leave closed ParentLink rows"
    audit = AuditEntry.objects.order_by("id").last()

    path = tmp_path / "sao-luu.zip"
    call_command("backup", output=str(path), stdout=open(os.devnull, "w"))
    assert path.stat().st_mode & 0o777 == 0o600
    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        assert "media/ke-hoach/2026/ke-hoach.docx" in archive.namelist()
    assert manifest["format_version"] == 1
    assert manifest["database_vendor"] == connection.vendor
    assert "0001_initial" in manifest["migrations"]["orgs"]
    assert manifest["counts"]["people.Student"] == len(before["people.Student"])
    assert manifest["counts"]["audit.AuditEntry"] == len(before["audit.AuditEntry"])

    # Everything changes after the backup: data edited, rows deleted and added, files too.
    admin.set_password("mat-khau-moi-123")
    admin.save(update_fields=["password"])
    Student.objects.filter(pk__in=Student.objects.order_by("pk").values("pk")[:25]).delete()
    OrgUnit.objects.filter(pk=moved.unit_id).update(name="Đổi tên sau sao lưu")
    AuditEntry.objects.create(action="test.after_backup", target_type="test")
    DBTaskResult.objects.all().delete()
    (media_root / "ke-hoach/2026/ke-hoach.docx").unlink()
    (media_root / "moi.txt").write_bytes(b"sau sao luu")
    assert snapshot() != before

    call_command("restore", str(path), yes=True, stdout=open(os.devnull, "w"))

    after = snapshot()
    for label, rows in before.items():
        assert len(after[label]) == len(rows), label
        assert after[label] == rows, label
    admin.refresh_from_db()
    assert (admin.uid, admin.password) == (uid, password_hash)
    assert ParentLink.objects.get(pk=moved.pk).valid_to == moved.valid_to
    assert AuditEntry.objects.get(pk=audit.pk).action == audit.action
    assert not AuditEntry.objects.filter(action="test.after_backup").exists()
    assert (media_root / "ke-hoach/2026/ke-hoach.docx").read_bytes() == UPLOAD_BYTES
    assert not (media_root / "moi.txt").exists()
    assert sorted(p.name for p in media_root.iterdir()) == ["campaign-reports", "evidence", "ke-hoach"]
    assert media_files(media_root) == files
    # Sequences follow the restored ids (PostgreSQL): new rows get fresh keys.
    fresh = AuditEntry.objects.create(action="test.after_restore", target_type="test")
    assert fresh.pk > max(row["id"] for row in before["audit.AuditEntry"])


def test_restore_into_empty_database_needs_no_confirmation(media_root, tmp_path):
    world_unit = make_unit("so-a", "department", name="Sở A")
    FileSystemStorage(location=media_root).save("a.bin", ContentFile(b"\x00\x01"))
    path = tmp_path / "b.zip"
    call_command("backup", output=str(path), stdout=open(os.devnull, "w"))
    call_command("flush", interactive=False, verbosity=0)
    call_command("restore", str(path), stdout=open(os.devnull, "w"))
    assert OrgUnit.objects.get().uid == world_unit.uid
    assert (media_root / "a.bin").read_bytes() == b"\x00\x01"


def test_backup_refuses_to_overwrite(media_root, tmp_path):
    path = tmp_path / "co-san.zip"
    path.write_bytes(b"cu")
    with pytest.raises(CommandError, match="đã tồn tại"):
        call_command("backup", output=str(path))
    assert path.read_bytes() == b"cu"


def test_default_backup_path_is_under_var_backups(media_root, settings, tmp_path):
    settings.VAR_DIR = tmp_path / "var"
    call_command("backup", stdout=open(os.devnull, "w"))
    made = list((tmp_path / "var" / "backups").iterdir())
    assert len(made) == 1
    assert made[0].name.startswith("binhdang-") and made[0].suffix == ".zip"
    assert len(made[0].stem) == len("binhdang-20261122-101500")


def test_garbage_file_is_refused(media_root, tmp_path):
    path = tmp_path / "rac.zip"
    path.write_bytes(os.urandom(2000))
    with pytest.raises(CommandError, match="không phải tệp .zip hợp lệ"):
        call_command("restore", str(path), yes=True)


def test_zip_without_manifest_is_refused(media_root, tmp_path):
    path = tmp_path / "khac.zip"
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr("db.json", "[]")
    with pytest.raises(CommandError, match="thiếu manifest.json"):
        call_command("restore", str(path), yes=True)


def _rewrite_manifest(source, target, change):
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for item in old.infolist():
            data = old.read(item)
            if item.filename == "manifest.json":
                manifest = json.loads(data)
                change(manifest)
                data = json.dumps(manifest).encode()
            new.writestr(item, data)


@pytest.fixture
def small_backup(media_root, tmp_path):
    make_unit("so-a", "department", name="Sở A")
    FileSystemStorage(location=media_root).save("a.bin", ContentFile(b"goc"))
    path = tmp_path / "nho.zip"
    call_command("backup", output=str(path), stdout=open(os.devnull, "w"))
    return path


def test_missing_yes_is_refused_when_database_has_data(small_backup, media_root):
    make_unit("so-b", "department", name="Sở B")
    with pytest.raises(CommandError, match="--yes"):
        call_command("restore", str(small_backup))
    assert OrgUnit.objects.filter(code="so-b").exists()


def test_backup_from_newer_code_is_refused(small_backup, tmp_path):
    newer = tmp_path / "moi-hon.zip"
    _rewrite_manifest(small_backup, newer, lambda m: m["migrations"]["orgs"].append("0999_tuong_lai"))
    with pytest.raises(CommandError, match="phiên bản mới hơn.*orgs.0999_tuong_lai"):
        call_command("restore", str(newer), yes=True)


def test_backup_from_older_code_is_refused(small_backup, tmp_path):
    older = tmp_path / "cu-hon.zip"
    _rewrite_manifest(small_backup, older, lambda m: m["migrations"].pop("people"))
    with pytest.raises(CommandError, match="phiên bản cũ hơn"):
        call_command("restore", str(older), yes=True)


def test_tampered_database_dump_is_refused(small_backup, tmp_path):
    tampered = tmp_path / "sua.zip"
    _rewrite_manifest(small_backup, tampered, lambda m: m.update(db_sha256="0" * 64))
    with pytest.raises(CommandError, match="db.json trong bản sao lưu bị hỏng"):
        call_command("restore", str(tampered), yes=True)


def test_failed_restore_leaves_database_and_files_as_they_were(small_backup, media_root, tmp_path):
    make_unit("so-b", "department", name="Sở B")
    (media_root / "a.bin").write_bytes(b"moi")
    broken = tmp_path / "hong.zip"
    # The counts no longer match what db.json loads: detected after loading, inside the transaction.
    _rewrite_manifest(small_backup, broken, lambda m: m["counts"].update({"orgs.OrgUnit": 7}))
    with pytest.raises(CommandError, match="orgs.OrgUnit có 1 dòng nhưng bản sao lưu ghi 7"):
        call_command("restore", str(broken), yes=True)
    assert sorted(OrgUnit.objects.values_list("code", flat=True)) == ["so-a", "so-b"]
    assert (media_root / "a.bin").read_bytes() == b"moi"
    assert [p.name for p in media_root.iterdir()] == ["a.bin"]
