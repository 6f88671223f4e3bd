#!/usr/bin/env bash
# SOAP SubmitDossier throughput next to REST POST /api/v1/dossiers, same gateway, same run: 8 concurrent clients on
# keep-alive connections, the README's sample dossier with a fresh code per request, rounds alternating REST and SOAP
# (after a warm-up of each). Prints requests/s and p50/p99 latency per round; asserts nothing.
# Usage: bench/soap-figures.sh [port] [requests-per-round]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18081}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0
echo "gateway ready on port $port ($(nproc) CPUs; the delivery workers and the DVCQG simulator run in the same JVM)"
bench_java vn.lienthong.gateway.bench.SoapThroughputBench "$port" "${2:-4000}"
