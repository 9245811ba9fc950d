#!/usr/bin/env bash
# Benchmark of start-up and memory: the packaged jar on the embedded default (H2 file, demo profile), started several
# times on a database it migrated before, each time until it serves (GET /actuator/health), then its resident memory
# (RSS) after 20 s idle. Two ways of starting: the jar as built, and the jar extracted with a class-data-sharing
# archive made by a training run (Spring Boot's "extract" and -XX:SharedArchiveFile; docs/operations.md). JVM options
# for both in JAVA_OPTS (default: the ones docs/operations.md recommends).
#   ./mvnw -q package -DskipTests && src/test/bench/startup.sh [runs=3]
set -euo pipefail
cd "$(dirname "$0")/../../.."
runs=${1:-3}
port=18195
opts=${JAVA_OPTS--XX:+UseSerialGC -Xmx256m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m}
work=$(mktemp -d)
jar=$PWD/target/rujukan.jar
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
args=(--spring.profiles.active=demo --server.port=$port "--spring.datasource.url=jdbc:h2:file:$work/db/rujukan;WRITE_DELAY=0")

java -Djarmode=tools -jar "$jar" extract --destination "$work/app" >/dev/null 2>&1
( cd "$work" && java $opts -XX:ArchiveClassesAtExit="$work/app.jsa" -Dspring.context.exit=onRefresh \
    -jar "$work/app/rujukan.jar" "${args[@]}" > "$work/training.log" 2>&1 ) || true
echo "class-data-sharing archive: $(du -h "$work/app.jsa" | cut -f1) (training run on an empty database)"

start() {
  local t0=$(date +%s.%N)
  ( cd "$work" && exec java $opts $1 -jar $2 "${args[@]}" > "$work/app.log" 2>&1 ) &
  app=$!
  for _ in $(seq 1 1200); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 0.1; done
  took=$(printf '%.1f' "$(echo "$(date +%s.%N) - $t0" | bc)")
}
stop() { kill "$app"; wait "$app" 2>/dev/null || true; app=; }
echo "JVM options: $opts"
for mode in jar cds; do
  if [ $mode = jar ]; then flags=""; target=$jar; else flags="-XX:SharedArchiveFile=$work/app.jsa"; target=$work/app/rujukan.jar; fi
  for run in $(seq 1 "$runs"); do
    start "$flags" "$target"
    sleep 20
    printf '%-3s run %d: serving after %5s s, RSS idle %4d MB\n' $mode "$run" "$took" $(( $(ps -o rss= -p "$app") / 1024 ))
    stop
  done
done
