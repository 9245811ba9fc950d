# Shared by the benchmarks (sourced, not run): a throw-away PostgreSQL database, the packaged jar on it, clean-up on
# exit. The caller sets db, port and work first; app holds the jar's process id.
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }

bench_cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}

fresh_database() {
  psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1
  psql -c "CREATE DATABASE $db"
}

# start_jar [argument...]: the jar (JAR, by default target/rujukan.jar; JVM options in JAVA_OPTS) with the profiles
# postgres,demo on $db at $port, its log appended to $work/app.log
start_jar() {
  java ${JAVA_OPTS:-} -jar "${JAR:-target/rujukan.jar}" --spring.profiles.active=postgres,demo --server.port="$port" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres "$@" \
    >> "$work/app.log" 2>&1 &
  app=$!
}

wait_serving() {
  for _ in $(seq 1 3000); do
    curl -sf "localhost:$port/actuator/health" >/dev/null && return 0
    sleep 0.2
  done
  echo "the jar did not serve within 10 minutes; its log: $work/app.log" >&2
  return 1
}
