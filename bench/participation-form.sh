#!/usr/bin/env bash
# Issue 7's public form benchmark (docs/benchmarks.md, "Public form throughput"): a migrated PostgreSQL database with
# one open discussion of SUGGESTIONS suggestions (default 100,000), the built web app (Release) on 127.0.0.1 with the
# per-client limit raised by configuration (Qala:PublicForms:PostsPerMinute), then wrk for SECONDS (default 60) with
# CONNECTIONS connections (default 64) posting /consultations/{id}/suggest: a distinct text and form key per post, and
# a valid antiforgery cookie + token pair from a pool of POOL_SIZE (default 1,000) fetched first, one GET of the form
# each (bench/participation-form.lua), after a topic model is trained from the loaded suggestions (verb topics-train)
# and a warm-up of WARMUP_SECONDS (default 30) under the same load. Posting stops 2 s before each wrk run ends (the
# connections ask /health meanwhile), so every post is answered before wrk closes its connections. Afterwards it
# compares the receipts wrk was given with the database: every acknowledged suggestion must be stored, and nothing
# else. In the same run, for scale:
# pgbench (32 clients, single-row INSERT transactions) and a bare Kestrel endpoint (bench/Qala.BareKestrel, a form
# POST answered by a redirect) under the same wrk, OTHER_SECONDS each (default 30). Prints the load average around
# each measurement. The database is dropped first if it exists.
# Usage: bench/participation-form.sh [SUGGESTIONS] [SECONDS]
#   (build first: dotnet build -c Release src/Qala.Web && dotnet build -c Release bench/Qala.BareKestrel)
# Needs: psql, pgbench, curl, wrk; PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:55432, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
suggestions=${1:-100000}
seconds=${2:-60}
other_seconds=${OTHER_SECONDS:-30}
warmup=${WARMUP_SECONDS:-30}
connections=${CONNECTIONS:-64}
pool_size=${POOL_SIZE:-1000}
db=qala_bench_form
port=${QALA_BENCH_PORT:-5195}
source bench/web-app.sh
work=$(mktemp -d -t qala-form.XXXXXX)

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
web migrate >/dev/null
psql -d "$db" -v n="$suggestions" -v phase=Open -f bench/participation-suggestions.sql
# A city that takes suggestions has a topic model: every post is classified as it is stored.
web topics-train | tr -d '\n '; echo
export Qala__PublicForms__PostsPerMinute=1000000000
start_web
id=$(psql -d "$db" -tA -c 'SELECT "Id" FROM "Consultations" LIMIT 1')
form="/consultations/$id/suggest"

# The pool: each GET of the form without cookies gives a new antiforgery cookie and a token that goes with it.
for _ in $(seq 1 "$pool_size"); do
  rm -f "$work/jar"
  curl -fsS -c "$work/jar" -o "$work/page" "http://127.0.0.1:$port$form"
  cookie=$(awk -F'\t' '$6 ~ /Antiforgery/ { print $6 "=" $7 }' "$work/jar")
  token=$(grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' "$work/page" | head -1 | sed 's/.*value="//; s/"$//')
  printf '%s\t%s\n' "$cookie" "$token"
done > "$work/pool"

last=$(psql -d "$db" -tA -c 'SELECT max("Id") FROM "Suggestions"')
# A node that has served for a while: the JIT has compiled the request path's hot methods again with their profiles.
echo "warm-up: wrk -t2 -c$connections -d${warmup}s (its posts are counted in the comparison with the database too)"
DRAIN_AFTER=$((warmup - 2)) FORM_PATH="$form" POOL="$work/pool" RECEIPTS="$work/receipts-warm" wrk -t2 -c"$connections" -d"${warmup}s" --timeout 10s \
  -s bench/participation-form.lua "http://127.0.0.1:$port" | grep -E "Requests/sec|lua"
echo "Qala public form: $suggestions suggestions loaded, wrk -t2 -c$connections -d${seconds}s, $pool_size antiforgery pairs"
echo "load before: $(uptime)"
DRAIN_AFTER=$((seconds - 2)) FORM_PATH="$form" POOL="$work/pool" RECEIPTS="$work/receipts" wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency \
  -s bench/participation-form.lua "http://127.0.0.1:$port" | tee "$work/wrk"
posted=$(sed -n 's/^lua: sent [0-9]*, acknowledged (302) \([0-9]*\).*/\1/p' "$work/wrk")
echo "acknowledged posts per second of posting: $((posted / (seconds - 2)))"
echo "load after: $(uptime)"
stop_web
cat "$work"/receipts.* "$work"/receipts-warm.* | { grep -v "^$" || true; } | sort > "$work/acknowledged"
psql -d "$db" -tA -c "SELECT \"PublicCode\" FROM \"Suggestions\" WHERE \"Id\" > $last" | sort > "$work/stored"
echo "acknowledged $(wc -l < "$work/acknowledged"), stored $(wc -l < "$work/stored")," \
  "acknowledged but not stored $(comm -23 "$work/acknowledged" "$work/stored" | wc -l)," \
  "stored but not acknowledged $(comm -13 "$work/acknowledged" "$work/stored" | wc -l)"

echo "pgbench: 32 clients, one INSERT of one row per transaction, ${other_seconds}s"
psql -d "$db" -c 'CREATE TABLE bench_insert (id bigserial PRIMARY KEY, text text NOT NULL, submitted_at timestamptz NOT NULL DEFAULT now())'
echo "INSERT INTO bench_insert (text) VALUES ('Suggestion from pgbench client ' || :client_id);" > "$work/insert.sql"
echo "load before: $(uptime)"
pgbench -n -M prepared -c 32 -j 2 -T "$other_seconds" -f "$work/insert.sql" "$db" | grep -E '^(number of transactions actually processed|latency average|tps)'
echo "load after: $(uptime)"

echo "bare Kestrel: POST /suggest answered by a redirect, wrk -t2 -c$connections -d${other_seconds}s"
dotnet bench/Qala.BareKestrel/bin/Release/net10.0/Qala.BareKestrel.dll --urls "http://127.0.0.1:$((port + 1))" >/dev/null 2>&1 &
bare_pid=$!
trap 'stop_web; kill $bare_pid 2>/dev/null; wait 2>/dev/null' EXIT
for _ in $(seq 1 30); do curl -fsS -o /dev/null -d Text=x "http://127.0.0.1:$((port + 1))/suggest" 2>/dev/null && break; sleep 1; done
echo "load before: $(uptime)"
FORM_PATH=/suggest POOL= RECEIPTS="$work/bare" wrk -t2 -c"$connections" -d"${other_seconds}s" --latency \
  -s bench/participation-form.lua "http://127.0.0.1:$((port + 1))"
echo "load after: $(uptime)"
rm -rf "$work"
