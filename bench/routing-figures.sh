#!/usr/bin/env bash
# What a second destination costs at the edge: dossier posts per second routed to DVCQG only, then to DVCQG and LGSP
# (two messages per post, queued in one queue transaction), then progress posts of the latter; same gateway, same run,
# 8 keep-alive clients. The delivery workers and both simulators run in the same JVM, as in the sandbox.
# Usage: bench/routing-figures.sh [port] [requests-per-round]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18082}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0
echo "gateway ready on port $port ($(nproc) CPUs)"
bench_java vn.lienthong.gateway.bench.RoutingThroughputBench "$port" "${2:-4000}"
