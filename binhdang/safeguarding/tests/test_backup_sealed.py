"""`binhdang backup` carries sealed data and wrapped keys, never the master key or a plaintext."""

import base64
import zipfile

import pytest
from django.contrib.sessions.models import Session
from django.core.management import call_command
from django.utils import timezone

from binhdang.config.env import MasterKeys
from binhdang.core.ops.restore import restore_backup
from binhdang.safeguarding.models import SealedKey
from binhdang.safeguarding.sealing import SealedDataError, SealingUnavailable, new_data_key, seal, unseal

from .helpers import key_line, ring

pytestmark = pytest.mark.django_db(transaction=True)

MARKER = "DAU-HIEU-LOI-KE-5R8W"
NARRATIVE = f"Em Nguyễn Văn Bình bị đánh ở cổng trường ({MARKER})."
CONTEXT = "safeguarding.case:1:narrative"
# A plain value stored next to the ciphertext: the scan must find it, or it proves nothing.
CONTROL = "dau-hieu-cong-khai-backup-00000x"


@pytest.fixture
def media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.MEDIA_ROOT.mkdir()
    return settings.MEDIA_ROOT


def archive_texts(path) -> list[bytes]:
    """The archive's raw bytes and every member decompressed."""
    with zipfile.ZipFile(path) as archive:
        return [path.read_bytes(), *(archive.read(name) for name in archive.namelist())]


def test_backup_holds_no_plaintext_nor_master_key_and_restores_with_the_key(settings, media_root, tmp_path):
    line = key_line(1)
    settings.BINHDANG_SEALING_KEYS = ring(line)
    master_b64 = line.split(":", 1)[1]
    master_raw = base64.urlsafe_b64decode(master_b64)
    key = new_data_key()
    blob = seal(key, NARRATIVE, CONTEXT)
    # Until case models exist, a session row carries the ciphertext (hex).
    Session.objects.create(session_key=CONTROL, session_data=blob.hex(), expire_date=timezone.now())

    backup = tmp_path / "sao-luu.zip"
    call_command("backup", "--output", str(backup), stdout=None)
    texts = archive_texts(backup)
    assert any(CONTROL.encode() in text for text in texts)
    assert any(blob.hex().encode() in text for text in texts)
    for text in texts:
        assert MARKER.encode() not in text
        assert "Nguyễn Văn Bình".encode() not in text
        assert master_b64.encode() not in text and master_raw not in text

    # A fresh database, restored from the archive.
    call_command("flush", interactive=False, verbosity=0)
    assert not SealedKey.objects.exists()
    restore_backup(backup, confirm=False)
    restored_key = SealedKey.objects.get(uid=key.uid)
    restored_blob = bytes.fromhex(Session.objects.get(session_key=CONTROL).session_data)
    assert unseal(restored_key, restored_blob, CONTEXT) == NARRATIVE

    # The archive alone does not open: no master key, or another one.
    settings.BINHDANG_SEALING_KEYS = MasterKeys()
    with pytest.raises(SealingUnavailable):
        unseal(restored_key, restored_blob, CONTEXT)
    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    with pytest.raises(SealedDataError):
        unseal(restored_key, restored_blob, CONTEXT)
