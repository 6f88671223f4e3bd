#!/usr/bin/env bash
# Figures of the message log on a fresh H2 store: events sealed per second (Merkle leaves and signed checkpoints),
# entries verified per second, and the latency of a query by dossier code.
# Usage: bench/message-log-figures.sh [entries]   (default 1,000,000)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.MessageLogBench "${1:-1000000}"
