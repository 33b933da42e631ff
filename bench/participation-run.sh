#!/usr/bin/env bash
# Issue 7's page benchmark (docs/benchmarks.md, "Participation"): a migrated PostgreSQL database with one published
# discussion of SUGGESTIONS suggestions (default 100,000; 14 topics, 8 districts, 70 % answered, 5 % confidential,
# all published), the built web app (Release) on 127.0.0.1, then REQUESTS sequential GETs of each page with curl,
# after 20 warm-up requests: the "you said, we did" report, the first and the 500th page of the public list.
# Prints p50/p95/max in ms per page. The database is dropped first if it exists.
# Usage: bench/participation-run.sh [SUGGESTIONS] [REQUESTS]
#   (build first: dotnet build -c Release src/Qala.Web)
# Needs: psql, curl; PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:55432, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
suggestions=${1:-100000}
requests=${2:-200}
db=qala_bench_participation
port=${QALA_BENCH_PORT:-5191}
source bench/web-app.sh

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
web migrate >/dev/null
psql -d "$db" -v n="$suggestions" -v phase=ReportPublished -f bench/participation-suggestions.sql

start_web
id=$(psql -d "$db" -tA -c 'SELECT "Id" FROM "Consultations" LIMIT 1')

measure() {
  local name=$1 url=$2
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "$url"; done
  for _ in $(seq 1 "$requests"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | awk -v name="$name" '
    { t[NR] = $1 * 1000 } END { printf "%-28s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", name, NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[NR] }'
}
echo "load before: $(uptime)"
measure "report" "http://127.0.0.1:$port/consultations/$id/report?lang=ru"
measure "public list, page 1" "http://127.0.0.1:$port/consultations/$id/suggestions?lang=ru"
measure "public list, page 500" "http://127.0.0.1:$port/consultations/$id/suggestions?lang=ru&p=500"
echo "load after: $(uptime)"
