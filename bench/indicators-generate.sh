#!/usr/bin/env bash
# Creates a migrated Qala database on PostgreSQL and fills it with the synthetic national dataset of issue 4's
# benchmarks (docs/benchmarks.md, "Indicators"):
#   the reference territories (18 regions, 3 cities of republican significance, 13 districts) plus enough extra
#   districts under the regions to make 230 districts; 500 monthly indicators; 15 years (2011-2025) of monthly values
#   for every indicator × region/city/district = 251 × 500 × 180 = 22,590,000 observations (totals only, revision 1);
#   indicators 1-200 are governors' KPIs; a target set "Bench program" with a 2015 baseline and 2027 and 2030 targets
#   for those 200 indicators in the first region (code 110000000).
# Usage: bench/indicators-generate.sh [DATABASE] [INDICATORS]   (defaults: qala_bench 500; a smaller INDICATORS
# makes a fraction of the dataset). The database is dropped first if it exists.
# Needs: psql; PostgreSQL at PGHOST/PGPORT/PGUSER (default 127.0.0.1:55432, postgres).
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-qala_bench}
indicators=${2:-500}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
psql() { command psql -X -v ON_ERROR_STOP=1 -q "$@"; }

psql -d postgres -c "DROP DATABASE IF EXISTS $db" -c "CREATE DATABASE $db"
Qala__Database__Provider=postgres \
ConnectionStrings__Qala="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db" \
QALA_ADMIN_PASSWORD=bench-admin-password-1 Qala__DemoData=false \
  dotnet run -c Release --project src/Qala.Web --no-launch-profile -- migrate

psql -d "$db" -v indicators="$indicators" <<'SQL'
\timing on
SELECT setseed(0.42);

-- Extra districts: 217 more under the 18 regions (codes RR9NN0000, unused by the reference data).
INSERT INTO "Territories" ("Code", "Kind", "ParentId", "Version", "Name_Kk", "Name_Ru", "Name_En")
SELECT left(r."Code", 2) || '9' || lpad(n::text, 2, '0') || '0000', 'District', r."Id", gen_random_uuid(),
       r."Name_Kk" || ' ' || n, r."Name_Ru" || ' ' || n, 'District ' || n || ' of ' || r."Name_En"
FROM (SELECT *, row_number() OVER (ORDER BY "Id") AS k FROM "Territories" WHERE "Kind" = 'Region') r
CROSS JOIN generate_series(1, 13) n
WHERE (r.k - 1) * 13 + n <= 230 - (SELECT count(*) FROM "Territories" WHERE "Kind" = 'District');

-- 500 monthly indicators: 60 % higher is better, 30 % lower is better, 10 % a target range; 1-200 are KPIs.
INSERT INTO "Indicators" ("Code", "Name_Kk", "Name_Ru", "Name_En", "Unit", "Polarity", "Source", "Version", "Periodicity", "IsGovernorKpi")
SELECT 'B.' || lpad(i::text, 3, '0'), 'Көрсеткіш ' || i, 'Показатель ' || i, 'Indicator ' || i, '%',
       CASE WHEN i % 10 < 6 THEN 'HigherIsBetter' WHEN i % 10 < 9 THEN 'LowerIsBetter' ELSE 'TargetRange' END,
       'bench', gen_random_uuid(), 'Month', i <= 200
FROM generate_series(1, :indicators) i;

CREATE TEMP TABLE bench_territories AS
SELECT "Id" AS id, row_number() OVER (ORDER BY "Id") AS k FROM "Territories" WHERE "Kind" <> 'Country';
CREATE TEMP TABLE bench_indicators AS
SELECT "Id" AS id, row_number() OVER (ORDER BY "Id") AS k FROM "Indicators" WHERE "Source" = 'bench';

-- Values: a level per indicator and territory, a yearly trend, a seasonal swing and noise, 2011-01 to 2025-12.
-- Written 50 indicators a statement, in the unique key's order, so each statement is a separate transaction.
SELECT format($$
INSERT INTO "Observations" ("IndicatorId", "TerritoryId", "Year", "PeriodNumber", "Dimensions", "Value", "Revision", "IsCurrent", "RecordedAt", "RecordedBy")
SELECT i.id, t.id, y, m, '',
       round((50 + (i.k * 7 + t.k * 13) %% 40 + (y - 2011) * ((i.k + t.k) %% 7 - 3) * 0.4
              + 2 * sin(m * pi() / 6) + random() * 3)::numeric, 6),
       1, true, now(), 'bench'
FROM bench_indicators i
CROSS JOIN bench_territories t
CROSS JOIN generate_series(2011, 2025) y
CROSS JOIN generate_series(1, 12) m
WHERE i.k > %s AND i.k <= %s
ORDER BY i.id, t.id, y, m
$$, s, s + 50)
FROM generate_series(0, :indicators - 1, 50) s \gexec

-- The target set: baselines (2015) and targets (2027, 2030: ahead of the data, so every line has a forecast) for the 200 KPIs in the first region.
INSERT INTO "TargetSets" ("Name_Kk", "Name_Ru", "Name_En", "Kind", "Source", "Version")
VALUES ('Бағдарлама', 'Программа', 'Bench program', 'Program', 'bench/indicators-generate.sh', gen_random_uuid());
INSERT INTO "IndicatorTargets" ("TargetSetId", "IndicatorId", "TerritoryId", "Year", "IsBaseline", "Value", "UpperValue", "Version")
SELECT s."Id", i."Id", t."Id", y.year, y.year = 2015,
       CASE WHEN i."Polarity" = 'LowerIsBetter' THEN 45 - y.step * 3 ELSE 55 + y.step * 4 END,
       CASE WHEN i."Polarity" = 'TargetRange' AND y.year <> 2015 THEN 70 + y.step * 4 END,
       gen_random_uuid()
FROM "TargetSets" s
CROSS JOIN "Indicators" i
CROSS JOIN "Territories" t
CROSS JOIN (VALUES (2015, 0), (2027, 1), (2030, 2)) y(year, step)
WHERE s."Name_En" = 'Bench program' AND i."IsGovernorKpi" AND t."Code" = '110000000';

VACUUM (ANALYZE) "Observations";
ANALYZE;
SELECT (SELECT count(*) FROM "Observations") AS observations,
       (SELECT count(*) FROM "Territories" WHERE "Kind" = 'District') AS districts,
       (SELECT count(*) FROM "IndicatorTargets") AS targets,
       pg_size_pretty(pg_total_relation_size('"Observations"')) AS size;
SQL
