"""seal/unseal: round trips, random nonces, tampering, contexts, master keys."""

import sqlite3

import pytest
from django.db import connection
from hypothesis import given
from hypothesis import settings as hsettings
from hypothesis import strategies as st

from binhdang.config.env import MasterKeys
from binhdang.safeguarding import sealing
from binhdang.safeguarding.models import SealedKey
from binhdang.safeguarding.sealing import (
    SealedDataError,
    SealingUnavailable,
    field_context,
    new_data_key,
    seal,
    unseal,
)

from .helpers import key_line, ring

NARRATIVE = "Em bị bạn cùng lớp bắt nạt ở nhà vệ sinh; em sợ không dám kể với cô chủ nhiệm. Đặng Thị Ngọc Ánh, lớp 5A."
CONTEXT = "safeguarding.case:3f2a:narrative"


@pytest.fixture
def key(db):
    return new_data_key()


@pytest.mark.parametrize("text", [NARRATIVE, "", "ở ữ ế ặ ỹ Đ đ 🙂\n\ttab", NARRATIVE * 5000])
def test_round_trip(key, text):
    blob = seal(key, text, CONTEXT)
    assert isinstance(blob, bytes) and blob.startswith(b"BD1")
    assert unseal(key, blob, CONTEXT) == text
    # Read back from the database: a fresh row object (memoryview on PostgreSQL) opens too.
    assert unseal(SealedKey.objects.get(pk=key.pk), memoryview(blob), CONTEXT) == text


def test_same_plaintext_twice_gives_different_ciphertexts(key):
    first, second = seal(key, NARRATIVE, CONTEXT), seal(key, NARRATIVE, CONTEXT)
    assert first != second
    assert first[3:15] != second[3:15]  # the nonces
    assert NARRATIVE.encode() not in first


def test_each_case_gets_its_own_random_data_key(db):
    one, two = new_data_key(), new_data_key()
    assert one.uid != two.uid
    assert sealing._unwrap(one) != sealing._unwrap(two)
    assert len(sealing._unwrap(one)) == 32
    # Stored wrapped only: the data key's bytes are not in the row.
    assert sealing._unwrap(one) not in bytes(SealedKey.objects.get(pk=one.pk).wrapped)


@pytest.mark.parametrize("position", [0, 2, 3, 10, 14, 15, 20, -1])
def test_flipping_any_bit_is_detected(key, position):
    blob = bytearray(seal(key, NARRATIVE, CONTEXT))
    blob[position] ^= 0x01
    with pytest.raises(SealedDataError) as raised:
        unseal(key, bytes(blob), CONTEXT)
    assert "bắt nạt" not in str(raised.value)


def test_truncated_or_foreign_blobs_are_refused(key):
    blob = seal(key, NARRATIVE, CONTEXT)
    for broken in (b"", blob[:20], b"XX1" + blob[3:], blob[:-1]):
        with pytest.raises(SealedDataError):
            unseal(key, broken, CONTEXT)


def test_wrong_context_or_other_case_key_is_refused(db):
    key, other = new_data_key(), new_data_key()
    blob = seal(key, NARRATIVE, CONTEXT)
    for context in ("safeguarding.case:3f2a:notes", "safeguarding.case:3f2b:narrative"):
        with pytest.raises(SealedDataError):
            unseal(key, blob, context)
    with pytest.raises(SealedDataError):
        unseal(other, blob, CONTEXT)
    with pytest.raises(ValueError):
        seal(key, NARRATIVE, "")


def test_wrapped_key_copied_to_another_row_does_not_open(db):
    key, other = new_data_key(), new_data_key()
    blob = seal(key, NARRATIVE, CONTEXT)
    other.wrapped = key.wrapped
    with pytest.raises(SealedDataError):
        unseal(other, blob, CONTEXT)
    # Relabelling the master key id of a row does not open it either.
    key.master_key_id = 7
    with pytest.raises(SealingUnavailable):
        unseal(key, blob, CONTEXT)


def test_field_context_names_model_record_and_field(key):
    assert field_context(key, "narrative") == f"safeguarding.sealedkey:{key.uid}:narrative"
    with pytest.raises(ValueError):
        field_context(SealedKey(uid=None), "narrative")


def test_missing_master_key(key, settings):
    blob = seal(key, NARRATIVE, CONTEXT)
    settings.BINHDANG_SEALING_KEYS = MasterKeys()
    for call in (lambda: unseal(key, blob, CONTEXT), lambda: seal(key, "x", CONTEXT), new_data_key):
        with pytest.raises(SealingUnavailable) as raised:
            call()
        assert "BINHDANG_SEALING_KEYS" in str(raised.value)


def test_wrong_master_key_with_the_same_id(key, settings):
    blob = seal(key, NARRATIVE, CONTEXT)
    settings.BINHDANG_SEALING_KEYS = ring(key_line(1))
    with pytest.raises(SealedDataError) as raised:
        unseal(key, blob, CONTEXT)
    assert "bắt nạt" not in str(raised.value)


def test_master_keys_repr_never_shows_key_bytes():
    line = key_line(3)
    keys = ring(line, key_line(2))
    secret = line.split(":", 1)[1]
    for text in (repr(keys), str(keys), repr([keys])):
        assert secret not in text and "3" in text
    assert keys.current_id == 3 and keys.ids == (3, 2)


def test_marker_is_absent_from_the_raw_sqlite_database(key):
    if connection.vendor != "sqlite":
        pytest.skip("reads the database file itself: SQLite only")
    marker = "DAU-HIEU-BI-MAT-7Q4Z"
    control = "DAU-HIEU-CONG-KHAI-9K2X"
    blob = seal(key, f"Lời kể có {marker} bên trong", CONTEXT)
    # Until case models exist, a session row carries the ciphertext (base16) next to a plain
    # control string, which proves the scan below does see what is stored in the file.
    from django.contrib.sessions.models import Session
    from django.utils import timezone

    Session.objects.create(session_key=control.lower().ljust(32, "x"), session_data=blob.hex(),
                           expire_date=timezone.now())
    raw = connection.connection
    assert isinstance(raw, sqlite3.Connection)
    image = raw.serialize()
    assert control.lower().encode() in image
    assert blob.hex().encode() in image
    assert marker.encode() not in image
    assert marker.encode("utf-16-le") not in image


@given(st.text(max_size=2000), st.text(min_size=1, max_size=80))
@hsettings(max_examples=150, deadline=None)
def test_round_trip_property(text, context):
    # An unsaved key: sealing needs the wrapped key and the uid, not the database row.
    import uuid

    key = SealedKey(uid=uuid.uuid4(), master_key_id=1)
    key.wrapped = sealing._wrap(sealing.AESGCM.generate_key(bit_length=256), key.uid, 1)
    blob = seal(key, text, context)
    assert unseal(key, blob, context) == text
    with pytest.raises(SealedDataError):
        unseal(key, blob, context + "x")
