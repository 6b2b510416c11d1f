"""One Django set-up for every benchmark: a throwaway SQLite database and media folder in `tmp`,
migrated (and, for pages that link CSS through the manifest storage, static files collected).
With `database_from_env`, a DATABASE_URL already set is used instead (the throwaway PostgreSQL
server of scripts/with-postgres.sh)."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def django_in(tmp: Path, *, collectstatic: bool = False, database_from_env: bool = False) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "binhdang.config.settings"
    os.environ["BINHDANG_VAR_DIR"] = str(tmp)
    os.environ["BINHDANG_MEDIA_ROOT"] = str(tmp / "media")
    if not (database_from_env and os.environ.get("DATABASE_URL")):
        os.environ["DATABASE_URL"] = f"sqlite:///{tmp / 'bench.sqlite3'}"
    os.environ.setdefault("BINHDANG_INSECURE_HTTP", "1")
    os.environ.setdefault("BINHDANG_LOG_LEVEL", "WARNING")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    if collectstatic:
        call_command("collectstatic", interactive=False, verbosity=0)


def timed(function):
    """(value, seconds) of one call."""
    import time

    start = time.perf_counter()
    value = function()
    return value, time.perf_counter() - start


def median_of(repeat: int, function) -> tuple[object, float]:
    """(value, median seconds) over `repeat` calls after one warm-up call (caches, imports, prepared plans)."""
    import statistics

    value, _ = timed(function)
    times = []
    for _ in range(repeat):
        value, seconds = timed(function)
        times.append(seconds)
    return value, statistics.median(times)
