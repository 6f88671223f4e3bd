#!/usr/bin/env bash
# Figures of payload storage: bytes received and bytes stored for each sample request (or the files given), with the
# encoding chosen, and payloads stored and read back per second.
# Usage: bench/payload-compression-figures.sh [file...]   (default: every file of samples/)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.PayloadCompressionBench "$@"
