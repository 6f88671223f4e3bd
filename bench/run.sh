#!/usr/bin/env bash
# End-to-end throughput and latency of dossier delivery, side by side with the raw broker on the same machine (issue 10).
#  1. Starts a DVCQG-compatible platform (BenchPlatform) in a JVM of its own, then the gateway (sandbox profile, fresh
#     data dir under /tmp, heap capped at --heap) with its DVCQG destination pointed at that platform.
#  2. DeliveryThroughputBench sends dossiers from C keep-alive HTTP clients: a warm-up, a phase at an offered rate
#     (open loop: latency counted from when each request was due), and N dossiers as fast as the clients go; after each
#     phase it waits until the platform has every accepted dossier. Per phase: accepted/s, delivered/s, ack latency
#     p50/p95/p99, accept-to-delivered p50/p99, lost and duplicated records, CPU seconds of gateway, platform and load
#     generator; for the run the gateway's peak heap (sampled every 250 ms) and peak RSS (VmHWM).
#  3. With the gateway stopped, RawBrokerBench moves the same payloads through an embedded Artemis configured as the
#     gateway's (NIO journal, synced), on the same disk: C producers, as many consumers as the gateway's workers.
#  4. BenchReport prints it all with the ratio gateway/raw and writes bench/results/run-<time>.json (not in git); the
#     logs, and with --jfr the flight recording of the throughput phase and its hottest frames, go beside it.
# The load generator and the platform share the machine with the gateway; the output says how much CPU each used.
#
# Usage: bench/run.sh [options]            (needs curl; builds the jar and the bench classes when needed)
#   -n N                 dossiers in the throughput phase (default 3000)
#   -c C                 concurrent HTTP clients (default 8)
#   --payload BYTES      grow each dossier to at least this many bytes of JSON (default 0: samples/dossier.json)
#   --rate R             offered rate of the latency phase, dossiers/s (default 500; 0 skips the phase)
#   --rate-dossiers M    dossiers sent at that rate (default 2000)
#   --warm-up W          dossiers sent first and not counted (default 1000)
#   --no-idempotency     send no Idempotency-Key (default: every dossier has one)
#   --no-sealing         run without the message-log-seal and message-log-timestamp routes: events are still written
#                        with every message, but not sealed into the Merkle tree nor signed in checkpoints
#   --no-timestamps      checkpoints signed but not timestamped (lienthong.log.tsa.url empty)
#   --heap SIZE          the gateway's -Xmx (default 512m)
#   --workers W          lienthong.delivery.concurrent-consumers (default: the gateway's default, 4)
#   --raw-messages M     messages of the raw broker baseline (default 10000)
#   --no-raw             skip the raw broker baseline
#   --jfr                record the throughput phase with JFR and print its hottest frames
#   --set NAME=VALUE     any other gateway setting, e.g. --set spring.datasource.url=jdbc:postgresql://… (repeatable)
#   --port P, --platform-port P   (defaults 18090, 18091)
set -euo pipefail
cd "$(dirname "$0")/.."

dossiers=3000 clients=8 payload=0 rate=500 rate_dossiers=2000 warm_up=1000 idempotency=true sealing=on
timestamps=on heap=512m workers=4 raw=on raw_messages=10000 jfr=off port=18090 platform_port=18091 extra_settings=()
while [ $# -gt 0 ]; do
  case "$1" in
    -n) dossiers="$2"; shift ;;
    -c) clients="$2"; shift ;;
    --payload) payload="$2"; shift ;;
    --rate) rate="$2"; shift ;;
    --rate-dossiers) rate_dossiers="$2"; shift ;;
    --warm-up) warm_up="$2"; shift ;;
    --no-idempotency) idempotency=false ;;
    --no-sealing) sealing=off ;;
    --no-timestamps) timestamps=off ;;
    --heap) heap="$2"; shift ;;
    --workers) workers="$2"; shift ;;
    --raw-messages) raw_messages="$2"; shift ;;
    --no-raw) raw=off ;;
    --jfr) jfr=on ;;
    --set) extra_settings+=("--$2"); shift ;;
    --port) port="$2"; shift ;;
    --platform-port) platform_port="$2"; shift ;;
    -h|--help) sed -n '2,/^set -euo/p' "$0" | sed '$d; s/^# \{0,1\}//'; exit 0 ;;
    *) echo "unknown option $1 (see bench/run.sh --help)" >&2; exit 2 ;;
  esac
  shift
done

. bench/gateway-harness.sh
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
results="bench/results/run-$stamp"
mkdir -p "$results"

# started without a wrapping shell, so that $! is the platform JVM whose CPU time is read
java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" \
  vn.lienthong.gateway.bench.BenchPlatform "$platform_port" sandbox-dvcqg sandbox-dvcqg-secret \
  > "$results/platform.log" 2>&1 &
platform_pid=$!
extra_pids="$platform_pid"
until grep -q "listening" "$results/platform.log" 2>/dev/null; do
  kill -0 "$platform_pid" 2>/dev/null || { echo "platform died:"; cat "$results/platform.log"; exit 1; }
  sleep 0.1
done

gateway_args=(--lienthong.mtls.port=0 --logging.level.root=WARN
  --lienthong.dvcqg.base-url="http://127.0.0.1:$platform_port/dvcqg"
  --lienthong.delivery.concurrent-consumers="$workers")
if [ "$sealing" = off ]; then
  mkdir -p "$work/routes"
  find routes -name '*.camel.yaml' ! -name 'message-log.camel.yaml' ! -name 'message-log-timestamp.camel.yaml' \
    -exec cp {} "$work/routes/" \;
  gateway_args+=(--lienthong.routes-dir="$work/routes")
fi
[ "$timestamps" = on ] || gateway_args+=(--lienthong.log.tsa.url=)
gateway_args+=("${extra_settings[@]}")
# a fixed number of JIT compiler threads, so that their CPU time can be told apart from the rest (DeliveryThroughputBench)
GATEWAY_JAVA_OPTS="-Xmx$heap -XX:-UseDynamicNumberOfCompilerThreads"
start_gateway "$port" "${gateway_args[@]}"
echo "gateway ready on port $port (pid $pid, -Xmx$heap), DVCQG platform on port $platform_port (pid $platform_pid);" \
  "$(nproc) CPUs shared with the load generator and the platform; load average $(cut -d' ' -f1-3 /proc/loadavg)"

jfr_args=()
[ "$jfr" = off ] || jfr_args=(--jfr="$PWD/$results/throughput.jfr")
bench_java vn.lienthong.gateway.bench.DeliveryThroughputBench --gateway="http://127.0.0.1:$port" \
  --platform="http://127.0.0.1:$platform_port" --gateway-pid="$pid" --platform-pid="$platform_pid" \
  --clock-ticks="$(getconf CLK_TCK)" --dossiers="$dossiers" --clients="$clients" --payload-bytes="$payload" \
  --offered-rate="$rate" --offered-dossiers="$rate_dossiers" --warm-up="$warm_up" --idempotency="$idempotency" \
  --out="$results/gateway.json" "${jfr_args[@]}"
stop_gateway
cp "$work/gateway.log" "$results/gateway.log"
kill "$platform_pid" 2>/dev/null || true
wait "$platform_pid" 2>/dev/null || true

raw_args=()
if [ "$raw" = on ]; then
  bench_java vn.lienthong.gateway.bench.RawBrokerBench --dir="$work/raw" --messages="$raw_messages" \
    --producers="$clients" --consumers="$workers" --payload-bytes="$payload" --out="$results/raw.json" \
    > "$results/raw.log" 2>&1 || { echo "raw baseline failed:"; tail -20 "$results/raw.log"; exit 1; }
  raw_args=(--raw="$results/raw.json")
fi

bench_java vn.lienthong.gateway.bench.BenchReport --gateway="$results/gateway.json" "${raw_args[@]}" \
  --out="bench/results/run-$stamp.json" --setting.dossiers="$dossiers" --setting.clients="$clients" \
  --setting.offeredRate="$rate" --setting.offeredDossiers="$rate_dossiers" --setting.warmUp="$warm_up" \
  --setting.idempotencyKeys="$idempotency" --setting.messageLogSealing="$sealing" \
  --setting.checkpointTimestamps="$timestamps" --setting.heap="$heap" --setting.deliveryWorkers="$workers" \
  --setting.gatewaySettings="${extra_settings[*]}"
if [ "$jfr" = on ]; then
  echo
  bench_java vn.lienthong.gateway.bench.JfrHotMethods "$results/throughput.jfr" | tee "$results/throughput-jfr.txt"
fi
echo "written bench/results/run-$stamp.json (logs in $results/)"
