#!/usr/bin/env bash
# Runs a command against a throw-away PostgreSQL server on 127.0.0.1, installing the
# server from Debian's packages when the machine has none. Used by `make test-postgres`.
set -euo pipefail
SUDO=""
if [ "$(id -u)" != "0" ]; then SUDO="sudo"; fi
pg_bin() { ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1; }
if [ -z "$(pg_bin)" ]; then
  echo "Installing PostgreSQL from Debian's packages…"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi
BIN="$(pg_bin)"
# A free port unless one is given: several runs may share the machine.
PGPORT="${PGPORT:-$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')}"
DATA="$(mktemp -d /tmp/binhdang-pg.XXXXXX)"
RUN_AS=()
if [ "$(id -u)" = "0" ]; then
  # PostgreSQL refuses to run as root: run it as the postgres user the package created.
  id postgres >/dev/null 2>&1 || useradd --system --no-create-home postgres
  chown postgres "$DATA"
  RUN_AS=(runuser -u postgres --)
fi
cleanup() {
  if [ -f "$DATA/postmaster.pid" ]; then
    "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -m fast stop >/dev/null 2>&1 || true
  fi
  rm -rf "$DATA"
}
trap cleanup EXIT
"${RUN_AS[@]}" "$BIN/initdb" -D "$DATA" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
if ! "${RUN_AS[@]}" "$BIN/pg_ctl" -D "$DATA" -l "$DATA/server.log" -w \
  -o "-p $PGPORT -k $DATA -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200" start >/dev/null; then
  echo "PostgreSQL did not start; its log:" >&2
  cat "$DATA/server.log" >&2
  exit 1
fi
"$BIN/createdb" -h 127.0.0.1 -p "$PGPORT" -U postgres binhdang
export DATABASE_URL="postgres://postgres@127.0.0.1:${PGPORT}/binhdang"
echo "PostgreSQL $("$BIN/postgres" --version | awk '{print $3}') on 127.0.0.1:${PGPORT}"
"$@"
