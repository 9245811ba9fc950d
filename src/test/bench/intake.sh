#!/usr/bin/env bash
# Benchmark of the intake API against a bare engine, as issue 18 asks: the packaged jar (postgres,demo) on a
# throw-away PostgreSQL database, and, in the load tool's own JVM, a bare Camunda engine on the same database
# starting a process of five no-op Java delegates with full history. Rounds of each interleave, with the same
# clients for the same time (IntakeLoad.java). Also prints the jar's time to start serving and its memory (RSS) idle
# and under the load.
#   ./mvnw -q package -DskipTests && src/test/bench/intake.sh [clients=4] [round seconds=20] [rounds=3]
# (JAR=path/to/other.jar runs another build against the same baseline; JVM options for the jar in JAVA_OPTS)
set -euo pipefail
cd "$(dirname "$0")/../../.."
clients=${1:-4}
seconds=${2:-20}
rounds=${3:-3}
db=rujukan_bench_intake
port=18191
work=$(mktemp -d)
. src/test/bench/lib.sh
trap bench_cleanup EXIT
rss() { printf '%d MB' $(( $(ps -o rss= -p "$app") / 1024 )); }

# the load tool's classpath: the jar's own libraries (works offline, where the dependency plugin may not resolve)
python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); [z.extract(n, sys.argv[2]) for n in z.namelist()
  if n.startswith("BOOT-INF/lib/") and n.endswith(".jar")]' "${JAR:-target/rujukan.jar}" "$work/jar"
echo "$work/jar/BOOT-INF/lib/*" > "$work/cp.txt"
fresh_database
url=jdbc:postgresql://127.0.0.1:5432/$db
timed_start() {
  local t0=$(date +%s.%N)
  start_jar
  wait_serving
  printf '%s: serving after %.1f s\n' "$1" "$(echo "$(date +%s.%N) - $t0" | bc)"
}
timed_start "first start (migrates the empty database)"
kill "$app"; wait "$app" || true
timed_start "second start"
sleep 20
echo "RSS idle, 20 s after start: $(rss)"
( sleep $(( 10 + seconds )); echo "RSS under intake load: $(rss)" ) &
sampler=$!
java -cp "$(cat "$work/cp.txt")" src/test/bench/IntakeLoad.java "http://localhost:$port" "$url" postgres \
  "$clients" "$seconds" "$rounds"
wait "$sampler"
echo "RSS after the load: $(rss)"
echo "cases opened: $(psql -d $db -tAc "SELECT COUNT(*) FROM referral")"
