"""Settings for the test suite: fast hashing, tasks run at once, no HTTPS redirect."""

import base64
import os
import tempfile

os.environ.setdefault("BINHDANG_INSECURE_HTTP", "1")
os.environ.setdefault("BINHDANG_VAR_DIR", tempfile.mkdtemp(prefix="binhdang-test-var-"))

from .env import parse_master_keys  # noqa: E402
from .settings import *  # noqa: E402,F403

# TEST-ONLY master key for sealed data: random at every run, never written anywhere, and set
# as a setting (not an environment variable) so subprocesses started by tests do not inherit it.
BINHDANG_SEALING_KEYS = parse_master_keys(
    "BINHDANG_SEALING_KEYS (test)", "1:" + base64.urlsafe_b64encode(os.urandom(32)).decode()
)

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
MEDIA_ROOT = tempfile.mkdtemp(prefix="binhdang-test-media-")
LANGUAGE_CODE = "vi"
# Static files straight from the app folders (no collectstatic before tests).
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
STATIC_ROOT.mkdir(parents=True, exist_ok=True)  # noqa: F405
