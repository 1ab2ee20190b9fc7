#!/usr/bin/env bash
# The insight benchmark: the read models' queries (InsightReads' SQL, on the roll-ups) against the
# same figures computed by GROUP BY over a plain cases table, at 100,000 and at 10,000,000 cases
# over three years and 10,000 grids, in PostgreSQL. Times are measured inside PostgreSQL
# (plpgsql clock_timestamp around EXECUTE), p50/p95 over RUNS runs after one warm-up.
# Usage: ./bench/run-insight.sh [cases ...]   (default: 100000 10000000); RUNS (default 40).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
DB=gridgov_bench_insight
RUNS=${RUNS:-40}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(100000 10000000)
psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = '$DB'" | grep -q 1 \
  || psql -h "$PGHOST" -U postgres -c "CREATE DATABASE $DB"
psql -h "$PGHOST" -U postgres -d "$DB" -q -c "DROP TABLE IF EXISTS insight_case, insight_fact, insight_rollup, bench_case"
psql -h "$PGHOST" -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -f src/main/resources/db/migration/insight/V20261130_0800__insight.sql
mkdir -p bench/results
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(psql -h "$PGHOST" -U postgres -tAc 'SHOW server_version'), $(date -u +%F)"
for n in "${SIZES[@]}"; do
  echo "== $n cases"
  start=$(date +%s)
  psql -h "$PGHOST" -U postgres -d "$DB" -q -v n="$n" -f bench/insight/generate.sql
  echo "generated in $(( $(date +%s) - start )) s"
  psql -h "$PGHOST" -U postgres -d "$DB" -q -v runs="$RUNS" -f bench/insight/measure.sql | tee "bench/results/insight-$n.txt"
done
