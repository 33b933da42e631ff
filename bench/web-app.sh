# Sourced by the benchmarks that run the built web app (Release) against a PostgreSQL database of their own:
#   db=qala_bench_x; port=5191; source "$(dirname "$0")/web-app.sh"
# gives psql (quiet, stops on error), web VERB|--urls … (the app with that database, extra settings through the
# environment) and start_web (the app on 127.0.0.1:$port in the background, stopped by stop_web or when the script exits;
# returns once /health answers). PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:55432, postgres).
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db"
psql() { command psql -X -v ON_ERROR_STOP=1 -q "$@"; }
web() {
  Qala__Database__Provider=postgres ConnectionStrings__Qala="$connection" QALA_ADMIN_PASSWORD=bench-admin-password-1 \
  Qala__DemoData=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll "$@"
}
start_web() {
  web --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
  web_pid=$!
  trap stop_web EXIT
  for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && return; sleep 1; done
  echo "the web app did not start on port $port" >&2
  return 1
}
# The app runs as a child of the background shell that started it: stop both.
stop_web() {
  kill $(pgrep -P "$web_pid") "$web_pid" 2>/dev/null || true
  wait "$web_pid" 2>/dev/null || true
}
