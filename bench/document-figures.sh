#!/usr/bin/env bash
# Figures of official documents (issue 8):
#  1. documents per second end to end with a signed attachment (default 1 MiB): N documents posted by 8 keep-alive
#     clients (signature verified, stored, queued), until the VDXP simulator has received all N (edXML built, signed
#     with the gateway key, sent; XSD and signature checked by the simulator), one gateway in the sandbox;
#  2. edXML build + sign time for an attachment of 100 KiB and of 10 MiB, one thread, no gateway.
# Nothing is asserted. Usage: bench/document-figures.sh [port] [documents] [attachment-bytes]
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18085}"
. bench/gateway-harness.sh
start_gateway "$port" --lienthong.mtls.port=0
echo "gateway ready on port $port ($(nproc) CPUs; the delivery workers and the VDXP simulator run in the same JVM)"
bench_java vn.lienthong.gateway.bench.DocumentThroughputBench "$port" "${2:-200}" "${3:-1048576}"
kill "$pid"; wait "$pid" 2>/dev/null || true
echo
echo "edXML build + sign (bench/edxml-figures.sh --sign):"
bench_java -Xmx512m vn.lienthong.gateway.bench.EdxmlBench 102400 10485760 --sign
