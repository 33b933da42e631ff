#!/usr/bin/env bash
# Issue 4's import benchmark (docs/benchmarks.md, "Indicators") on a database made by bench/indicators-generate.sh:
# writes 1,000,000 new values in the long CSV layout (indicator,territory,period,value: the 500 indicators × the first
# 200 territories still valid × 2026-01…2026-10), then, in the same run,
#   1. psql \copy of the file into a plain table of the same four columns (rolled back);
#   2. psql \copy into that table and INSERT … SELECT of the rows, codes resolved, into "Observations" itself — the
#      same table, its 22.6 M rows and four indexes — in one transaction, rolled back;
#   3. the verb import-indicators FILE (built app; committed, then its observations and batch are deleted so the
#      next run finds the same database).
# Usage: bench/indicators-import.sh [DATABASE] [ROWS]   (build first: dotnet build -c Release src/Qala.Web)
# Logging stays at Warning: run from the repository root the app does not find its appsettings.json, and the default
# Information level would write every SQL command to the console.
set -euo pipefail
cd "$(dirname "$0")/.."
db=${1:-qala_bench}
rows=${2:-1000000}
export PGHOST=${PGHOST:-127.0.0.1} PGPORT=${PGPORT:-55432} PGUSER=${PGUSER:-postgres}
psql() { command psql -X -v ON_ERROR_STOP=1 -q "$@"; }
work=$(mktemp -d -t qala-import.XXXXXX)
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
csv="$work/values-2026.csv"
now() { date +%s.%N; }
rate() { awk -v n="$rows" -v a="$1" -v b="$2" 'BEGIN { printf "%.1f s, %.0f rows/s", b - a, n / (b - a) }'; }

psql -d "$db" -c "\copy (SELECT i.\"Code\" AS indicator, t.\"Code\" AS territory, '2026-' || lpad(m::text, 2, '0') AS period, round((40 + random() * 20)::numeric, 6) AS value FROM (SELECT * FROM \"Indicators\" WHERE \"Source\" = 'bench' ORDER BY \"Id\") i CROSS JOIN (SELECT * FROM \"Territories\" WHERE \"Kind\" <> 'Country' AND \"ValidTo\" IS NULL ORDER BY \"Id\" LIMIT 200) t CROSS JOIN generate_series(1, 10) m ORDER BY i.\"Id\", t.\"Id\", m LIMIT $rows) TO '$csv' CSV HEADER"
echo "file: $(wc -l < "$csv") lines, $(du -h "$csv" | cut -f1)"
echo "load: $(uptime)"

start=$(now)
psql -d "$db" <<SQL
BEGIN;
CREATE TABLE bench_long_rows (indicator text, territory text, period text, value numeric);
\copy bench_long_rows FROM '$csv' CSV HEADER
ROLLBACK;
SQL
end=$(now)
echo "psql \\copy into a plain table: $(rate "$start" "$end")"

start=$(now)
psql -d "$db" <<SQL
BEGIN;
CREATE TABLE bench_long_rows (indicator text, territory text, period text, value numeric);
\copy bench_long_rows FROM '$csv' CSV HEADER
INSERT INTO "Observations" ("IndicatorId", "TerritoryId", "Year", "PeriodNumber", "Dimensions", "Value", "Revision", "IsCurrent", "RecordedAt", "RecordedBy")
SELECT i."Id", t."Id", left(r.period, 4)::int, right(r.period, 2)::int, '', r.value, 1, true, now(), 'copy'
FROM bench_long_rows r JOIN "Indicators" i ON i."Code" = r.indicator JOIN "Territories" t ON t."Code" = r.territory;
ROLLBACK;
SQL
end=$(now)
echo "psql \\copy + INSERT … SELECT into \"Observations\": $(rate "$start" "$end")"
echo "load: $(uptime)"

audit_before=$(psql -d "$db" -Atc 'SELECT count(*) FROM "AuditEntries"')
batch_before=$(psql -d "$db" -Atc 'SELECT coalesce(max("Id"), 0) FROM "ImportBatches"')
start=$(now)
Qala__Database__Provider=postgres \
ConnectionStrings__Qala="Host=$PGHOST;Port=$PGPORT;Username=$PGUSER;Database=$db" \
QALA_ADMIN_PASSWORD=bench-admin-password-1 Qala__DemoData=false Logging__LogLevel__Default=Warning \
  dotnet src/Qala.Web/bin/Release/net10.0/Qala.Web.dll import-indicators "$csv" >"$work/summary.json"
head -c 300 "$work/summary.json"
end=$(now)
echo
echo "import-indicators: $(rate "$start" "$end")"
echo "audit entries written: $(( $(psql -d "$db" -Atc 'SELECT count(*) FROM "AuditEntries"') - audit_before ))"
echo "load: $(uptime)"
psql -d "$db" -c "DELETE FROM \"Observations\" WHERE \"ImportBatchId\" > $batch_before" -c "DELETE FROM \"ImportBatches\" WHERE \"Id\" > $batch_before"
