#!/usr/bin/env bash
# Starts the production web server (gunicorn) and the background worker together;
# Ctrl-C stops both. Used by `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
# The local demo is served over plain HTTP; production runs behind TLS without this.
export BINHDANG_INSECURE_HTTP="${BINHDANG_INSECURE_HTTP:-1}"
.venv/bin/binhdang db_worker --queue-name '*' &
WORKER=$!
trap 'kill $WORKER 2>/dev/null || true' EXIT INT TERM
echo
echo "Bình Đẳng đang chạy tại http://127.0.0.1:${PORT}/  (Ctrl-C để dừng)"
echo "Tài khoản mẫu: xem danh sách ở trên; mật khẩu trong var/demo_password hoặc BINHDANG_DEMO_PASSWORD."
.venv/bin/gunicorn binhdang.config.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --threads 4 \
  --access-logfile - --timeout 120
