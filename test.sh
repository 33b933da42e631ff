#!/usr/bin/env bash
# Runs every test of Qala: engine unit tests, HTTP integration tests on SQLite and PostgreSQL, browser journeys.
# The PostgreSQL lane needs QALA_TEST_POSTGRES (a connection string to a server, no database), e.g.
#   QALA_TEST_POSTGRES="Host=127.0.0.1;Port=55432;Username=postgres" ./test.sh
# Without it (and without CI=true) that lane is skipped with a message; the browser lane needs Debian's chromium.
set -euo pipefail
cd "$(dirname "$0")"
if [ -z "${QALA_TEST_POSTGRES:-}" ]; then
  echo "note: QALA_TEST_POSTGRES is not set: the PostgreSQL lane will be skipped." >&2
fi
# The tests start many short-lived hosts; none needs to watch its settings or static files, and each watcher costs an
# inotify instance (128 per user by default): settings are not reloaded, and file providers poll instead of watching.
export DOTNET_hostBuilder__reloadConfigOnChange=false
export DOTNET_USE_POLLING_FILE_WATCHER=true
exec dotnet test Qala.slnx "$@"
