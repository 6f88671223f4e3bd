#!/usr/bin/env bash
# Figures of edXML (issue 8): time to build the edXML of an official document with one attachment of each size
# (default 100 KiB and 10 MiB) — rules checked, then written into a byte array, and streamed to an output that
# discards it — with the bytes allocated per build as a multiple of the attachment, and the time to parse it back.
# One thread, the JVM of the build, -Xmx512m; nothing is asserted.
# Usage: bench/edxml-figures.sh [attachment-bytes...] [--sign]
#   --sign  adds the delivery worker's whole step: build and sign with the gateway key (XML-DSig RSA-SHA256
#           enveloped in the header, EdxmlWriter), the sample key of certs-sample.
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.EdxmlBench "$@"
