#!/usr/bin/env bash
# Benchmark of recovery after SIGKILL: the packaged jar (postgres,demo, node name bench-node, the default 5-minute job
# lock) on a throw-away PostgreSQL database takes intakes from 4 clients; it is killed with SIGKILL in the middle, the
# save-point jobs it had claimed are counted, and the same node is started again. Prints the time from the restart
# until every acknowledged case has moved on past its save point (its registry check done: stage VERIFICATION or
# later), and until the node serves again.
#   ./mvnw -q package -DskipTests && src/test/bench/recovery.sh [seconds of load before the kill=20]
# (JAR=path/to/other.jar runs another build)
set -euo pipefail
cd "$(dirname "$0")/../../.."
load=${1:-20}
db=rujukan_bench_recovery
port=18194
work=$(mktemp -d)
. src/test/bench/lib.sh
cleanup() {
  [ -n "${clients:-}" ] && kill $clients 2>/dev/null || true
  bench_cleanup
}
trap cleanup EXIT
now() { date +%s.%N; }
since() { echo "$(now) - $1" | bc; }
export RUJUKAN_NODE_NAME=bench-node

fresh_database
start_jar
wait_serving
client() {
  for i in $(seq 1 100000); do
    local n=$(( $1 * 100000 + i ))
    local nik=$(printf '327301%02d%02d%02d%04d' $(( 1 + n % 28 )) $(( 1 + (n / 28) % 12 )) $(( 40 + (n / 336) % 60 )) \
      $(( 1 + (n / 20160) % 9999 )))
    curl -s -u fo:demo -H 'Content-Type: application/json' "localhost:$port/api/referrals" -d "{
      \"nik\": \"$nik\", \"kkNumber\": \"3273010101080002\", \"fullName\": \"Warga Uji\",
      \"birthDate\": \"19$(( 40 + (n / 336) % 60 ))-$(printf %02d $(( 1 + (n / 28) % 12 )))-$(printf %02d $(( 1 + n % 28 )))\",
      \"sex\": \"M\", \"address\": \"Jl. Tamansari $n\", \"rt\": \"3\", \"rw\": \"7\", \"kelurahan\": \"Lebak Siliwangi\",
      \"channel\": \"WALK_IN\", \"needs\": [\"FOOD\"], \"description\": \"Tidak ada penghasilan\", \"urgent\": false}" \
      | grep -o '"referralNumber":"[^"]*"' | cut -d'"' -f4 >> "$work/acknowledged.$1" || true
  done
}
clients=""
for c in 1 2 3 4; do client $c & clients="$clients $!"; done
sleep "$load"
held_before=$(psql -d $db -tAc "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ LIKE 'bench-node:%'")
kill -9 "$app"; wait "$app" 2>/dev/null || true
kill $clients 2>/dev/null || true; wait $clients 2>/dev/null || true; clients=""
held=$(psql -d $db -tAc "SELECT COUNT(*) FROM act_ru_job WHERE lock_owner_ LIKE 'bench-node:%'")
acknowledged=$(cat "$work"/acknowledged.* | sort -u | grep -c RJK || true)
echo "killed after $load s of intake: $acknowledged cases acknowledged, $held save-point jobs claimed by the dead node ($held_before a moment before)"
cat "$work"/acknowledged.* | sort -u | grep RJK | sed "s/.*/'&'/" | paste -sd, > "$work/numbers.sql"
restarted=$(now)
start_jar
wait_serving
printf 'restarted node serves after %.1f s\n' "$(since "$restarted")"
for _ in $(seq 1 1800); do
  waiting=$(psql -d $db -tAc "SELECT COUNT(*) FROM referral WHERE referral_number IN ($(cat "$work/numbers.sql"))
    AND stage = 'INTAKE'")
  [ "$waiting" -eq 0 ] && break
  sleep 0.2
done
printf 'every acknowledged case past its save point %.1f s after the restart (%s still waiting)\n' \
  "$(since "$restarted")" "$waiting"
