"""WSGI entry point used by gunicorn."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.config.settings")
application = get_wsgi_application()

# gunicorn runs no system checks: refuse to serve when sealed student-protection data exists
# and its master key is not configured (ImproperlyConfigured stops the worker from booting).
from django.db import connections  # noqa: E402

from binhdang.safeguarding.checks import ensure_sealing_ready  # noqa: E402

ensure_sealing_ready()
# Requests open their own connections; the one this check used at import is not kept.
connections.close_all()
