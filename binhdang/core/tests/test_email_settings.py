"""BINHDANG_EMAIL_URL: parsed into Django's e-mail settings; a bad value never echoes the secret."""

import pytest
from django.core.exceptions import ImproperlyConfigured

from binhdang.config.env import env_email

SECRET = "s3cr3t-P@ss"


def test_defaults_console_locally_and_nothing_elsewhere(monkeypatch):
    monkeypatch.delenv("BINHDANG_EMAIL_URL", raising=False)
    local = env_email("BINHDANG_EMAIL_URL", local=True)
    assert local["EMAIL_BACKEND"].endswith("console.EmailBackend") and local["BINHDANG_EMAIL_ENABLED"]
    server = env_email("BINHDANG_EMAIL_URL", local=False)
    assert server["EMAIL_BACKEND"].endswith("dummy.EmailBackend") and not server["BINHDANG_EMAIL_ENABLED"]


def test_smtp_url_with_starttls(monkeypatch):
    monkeypatch.setenv("BINHDANG_EMAIL_URL", "smtp://nhac.viec%40truong.edu.vn:s3cr3t-P%40ss@mail.example.vn:587")
    config = env_email("BINHDANG_EMAIL_URL", local=False)
    assert config["EMAIL_HOST"] == "mail.example.vn" and config["EMAIL_PORT"] == 587
    assert config["EMAIL_HOST_USER"] == "nhac.viec@truong.edu.vn" and config["EMAIL_HOST_PASSWORD"] == SECRET
    assert config["EMAIL_USE_TLS"] and not config["EMAIL_USE_SSL"] and config["BINHDANG_EMAIL_ENABLED"]


def test_smtps_and_none(monkeypatch):
    monkeypatch.setenv("BINHDANG_EMAIL_URL", "smtps://u:p@mail.example.vn")
    config = env_email("BINHDANG_EMAIL_URL", local=True)
    assert config["EMAIL_PORT"] == 465 and config["EMAIL_USE_SSL"] and not config["EMAIL_USE_TLS"]
    monkeypatch.setenv("BINHDANG_EMAIL_URL", "none://")
    assert not env_email("BINHDANG_EMAIL_URL", local=True)["BINHDANG_EMAIL_ENABLED"]


@pytest.mark.parametrize("url", [
    f"smpt://user:{SECRET}@mail.example.vn:587",  # a typo in the scheme
    f"smtp://user:{SECRET}@mail.example.vn:58x7",  # a bad port
    f"smtp://user:{SECRET}@:587",  # no host
])
def test_bad_urls_are_refused_without_the_password(monkeypatch, url):
    monkeypatch.setenv("BINHDANG_EMAIL_URL", url)
    with pytest.raises(ImproperlyConfigured) as caught:
        env_email("BINHDANG_EMAIL_URL", local=False)
    message = str(caught.value)
    assert "BINHDANG_EMAIL_URL" in message and SECRET not in message and "58x7" not in message
    # Nor in a chained exception's traceback (urllib's message would repeat part of the URL).
    error = caught.value
    assert error.__cause__ is None and (error.__context__ is None or error.__suppress_context__)
