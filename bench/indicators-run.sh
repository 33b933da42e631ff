#!/usr/bin/env bash
# Issue 4's scorecard and ranking benchmarks (docs/benchmarks.md, "Indicators") on a database made by
# bench/indicators-generate.sh: starts the built web app with Kestrel on 127.0.0.1, then runs
# `Qala.Bench indicators scorecard` (API vs hand-written SQL, interleaved; cold — the data stamp moved before each
# request — and warm, ADR 0012) and `Qala.Bench indicators ranking`.
# Usage: bench/indicators-run.sh [DATABASE] [TERRITORY] [REQUESTS]
#   (build first: dotnet build -c Release src/Qala.Web && dotnet build -c Release bench/Qala.Bench)
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-qala_bench}
territory=${2:-110000000}
requests=${3:-200}
port=${QALA_BENCH_PORT:-5189}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db"
log=$(mktemp -t qala-bench-web.XXXXXX)

Qala__Database__Provider=postgres ConnectionStrings__Qala="$connection" \
QALA_ADMIN_PASSWORD=bench-admin-password-1 Qala__DemoData=false ASPNETCORE_ENVIRONMENT=Production \
Logging__LogLevel__Default=Warning \
  dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll --urls "http://127.0.0.1:$port" >"$log" 2>&1 &
web=$!
trap 'kill $web 2>/dev/null; wait $web 2>/dev/null; rm -f "$log"' EXIT
for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && break
  sleep 1
done

echo "load before: $(uptime)"
dotnet bench/Qala.Bench/bin/Release/net10.0/Qala.Bench.dll indicators scorecard "$connection" "http://127.0.0.1:$port" "$territory" "$requests"
echo "load: $(uptime)"
dotnet bench/Qala.Bench/bin/Release/net10.0/Qala.Bench.dll indicators ranking "$connection" "$requests" 20
echo "load after: $(uptime)"
