#!/usr/bin/env bash
# Figures of the signed audit export on a fresh H2 store: a log of N entries (every 4th with a payload) sealed
# with a signed checkpoint every 1,000 entries, the time to write its export, and the entries per second of the
# offline verifier over it (three runs; progress lines on stderr).
# Usage: bench/export-figures.sh [entries] [payload-bytes]   (defaults 1,000,000 and 1024; 0: no payloads)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Xmx1g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.ExportBench "${1:-1000000}" "${2:-1024}"
