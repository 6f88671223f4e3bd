#!/usr/bin/env bash
# Figures of the sandbox's document interchange axis simulator (/sim/vdxp): signed edXML documents with one attachment
# of the given size (default 1 MiB) sent per second (sendEdoc: HMAC, hash, hardened parse, XSD, XML signature and its
# chain, store), then fetched (getEdoc) and confirmed (updateStatus) per second by the receiving system; 4 clients.
# The share of the axis in an end-to-end figure of documents per second. The documents are signed before timing.
# Usage: bench/vdxp-simulator-figures.sh [port] [documents] [attachment-bytes]   (builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18083}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0 --lienthong.simulator.vdxp.max-retained-size=2GB
echo "gateway ready on port $port ($(nproc) CPUs; the simulator runs in the gateway's JVM)"
bench_java vn.lienthong.gateway.bench.VdxpSimulatorBench "$port" "${2:-100}" "${3:-1048576}"
