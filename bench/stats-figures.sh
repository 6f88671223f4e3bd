#!/usr/bin/env bash
# Time of the provinces' figures (GET /api/v1/stats) over generated dossiers, on H2 and on PostgreSQL when it runs
# at 127.0.0.1:5432 (database test, user postgres, in a throw-away schema).
# Usage: bench/stats-figures.sh [dossiers] [databases]   (defaults 1,000,000 and h2,postgres)
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
pg=""
if pg_isready -q -h 127.0.0.1 -p 5432 2>/dev/null; then pg="jdbc:postgresql://127.0.0.1:5432/test"; fi
java -Xmx2g -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.DossierStatsBench "${1:-1000000}" "${2:-h2,postgres}" $pg
