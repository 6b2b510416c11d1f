"""`binhdang sealing rotate|status|new-key`."""

import io

import pytest
from django.core.management import CommandError, call_command

from binhdang.config.env import MasterKeys, parse_master_keys
from binhdang.safeguarding.models import SealedKey
from binhdang.safeguarding.sealing import SealingUnavailable, new_data_key, seal, unseal

from .helpers import key_line, ring

pytestmark = pytest.mark.django_db


def run(*args) -> tuple[str, str]:
    out, err = io.StringIO(), io.StringIO()
    call_command("sealing", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_rotation_keeps_old_ciphertexts_open(settings):
    old, new = key_line(1), key_line(2)
    settings.BINHDANG_SEALING_KEYS = ring(old)
    sealed = []
    for n in range(5):
        key = new_data_key()
        sealed.append((key.pk, seal(key, f"Ghi chú số {n}: gặp phụ huynh", f"case:{n}:notes")))
    wrapped_before = {k.pk: bytes(k.wrapped) for k in SealedKey.objects.all()}

    settings.BINHDANG_SEALING_KEYS = ring(new, old)
    out, _err = run("rotate", "--batch-size", "2")
    assert "Đã bọc lại 5 khoá dữ liệu" in out
    assert all(k.master_key_id == 2 and k.rotated_at for k in SealedKey.objects.all())
    assert all(bytes(k.wrapped) != wrapped_before[k.pk] for k in SealedKey.objects.all())
    # Idempotent: nothing left to do.
    out, _err = run("rotate")
    assert "Đã bọc lại 0 khoá dữ liệu; 5 khoá" in out

    # The old master key removed from the configuration: everything still opens.
    settings.BINHDANG_SEALING_KEYS = ring(new)
    for n, (pk, blob) in enumerate(sealed):
        assert unseal(SealedKey.objects.get(pk=pk), blob, f"case:{n}:notes") == f"Ghi chú số {n}: gặp phụ huynh"
    out, _err = run("status")
    assert "khoá chính 2: 5 khoá dữ liệu" in out and "THIẾU" not in out


def test_rotation_refuses_without_the_old_master_key(settings):
    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    new_data_key()
    settings.BINHDANG_SEALING_KEYS = ring(key_line(2))
    with pytest.raises(CommandError, match="số 1"):
        run("rotate")
    assert SealedKey.objects.get().master_key_id == 1
    out, _err = run("status")
    assert "khoá chính 1: 1 khoá dữ liệu  ← THIẾU" in out


def test_status_counts_per_master_key_and_never_prints_keys(settings):
    one, two = key_line(1), key_line(2)
    settings.BINHDANG_SEALING_KEYS = ring(one)
    new_data_key()
    settings.BINHDANG_SEALING_KEYS = ring(two, one)
    new_data_key(), new_data_key()
    out, err = run("status")
    assert "khoá chính 1: 1 khoá dữ liệu" in out and "khoá chính 2: 2 khoá dữ liệu" in out
    assert "(hiện tại: 2)" in out
    for line in (one, two):
        assert line.split(":", 1)[1] not in out + err


def test_new_key_prints_one_usable_line_to_stdout(settings):
    settings.BINHDANG_SEALING_KEYS = ring(key_line(3), key_line(1))
    out, err = run("new-key")
    line = out.strip()
    assert line.startswith("4:")
    assert parse_master_keys("BINHDANG_SEALING_KEYS", line).ids == (4,)
    assert line.split(":", 1)[1] not in err
    assert run("new-key")[0].strip() != line


def test_missing_master_key_refuses_new_data_keys(settings):
    settings.BINHDANG_SEALING_KEYS = MasterKeys()
    with pytest.raises(SealingUnavailable):
        new_data_key()
    assert not SealedKey.objects.exists()
