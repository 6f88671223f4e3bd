#!/usr/bin/env bash
# Figures of recovery (issue 3), with two JVMs from the jar: a "platform" (the sandbox app, used only for its DVCQG
# simulator at /sim/dvcqg) and the gateway under test, pointed at it with --lienthong.dvcqg.base-url.
#  a) drain: the gateway takes 10,000 dossiers while the platform is down (deliveries fail and are rescheduled), then
#     the platform starts; prints the time from the platform's readiness to its first record and to its 10,000th
#     (from the simulator's receivedAt), the drain rate, and the simulator's duplicates counter.
#  b) kill -9: with the platform slowed (delayMs 20), 2,000 dossiers, SIGKILL of the gateway once some are at the
#     platform, restart on the same data folder; prints the time from the new process's start to ready and to the
#     first new record at the platform, then, once every dossier is there, duplicates, codes missing or doubled at the
#     platform, and the states the gateway reports for the 2,000 messages.
# Figures are printed and written to bench/results/recovery-<time>.json, the JVMs' output beside it in
# bench/results/recovery-<time>/; nothing is asserted.
# Usage: bench/recovery-figures.sh [gateway-port] [platform-port]   (needs curl and python3; builds the jar if missing)
set -euo pipefail
cd "$(dirname "$0")/.."
gw_port="${1:-18082}"
pf_port="${2:-18081}"
jar=target/lienthong-gateway.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
stamp="$(date -u +%Y%m%dT%H%M%SZ)"
logs="bench/results/recovery-$stamp"
mkdir -p "$logs"
work="$(mktemp -d)"
gw_pid=""
pf_pid=""
trap 'for p in $gw_pid $pf_pid; do kill -9 "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT
sim="http://127.0.0.1:$pf_port/sim/dvcqg"
gw="http://127.0.0.1:$gw_port"

now_ms() { echo $(( $(date +%s%N) / 1000000 )); }

# start_gateway <data-dir> <log> [extra args…]: sets gw_pid and gw_started_ms
start_gateway() {
  local data="$1" log="$2"
  shift 2
  gw_started_ms=$(now_ms)
  java -jar "$jar" --server.port="$gw_port" --lienthong.mtls.port=0 --lienthong.data-dir="$data" \
       --lienthong.dvcqg.base-url="$sim" --logging.level.root=WARN "$@" >> "$log" 2>&1 &
  gw_pid=$!
}

start_platform() {
  pf_started_ms=$(now_ms)
  java -jar "$jar" --server.port="$pf_port" --lienthong.mtls.port=0 --lienthong.data-dir="$work/platform" --logging.level.root=WARN \
       >> "$logs/platform.log" 2>&1 &
  pf_pid=$!
}

# wait_ready <port> <pid> <log>: prints the epoch millis at which readiness answered UP
wait_ready() {
  until curl -sf "http://127.0.0.1:$1/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$2" 2>/dev/null || { echo "JVM on port $1 died:" >&2; tail -20 "$3" >&2; exit 1; }
    sleep 0.02
  done
  now_ms
}

stop() { kill "$1" 2>/dev/null || true; wait "$1" 2>/dev/null || true; }

cat > "$work/bench.py" <<'PY'
"""HTTP helpers of bench/recovery-figures.sh: post dossiers, read the simulator, read message states."""
import http.client, json, sys, threading, time
from datetime import datetime

HEADERS = {"Content-Type": "application/json", "X-API-Key": "sandbox-agency-key"}


def post(port, date_part, count, threads, out):
    """POSTs count dossiers with codes 000.00.17.H56-<date_part>-NNNN over keep-alive connections; writes id,code lines."""
    sample = json.load(open("samples/dossier.json", encoding="utf-8"))
    lock, next_i, accepted, refused = threading.Lock(), [0], [], []

    def worker():
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        while True:
            with lock:
                i = next_i[0]
                next_i[0] += 1
            if i >= count:
                return
            dossier = dict(sample, dossierCode="000.00.17.H56-%s-%04d" % (date_part, i))
            conn.request("POST", "/api/v1/dossiers", json.dumps(dossier, ensure_ascii=False).encode(), HEADERS)
            response = conn.getresponse()
            body = response.read()
            with lock:
                if response.status == 202:
                    accepted.append((json.loads(body)["messageId"], dossier["dossierCode"]))
                else:
                    refused.append(response.status)

    t0 = time.time()
    workers = [threading.Thread(target=worker) for _ in range(threads)]
    [w.start() for w in workers]
    [w.join() for w in workers]
    seconds = time.time() - t0
    with open(out, "w") as f:
        f.writelines("%s,%s\n" % a for a in accepted)
    print(json.dumps({"accepted": len(accepted), "refused": len(refused), "seconds": round(seconds, 2),
                      "per_second": round(len(accepted) / seconds, 1)}))


def received(sim):
    host, port = sim.split("//")[1].split("/")[0].split(":")
    conn = http.client.HTTPConnection(host, int(port), timeout=60)
    conn.request("GET", "/sim/dvcqg/received")
    return json.loads(conn.getresponse().read())


def epoch_ms(text):
    return int(datetime.fromisoformat(text).timestamp() * 1000)


def count(sim):
    """The number of records at the simulator."""
    print(received(sim)["count"])


def summary(sim, accepted_file, since_ms):
    """What the simulator holds for the accepted codes: first and last receivedAt, records after since_ms, doubles, missing."""
    codes = {line.strip().split(",")[1] for line in open(accepted_file) if line.strip()}
    answer = received(sim)
    times, per_code = [], {}
    for entry in answer["records"]:
        code = entry["record"].get("MaHoSo")
        if code in codes:
            per_code[code] = per_code.get(code, 0) + 1
            times.append(epoch_ms(entry["receivedAt"]))
    after = [t for t in times if t > since_ms]
    print(json.dumps({"records": len(times), "duplicates": answer["duplicates"],
                      "first_ms": min(times) if times else None, "last_ms": max(times) if times else None,
                      "first_after_ms": min(after) if after else None,
                      "missing": len(codes - per_code.keys()), "doubled": sum(1 for n in per_code.values() if n > 1)}))


def states(port, accepted_file, threads=4):
    """How many of the accepted messages the gateway reports in each state (404 when it does not know one)."""
    ids = [line.split(",")[0] for line in open(accepted_file) if line.strip()]
    tally, lock = {}, threading.Lock()

    def worker(part):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
        for message_id in part:
            conn.request("GET", "/api/v1/messages/" + message_id, headers={"X-API-Key": "sandbox-agency-key"})
            response = conn.getresponse()
            body = response.read()
            state = json.loads(body)["state"] if response.status == 200 else str(response.status)
            with lock:
                tally[state] = tally.get(state, 0) + 1

    workers = [threading.Thread(target=worker, args=(ids[i::threads],)) for i in range(threads)]
    [w.start() for w in workers]
    [w.join() for w in workers]
    print(json.dumps(dict(sorted(tally.items()))))


if __name__ == "__main__":
    command, args = sys.argv[1], sys.argv[2:]
    if command == "post":
        post(int(args[0]), args[1], int(args[2]), int(args[3]), args[4])
    elif command == "count":
        count(args[0])
    elif command == "summary":
        summary(args[0], args[1], int(args[2]))
    elif command == "states":
        states(int(args[0]), args[1])
PY
py() { python3 "$work/bench.py" "$@"; }
field() { python3 -c 'import json,sys; v=json.loads(sys.argv[1])[sys.argv[2]]; print("" if v is None else v)' "$1" "$2"; }
delivered_total() {
  curl -s "$gw/actuator/prometheus" | awk '/^lienthong_messages_delivered_total/ {sum += $NF} END {printf "%d", sum}'
}

# ---- a) drain of a 10,000-message backlog after the platform recovers ----
echo "a) drain: gateway up, platform down; posting 10000 dossiers"
start_gateway "$work/gateway-a" "$logs/gateway-a.log" \
  --lienthong.delivery.initial-delay=1s --lienthong.delivery.max-delay=2s --lienthong.delivery.max-attempts=1000
wait_ready "$gw_port" "$gw_pid" "$logs/gateway-a.log" > /dev/null
posted_a=$(py post "$gw_port" 240601 10000 4 "$work/accepted-a.csv")
echo "   posted: $posted_a"
start_platform
pf_ready_ms=$(wait_ready "$pf_port" "$pf_pid" "$logs/platform.log")
echo "   platform ready $(( pf_ready_ms - pf_started_ms )) ms after its start"
deadline=$(( $(now_ms) + 900000 ))
# the gateway's delivered counter is cheap to poll; the simulator's records give the exact times afterwards
until [ "$(delivered_total)" -ge 10000 ] || [ "$(now_ms)" -gt "$deadline" ]; do sleep 0.5; done
until [ "$(py count "$sim")" -ge 10000 ] || [ "$(now_ms)" -gt "$deadline" ]; do sleep 1; done
sum_a=$(py summary "$sim" "$work/accepted-a.csv" 0)
stop "$gw_pid"; gw_pid=""
first_a=$(field "$sum_a" first_ms); last_a=$(field "$sum_a" last_ms); records_a=$(field "$sum_a" records)
drain_ms=$(( last_a - pf_ready_ms ))
rate_a=$(python3 -c "print(round($records_a / ($drain_ms / 1000), 1))")
echo "   platform ready -> first record $(( first_a - pf_ready_ms )) ms (negative: before readiness answered UP)"
echo "   platform ready -> record $records_a at $drain_ms ms: $rate_a messages/s"
rate_first_a=$(python3 -c "print(round(($records_a - 1) / max(1, $last_a - $first_a) * 1000, 1))")
echo "   first record -> record $records_a: $(( last_a - first_a )) ms, $rate_first_a messages/s"
echo "   simulator: $sum_a"

# ---- b) restart after kill -9 ----
echo "b) kill -9: platform slowed (delayMs 20), posting 2000 dossiers"
curl -sf -X DELETE "$sim/received" > /dev/null
curl -sf -X POST "$sim/faults" -H 'Content-Type: application/json' -d '{"reset":true,"delayMs":20}' > /dev/null
start_gateway "$work/gateway-b" "$logs/gateway-b1.log" \
  --lienthong.delivery.initial-delay=200ms --lienthong.delivery.max-delay=1s
wait_ready "$gw_port" "$gw_pid" "$logs/gateway-b1.log" > /dev/null
posted_b=$(py post "$gw_port" 240602 2000 8 "$work/accepted-b.csv")
echo "   posted: $posted_b"
until [ "$(py count "$sim")" -ge 200 ]; do kill -0 "$gw_pid" || exit 1; sleep 0.1; done
kill -9 "$gw_pid"; wait "$gw_pid" 2>/dev/null || true; gw_pid=""
at_kill=$(py count "$sim")
echo "   killed (SIGKILL) with $at_kill of 2000 at the platform"
start_gateway "$work/gateway-b" "$logs/gateway-b2.log" \
  --lienthong.delivery.initial-delay=200ms --lienthong.delivery.max-delay=1s
restart_ms=$gw_started_ms
ready_b=$(wait_ready "$gw_port" "$gw_pid" "$logs/gateway-b2.log")
deadline=$(( $(now_ms) + 300000 ))
until [ "$(py count "$sim")" -ge 2000 ] || [ "$(now_ms)" -gt "$deadline" ]; do sleep 0.5; done
# let redeliveries of the last messages settle before reading the gateway's states
sleep 3
sum_b=$(py summary "$sim" "$work/accepted-b.csv" "$restart_ms")
states_b=$(py states "$gw_port" "$work/accepted-b.csv")
first_after=$(field "$sum_b" first_after_ms)
echo "   restart -> ready $(( ready_b - restart_ms )) ms"
echo "   restart -> first new record at the platform $(( ${first_after:-$restart_ms} - restart_ms )) ms"
echo "   simulator: $sum_b"
echo "   gateway states of the 2000 messages: $states_b"
curl -sf -X POST "$sim/faults" -H 'Content-Type: application/json' -d '{"reset":true}' > /dev/null
stop "$gw_pid"; gw_pid=""
stop "$pf_pid"; pf_pid=""

result="bench/results/recovery-$stamp.json"
python3 - "$result" <<PY
import json, sys
result = {
    "drain": {"posted": json.loads('''$posted_a'''), "platform_start_to_ready_ms": $(( pf_ready_ms - pf_started_ms )),
              "ready_to_first_record_ms": $(( first_a - pf_ready_ms )), "ready_to_last_record_ms": $drain_ms,
              "messages_per_second": $rate_a, "first_to_last_record_ms": $(( last_a - first_a )),
              "messages_per_second_first_to_last": $rate_first_a, "simulator": json.loads('''$sum_a''')},
    "kill9": {"posted": json.loads('''$posted_b'''), "at_platform_when_killed": $at_kill,
              "restart_to_ready_ms": $(( ready_b - restart_ms )),
              "restart_to_first_new_record_ms": $(( ${first_after:-$restart_ms} - restart_ms )),
              "simulator": json.loads('''$sum_b'''), "gateway_states": json.loads('''$states_b''')},
}
json.dump(result, open(sys.argv[1], "w"), indent=2)
PY
echo "written $result"
