#!/usr/bin/env bash
# Growth of the H2 store file and of the heap while the platform is down: the gateway (-Xmx512m, sandbox profile,
# fresh data dir) with its DVCQG destination unreachable, so that every delivery fails and is rescheduled, takes N
# dossiers from 8 keep-alive clients; every 20 s, and for a minute after the last one, it prints the size of the store
# file and of the broker's folder and the heap's old generation in use (jstat), then the heap after a full collection.
# --no-compaction runs it without the route store-compaction, to see what H2 does alone (see docs/message-log.md,
# "The H2 store file"). Nothing is asserted. Needs python3, curl and a JDK (jstat, jcmd).
# Usage: bench/store-growth-figures.sh [dossiers (default 40000)] [port (default 18096)] [--no-compaction]
set -euo pipefail
cd "$(dirname "$0")/.."
compaction=on positional=()
for arg in "$@"; do
  case "$arg" in
    --no-compaction) compaction=off ;;
    [0-9]*) positional+=("$arg") ;;
    *) echo "unknown argument $arg (usage: bench/store-growth-figures.sh [dossiers] [port] [--no-compaction])" >&2
       exit 2 ;;
  esac
done
dossiers="${positional[0]:-40000}"
port="${positional[1]:-18096}"
. bench/gateway-harness.sh
args=(--lienthong.mtls.port=0 --logging.level.root=WARN --lienthong.dvcqg.base-url=http://127.0.0.1:1/dvcqg)
if [ "$compaction" = off ]; then
  mkdir -p "$work/routes"
  find routes -name '*.camel.yaml' ! -name 'store-compaction.camel.yaml' -exec cp {} "$work/routes/" \;
  args+=(--lienthong.routes-dir="$work/routes")
fi
GATEWAY_JAVA_OPTS="-Xmx512m"
start_gateway "$port" "${args[@]}"
echo "gateway ready on port $port (pid $pid, -Xmx512m, compaction $compaction, DVCQG unreachable); $dossiers dossiers"

cat > "$work/post.py" <<'PY'
"""POSTs the dossiers of bench/store-growth-figures.sh from 8 keep-alive clients; prints a line per 5,000."""
import http.client, json, sys, threading, time
port, count = int(sys.argv[1]), int(sys.argv[2])
headers = {"Content-Type": "application/json", "X-API-Key": "sandbox-agency-key"}
sample = json.load(open("samples/dossier.json", encoding="utf-8"))
lock, following, accepted, refused = threading.Lock(), [0], [0], {}

def client():
    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    while True:
        with lock:
            i = following[0]
            following[0] += 1
        if i >= count:
            return
        code = "000.00.17.H56-24%04d-%04d" % (101 + i // 10000, i % 10000)
        connection.request("POST", "/api/v1/dossiers",
                           json.dumps(dict(sample, dossierCode=code), ensure_ascii=False).encode(), headers)
        response = connection.getresponse()
        response.read()
        with lock:
            if response.status == 202:
                accepted[0] += 1
            else:
                refused[response.status] = refused.get(response.status, 0) + 1

started = time.time()
clients = [threading.Thread(target=client) for _ in range(8)]
[c.start() for c in clients]
[c.join() for c in clients]
print("posted: %d accepted, refused %s, %.0f s (%.0f/s)" % (accepted[0], refused, time.time() - started,
                                                           accepted[0] / (time.time() - started)), flush=True)
PY
python3 "$work/post.py" "$port" "$dossiers" > "$work/post.log" 2>&1 &
poster=$!
extra_pids="$poster"
started=$(date +%s)
report() {
  printf '%5d s  store %6d MB  broker %5d MB  old generation in use %4d MiB\n' "$(( $(date +%s) - started ))" \
    "$(du -sm "$work/data/store" | cut -f1)" "$(du -sm "$work/data/artemis" | cut -f1)" \
    "$(jstat -gc "$pid" | tail -1 | awk '{print int($8 / 1024)}')"
}
while kill -0 "$poster" 2>/dev/null; do
  report
  sleep 20
done
cat "$work/post.log"
for _ in 1 2 3; do
  report
  sleep 20
done
jcmd "$pid" GC.run > /dev/null
echo "after a full collection: old generation in use $(jstat -gc "$pid" | tail -1 | awk '{print int($8 / 1024)}') MiB"
