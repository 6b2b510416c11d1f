"""The `binhdang` command: Django's management commands plus the project's own."""

import os
import sys

# Hyphenated names the documentation uses for commands whose module (a Python identifier) uses
# an underscore: `binhdang bench-data` runs indicators/management/commands/bench_data.py.
ALIASES = {"bench-data": "bench_data"}


def main() -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "binhdang.config.settings")
    from django.core.management import execute_from_command_line

    argv = list(sys.argv)
    if len(argv) > 1:
        argv[1] = ALIASES.get(argv[1], argv[1])
    execute_from_command_line(argv)


if __name__ == "__main__":
    main()
