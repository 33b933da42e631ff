#!/usr/bin/env bash
# Issue 9's what-if benchmark (docs/benchmarks.md, "Social infrastructure: what-if clicks"): the demo (Shymkent on the
# Monaco sample extract, 2,337 population points, 16 schools) on a fresh SQLite database, the built web app on
# 127.0.0.1, the administrator signed in; then REQUESTS sequential what-if requests of the map
# (/social/790000000/map?handler=WhatIf&kind=School&lat=…&lon=…&capacity=300, 20 sites along 7.42° E in turn, after 5
# warm-up requests) and REQUESTS loads of the territory's page. Prints p50/p95/max in ms.
# Usage: bench/social-whatif.sh [REQUESTS] [APP_DIR]
#   (build first: dotnet build -c Release src/Qala.Web; APP_DIR defaults to src/Qala.Web/bin/Release/net10.0)
# Needs: curl.
set -euo pipefail
cd "$(dirname "$0")/.."
requests=${1:-100}
app=${2:-src/Qala.Web/bin/Release/net10.0}
port=${QALA_BENCH_PORT:-5193}
work=$(mktemp -d -t qala-whatif.XXXXXX)
web() {
  Qala__Database__Provider=sqlite ConnectionStrings__Qala="Data Source=$work/qala.db" QALA_ADMIN_PASSWORD=bench-admin-password-1 \
  Qala__DemoData=true ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet "$app/Qala.Web.dll" "$@"
}

web migrate >/dev/null
web --urls "http://127.0.0.1:$port" >"$work/web.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port"
for _ in $(seq 1 90); do curl -fsS -o /dev/null "$base/health" 2>/dev/null && break; sleep 1; done
jar="$work/cookies"
token=$(curl -fsS -c "$jar" -b "$jar" "$base/account/sign-in" | grep -o 'name="__RequestVerificationToken" type="hidden" value="[^"]*"' | head -1 | sed 's/.*value="//; s/"$//')
curl -fsS -o /dev/null -c "$jar" -b "$jar" --data-urlencode "__RequestVerificationToken=$token" \
  --data-urlencode "Form.UserName=admin" --data-urlencode "Form.Password=bench-admin-password-1" "$base/account/sign-in"
curl -fsS -o /dev/null -b "$jar" "$base/social/790000000?kind=School"

measure() {
  local name=$1 url=$2 n=$3
  for i in $(seq 1 "$n"); do
    lat=$(awk -v i="$i" 'BEGIN { printf "%.5f", 43.725 + (i % 20) * 0.0006 }')
    curl -fsS -o /dev/null -b "$jar" -w '%{time_total}\n' "${url//@lat/$lat}"
  done | sort -n |
    awk -v name="$name" '{ t[NR] = $1 * 1000 } END { printf "%-24s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", name, NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[NR] }'
}

measure "warm-up" "$base/social/790000000/map?handler=WhatIf&kind=School&lat=@lat&lon=7.42&capacity=300" 5 >/dev/null
measure "what-if (map JSON)" "$base/social/790000000/map?handler=WhatIf&kind=School&lat=@lat&lon=7.42&capacity=300" "$requests"
measure "territory page" "$base/social/790000000?kind=School&lat=@lat&lon=7.42&capacity=300" "$requests"
