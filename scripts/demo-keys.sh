#!/usr/bin/env bash
# `make run` only: the master key of sealed student-protection data for the local demo. When the
# environment names none, a random key is made once into var/sealing.keys (owner-only, outside
# the database and its backups, ignored by git) and this prints the assignment that points the
# app at it, for `env`. Production sets BINHDANG_SEALING_KEYS or BINHDANG_SEALING_KEY_FILE itself.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${BINHDANG_SEALING_KEYS:-}${BINHDANG_SEALING_KEY_FILE:-}" ]; then exit 0; fi
if [ ! -s var/sealing.keys ]; then
  mkdir -p var
  (umask 077 && .venv/bin/binhdang sealing new-key 2>/dev/null > var/sealing.keys.tmp)
  mv var/sealing.keys.tmp var/sealing.keys
fi
echo "BINHDANG_SEALING_KEY_FILE=$PWD/var/sealing.keys"
