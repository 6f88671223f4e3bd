# Sourced by the bench scripts that drive a running gateway: builds what is missing, then start_gateway PORT [ARGS…]
# starts target/lienthong-gateway.jar in the sandbox profile with a fresh data dir and waits until it is ready;
# the gateway is stopped and its data dir removed when the script ends. bench_java CLASS [ARGS…] runs a bench class.
jar=target/lienthong-gateway.jar
[ -f "$jar" ] || ./mvnw -q -B -DskipTests package
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
work="$(mktemp -d)"
trap 'kill "${pid:-0}" 2>/dev/null || true; rm -rf "$work"' EXIT

start_gateway() {
  local port="$1"
  shift
  java -jar "$jar" --server.port="$port" --lienthong.data-dir="$work/data" "$@" > "$work/gateway.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "gateway died:"; tail -20 "$work/gateway.log"; exit 1; }
    sleep 0.2
  done
}

bench_java() {
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$@"
}
