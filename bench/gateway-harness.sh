# Sourced by the bench scripts that drive a running gateway: builds what is missing or older than the sources, then
# start_gateway PORT [ARGS…] starts target/lienthong-gateway.jar (JVM options from GATEWAY_JAVA_OPTS) in the sandbox
# profile with a fresh data dir and waits until it is ready; stop_gateway stops it and waits for it to end. The gateway,
# the processes whose ids a script adds to extra_pids, and the work dir are cleaned up when the script ends.
# bench_java CLASS [ARGS…] runs a bench class.
jar=target/lienthong-gateway.jar
if [ ! -f "$jar" ] || [ -n "$(find pom.xml src/main -newer "$jar" -print -quit)" ]; then
  ./mvnw -q -B -DskipTests package
fi
./mvnw -q -B -DskipTests test-compile
./mvnw -q -B dependency:build-classpath -Dmdep.outputFile=target/bench-classpath.txt -Dmdep.includeScope=test >/dev/null
work="$(mktemp -d)"
extra_pids=""
pid=""
# shellcheck disable=SC2086 # extra_pids holds several ids
trap 'for p in $pid $extra_pids; do kill "$p" 2>/dev/null || true; done; rm -rf "$work"' EXIT

start_gateway() {
  local port="$1"
  shift
  # shellcheck disable=SC2086 # GATEWAY_JAVA_OPTS holds several options
  java ${GATEWAY_JAVA_OPTS:-} -jar "$jar" --server.port="$port" --lienthong.data-dir="$work/data" "$@" \
    > "$work/gateway.log" 2>&1 &
  pid=$!
  until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null | grep -q '"status":"UP"'; do
    kill -0 "$pid" 2>/dev/null || { echo "gateway died:"; tail -20 "$work/gateway.log"; exit 1; }
    sleep 0.2
  done
}

stop_gateway() {
  [ -n "$pid" ] || return 0
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  pid=""
}

bench_java() {
  java -cp "target/test-classes:target/classes:$(cat target/bench-classpath.txt)" "$@"
}
