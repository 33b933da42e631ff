#!/usr/bin/env bash
# Issue 10's map benchmark (docs/benchmarks.md, "Investment map"): a migrated PostgreSQL database with one zone in each
# of the 20 regions and cities of republican significance, ENTERPRISES zone participants and as many pipeline projects
# (default 25,000 + 25,000 = 50,000), scattered around each region's centre with OKED codes, planned jobs, a registered
# step, commissioning for 40 % and a year of investment; the built web app (Release) on 127.0.0.1, then REQUESTS
# sequential GETs of each query with curl after 20 warm-up requests. Prints p50/p95/max in ms per query:
# the country at zoom 5 (everything clustered), one region at zoom 9 and zoom 12 with filters, and a zone's dashboard
# (its page and its API) with ENTERPRISES/20 participants. Anonymous callers, as investors browse the public map
# (the pipeline's projects are for officials, so the public queries read the participants' table; the projects
# are in the database and its indexes all the same). The database is dropped first if it exists.
# Usage: bench/investment-map.sh [ENTERPRISES] [REQUESTS]
#   (build first: dotnet build -c Release src/Qala.Web)
# Needs: psql, curl; PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:55432, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-25000}
requests=${2:-200}
db=qala_bench_investment
port=${QALA_BENCH_PORT:-5193}
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
psql -d "$db" -v n="$enterprises" <<'SQL'
SELECT setseed(0.3);
-- The 20 regions and cities of republican significance, each with a centre (degrees) taken in code order.
CREATE TEMP TABLE regions AS
SELECT r.*, c.lat, c.lon FROM
  (SELECT "Id", row_number() OVER (ORDER BY "Code") AS k FROM "Territories" WHERE "Kind" IN ('Region', 'CityOfRepublicanSignificance') LIMIT 20) r
  JOIN (VALUES (1, 51.17, 71.45), (2, 43.24, 76.89), (3, 42.32, 69.59), (4, 50.28, 57.17), (5, 44.85, 65.50), (6, 47.10, 51.92),
               (7, 47.11, 51.88), (8, 51.23, 51.37), (9, 49.80, 73.10), (10, 53.21, 63.62), (11, 43.65, 51.17), (12, 52.29, 76.97),
               (13, 54.87, 69.15), (14, 49.95, 82.61), (15, 42.90, 71.37), (16, 45.02, 78.37), (17, 43.30, 68.25), (18, 50.41, 80.25),
               (19, 47.79, 67.71), (20, 53.28, 69.39)) AS c(k, lat, lon) ON c.k = r.k;
INSERT INTO "Agencies" ("Code", "TerritoryId", "IsActive", "Version", "Name_En", "Name_Kk", "Name_Ru")
SELECT 'BENCH-INVEST-' || k, "Id", true, gen_random_uuid(), 'Investment department', 'Инвестициялар басқармасы', 'Управление инвестиций' FROM regions;
INSERT INTO "InvestmentZones" ("Kind", "Name_Kk", "Name_Ru", "Name_En", "TerritoryId", "ResponsibleAgencyId", "AreaHectares", "EstablishedOn",
  "PrioritySectors", "ManagementCompany", "Power", "Gas", "Water", "Roads", "IsDemo", "Version", "Latitude", "Longitude")
SELECT 'IndustrialZone', 'Аймақ ' || r.k, 'Зона ' || r.k, 'Zone ' || r.k, r."Id", a."Id", 500, DATE '2012-01-01', '', '', 'Ready', 'Ready', 'Ready', 'Ready',
       false, gen_random_uuid(), r.lat, r.lon
FROM regions r JOIN "Agencies" a ON a."Code" = 'BENCH-INVEST-' || r.k;
CREATE TEMP TABLE zones AS SELECT z."Id", z."ResponsibleAgencyId", z."TerritoryId", row_number() OVER (ORDER BY z."Id") AS k, z."Latitude" AS lat, z."Longitude" AS lon
FROM "InvestmentZones" z;

INSERT INTO "ZoneParticipants" ("ZoneId", "LandPlot", "CompanyName", "Bin", "Oked", "Description", "IsAnchor", "IsHighTech", "IsExportOriented",
  "PlannedJobs", "ActualJobs", "Stage", "StageOn", "IsDemo", "Version", "Latitude", "Longitude")
SELECT z."Id", 'P-' || i, 'Company ' || i, lpad(i::text, 12, '0'), (ARRAY['10.71.1', '23.61.0', '25.11.0', '21.20.0', '01.11.0', '41.20.0', '62.01.0', '49.41.0'])[1 + i % 8],
       '', i % 50 = 0, i % 7 = 0, i % 5 = 0, 10 + (i * 37) % 400, CASE WHEN i % 5 < 2 THEN (i * 37) % 300 ELSE 0 END,
       CASE WHEN i % 5 < 2 THEN 'Commissioned' ELSE 'Registered' END, DATE '2015-01-01' + (i % 3000),
       false, gen_random_uuid(), z.lat + (random() - 0.5) * 1.2, z.lon + (random() - 0.5) * 1.6
FROM generate_series(1, :n) i JOIN zones z ON z.k = 1 + i % 20;
INSERT INTO "ParticipantSteps" ("ParticipantId", "Stage", "On", "Reason", "RecordedBy", "RecordedAt")
SELECT "Id", 'Registered', DATE '2014-01-01' + ("Id" % 365), '', 'bench', now() FROM "ZoneParticipants";
INSERT INTO "ParticipantSteps" ("ParticipantId", "Stage", "On", "Reason", "RecordedBy", "RecordedAt")
SELECT "Id", 'Commissioned', "StageOn", '', 'bench', now() FROM "ZoneParticipants" WHERE "Stage" = 'Commissioned';
INSERT INTO "ParticipantYears" ("ParticipantId", "Year", "Planned", "Actual")
SELECT "Id", 2015 + "Id" % 10, 1000000 * (1 + "Id" % 900), 800000 * (1 + "Id" % 900) FROM "ZoneParticipants";

INSERT INTO "InvestmentProjects" ("Name_Kk", "Name_Ru", "Name_En", "TerritoryId", "ResponsibleAgencyId", "CompanyName", "Bin", "Oked", "Description",
  "IsAnchor", "IsHighTech", "IsExportOriented", "PlannedJobs", "ActualJobs", "Stage", "StageOn", "IsDemo", "Version", "Latitude", "Longitude")
SELECT 'Жоба ' || i, 'Проект ' || i, 'Project ' || i, z."TerritoryId", z."ResponsibleAgencyId", 'Enterprise ' || i, lpad((1000000 + i)::text, 12, '0'),
       (ARRAY['10.71.1', '23.61.0', '25.11.0', '21.20.0', '01.11.0', '41.20.0', '62.01.0', '49.41.0'])[1 + i % 8], '', false, false, false,
       10 + (i * 53) % 400, 0, CASE WHEN i % 4 = 0 THEN 'UnderConstruction' ELSE 'Registered' END, DATE '2016-01-01' + (i % 3000),
       false, gen_random_uuid(), z.lat + (random() - 0.5) * 3, z.lon + (random() - 0.5) * 4
FROM generate_series(1, :n) i JOIN zones z ON z.k = 1 + i % 20;
INSERT INTO "ProjectSteps" ("ProjectId", "Stage", "On", "Reason", "RecordedBy", "RecordedAt")
SELECT "Id", 'Registered', DATE '2015-01-01' + ("Id" % 365), '', 'bench', now() FROM "InvestmentProjects";
ANALYZE;
SQL

web --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; wait $pid 2>/dev/null' EXIT
for _ in $(seq 1 60); do curl -fsS -o /dev/null "http://127.0.0.1:$port/health" 2>/dev/null && break; sleep 1; done
zone=$(psql -d "$db" -tA -c 'SELECT "Id" FROM "InvestmentZones" ORDER BY "Id" LIMIT 1 OFFSET 1')
almaty=$(psql -d "$db" -tA -c "SELECT concat_ws(',', \"Longitude\" - 0.8, \"Latitude\" - 0.6, \"Longitude\" + 0.8, \"Latitude\" + 0.6) FROM \"InvestmentZones\" WHERE \"Id\" = $zone")
close=$(psql -d "$db" -tA -c "SELECT concat_ws(',', \"Longitude\" - 0.1, \"Latitude\" - 0.07, \"Longitude\" + 0.1, \"Latitude\" + 0.07) FROM \"InvestmentZones\" WHERE \"Id\" = $zone")
echo "participants in the measured zone: $(psql -d "$db" -tA -c "SELECT count(*) FROM \"ZoneParticipants\" WHERE \"ZoneId\" = $zone")"

measure() {
  local name=$1 url=$2
  curl -fsS -o /dev/null "$url"
  for _ in $(seq 1 20); do curl -fsS -o /dev/null "$url"; done
  for _ in $(seq 1 "$requests"); do curl -fsS -o /dev/null -w '%{time_total}\n' "$url"; done | sort -n | awk -v name="$name" '
    { t[NR] = $1 * 1000 } END { printf "%-44s n=%d p50=%.1f ms p95=%.1f ms max=%.1f ms\n", name, NR, t[int(NR * 0.50)], t[int(NR * 0.95)], t[NR] }'
}
api="http://127.0.0.1:$port/api/v1/investment/map"
echo "load before: $(uptime)"
measure "map: country, zoom 5" "$api?bbox=46,40,88,56&zoom=5"
measure "map: country, zoom 5, sector C, commissioned" "$api?bbox=46,40,88,56&zoom=5&sector=C&stage=Commissioned"
measure "map: region, zoom 9, size Medium" "$api?bbox=$almaty&zoom=9&size=Medium"
measure "map: region, zoom 12, commissioned (points)" "$api?bbox=$close&zoom=12&stage=Commissioned"
measure "zone dashboard page" "http://127.0.0.1:$port/investment/zones/$zone?lang=ru"
measure "zone dashboard API" "http://127.0.0.1:$port/api/v1/investment/zones/$zone"
echo "load after: $(uptime)"
