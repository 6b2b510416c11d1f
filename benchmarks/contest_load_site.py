"""Settings for benchmarks/contest_load.py: the project's settings with contest_load_urls.py as
the URL map (the project's URLs plus one minimal view, the yardstick)."""

from binhdang.config.settings import *  # noqa: F403

ROOT_URLCONF = "contest_load_urls"
