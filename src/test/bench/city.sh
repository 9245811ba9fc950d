#!/usr/bin/env bash
# The city-scale benchmark (issue 22, item 3): the whole of Kota Bandung in one installation on PostgreSQL with two
# application nodes, measured with real HTTP calls.
#
#   ./mvnw -o -q -DskipTests package && src/test/bench/city.sh [--scale 1]
#
# 1. A fresh database (CITY_DB, default rujukan_city), migrated by the documented step (java -jar rujukan.jar
#    migrate); node A starts once on it (postgres,demo: models deployed, demo users, groups, filters, the demo's two
#    Puskesos) and takes one real intake, whose grants say what a candidate group gets on a task (as worklist.sh).
# 2. The synthetic city in set-based SQL (city.sql): 151 Puskesos (5 per kecamatan of regions.csv, Lebak Siliwangi
#    the 151st) with their Camunda tenants and staff, 2.5 million residents, a year of cases at 10 per Puskesos per
#    day (551,150) with intake, needs, assessment, timeline, program referrals and handovers, most closed and the
#    last 30 days' open (about 45,000), each open case with its engine instance, task, candidate link, grants and
#    variables (TENANT_ID_ set), and the engine history of every case. --scale 0.1 writes a tenth of the residents
#    and cases (the 151 Puskesos stay) for a quick check.
# 3. Nodes A and B (ports 18081 and 18082, CITY_PORTS) on the same database, then per call kind a warm-up, CITY_CALLS
#    (30) calls one after another alternating the nodes (p50/p95/max) and twice as many from 4 clients at once
#    (throughput): the intake (IntakeLoad.java: the fo users of ten Puskesos through both nodes, against a bare
#    engine on the same database), a Puskesos's worklist and a partner's (Tasklist's filter list/count), the
#    partner's worklist for one kelurahan (tenantIdIn), the board and the city board (skipped on 404), the case
#    search. Prints each against the aim in docs/operations.md, and the data's size.
#
# Options (environment): CITY_CALLS (30), CITY_INTAKE="clients seconds rounds" ("4 20 3"), CITY_JAR (target/rujukan.jar),
# CITY_KEEP_DB=1 leaves the database (drop it by hand), CITY_REUSE=1 measures a kept database again without writing
# it (the jar's new migrations run at start: before/after an index), CITY_PARTS ("intake worklist board search": what
# to measure; the board at this version draws the whole city and may leave the nodes short of memory, so it comes
# after the worklists and before the searches only when asked). Output: target/city/.
set -euo pipefail
cd "$(dirname "$0")/../../.."
scale=1
while [ $# -gt 0 ]; do
  case $1 in
    --scale) scale=$2; shift 2 ;;
    --scale=*) scale=${1#--scale=}; shift ;;
    *) echo "usage: $0 [--scale 1]" >&2; exit 2 ;;
  esac
done
residents=$(python3 -c "print(max(15100, round(2500000 * $scale)))")
cases=$(python3 -c "print(max(1510, round(151 * 365 * 10 * $scale)))")
calls=${CITY_CALLS:-30}
read -r intake_clients intake_seconds intake_rounds <<< "${CITY_INTAKE:-4 20 3}"
db=${CITY_DB:-rujukan_city}
read -r port_a port_b <<< "${CITY_PORTS:-18081 18082}"
JAR=${CITY_JAR:-target/rujukan.jar}
JAVA_OPTS=${JAVA_OPTS:--XX:+UseSerialGC -Xmx512m -Xss512k -XX:ReservedCodeCacheSize=64m -XX:MaxMetaspaceSize=256m}
out=target/city
mkdir -p "$out"
: > "$out/node-a.log"; : > "$out/node-b.log"
work=$(mktemp -d)
. src/test/bench/lib.sh
results=$out/results-$scale.tsv
: > "$results"

cleanup() {
  for pid in ${app_a:-} ${app_b:-}; do kill "$pid" 2>/dev/null && wait "$pid" 2>/dev/null || true; done
  [ "${CITY_KEEP_DB:-0}" = 1 ] || psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
say() { printf '%s %s\n' "$(date +%H:%M:%S)" "$*"; }
load() { cut -d' ' -f1-3 /proc/loadavg; }

# start_node name port: the jar as node <name> (RUJUKAN_NODE_NAME) on $db, its log in target/city/node-<name>.log
start_node() {
  RUJUKAN_NODE_NAME="city-$1" java $JAVA_OPTS -jar "$JAR" --spring.profiles.active=postgres,demo --server.port="$2" \
    --spring.datasource.url="jdbc:postgresql://127.0.0.1:5432/$db" --spring.datasource.username=postgres \
    >> "$out/node-$1.log" 2>&1 &
  app=$!
}
serving() { port=$1; wait_serving || { tail -40 "$out/node-$2.log"; exit 1; }; }

say "city at scale $scale: 151 Puskesos, $residents residents, $cases cases; database $db; machine: $(nproc) cores,"\
  "$(free -g | awk '/Mem:/ {print $2}') GiB, load $(load)"
reuse=0
if [ "${CITY_REUSE:-0}" = 1 ] && [ "$(psql -d "$db" -tAc "SELECT to_regclass('city_case') IS NOT NULL" 2>/dev/null)" = t ]; then
  reuse=1
  say "CITY_REUSE=1: measuring the kept database $db as it is"
else
  fresh_database
  t0=$(date +%s)
  RUJUKAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$db" RUJUKAN_DB_USER=postgres java -jar "$JAR" migrate 2>&1 | tail -1
  start_node a "$port_a"; app_a=$app; serving "$port_a" a
  say "migrated and node A serving after $(( $(date +%s) - t0 )) s"
  # the grant a candidate group gets on a task it reads through its definition (worklist.sh)
  probe=$(curl -sf -u fo:demo -H 'Content-Type: application/json' "localhost:$port_a/api/referrals" -d '{
    "nik":"3273014101505000","kkNumber":"3273010000005000","fullName":"Siti Aminah","birthDate":"1950-01-01",
    "sex":"F","address":"Jl. Tamansari 12","rt":"3","rw":"7","kelurahan":"Lebak Siliwangi","phone":"+6281234567890",
    "channel":"WALK_IN","needs":["FOOD"],"description":"Suami sakit","urgent":false}' \
    | python3 -c 'import json, sys; print(json.load(sys.stdin)["processInstanceId"])')
  task_perms=
  for _ in $(seq 1 60); do
    task_perms=$(psql -d "$db" -tAc "SELECT a.perms_ FROM act_ru_authorization a JOIN act_ru_task t ON t.id_ = a.resource_id_
      WHERE a.resource_type_ = 7 AND a.group_id_ = 'fasilitator' AND t.proc_inst_id_ = '$probe'")
    [ -n "$task_perms" ] && break; sleep 1
  done
  [ -n "$task_perms" ] || { echo "no task grant found for the probe case" >&2; exit 1; }
  kill "$app_a"; wait "$app_a" 2>/dev/null || true; app_a=
  psql -d "$db" -c "CREATE TABLE city_kecamatan (code text PRIMARY KEY, name text)"
  grep -E '^3273[0-9]{2},' src/main/resources/registry/regions.csv \
    | psql -d "$db" -c "\\copy city_kecamatan FROM STDIN WITH (FORMAT csv)"
  say "writing the city (grant on a task read through its definition: perms $task_perms)"
  t0=$(date +%s)
  psql -d "$db" -v residents="$residents" -v cases="$cases" -v task_perms="$task_perms" -f src/test/bench/city.sql \
    > "$out/city-sql-$scale.log" 2>&1 || { tail -30 "$out/city-sql-$scale.log"; exit 1; }
  say "city written in $(( $(date +%s) - t0 )) s (statement times: $out/city-sql-$scale.log)"
fi

psql -d "$db" -tA -F ' ' -c "SELECT 'rows:', (SELECT count(*) FROM puskesos) || ' Puskesos,',
  (SELECT count(*) FROM act_id_tenant) || ' tenants,', (SELECT count(*) FROM act_id_user) || ' users,',
  (SELECT count(*) FROM resident) || ' residents,', (SELECT count(*) FROM referral) || ' cases,',
  (SELECT count(*) FROM referral WHERE status = 'OPEN') || ' open,', (SELECT count(*) FROM act_ru_task) || ' open tasks,',
  (SELECT count(*) FROM act_hi_procinst) || ' historic instances,',
  (SELECT count(*) FROM act_ru_authorization) || ' authorizations'" | tee "$out/rows-$scale.txt"
psql -d "$db" -tA -F ' | ' -c "SELECT c.relname, pg_size_pretty(pg_relation_size(c.oid)),
    pg_size_pretty(pg_indexes_size(c.oid)), pg_size_pretty(pg_total_relation_size(c.oid))
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
  WHERE n.nspname = 'public' AND c.relkind = 'r' AND c.relname NOT LIKE 'city\_%'
  ORDER BY pg_total_relation_size(c.oid) DESC LIMIT 16" > "$out/sizes-$scale.txt"
printf 'database: %s; largest tables (table | data | indexes | total):\n' \
  "$(psql -tAc "SELECT pg_size_pretty(pg_database_size('$db'))")"
sed 's/^/  /' "$out/sizes-$scale.txt"

# Both nodes, each with the engine's job executor and the application's scheduled work running.
start_node a "$port_a"; app_a=$app
start_node b "$port_b"; app_b=$app
serving "$port_a" a; serving "$port_b" b
say "nodes A ($port_a) and B ($port_b) serving; load $(load)"
nodes=("localhost:$port_a" "localhost:$port_b")

# call user method path [body]: one call to the next node in turn; prints "code seconds"
turn=0
call() {
  local node=${nodes[$(( turn++ % 2 ))]} user=$1 method=$2 path=$3 body=${4:-}
  local args=(-s --max-time 600 -o "$work/answer.json" -w '%{http_code} %{time_total}\n' -u "$user:demo"
    -H 'Accept: application/hal+json, application/json')
  [ "$method" = POST ] && args+=(-H 'Content-Type: application/json' -d "$body")
  curl "${args[@]}" -X "$method" "$node$path"
}
stats() { # "code seconds" lines -> p50 p95 max (ms) and the number of calls; fails on a non-2xx answer
  python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
bad = sorted({r[0] for r in rows if not r[0].startswith("2")})
if bad: print("HTTP " + ",".join(bad)); sys.exit(1)
ms = sorted(float(r[1]) * 1000 for r in rows)
pick = lambda q: ms[min(len(ms) - 1, int(round(q * (len(ms) - 1))))]
print("%.0f %.0f %.0f %d" % (pick(0.5), pick(0.95), ms[-1], len(ms)))'
}
# measure label aim_ms user method path [body]: warm-up, CALLS calls in turn, then 2 x CALLS from 4 clients
measure() {
  local label=$1 aim=$2; shift 2
  for _ in 1 2 3 4; do call "$@" > /dev/null; done
  local s; s=$(for _ in $(seq 1 "$calls"); do call "$@"; done | stats) || {
    printf '  %-58s failed: %s\n' "$label" "$s"; printf '%s\tfailed: %s\n' "$label" "$s" >> "$results"; return 0; }
  local n=$(( calls * 2 )) t0 t1
  export -f call; export work
  t0=$(date +%s.%N)
  seq 1 $n | xargs -P 4 -I{} bash -c 'turn={}; nodes=('"${nodes[*]}"'); call "$@"' _ "$@" > "$work/burst"
  t1=$(date +%s.%N)
  local failed; failed=$(grep -cv '^2' "$work/burst" || true)
  [ "$failed" = 0 ] || echo "  $label: $failed of $n calls from 4 clients failed" >&2
  local rate; rate=$(python3 -c "print('%.1f' % ($n / ($t1 - $t0)))")
  read -r p50 p95 max count <<< "$s"
  local met="-"
  [ "$aim" != - ] && { [ "$p95" -le "$aim" ] && met=yes || met=no; }
  printf '  %-58s p50 %5s ms  p95 %5s ms  max %5s ms  (%s calls)  %6s/s with 4 clients  aim p95 <= %s ms: %s  load %s\n' \
    "$label" "$p50" "$p95" "$max" "$count" "$rate" "$aim" "$met" "$(load)"
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$p50" "$p95" "$max" "$rate" "$aim" "$met" >> "$results"
}
filter_id() { # user: the id of the filter "Tugas kelompok saya" as that user sees it
  curl -sf -u "$1:demo" "${nodes[0]}/engine-rest/filter?resourceType=Task" | python3 -c '
import json, sys
print([f["id"] for f in json.load(sys.stdin) if f["name"] == "Tugas kelompok saya"][0])'
}

parts=" ${CITY_PARTS:-intake worklist board search} "
part() { [[ $parts == *" $1 "* ]]; }
if part intake; then
  say "intake: $intake_clients clients, $intake_rounds rounds of $intake_seconds s, through both nodes, the fo users of ten Puskesos"
  # the load tool's classpath: the jar's own libraries (the engine and the JDBC driver for the bare baseline)
  python3 -c 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); [z.extract(n, sys.argv[2]) for n in z.namelist()
    if n.startswith("BOOT-INF/lib/") and n.endswith(".jar")]' "$JAR" "$work/jar"
  echo "$work/jar/BOOT-INF/lib/*" > "$work/cp.txt"
  users=$(psql -d "$db" -tAc "SELECT string_agg(user_id, ',' ORDER BY code) FROM (SELECT user_id, code FROM city_staff
    WHERE role = 'fo' ORDER BY hashtext(code) LIMIT 10) u")
  java -cp "$(cat "$work/cp.txt")" src/test/bench/IntakeLoad.java "http://${nodes[0]},http://${nodes[1]}" \
    "jdbc:postgresql://127.0.0.1:5432/$db" postgres "$intake_clients" "$intake_seconds" "$intake_rounds" "$users" \
    2>&1 | tee "$out/intake-$scale.txt" | grep -vE '^(SLF4J|[0-9:. ]+\[)' || true
  python3 - "$out/intake-$scale.txt" "$results" <<'PY'
import re, sys
text = open(sys.argv[1]).read()
m = re.search(r"app ([\d.]+) intakes/s, bare engine ([\d.]+) starts/s, ratio ([\d.]+)", text)
l = re.search(r"p50 (\d+) ms, p95 (\d+) ms, max (\d+) ms; errors (\d+)", text)
if m and l:
    met = "yes" if float(m.group(3)) >= 0.5 and int(l.group(2)) <= 50 else "no"
    print("  intake: %s per s (bare engine %s, ratio %s), p50 %s ms, p95 %s ms, errors %s; aim >= 0.5x and p95 <= 50 ms: %s"
          % (m.group(1), m.group(2), m.group(3), l.group(1), l.group(2), l.group(4), met))
    open(sys.argv[2], "a").write("intake (POST /api/referrals, 2 nodes; rate per s, ratio %s)\t%s\t%s\t%s\t%s\t50 and 0.5x\t%s\n"
          % (m.group(3), l.group(1), l.group(2), l.group(3), m.group(1), met))
PY
fi

say "reads: $calls calls each in turn over both nodes, then $(( calls * 2 )) from 4 clients"
if part worklist; then
tasklist='{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}'
kelurahan='"tenantIdIn":["3273021006"],'
fas=$(filter_id fasilitator)
din=$(filter_id dinsos)
measure "worklist fasilitator Lebak Siliwangi, list (15)" 100 fasilitator POST "/engine-rest/filter/$fas/list?firstResult=0&maxResults=15" "$tasklist"
measure "worklist fasilitator Lebak Siliwangi, count" 100 fasilitator GET "/engine-rest/filter/$fas/count"
measure "worklist fasilitator of another Puskesos (3273011001), list" 100 fasilitator3273011001 POST "/engine-rest/filter/$fas/list?firstResult=0&maxResults=15" "$tasklist"
measure "worklist dinsos city-wide, list (15)" 100 dinsos POST "/engine-rest/filter/$din/list?firstResult=0&maxResults=15" "$tasklist"
measure "worklist dinsos city-wide, count" 100 dinsos GET "/engine-rest/filter/$din/count"
measure "worklist dinsos, Lebak Siliwangi only (tenantIdIn), list" 100 dinsos POST "/engine-rest/filter/$din/list?firstResult=0&maxResults=15" "{$kelurahan${tasklist#\{}"
measure "worklist dinsos, Lebak Siliwangi only (tenantIdIn), count" 100 dinsos POST "/engine-rest/filter/$din/count" "{${kelurahan%,}}"
echo "  $(psql -d "$db" -tAc "SELECT 'open tasks: fasilitator of Lebak Siliwangi ' || count(*) FILTER (WHERE i.group_id_ = 'fasilitator'
  AND t.tenant_id_ = '3273021006') || ', dinsos city-wide ' || count(*) FILTER (WHERE i.group_id_ = 'dinsos')
  || ', dinsos in Lebak Siliwangi ' || count(*) FILTER (WHERE i.group_id_ = 'dinsos' AND t.tenant_id_ = '3273021006')
  FROM act_ru_task t JOIN act_ru_identitylink i ON i.task_id_ = t.id_ AND i.type_ = 'candidate'")"
fi

if part search; then
nik=$(psql -d "$db" -tAc "SELECT s.nik FROM referral r JOIN resident s ON s.id = r.resident_id
  WHERE r.tenant_id = '3273021006' ORDER BY r.received_at DESC LIMIT 1")
number=$(psql -d "$db" -tAc "SELECT referral_number FROM referral WHERE tenant_id = '3273021006' ORDER BY received_at LIMIT 1 OFFSET 100")
measure "search fo Lebak Siliwangi, a name (q=Suryana)" - fo GET "/api/referrals?q=Suryana"
measure "search fo Lebak Siliwangi, a NIK" - fo GET "/api/referrals?q=$nik"
measure "search fo Lebak Siliwangi, a case number" - fo GET "/api/referrals?q=$number"
measure "search fo Lebak Siliwangi, open cases (status=OPEN)" - fo GET "/api/referrals?status=OPEN"
measure "search dinsos, cases sent to it, one kelurahan" - dinsos GET "/api/referrals?puskesos=3273021006"
measure "search dinsos, cases sent to it, city-wide, a name" - dinsos GET "/api/referrals?q=Suryana"
fi


from=$(date -d '11 months ago' +%Y-%m); to=$(date +%Y-%m)
if part board; then
code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 600 -u slrt:demo "${nodes[0]}/api/board/city?from=$from&to=$to")
if [ "$code" = 404 ]; then
  echo "  city board /api/board/city: 404 (not built at this version), skipped"
else
  curl -s -o /dev/null --max-time 600 -u slrt:demo "${nodes[1]}/api/board/city?from=$from&to=$to"
  measure "city board /api/board/city, 12 months (slrt)" 300 slrt GET "/api/board/city?from=$from&to=$to"
fi
board_ok=1
for n in 0 1; do
  t=$(curl -s --max-time 600 -o "$work/board.json" -w '%{http_code} %{time_total}' -u manajer:demo "${nodes[$n]}/api/board?from=$from&to=$to")
  say "board $from..$to, first call on node $((n + 1)) (drawn): HTTP ${t% *}, $(python3 -c "print('%.1f' % ${t#* })") s"
  [ "${t% *}" = 200 ] || board_ok=0
done
if [ $board_ok = 1 ]; then
  measure "board /api/board, 12 months (manajer)" 300 manajer GET "/api/board?from=$from&to=$to"
else
  echo "  board /api/board: not drawn ($(grep -ho 'OutOfMemoryError[^,]*' "$out"/node-*.log | sort -u | head -1)); not measured"
  printf 'board /api/board, 12 months (manajer)\tfailed: not drawn\n' >> "$results"
fi
fi

say "done; figures in $results, node logs in $out"
grep -E 'ERROR|Exception' "$out/node-a.log" "$out/node-b.log" | grep -v 'DEBUG' | cut -c1-240 | sort | uniq -c | sort -rn | head -5 || true
