#!/usr/bin/env bash
# Progress posts per second (POST /api/v1/dossiers/{code}/progress) next to dossier posts, same gateway, same run:
# a round of N dossier records, then N progress steps (one legal step per dossier), 8 keep-alive clients.
# Usage: bench/progress-figures.sh [port] [requests-per-round]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18081}"
jar=target/lienthong-gateway.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

java -jar "$jar" --server.port="$port" --lienthong.mtls.port=0 --lienthong.data-dir="$work/data" > "$work/gateway.log" 2>&1 &
pid=$!
until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
  kill -0 "$pid" 2>/dev/null || { echo "gateway died:"; tail -20 "$work/gateway.log"; exit 1; }
  sleep 0.2
done
echo "gateway ready on port $port ($(nproc) CPUs; the delivery workers and the DVCQG simulator run in the same JVM)"
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.ProgressThroughputBench "$port" "${2:-4000}"
