#!/usr/bin/env bash
# Figures of the dossier spine: time from `java -jar` to ready (median of 5 starts, each with a fresh data dir),
# heap and RSS after start, and the latency of 1,000 sequential POST /api/v1/dossiers on one keep-alive connection.
# Usage: bench/spine-figures.sh [port]   (needs curl and python3; builds the jar if it is missing)
set -euo pipefail
cd "$(dirname "$0")/.."
port="${1:-18080}"
jar=target/lienthong-gateway.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

start_gateway() {
  rm -rf "$work/data"
  java -jar "$jar" --server.port="$port" --lienthong.mtls.port=0 --lienthong.data-dir="$work/data" > "$work/gateway.log" 2>&1 &
  pid=$!
}

wait_ready() {
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "gateway died:"; tail -20 "$work/gateway.log"; exit 1; }
    sleep 0.02
  done
}

heap_used_mb() {
  curl -s "http://127.0.0.1:$port/actuator/prometheus" \
    | awk '/^jvm_memory_used_bytes\{.*area="heap"/ {sum += $NF} END {printf "%.1f", sum / 1048576}'
}

times=()
for run in 1 2 3 4 5; do
  t0=$(date +%s%N)
  start_gateway
  wait_ready
  t1=$(date +%s%N)
  ms=$(( (t1 - t0) / 1000000 ))
  times+=("$ms")
  echo "start $run: ready after ${ms} ms, heap used $(heap_used_mb) MiB, RSS $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status) MiB"
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
median=$(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p)
echo "time to ready, median of 5: ${median} ms"

start_gateway
wait_ready
python3 - "$port" <<'PY'
import http.client, json, statistics, sys, time
port = int(sys.argv[1])
sample = json.load(open("samples/dossier.json", encoding="utf-8"))
conn = http.client.HTTPConnection("127.0.0.1", port)
headers = {"Content-Type": "application/json", "X-API-Key": "sandbox-agency-key"}
latencies = []
for i in range(1000):
    sample["dossierCode"] = "000.00.17.H56-240101-%04d" % i
    body = json.dumps(sample, ensure_ascii=False).encode("utf-8")
    t0 = time.perf_counter()
    conn.request("POST", "/api/v1/dossiers", body, headers)
    response = conn.getresponse()
    response.read()
    latencies.append((time.perf_counter() - t0) * 1000)
    if response.status != 202:
        sys.exit("POST %d answered %d" % (i, response.status))
q = statistics.quantiles(latencies, n=100)
print("1000 sequential POSTs: p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms" % (q[49], q[94], q[98], max(latencies)))
PY
echo "after the posts: heap used $(heap_used_mb) MiB, RSS $(awk '/VmRSS/ {printf "%.0f", $2/1024}' /proc/$pid/status) MiB"
