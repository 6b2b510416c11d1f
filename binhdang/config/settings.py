"""Django settings for Bình Đẳng, read from environment variables (see docs/ARCHITECTURE.md)."""

from pathlib import Path

from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _

from .env import env_bool, env_database, env_email, env_int, env_list, env_str, sealing_keys, secret_key

PACKAGE_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = Path(env_str("BINHDANG_HOME", str(PACKAGE_DIR.parent))).resolve()
VAR_DIR = Path(env_str("BINHDANG_VAR_DIR", str(BASE_DIR / "var"))).resolve()

DEBUG = env_bool("BINHDANG_DEBUG", False)
SECRET_KEY = secret_key(VAR_DIR)
ALLOWED_HOSTS = env_list("BINHDANG_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])

# Plain HTTP is only for the local demo (`make run`); production sits behind TLS.
INSECURE_HTTP = env_bool("BINHDANG_INSECURE_HTTP", False)

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_htmx",
    "django_otp",
    "django_otp.plugins.otp_totp",
    "axes",
    "django_tasks",
    "django_tasks_db",
    "binhdang.core",
    "binhdang.audit",
    "binhdang.orgs",
    "binhdang.accounts",
    "binhdang.people",
    "binhdang.legal",
    "binhdang.plans",
    "binhdang.activities",
    "binhdang.safeguarding",
    "binhdang.indicators",
    "binhdang.reports",
    "binhdang.review",
    "binhdang.contests",
    "binhdang.documents",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django_otp.middleware.OTPMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "binhdang.accounts.middleware.IdleTimeoutMiddleware",
    "binhdang.accounts.middleware.ActiveUnitMiddleware",
    # Last, as django-axes asks, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "binhdang.config.urls"
WSGI_APPLICATION = "binhdang.config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [PACKAGE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "binhdang.accounts.context_processors.active_unit",
                "binhdang.core.context_processors.programme_sections",
                "binhdang.core.context_processors.notifications",
            ],
        },
    },
]

DATABASES = {
    "default": env_database(
        "DATABASE_URL",
        f"sqlite:///{VAR_DIR / 'binhdang.sqlite3'}",
        conn_max_age=env_int("BINHDANG_DB_CONN_MAX_AGE", 60),
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"]["OPTIONS"] = {
        # WAL lets the worker write while the web server reads; IMMEDIATE avoids
        # "database is locked" upgrades in concurrent write transactions.
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
    }
    DATABASES["default"]["CONN_MAX_AGE"] = 0
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_USER_MODEL = "accounts.User"
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
PASSWORD_HASHERS = [
    "django.contrib.auth.hashers.Argon2PasswordHasher",
    "django.contrib.auth.hashers.PBKDF2PasswordHasher",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 10},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "accounts:login"
LOGIN_REDIRECT_URL = "core:home"
LOGOUT_REDIRECT_URL = "accounts:login"

# Lock-out: 5 failures for the same username from the same address locks it for 15 minutes.
AXES_FAILURE_LIMIT = env_int("BINHDANG_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = 0.25  # hours
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "accounts/locked_out.html"
AXES_VERBOSE = False

OTP_TOTP_ISSUER = "Bình Đẳng"
# Messages live in the server-side session, not in a cookie: some carry one-time passwords.
MESSAGE_STORAGE = "django.contrib.messages.storage.session.SessionStorage"

LANGUAGE_CODE = "vi"
LANGUAGES = [("vi", _("Tiếng Việt")), ("en", _("English"))]
LOCALE_PATHS = [PACKAGE_DIR / "locale"]
TIME_ZONE = "Asia/Ho_Chi_Minh"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = VAR_DIR / "static"
STATICFILES_DIRS = [PACKAGE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(env_str("BINHDANG_MEDIA_ROOT", str(VAR_DIR / "media"))).resolve()
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Uploads: anything above this goes to a temporary file, and views refuse files
# larger than BINHDANG_MAX_UPLOAD_MB with a message (see binhdang.lib.uploads).
FILE_UPLOAD_MAX_MEMORY_SIZE = 2 * 1024 * 1024
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
MAX_UPLOAD_MB = env_int("BINHDANG_MAX_UPLOAD_MB", 20)
# Rosters above this many rows are imported by the worker with a progress bar.
ROSTER_SYNC_ROW_LIMIT = env_int("BINHDANG_ROSTER_SYNC_ROWS", 2000)

TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}

SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = 8 * 3600
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
if not DEBUG and not INSECURE_HTTP:
    SECURE_SSL_REDIRECT = env_bool("BINHDANG_SSL_REDIRECT", True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env_int("BINHDANG_HSTS_SECONDS", 31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = True
    SILENCED_SYSTEM_CHECKS: list[str] = []
CSRF_TRUSTED_ORIGINS = env_list("BINHDANG_CSRF_TRUSTED_ORIGINS", [])
SECURE_REDIRECT_EXEMPT = [r"^suc-khoe/$"]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("BINHDANG_LOG_LEVEL", "INFO")},
    # Request bodies and form data never reach the logs: children's data stays out of them.
    # django.template's DEBUG records (a variable missing in a template) print the whole template
    # context: a case's opened narrative, a student's code and passphrase. Pinned to INFO, so even
    # BINHDANG_LOG_LEVEL=DEBUG never writes them (safeguarding/tests/test_no_content_leaks.py).
    "loggers": {"django.request": {"level": "ERROR"}, "axes": {"level": "WARNING"},
                "django.template": {"level": "INFO"}},
}

# E-mail (reminders): BINHDANG_EMAIL_URL, see env.env_email. Unset, the local demo (plain HTTP)
# and DEBUG print messages to the console; any other server sends none until it is configured.
globals().update(env_email("BINHDANG_EMAIL_URL", local=DEBUG or INSECURE_HTTP))
DEFAULT_FROM_EMAIL = env_str("BINHDANG_EMAIL_FROM", "Bình Đẳng <khong-tra-loi@localhost>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL
# Links in e-mails: the address users open the site at.
BINHDANG_SITE_URL = env_str("BINHDANG_SITE_URL", "http://127.0.0.1:8000").rstrip("/")
# Reminders are sent this many days before a task's due date (Django setting and variable share the name).
BINHDANG_REMINDER_DAYS = env_int("BINHDANG_REMINDER_DAYS", 3)

# Sessions end after this many minutes without a request (issue 5: idle sessions end), and
# opening or exporting a case needs the password and a 2FA code within the last few minutes.
BINHDANG_IDLE_MINUTES = env_int("BINHDANG_IDLE_MINUTES", 30)
BINHDANG_REAUTH_MINUTES = env_int("BINHDANG_REAUTH_MINUTES", 15)
# Student-protection statistics: a count below this (and above zero) is shown as "<5" (issue 5).
BINHDANG_SUPPRESS_BELOW = env_int("BINHDANG_SUPPRESS_BELOW", 5)

# Master keys of the sealed student-protection data (issue 5): outside the database, never in a
# backup of it. "2:BASE64URL,1:BASE64URL", the current key first; see docs/ARCHITECTURE.md.
BINHDANG_SEALING_KEYS = sealing_keys("BINHDANG_SEALING_KEYS", "BINHDANG_SEALING_KEY_FILE")

DEMO_PASSWORD = env_str("BINHDANG_DEMO_PASSWORD")
if DEMO_PASSWORD and len(DEMO_PASSWORD) < 10:
    raise ImproperlyConfigured("BINHDANG_DEMO_PASSWORD must be at least 10 characters long.")
FORMAT_MODULE_PATH = ["binhdang.formats"]
