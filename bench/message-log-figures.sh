#!/usr/bin/env bash
# Figures of the message log (issue 4) on a fresh store of each database: entries sealed per second from a backlog of
# committed events (Merkle leaves, stored subtrees, a signed checkpoint; batches of 5,000, the gateway's default) by
# wall clock and per CPU-second of the sealing thread, the sealer's start-up (resume)
# time, entries verified per second by the live verification (GET /audit/verify), and the p50/p99 latency of a query
# by dossier code and of the evidence of one dossier (GET /audit/evidence/{dossierCode}).
# Usage: bench/message-log-figures.sh [entries] [databases…]
#   entries    default 1,000,000
#   databases  default "h2 postgres"; postgres uses the test server (LIENTHONG_TEST_POSTGRES_URL, default
#              jdbc:postgresql://127.0.0.1:5432/test, a schema of its own, dropped at the end) with
#              reWriteBatchedInserts=true; postgres-plain is the same without it.
# Example: bench/message-log-figures.sh 1000000 h2 postgres
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
shift_args=("$@")
java -Xmx2g -Dorg.slf4j.simpleLogger.defaultLogLevel=warn -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.MessageLogBench "${shift_args[@]:-1000000}"
