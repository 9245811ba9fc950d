#!/usr/bin/env bash
# Benchmark of escalation lateness: how long after its due time a late task is escalated. The packaged jar
# (postgres,demo) on a throw-away PostgreSQL database; N cases opened through the intake API; their field-verification
# tasks made due one after another over the next few minutes (written straight into ACT_RU_TASK, as a due date
# reached); then, for each, the time from its due date to the escalation the service-level watch recorded
# (sla_notice). Prints the lateness per task's order and p50/p95/max.
#   ./mvnw -q package -DskipTests && src/test/bench/escalation.sh [cases=30] [spread seconds=150]
set -euo pipefail
cd "$(dirname "$0")/../../.."
cases=${1:-30}
spread=${2:-150}
db=rujukan_bench_escalation
port=18192
work=$(mktemp -d)
. src/test/bench/lib.sh
trap bench_cleanup EXIT

fresh_database
start_jar
wait_serving

for i in $(seq 1 "$cases"); do
  nik=$(printf '3273014507%02d%04d' $(( 50 + i % 40 )) "$i")
  curl -sf -o /dev/null -u fo:demo -H 'Content-Type: application/json' "localhost:$port/api/referrals" -d "{
    \"nik\": \"$nik\", \"kkNumber\": \"32730101010800$(printf %02d $(( i % 100 )))\", \"fullName\": \"Warga Uji\",
    \"birthDate\": \"19$(( 50 + i % 40 ))-07-05\", \"sex\": \"F\", \"address\": \"Jl. Tamansari $i\", \"rt\": \"3\",
    \"rw\": \"7\", \"kelurahan\": \"Lebak Siliwangi\", \"channel\": \"WALK_IN\", \"needs\": [\"FOOD\"],
    \"description\": \"Tidak ada penghasilan\", \"urgent\": false}"
done
for _ in $(seq 1 120); do
  [ "$(psql -d $db -tAc "SELECT COUNT(*) FROM act_ru_task WHERE task_def_key_ = 'task_homeVisit'")" -ge "$cases" ] \
    && break
  sleep 1
done
# the i-th task falls due i * spread / cases seconds from now
psql -d $db -c "UPDATE act_ru_task t SET due_date_ = now() + (o.n * $spread.0 / $cases) * interval '1 second'
  FROM (SELECT id_, row_number() OVER (ORDER BY create_time_, id_) AS n FROM act_ru_task
        WHERE task_def_key_ = 'task_homeVisit') o WHERE t.id_ = o.id_"
echo "$cases tasks fall due over the next $spread s; waiting for their escalations"
for _ in $(seq 1 $(( spread + 180 ))); do
  [ "$(psql -d $db -tAc "SELECT COUNT(*) FROM sla_notice WHERE kind = 'ESCALATED'")" -ge "$cases" ] && break
  sleep 1
done
psql -d $db -tA -F ' ' -c "SELECT EXTRACT(EPOCH FROM noticed_at - due_at) FROM sla_notice WHERE kind = 'ESCALATED'
  ORDER BY due_at" > "$work/late.txt"
python3 - "$work/late.txt" "$cases" <<'PY'
import math, sys
late = sorted(float(line) for line in open(sys.argv[1]) if line.strip())
def p(q): return late[max(0, math.ceil(q / 100 * len(late)) - 1)]
print(f"escalated {len(late)} of {sys.argv[2]} late tasks; seconds after due: p50 {p(50):.1f}, p95 {p(95):.1f}, "
      f"max {late[-1]:.1f}, min {late[0]:.1f}")
PY
