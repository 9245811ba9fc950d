#!/usr/bin/env bash
# Benchmark of the DTKS/DTSEN import, run as an operator runs it: the packaged jar's import-dtks command.
# Generates an extract of N rows (default 1,000,000), imports it into a throw-away PostgreSQL database and into
# an H2 file, then imports it again (nothing changes), and prints time, rows per second and peak memory.
# The JVM gets 512 MB of heap: the import streams, whatever the file's size.
#   ./mvnw -q package -DskipTests && src/test/bench/dtks-import.sh [rows]
set -euo pipefail
cd "$(dirname "$0")/../../.."
rows=${1:-1000000}
jar=target/rujukan.jar
work=$(mktemp -d)
trap 'rm -rf "$work"; psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS rujukan_bench WITH (FORCE)" >/dev/null 2>&1 || true' EXIT

java -jar "$jar" generate-dtks "$work/extract.csv" "$rows"
printf 'extract: %s\n' "$(du -h "$work/extract.csv" | cut -f1)"

measure() { # label, then the command
  local label=$1; shift
  local start end
  start=$(date +%s.%N)
  /usr/bin/time -f '%M' -o "$work/rss" "$@" > "$work/out" 2>&1 || { cat "$work/out"; exit 1; }
  end=$(date +%s.%N)
  local seconds
  seconds=$(echo "$end - $start" | bc)
  printf '%-34s %6.1f s wall (JVM start included), %8.0f rows/s, peak RSS %4d MB\n' "$label" "$seconds" \
    "$(echo "$rows / $seconds" | bc -l)" "$(( $(cat "$work/rss") / 1024 ))"
  grep -E '^Impor #' "$work/out" | sed 's/^/    /'
}

if pg_isready -h 127.0.0.1 -p 5432 -q; then
  psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS rujukan_bench WITH (FORCE)" >/dev/null
  psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE rujukan_bench"
  pg=(--spring.profiles.active=postgres --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/rujukan_bench
      --spring.datasource.username=postgres)
  measure "PostgreSQL, first import" java -Xmx512m -jar "$jar" import-dtks "$work/extract.csv" "${pg[@]}"
  measure "PostgreSQL, same file again" java -Xmx512m -jar "$jar" import-dtks "$work/extract.csv" "${pg[@]}"
fi
h2=(--spring.datasource.url="jdbc:h2:file:$work/h2;WRITE_DELAY=0")
measure "H2 file, first import" java -Xmx512m -jar "$jar" import-dtks "$work/extract.csv" "${h2[@]}"
measure "H2 file, same file again" java -Xmx512m -jar "$jar" import-dtks "$work/extract.csv" "${h2[@]}"
