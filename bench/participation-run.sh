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
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
connection="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db"
psql() { command psql -X -v ON_ERROR_STOP=1 -q "$@"; }
web() {
  Qala__Database__Provider=postgres ConnectionStrings__Qala="$connection" QALA_ADMIN_PASSWORD=bench-admin-password-1 \
  Qala__DemoData=false ASPNETCORE_ENVIRONMENT=Production Logging__LogLevel__Default=Warning \
    dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll "$@"
}

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
web migrate >/dev/null
psql -d "$db" -v n="$suggestions" <<'SQL'
SELECT setseed(0.7);
INSERT INTO "Consultations" ("Title_Kk", "Title_Ru", "Title_En", "Description_Kk", "Description_Ru", "Description_En", "TerritoryId",
  "OpensOn", "ClosesOn", "Phase", "PhaseChangedAt", "PhaseChangedBy", "Version")
SELECT 'Талқылау', 'Обсуждение', 'Bench discussion', '', '', '', "Id", DATE '2026-01-01', DATE '2026-06-30', 'ReportPublished', now(), 'bench', gen_random_uuid()
FROM "Territories" WHERE "Code" = '750000000';
WITH c AS (SELECT "Id", "TerritoryId" FROM "Consultations" LIMIT 1),
     t AS (SELECT array_agg("Id" ORDER BY "Id") AS ids FROM "Topics"),
     d AS (SELECT array_agg(x."Id" ORDER BY x."Code") AS ids FROM "Territories" x, c WHERE x."ParentId" = c."TerritoryId")
INSERT INTO "Suggestions" ("PublicCode", "ConsultationId", "Channel", "Text", "Language", "TerritoryId", "DistrictId", "SubmittedAt",
  "MarkedConfidential", "Confidential", "TopicId", "TopicConfirmedBy", "HeldForReview", "State", "ModeratedAt", "ModeratedBy",
  "Decision", "Answer", "AnsweredAt", "AnsweredBy", "Supporters", "Version")
SELECT substr(md5(i::text), 1, 20), c."Id", CASE WHEN i % 3 = 0 THEN 'Email' ELSE 'WebForm' END,
       'Suggestion ' || i || ': ' || repeat('improve the street, the park and the buses of the district ', 1 + i % 4), 'ru', c."TerritoryId",
       d.ids[1 + i % array_length(d.ids, 1)], TIMESTAMPTZ '2026-01-01' + (i || ' minutes')::interval,
       false, i % 20 = 0, t.ids[1 + i % array_length(t.ids, 1)], 'bench', false, 'Published', now(), 'bench',
       CASE WHEN i % 10 < 7 THEN 'PartlyTaken' END, CASE WHEN i % 10 < 7 THEN 'Taken into account in the plan.' END,
       CASE WHEN i % 10 < 7 THEN now() END, CASE WHEN i % 10 < 7 THEN 'bench' END, 1 + (random() * 30)::int, gen_random_uuid()
FROM generate_series(1, :n) i, c, t, d;
VACUUM ANALYZE;
SQL

web --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && break; sleep 1; done
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
