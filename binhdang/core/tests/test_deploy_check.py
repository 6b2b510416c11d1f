"""Production settings, run as a fresh process the way an operator starts it.

Each test starts `python -m binhdang` with a clean environment, so the settings module is
evaluated from scratch (the test suite's own settings are already loaded in this process).
"""

import os
import secrets
import stat
import string
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]


def production_env(var_dir: Path, **overrides: str) -> dict[str, str]:
    alphabet = string.ascii_letters + string.digits + "!@#%^&*(-_=+)"
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("BINHDANG_", "DJANGO_")) and key != "DATABASE_URL"
    }
    env.update(
        BINHDANG_DEBUG="0",
        BINHDANG_SECRET_KEY="".join(secrets.choice(alphabet) for _ in range(60)),
        BINHDANG_ALLOWED_HOSTS="binhdang.example.vn",
        BINHDANG_VAR_DIR=str(var_dir),
    )
    env.update(overrides)
    return {key: value for key, value in env.items() if value is not None}


def binhdang(env: dict[str, str], *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "binhdang", *args],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120,
    )


def test_deploy_check_is_clean_with_production_settings(tmp_path):
    result = binhdang(production_env(tmp_path), "check", "--deploy")
    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "WARNINGS" not in output
    assert "(security." not in output
    assert "System check identified no issues" in output


@pytest.mark.parametrize(
    ("variable", "value"),
    [
        ("BINHDANG_DEBUG", "maybe"),
        ("BINHDANG_SECRET_KEY", "ngan-qua"),
        ("BINHDANG_ALLOWED_HOSTS", " , "),
        ("BINHDANG_HSTS_SECONDS", "mot-nam"),
        ("DATABASE_URL", "postgres//nguoidung:matkhau-bi-mat@may-chu/binhdang"),
        ("DATABASE_URL", "postgres://nguoidung:matkhau-bi-mat@may-chu:cong/binhdang"),
        ("DATABASE_URL", "postgres://may-chu:5432"),
    ],
)
def test_bad_value_stops_the_process_naming_the_variable(tmp_path, variable, value):
    result = binhdang(production_env(tmp_path, **{variable: value}), "check", "--deploy")
    assert result.returncode != 0
    last_line = result.stderr.strip().splitlines()[-1]
    assert "ImproperlyConfigured" in last_line
    assert variable in last_line
    # A database URL may carry a password: it is never echoed.
    assert "matkhau-bi-mat" not in result.stderr + result.stdout


def test_secret_key_is_generated_once_with_owner_only_permissions(tmp_path):
    env = production_env(tmp_path, BINHDANG_SECRET_KEY=None)
    show_key = ("shell", "--no-imports", "-c", "from django.conf import settings; print(settings.SECRET_KEY)")
    first = binhdang(env, *show_key)
    assert first.returncode == 0, first.stderr
    key_file = tmp_path / "secret_key"
    assert stat.S_IMODE(key_file.stat().st_mode) == 0o600
    key = key_file.read_text().strip()
    assert len(key) >= 50
    assert first.stdout.strip() == key
    second = binhdang(env, *show_key)
    assert second.stdout.strip() == key
    assert sorted(p.name for p in tmp_path.iterdir()) == ["secret_key"]
