#!/usr/bin/env bash
# The deadline watcher benchmark against PostgreSQL: N overdue dispatched cases are bulk-inserted
# into a fresh database (gridgov_bench_watch), then one run of the watcher escalates them all.
# It runs twice: one case per transaction (batch size 1) on a tenth of the cases, as the baseline,
# then the default batches on all of them, without and with one outbox consumer of the events
# (each event then also costs a publication row and its completion); each run checks exactly-once
# and prints escalations/s. Escalation = one case marked due soon and overdue (two markers).
# Usage: ./bench/run-watcher.sh [cases, default 50000] [batch size, default 500]
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
DB=gridgov_bench_watch
PG_URL="jdbc:postgresql://${PGHOST}:5432/${DB}?reWriteBatchedInserts=true"
CASES=${1:-50000}
BATCH=${2:-500}

psql -h "$PGHOST" -U postgres -qc "DROP DATABASE IF EXISTS ${DB} WITH (FORCE)" -c "CREATE DATABASE ${DB}"

./mvnw -B -q -ntp -Dgridgov.skipWeb=true -Dgridgov.skipWebTests=true -DskipTests compile \
  dependency:build-classpath -Dmdep.outputFile=target/bench-watcher.classpath -Dmdep.includeScope=runtime
CP="target/classes:$(cat target/bench-watcher.classpath)"
mkdir -p bench/target/watcher-classes
javac --release 17 -nowarn -d bench/target/watcher-classes -cp "$CP" \
  bench/src/watcher/java/io/gridgov/cases/internal/loop/WatcherBenchmark.java
RUN_CP="bench/target/watcher-classes:$CP"

echo "== load average before the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), $(psql -h "$PGHOST" -U postgres -tAc 'SHOW server_version'), $(date -u +%Y-%m-%dT%H:%MZ)"
java -Xmx1g -cp "$RUN_CP" io.gridgov.cases.internal.loop.WatcherBenchmark "$PG_URL" $((CASES / 10)) 1 true
java -Xmx1g -cp "$RUN_CP" io.gridgov.cases.internal.loop.WatcherBenchmark "$PG_URL" "$CASES" "$BATCH" false
java -Xmx1g -cp "$RUN_CP" io.gridgov.cases.internal.loop.WatcherBenchmark "$PG_URL" "$CASES" "$BATCH" true
echo "== load average after the runs: $(cut -d' ' -f1-3 /proc/loadavg)"
