#!/usr/bin/env bash
# Starts the production web server (gunicorn), the background worker and the daily reminder loop;
# Ctrl-C stops both, and so does either of them stopping. Used by `make run`.
set -euo pipefail
cd "$(dirname "$0")/.."
PORT="${PORT:-8000}"
# The local demo is served over plain HTTP; production runs behind TLS without this.
export BINHDANG_INSECURE_HTTP="${BINHDANG_INSECURE_HTTP:-1}"
.venv/bin/binhdang db_worker --queue-name '*' &
WORKER=$!
# No control socket: its default path is shared by every gunicorn of the user.
# The access log leaves out the client address (%(h)s), the user agent (%(a)s) and the referrer:
# the public help pages (/giup-do/) promise students that neither is recorded.
.venv/bin/gunicorn binhdang.config.wsgi --bind "127.0.0.1:${PORT}" --workers 2 --threads 4 \
  --access-logfile - --access-logformat '%(t)s "%(r)s" %(s)s %(b)s %(M)sms' --timeout 120 --no-control-socket &
WEB=$!
# Daily reminders: the worker runs queued jobs but schedules nothing itself, so this loop puts
# `remind` on its queue once per local (Asia/Ho_Chi_Minh) day while the server runs. Running it
# twice is harmless (each reminder is keyed). Production uses cron instead (README).
(
  nap=""
  trap 'kill ${nap:+"$nap"} 2>/dev/null; exit 0' TERM
  last=""
  while true; do
    today="$(TZ=Asia/Ho_Chi_Minh date +%F)"
    if [ "$today" != "$last" ] && .venv/bin/binhdang remind --enqueue; then last="$today"; fi
    # Slept in the background so a stop (TERM) ends the nap at once.
    sleep 3600 & nap=$!
    wait "$nap"
  done
) &
REMINDERS=$!
stop() { kill "$WORKER" "$WEB" "$REMINDERS" 2>/dev/null || true; wait 2>/dev/null || true; }
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
