#!/usr/bin/env bash
# The registers import benchmark (issue 5): 1,000,000 resident rows from CSV and 200,000 from XLSX
# through the import job's code path into PostgreSQL, a re-import of the CSV (all unchanged), then
# the same CSV rows with COPY into a table shaped like registers_resident as the baseline. One JVM
# with -Xmx512m. Results: bench/results/import.json and the console.
# Usage: ./bench/run-import.sh [csv rows] [xlsx rows]   (defaults 1000000 200000)
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
DB=${BENCH_IMPORT_DB:-gridgov_bench_import}
CSV_ROWS=${1:-1000000}
XLSX_ROWS=${2:-200000}

# a fresh database each run: the figures are for an empty register plus the Waihai demo
psql -h "$PGHOST" -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)" >/dev/null
psql -h "$PGHOST" -U postgres -qc "CREATE DATABASE $DB" >/dev/null

./mvnw -B -q -ntp -Dgridgov.skipWeb=true -Dgridgov.skipWebTests=true -DskipTests compile
./mvnw -B -q -ntp dependency:build-classpath -Dmdep.includeScope=runtime -Dmdep.outputFile=bench/target/import-classpath.txt
CP="target/classes:$(cat bench/target/import-classpath.txt)"
mkdir -p bench/target/import-classes bench/results
javac -encoding UTF-8 --release 17 -d bench/target/import-classes -cp "$CP" \
  bench/src/import/java/io/gridgov/registers/internal/ImportBenchmark.java

echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
java -Xmx512m -XX:+UseG1GC ${BENCH_JAVA_OPTS:-} -Xlog:gc:file=bench/target/import-gc.log \
  -Dbench.pg.url="jdbc:postgresql://${PGHOST}:5432/${DB}" \
  -Dbench.csv.rows="$CSV_ROWS" -Dbench.xlsx.rows="$XLSX_ROWS" -Dbench.out=bench/results/import.json \
  -Dlogging.level.root=WARN -Dlogging.level.io.gridgov.registers=INFO \
  -cp "bench/target/import-classes:$CP" io.gridgov.registers.internal.ImportBenchmark
