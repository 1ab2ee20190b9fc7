#!/usr/bin/env bash
# The locator benchmark: GridGov's cell index vs the JTS STRtree, a linear scan and PostGIS,
# on the 77 demo grids and on 100,000 Voronoi grids. One fork, 3 × 2 s warm-up, 5 × 2 s
# measurement, one thread. Results: bench/results/locator.json and the console.
# Usage: ./bench/run-locator.sh [extra JMH arguments, e.g. a benchmark name regex]
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
PG_URL="jdbc:postgresql://${PGHOST}:5432/gridgov_bench"

if ! psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM pg_available_extensions WHERE name = 'postgis'" | grep -q 1; then
  apt-get install -y postgresql-15-postgis-3
fi
psql -h "$PGHOST" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname = 'gridgov_bench'" | grep -q 1 \
  || psql -h "$PGHOST" -U postgres -c "CREATE DATABASE gridgov_bench"
psql -h "$PGHOST" -U postgres -d gridgov_bench -c "CREATE EXTENSION IF NOT EXISTS postgis" >/dev/null

./mvnw -B -q -f bench/pom.xml package -DskipTests
mkdir -p bench/results
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1)"
java -Xmx3g -cp bench/target/locator-bench.jar io.gridgov.geo.internal.LocatorFootprint 100000
java -Xmx3g -Dbench.pg.url="$PG_URL" -jar bench/target/locator-bench.jar LocatorBenchmark \
  -f 1 -wi 3 -w 2s -i 5 -r 2s -t 1 -rf json -rff bench/results/locator.json \
  -jvmArgsAppend "-Xmx3g -Dbench.pg.url=$PG_URL" "$@"
