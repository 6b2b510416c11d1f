#!/usr/bin/env bash
# Starts the production web server (gunicorn) and the background worker together;
# Ctrl-C stops both, and so does either of them stopping. Used by `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
# The local demo is served over plain HTTP; production runs behind TLS without this.
export BINHDANG_INSECURE_HTTP="${BINHDANG_INSECURE_HTTP:-1}"
.venv/bin/binhdang db_worker --queue-name '*' &
WORKER=$!
# No control socket: its default path is shared by every gunicorn of the user.
.venv/bin/gunicorn binhdang.config.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --threads 4 \
  --access-logfile - --timeout 120 --no-control-socket &
WEB=$!
stop() { kill "$WORKER" "$WEB" 2>/dev/null || true; wait 2>/dev/null || true; }
trap 'stop; exit 0' INT TERM
trap stop EXIT
echo
echo "Bình Đẳng đang chạy tại http://127.0.0.1:${PORT}/  (Ctrl-C để dừng)"
echo "Tài khoản mẫu: xem danh sách ở trên; mật khẩu trong var/demo_password hoặc BINHDANG_DEMO_PASSWORD."
# A web server without its worker (or the reverse) is not a working installation.
status=0
wait -n "$WORKER" "$WEB" || status=$?
echo "Một tiến trình đã dừng (mã $status); dừng nốt tiến trình còn lại." >&2
exit "$status"
