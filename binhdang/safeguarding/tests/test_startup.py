"""Refusing to start when sealed data exists and its master key is not configured."""

import io
import sys

import pytest
from django.core import checks
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.core.management.base import SystemCheckError

from binhdang.config.env import MasterKeys
from binhdang.core.tests.test_deploy_check import binhdang, production_env
from binhdang.safeguarding.checks import check_master_keys, ensure_sealing_ready
from binhdang.safeguarding.sealing import new_data_key

from .helpers import key_line, ring

pytestmark = pytest.mark.django_db


def test_no_sealed_data_needs_no_master_key(settings):
    settings.BINHDANG_SEALING_KEYS = MasterKeys()
    assert check_master_keys() == []
    ensure_sealing_ready()
    call_command("check", stdout=io.StringIO())


def test_sealed_data_without_master_key_is_an_error(settings):
    new_data_key()
    settings.BINHDANG_SEALING_KEYS = MasterKeys()
    errors = check_master_keys()
    assert [e.id for e in errors] == ["safeguarding.E001"]
    assert errors[0].level == checks.ERROR
    assert "BINHDANG_SEALING_KEYS" in errors[0].msg and "chưa cấu hình khoá chính" in errors[0].msg
    assert any(e.id == "safeguarding.E001" for e in checks.run_checks())
    assert any(e.id == "safeguarding.E001" for e in checks.run_checks(include_deployment_checks=True))
    with pytest.raises(SystemCheckError, match="BINHDANG_SEALING_KEYS"):
        call_command("check", stdout=io.StringIO(), stderr=io.StringIO())
    with pytest.raises(ImproperlyConfigured, match="BINHDANG_SEALING_KEYS"):
        ensure_sealing_ready()


def test_master_key_id_not_configured_is_an_error(settings):
    new_data_key()  # wrapped by the test key, id 1
    settings.BINHDANG_SEALING_KEYS = ring(key_line(2))
    [error] = check_master_keys()
    assert "số 1" in error.msg and "id(s) 1" in error.msg
    with pytest.raises(ImproperlyConfigured, match="BINHDANG_SEALING_KEYS"):
        ensure_sealing_ready()
    settings.BINHDANG_SEALING_KEYS = ring(key_line(2), key_line(1))
    assert check_master_keys() == []


def python(env, code):
    import subprocess

    from binhdang.core.tests.test_deploy_check import ROOT

    return subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True,
                          text=True, timeout=120)


@pytest.mark.django_db(transaction=True)
def test_processes_refuse_to_start_without_the_key(tmp_path):
    """As an operator runs it: fresh database, migrate, seal, then start without the key."""
    line = key_line(1)
    without = production_env(tmp_path)
    with_key = production_env(tmp_path, BINHDANG_SEALING_KEYS=line)
    other_key = production_env(tmp_path, BINHDANG_SEALING_KEYS=key_line(2))
    secret = line.split(":", 1)[1]

    migrated = binhdang(without, "migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr
    made = binhdang(with_key, "shell", "-c",
                    "from binhdang.safeguarding.sealing import new_data_key; new_data_key()")
    assert made.returncode == 0, made.stderr

    for env in (without, other_key):
        checked = binhdang(env, "check", "--deploy")
        assert checked.returncode != 0
        assert "safeguarding.E001" in checked.stderr and "BINHDANG_SEALING_KEYS" in checked.stderr
        web = python(env, "import binhdang.config.wsgi")
        assert web.returncode != 0
        last = web.stderr.strip().splitlines()[-1]
        assert "ImproperlyConfigured" in last and "BINHDANG_SEALING_KEYS" in last
        worker = binhdang(env, "db_worker", "--batch")
        assert worker.returncode != 0 and "safeguarding.E001" in worker.stderr
        # The operator's diagnosis tool runs without the key (it skips the system checks).
        diagnosis = binhdang(env, "sealing", "status")
        assert diagnosis.returncode == 0, diagnosis.stderr
        assert "khoá chính 1: 1 khoá dữ liệu  ← THIẾU" in diagnosis.stdout
        for result in (checked, web, worker, diagnosis):
            assert secret not in result.stdout + result.stderr

    assert binhdang(with_key, "check", "--deploy").returncode == 0
    assert python(with_key, "import binhdang.config.wsgi").returncode == 0
    assert binhdang(with_key, "db_worker", "--batch").returncode == 0
