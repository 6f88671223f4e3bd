#!/usr/bin/env bash
# Incoming documents per second end to end: N signed edXML documents with one attachment of the given size (default
# 100 documents of 1 MiB) placed at once in organ 000.00.17.H56's inbox on the axis simulator, timed until the organ's
# local system (the local-systems simulator) holds all of them. The gateway polls the axis every second, fetches,
# parses, verifies the XML signature and its chain, stores, queues, sends the 01 back, confirms, and posts each to
# the local system. The simulators run in the gateway's JVM. The documents are built and signed before timing.
# Usage: bench/incoming-figures.sh [port] [documents] [attachment-bytes]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18084}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0 --lienthong.vdxp.poll-interval=1s \
    --lienthong.simulator.vdxp.max-retained-size=2GB
echo "gateway ready on port $port ($(nproc) CPUs; the axis and local-systems simulators run in the gateway's JVM)"
bench_java vn.lienthong.gateway.bench.IncomingThroughputBench "$port" "${2:-100}" "${3:-1048576}"
