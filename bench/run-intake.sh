#!/usr/bin/env bash
# The case intake benchmark: GridGov on PostgreSQL driven over HTTP (closed loop for the sustained
# rate, open loop at a fixed rate for latency), and the same rows inserted with plain JDBC as the
# baseline, in one run. Results: bench/results/intake.json and the console (docs/benchmarks.md).
# Usage: ./bench/run-intake.sh [driver options, e.g. --clients=32 --seconds=30 --rate=300]
# Environment: PGHOST (127.0.0.1), BENCH_DB (gridgov_bench_intake, dropped and created afresh),
#   BENCH_PORT (a free port), BENCH_REBUILD=1 to rebuild the application jar even if one exists,
#   APP_JAVA_OPTS (the server JVM's flags).
set -euo pipefail
cd "$(dirname "$0")/.."
PGHOST=${PGHOST:-127.0.0.1}
BENCH_DB=${BENCH_DB:-gridgov_bench_intake}
PG_URL="jdbc:postgresql://${PGHOST}:5432/${BENCH_DB}"
PORT=${BENCH_PORT:-$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')}
APP_JAVA_OPTS=${APP_JAVA_OPTS:-"-Xms1g -Xmx1g -XX:+UseParallelGC -XX:+AlwaysPreTouch"}

jar=$(ls target/gridgov-*.jar 2>/dev/null | grep -v -- '-plain' | head -1 || true)
if [ -z "$jar" ] || [ "${BENCH_REBUILD:-0}" = 1 ]; then
  echo "== building the application jar"
  ./mvnw -B -q -DskipTests -Dgridgov.skipWeb=true package
  jar=$(ls target/gridgov-*.jar | grep -v -- '-plain' | head -1)
fi
echo "== building the load driver"
./mvnw -B -q -f bench/intake/pom.xml package -DskipTests

psql -h "$PGHOST" -U postgres -qc "DROP DATABASE IF EXISTS ${BENCH_DB} WITH (FORCE)" -c "CREATE DATABASE ${BENCH_DB}"
mkdir -p bench/results target/bench-intake
echo "== machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(java -version 2>&1 | head -1), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== starting GridGov ($jar) on port $PORT with $APP_JAVA_OPTS"
# the demo profile gives grids and users; the public rate limit is off for the run
# shellcheck disable=SC2086
java $APP_JAVA_OPTS -jar "$jar" --spring.profiles.active=demo --server.port="$PORT" \
  --spring.datasource.url="$PG_URL" --spring.datasource.username=postgres --spring.datasource.password= \
  --gridgov.rate-limit.public.enabled=false --gridgov.files.root=target/bench-intake/files \
  > target/bench-intake/app.log 2>&1 &
APP_PID=$!
trap 'kill "$APP_PID" 2>/dev/null || true; wait "$APP_PID" 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  if curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null; then break; fi
  kill -0 "$APP_PID" 2>/dev/null || { echo "GridGov exited; see target/bench-intake/app.log" >&2; exit 1; }
  sleep 1
done
curl -fs "http://127.0.0.1:$PORT/actuator/health/readiness" >/dev/null
echo "== GridGov ready (pid $APP_PID)"
java -Xms256m -Xmx512m -XX:+UseParallelGC -jar bench/intake/target/intake-bench.jar \
  --base-url="http://127.0.0.1:$PORT" --pg-url="$PG_URL" --server-pid="$APP_PID" \
  --out=bench/results/intake.json "$@"
