#!/usr/bin/env bash
# Figures of signature verification: CMS detached signatures over a document of the given size (default 1 MiB)
# verified per second by one thread (signature, policy, path to the sample root, CRLs), and signed per second by
# the gateway's signer, for an RSA-3072 and an EC P-256 key of certs-sample/; then signed PDFs of that size verified
# per second (signed once, and signed twice so that the later revision is checked for the first signature); then an
# enveloped XML signature over an edXML of about 100 KB, verified per second and signed per second by the gateway's
# XmlSigner (parse, sign in the edXML header, write out).
# Usage: bench/signature-figures.sh [bytes]
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
java -Xmx512m -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.SignatureBench "${1:-1048576}"
