#!/usr/bin/env bash
# The cost of mTLS and of the per-request certificate checks: POST /api/v1/dossiers over plain HTTP with an API key
# next to HTTPS with an agency client certificate (chain, CRL, key and clientAuth checked per request, then the same
# access rights), same gateway, same run: 8 concurrent clients on keep-alive connections, rounds alternating (after a
# warm-up of each). Prints requests/s and p50/p99 latency per round; asserts nothing.
# Usage: bench/mtls-figures.sh [port] [mtls-port] [requests-per-round]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18082}"
mtls_port="${2:-18443}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port="$mtls_port"
echo "gateway ready on ports $port (HTTP) and $mtls_port (mTLS) ($(nproc) CPUs; delivery workers and the DVCQG simulator in the same JVM)"
bench_java vn.lienthong.gateway.bench.MtlsThroughputBench "$port" "$mtls_port" "${3:-4000}"
bench_java vn.lienthong.gateway.ingress.EdgeCheckCostBench
