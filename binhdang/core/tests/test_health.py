"""The health check at /suc-khoe/: what a load balancer sees, over plain HTTP too."""

from unittest import mock

import pytest
from django.db import OperationalError, connections
from django.db.migrations.executor import MigrationExecutor

from binhdang.config import settings as production_settings

URL = "/suc-khoe/"


@pytest.mark.django_db
def test_healthy_installation_answers_ok(client):
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "migrations": "applied"}
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_unreachable_database_answers_503(client):
    broken = OperationalError("could not connect to server")
    with mock.patch.object(connections["default"], "cursor", side_effect=broken):
        response = client.get(URL)
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unreachable"}


@pytest.mark.django_db
def test_pending_migrations_answer_503(client):
    pending = [(mock.Mock(), False)]
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=pending):
        response = client.get(URL)
    assert response.status_code == 503
    assert response.json()["migrations"] == "pending"


def test_production_settings_exempt_the_health_check_from_https_redirect():
    assert production_settings.SECURE_REDIRECT_EXEMPT == [r"^suc-khoe/$"]


@pytest.mark.django_db
def test_health_check_is_served_over_http_when_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = production_settings.SECURE_REDIRECT_EXEMPT
    response = client.get(URL)
    assert response.status_code == 200
    assert response.json()["status"] == "ok"
    # The rest of the site still goes to HTTPS.
    other = client.get("/tai-khoan/dang-nhap/")
    assert other.status_code == 301
    assert other["Location"] == "https://testserver/tai-khoan/dang-nhap/"
