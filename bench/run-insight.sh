#!/usr/bin/env bash
# The insight benchmark (issue 6): N cases over three years (2023-2025) in 10,000 grids, generated
# in SQL into a plain cases table (bench_case) and derived into the insight read models as the
# application lays them out (bench/insight/generate.sql, derive.sql); then GridGov is started on that
# database (in this JVM, bench/src/insight) with the region tree of the 10,000 grids and a leader of
# the city, and the dashboard's and statistics page's API calls are timed over HTTP against the same
# figures computed by GROUP BY over bench_case. At the largest size, the event-to-dashboard delay at
# DELAY_RATE case events/s for DELAY_SECONDS, and the check that generate.sql's derivation equals
# what the application's projection wrote for the cases of that run.
# Usage: ./bench/run-insight.sh [cases ...]   (default: 10000000 100000)
# Environment: RUNS (API runs per call after a 60 s warm-up over all call shapes, -Dbench.warmup=S in BENCH_JAVA_OPTS; default 20), DELAY_RATE (500), DELAY_SECONDS (60), DELAY=0 to
#   skip the delay run, SQL_LEVEL=1 to also run the older in-PostgreSQL timings (measure.sql),
#   BENCH_PORT (8092), BENCH_DB (gridgov_bench_insight, dropped and created afresh), PGHOST (127.0.0.1),
#   GENERATE=0 to measure a database generated before (BENCH_DB, one size per run: its case count as the
#   argument; generation takes 25-80 min at 10 M), BENCH_JAVA_OPTS (e.g. -Dbench.baseline=false: the API
#   calls only, without the GROUP BY runs; -Dbench.calls=map_grid,ranking_grid: those calls only).
#   Results: bench/results/insight-*.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
DB=${BENCH_DB:-gridgov_bench_insight}
URL="jdbc:postgresql://${PGHOST}:5432/${DB}"
RUNS=${RUNS:-20}
PORT=${BENCH_PORT:-8092}
SIZES=("$@")
[ ${#SIZES[@]} -eq 0 ] && SIZES=(10000000 100000)
LARGEST=$(printf '%s\n' "${SIZES[@]}" | sort -n | tail -1)

./mvnw -B -q -ntp -Dgridgov.skipWeb=true -Dgridgov.skipWebTests=true -DskipTests compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench-insight.classpath -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-insight.classpath)"
mkdir -p bench/target/insight-classes bench/results
javac --release 17 -nowarn -d bench/target/insight-classes -cp "$CP" \
  bench/src/insight/java/io/gridgov/insight/internal/InsightBenchmark.java
RUN_CP="bench/target/insight-classes:$CP"

# a fresh database with the application's schema (the migrations in version order; the application
# then runs with Flyway off, since the read models are bulk-loaded), the regions and the leader
GENERATE=${GENERATE:-1}
if [ "$GENERATE" = 1 ]; then
  psql -h "$PGHOST" -U postgres -qc "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}"
  for f in $(ls src/main/resources/db/migration/*/V*.sql src/main/resources/db/vendor/postgresql/*/V*.sql | awk -F/ '{print $NF" "$0}' | sort | cut -d' ' -f2); do
    psql -h "$PGHOST" -U postgres -d "$DB" -q -v ON_ERROR_STOP=1 -f "$f"
  done
  psql -h "$PGHOST" -U postgres -d "$DB" -q -v password='Bench@Leader2026' -f bench/insight/setup.sql
elif [ ${#SIZES[@]} -ne 1 ]; then
  echo "GENERATE=0 measures one database: give its case count as the only argument" >&2; exit 2
fi

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), PostgreSQL $(psql -h "$PGHOST" -U postgres -tAc 'SHOW server_version'), $(date -u +%Y-%m-%dT%H:%MZ)"
for n in "${SIZES[@]}"; do
  echo "== $n cases; $(uptime)"
  if [ "$GENERATE" = 1 ]; then
    start=$(date +%s)
    psql -h "$PGHOST" -U postgres -d "$DB" -q -v n="$n" -f bench/insight/generate.sql > "bench/results/insight-generate-$n.txt"
    echo "generated in $(( $(date +%s) - start )) s: $(tail -3 "bench/results/insight-generate-$n.txt" | head -1)"
  else
    echo "measuring ${DB} as generated before: $(psql -h "$PGHOST" -U postgres -d "$DB" -tAc 'SELECT COUNT(*) FROM bench_case') cases"
  fi
  if [ "${SQL_LEVEL:-0}" = 1 ]; then
    psql -h "$PGHOST" -U postgres -d "$DB" -q -v runs=40 -f bench/insight/measure.sql | tee "bench/results/insight-$n.txt"
  fi
  echo "== API, $(uptime)"
  java -Xmx1g ${BENCH_JAVA_OPTS:-} -cp "$RUN_CP" io.gridgov.insight.internal.InsightBenchmark api "$URL" "$PORT" "$n" "$RUNS" \
    "bench/results/insight-api-$n.txt" 2>&1 | grep -v ' WARN \|^$\|is running at'
  if [ "$n" = "$LARGEST" ] && [ "${DELAY:-1}" = 1 ]; then
    echo "== delay, $(uptime)"
    java -Xmx1g -cp "$RUN_CP" io.gridgov.insight.internal.InsightBenchmark delay "$URL" "$PORT" "$n" \
      "${DELAY_RATE:-500}" "${DELAY_SECONDS:-60}" "bench/results/insight-delay-$n.txt" 2>&1 | grep -v ' WARN \|^$\|is running at'
    echo "== derivation check (generate.sql's derivation vs the projection, for the cases of the delay run)"
    psql -h "$PGHOST" -U postgres -d "$DB" -q -f bench/insight/check.sql | grep -v '^Time' | tee -a "bench/results/insight-delay-$n.txt"
  fi
done
echo "== done, $(uptime)"
