"""Envelope encryption of sealed data (issue 5): AES-256-GCM everywhere.

Key hierarchy: master keys (settings.BINHDANG_SEALING_KEYS, from the environment or a key file)
wrap one random data key per case (SealedKey rows); data keys seal the case's fields.

Formats (all integers big-endian):
- sealed value: b"BD1" + nonce (12 random bytes) + AES-GCM(data key) ciphertext + tag (16);
  associated data = b"BD1" + SealedKey.uid (16 bytes) + context (UTF-8), so a ciphertext moved
  to another record, field or case does not open. "1" is the format version.
- wrapped data key (SealedKey.wrapped): b"BK1" + nonce (12) + AES-GCM(master key) of the
  32-byte data key + tag; associated data = "binhdang.SealedKey:<uid>:<master key id>".

Unwrapped data keys live only in local variables for the length of one call (no cache): Python
cannot wipe memory, so this bounds how long they exist, not whether a memory dump can see them.
Messages never contain plaintext or key material.
"""

import os
import uuid

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from django.conf import settings
from django.utils.translation import gettext as _

from .models import SealedKey

VALUE_HEADER = b"BD1"
WRAP_HEADER = b"BK1"
NONCE_BYTES = 12  # 96-bit nonces, random per message (os.urandom)
TAG_BYTES = 16
KEY_BYTES = 32  # AES-256


class SealingError(Exception):
    """Base class; messages are safe to log (no plaintext, no key)."""


class SealingUnavailable(SealingError):
    """No master key is configured, or not the one a sealed key needs."""


class SealedDataError(SealingError):
    """A sealed value or a wrapped key does not open: tampered, wrong context, wrong key."""


def master_keys():
    """The configured master keys, or SealingUnavailable. Read at each call (not at import) so
    settings overrides in tests and a restarted process see the current configuration."""
    keys = getattr(settings, "BINHDANG_SEALING_KEYS", None)
    if not keys:
        raise SealingUnavailable(
            _("Chưa cấu hình khoá chính BINHDANG_SEALING_KEYS (hoặc BINHDANG_SEALING_KEY_FILE): "
              "không thể niêm phong hay mở dữ liệu bảo vệ học sinh.")
        )
    return keys


def _master_key(key_id: int) -> bytes:
    secret = master_keys().get(key_id)
    if secret is None:
        raise SealingUnavailable(
            _("Khoá chính số %(id)s không có trong BINHDANG_SEALING_KEYS.") % {"id": key_id}
        )
    return secret


def _wrap_aad(uid: uuid.UUID, master_key_id: int) -> bytes:
    return f"binhdang.SealedKey:{uid}:{master_key_id}".encode("ascii")


def _wrap(data_key: bytes, uid: uuid.UUID, master_key_id: int) -> bytes:
    nonce = os.urandom(NONCE_BYTES)
    sealed = AESGCM(_master_key(master_key_id)).encrypt(nonce, data_key, _wrap_aad(uid, master_key_id))
    return WRAP_HEADER + nonce + sealed


def _unwrap(key: SealedKey) -> bytes:
    blob = bytes(key.wrapped or b"")  # memoryview on PostgreSQL
    master = _master_key(key.master_key_id)
    if len(blob) != len(WRAP_HEADER) + NONCE_BYTES + KEY_BYTES + TAG_BYTES or not blob.startswith(WRAP_HEADER):
        raise SealedDataError(_("Khoá dữ liệu %(uid)s bị hỏng.") % {"uid": key.uid})
    nonce = blob[len(WRAP_HEADER):len(WRAP_HEADER) + NONCE_BYTES]
    try:
        return AESGCM(master).decrypt(nonce, blob[len(WRAP_HEADER) + NONCE_BYTES:],
                                      _wrap_aad(key.uid, key.master_key_id))
    except InvalidTag:
        raise SealedDataError(
            _("Khoá chính số %(id)s không mở được khoá dữ liệu %(uid)s (sai khoá hoặc dữ liệu bị sửa).")
            % {"id": key.master_key_id, "uid": key.uid}
        ) from None


def rewrap(key: SealedKey, master_key_id: int) -> None:
    """Wraps the same data key again under another master key (rotation); the caller saves.
    Values sealed with the data key are untouched: the data key does not change."""
    data_key = _unwrap(key)
    key.wrapped = _wrap(data_key, key.uid, master_key_id)
    key.master_key_id = master_key_id


def new_data_key() -> SealedKey:
    """A new random data key (one per case), saved wrapped by the current master key."""
    current = master_keys().current_id
    uid = uuid.uuid4()
    key = SealedKey(uid=uid, master_key_id=current, wrapped=_wrap(AESGCM.generate_key(bit_length=256), uid, current))
    key.save()
    return key


def _aad(key: SealedKey, context: str) -> bytes:
    if not isinstance(context, str) or not context:
        raise ValueError("context must be a non-empty string naming the record and field")
    # uuid.UUID() also accepts the text form, for a row built by hand from a string uid.
    return VALUE_HEADER + uuid.UUID(str(key.uid)).bytes + context.encode("utf-8")


def field_context(instance, field: str) -> str:
    """The context binding a value to one record's field: "<app.model>:<uid or pk>:<field>"."""
    ident = getattr(instance, "uid", None) or instance.pk
    if ident is None:
        raise ValueError("save the record (or give it a uid) before sealing its fields")
    return f"{instance._meta.label_lower}:{ident}:{field}"


def seal_bytes(key: SealedKey, data: bytes, context: str) -> bytes:
    """Bytes in, the sealed value out (the same format as seal(): files are sealed like fields)."""
    if not isinstance(data, (bytes, bytearray, memoryview)):
        raise TypeError("seal_bytes() takes bytes")
    aad = _aad(key, context)
    nonce = os.urandom(NONCE_BYTES)
    return VALUE_HEADER + nonce + AESGCM(_unwrap(key)).encrypt(nonce, bytes(data), aad)


def unseal_bytes(key: SealedKey, blob: bytes, context: str) -> bytes:
    aad = _aad(key, context)
    blob = bytes(blob)  # memoryview on PostgreSQL
    if len(blob) < len(VALUE_HEADER) + NONCE_BYTES + TAG_BYTES or not blob.startswith(VALUE_HEADER):
        raise SealedDataError(_("Dữ liệu niêm phong bị hỏng hoặc không đúng định dạng."))
    nonce = blob[len(VALUE_HEADER):len(VALUE_HEADER) + NONCE_BYTES]
    data_key = _unwrap(key)
    try:
        return AESGCM(data_key).decrypt(nonce, blob[len(VALUE_HEADER) + NONCE_BYTES:], aad)
    except InvalidTag:
        raise SealedDataError(
            _("Không mở được dữ liệu niêm phong: sai bản ghi, sai khoá hoặc dữ liệu bị sửa.")
        ) from None


def seal(key: SealedKey, plaintext: str, context: str) -> bytes:
    if not isinstance(plaintext, str):
        raise TypeError("seal() takes text (str)")
    return seal_bytes(key, plaintext.encode("utf-8"), context)


def unseal(key: SealedKey, blob: bytes, context: str) -> str:
    return unseal_bytes(key, blob, context).decode("utf-8")
