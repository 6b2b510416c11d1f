"""BINHDANG_SEALING_KEYS / BINHDANG_SEALING_KEY_FILE parsing: errors name the variable, never the key."""

import base64
import os

import pytest
from django.core.exceptions import ImproperlyConfigured

from binhdang.config.env import parse_master_keys, sealing_keys

from .helpers import key_line

VAR, FILE_VAR = "BINHDANG_SEALING_KEYS", "BINHDANG_SEALING_KEY_FILE"


@pytest.fixture
def clean_env(monkeypatch):
    monkeypatch.delenv(VAR, raising=False)
    monkeypatch.delenv(FILE_VAR, raising=False)
    return monkeypatch


def test_keys_from_the_environment_current_first(clean_env):
    two, one = key_line(2), key_line(1)
    clean_env.setenv(VAR, f" {two} , {one} ")
    keys = sealing_keys(VAR, FILE_VAR)
    assert keys.ids == (2, 1) and keys.current_id == 2
    assert keys.get(1) == base64.urlsafe_b64decode(one.split(":", 1)[1])
    assert keys.get(5) is None


def test_nothing_configured_means_no_keys(clean_env):
    assert not sealing_keys(VAR, FILE_VAR)
    clean_env.setenv(VAR, "  ")
    assert not sealing_keys(VAR, FILE_VAR)


SECRET_LOOKING = base64.urlsafe_b64encode(b"k" * 31).decode()  # 31 bytes: too short


@pytest.mark.parametrize("text", [
    f"1:{SECRET_LOOKING}",
    f"{SECRET_LOOKING}",
    f"0:{base64.urlsafe_b64encode(b'k' * 32).decode()}",
    f"x:{base64.urlsafe_b64encode(b'k' * 32).decode()}",
    f"1:{base64.b64encode(b'k' * 32).decode()}!",
    f"1:{base64.urlsafe_b64encode(b'k' * 32).decode()},1:{base64.urlsafe_b64encode(b'j' * 32).decode()}",
    " , ",
])
def test_bad_values_name_the_variable_not_the_value(text):
    with pytest.raises(ImproperlyConfigured) as raised:
        parse_master_keys(VAR, text)
    message = str(raised.value)
    assert VAR in message
    for part in text.replace(",", ":").split(":"):
        if len(part.strip()) > 8:
            assert part.strip() not in message


def test_key_file_owner_only(clean_env, tmp_path):
    key_file = tmp_path / "sealing_keys"
    line = key_line(4)
    key_file.write_text(f"# khoá chính Bình Đẳng\n{line}\n{key_line(3)}\n")
    clean_env.setenv(FILE_VAR, str(key_file))
    os.chmod(key_file, 0o644)
    with pytest.raises(ImproperlyConfigured) as raised:
        sealing_keys(VAR, FILE_VAR)
    assert FILE_VAR in str(raised.value) and "600" in str(raised.value)
    assert line.split(":", 1)[1] not in str(raised.value)
    os.chmod(key_file, 0o600)
    keys = sealing_keys(VAR, FILE_VAR)
    assert keys.ids == (4, 3) and keys.source == FILE_VAR


def test_key_file_missing_empty_or_both_set(clean_env, tmp_path):
    clean_env.setenv(FILE_VAR, str(tmp_path / "absent"))
    with pytest.raises(ImproperlyConfigured, match=FILE_VAR):
        sealing_keys(VAR, FILE_VAR)
    empty = tmp_path / "empty"
    empty.write_text("# no key yet\n")
    os.chmod(empty, 0o600)
    clean_env.setenv(FILE_VAR, str(empty))
    with pytest.raises(ImproperlyConfigured, match=FILE_VAR):
        sealing_keys(VAR, FILE_VAR)
    clean_env.setenv(VAR, key_line(1))
    with pytest.raises(ImproperlyConfigured, match="not both"):
        sealing_keys(VAR, FILE_VAR)
