#!/usr/bin/env bash
# Progress posts per second (POST /api/v1/dossiers/{code}/progress) next to dossier posts, same gateway, same run:
# a round of N dossier records, then N progress steps (one legal step per dossier), 8 keep-alive clients.
# Usage: bench/progress-figures.sh [port] [requests-per-round]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18081}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0
echo "gateway ready on port $port ($(nproc) CPUs; the delivery workers and the DVCQG simulator run in the same JVM)"
bench_java vn.lienthong.gateway.bench.ProgressThroughputBench "$port" "${2:-4000}"
