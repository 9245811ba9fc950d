#!/usr/bin/env bash
# Benchmark of the worklist as Tasklist loads it: the fasilitator's filter "Tugas kelompok saya" (their group's tasks,
# urgent first; every task in the fasilitator's Puskesos, Lebak Siliwangi, tenant 3273021006; the city's 151 Puskesos
# are city.sh's), at 10,000 and then 100,000 open tasks over a large history, on a throw-away PostgreSQL database and
# the packaged jar (profiles postgres,demo).
#
# The data is written in SQL (generate_series), as the engine writes it for a real case (checked against cases taken
# in through the API): per open task its process instance (ACT_RU_EXECUTION), the task, its candidate-group identity
# link, the grants the engine gives the candidate group (TASK read/update, or update only where the application
# leaves READ to the group's grant on the definition: found out from a real case taken in through the API at start,
# security.WorklistAuthorizations; HISTORIC_TASK read), on partner referrals
# the partner's grants on the instance (security.CaseAccess), and the process variables the forms and the filter's
# columns read. Tasks are spread over the models' user tasks and groups: half the fasilitator's (home visit,
# assessment, follow-up, re-verification), the rest back office, koordinator, front office, the partners, nakes and
# babinsa, SLRT; one in ten urgent (priority 80). The history: closed cases in ACT_HI_PROCINST with two tasks each in
# ACT_HI_TASKINST, and the partner's HISTORIC_PROCESS_INSTANCE grant on each closed partner referral (the grant that
# stays with the history and so grows ACT_RU_AUTHORIZATION with it; ACT_HI_ACTINST and ACT_HI_VARINST are left empty:
# no worklist query reads them). Due dates lie in the future, so the SLA watch
# has nothing to do while the figures are taken.
#
# Then, as user fasilitator, per size: WORKLIST_CALLS (30) times the call Tasklist makes to list the first page
# (POST /engine-rest/filter/{id}/list?firstResult=0&maxResults=15, Accept: application/hal+json, Tasklist's body:
# its default sorting "created desc" on top of the filter's own, empty searches; the engine adds the filter's three
# variable columns), and as often GET /engine-rest/filter/{id}/count; prints p50/p95/max and the load average.
#
#   ./mvnw -o -B -DskipTests package && src/test/bench/worklist.sh
#   WORKLIST_SIZES="10000 100000" WORKLIST_HISTORY=1000000 WORKLIST_CALLS=30 WORKLIST_KEEP_DB=1 src/test/bench/worklist.sh
# WORKLIST_JAR names another jar (the one before a change); WORKLIST_CALL_TIMEOUT (600 s) gives up on a call.
# WORKLIST_KEEP_DB=1 leaves the database for EXPLAIN ANALYZE (drop it by hand); WORKLIST_REUSE=1 starts on such a kept
# database (the jar's new migrations run at start, the data already written is kept and only topped up), so a change
# is measured before and after on the same data; WORKLIST_MAX_SECONDS (300) ends a series of calls early when it takes
# longer (the figures say how many calls were made); WORKLIST_SQL_LOG=1 writes the engine's SQL (MyBatis DEBUG) to
# worklist-sql.log in the working directory.
set -euo pipefail
cd "$(dirname "$0")/../../.."
sizes=${WORKLIST_SIZES:-"10000 100000"}
history=${WORKLIST_HISTORY:-1000000}
calls=${WORKLIST_CALLS:-30}
db=${WORKLIST_DB:-rujukan_bench_worklist}
port=${WORKLIST_PORT:-18282}
work=$(mktemp -d)
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  [ "${WORKLIST_KEEP_DB:-0}" = 1 ] || psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT
trap 'exit 1' INT TERM
load() { cut -d' ' -f1-3 /proc/loadavg; }

reuse=0
if [ "${WORKLIST_REUSE:-0}" = 1 ] && [ "$(psql -d $db -tAc "SELECT to_regclass('bench_state') IS NOT NULL" 2>/dev/null)" = t ]; then
  reuse=1
else
  psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
  psql -c "CREATE DATABASE $db"
fi
sql_log=()
[ "${WORKLIST_SQL_LOG:-0}" = 1 ] && sql_log=(--logging.level.org.camunda.bpm.engine.impl.persistence.entity=DEBUG
  --logging.file.name=worklist-sql.log)
java -Xmx512m -jar "${WORKLIST_JAR:-target/rujukan.jar}" --spring.profiles.active=postgres,demo --server.port=$port \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres \
  "${sql_log[@]}" > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 240); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$port/actuator/health" >/dev/null || { tail -50 "$work/app.log"; exit 1; }
filter=$(curl -sf -u fasilitator:demo "localhost:$port/engine-rest/filter?resourceType=Task" | python3 -c '
import json, sys
print([f["id"] for f in json.load(sys.stdin) if f["name"] == "Tugas kelompok saya"][0])')

# What the application writes as the candidate group's grant on a new task: one real case taken in through the API,
# its home visit's grant for the fasilitator group (READ + UPDATE = 6, or UPDATE = 4 where READ comes from the group's
# READ_TASK grant on the definition).
serial=$(( $(date +%s) % 9000 + 1000 ))
probe=$(curl -sf -u fo:demo -H 'Content-Type: application/json' "localhost:$port/api/referrals" -d '{"nik":"327301410150'$serial'",
  "kkNumber":"327301000000'$serial'","fullName":"Siti Aminah","birthDate":"1950-01-01","sex":"F","address":"Jl. Tamansari 12",
  "rt":"3","rw":"7","kelurahan":"Lebak Siliwangi","phone":"+6281234567890","channel":"WALK_IN","needs":["FOOD"],
  "description":"Suami sakit","urgent":false}' | python3 -c 'import json, sys; print(json.load(sys.stdin)["processInstanceId"])')
for _ in $(seq 1 60); do
  task_perms=$(psql -d $db -tAc "SELECT a.perms_ FROM act_ru_authorization a JOIN act_ru_task t ON t.id_ = a.resource_id_
    WHERE a.resource_type_ = 7 AND a.group_id_ = 'fasilitator' AND t.proc_inst_id_ = '$probe'")
  [ -n "$task_perms" ] && break; sleep 1
done
[ -n "$task_perms" ] || { echo "no task grant found for the probe case"; tail -50 "$work/app.log"; exit 1; }
echo "the application's grant for a candidate group on a task it reads through its definition: perms $task_perms"

# The models' user tasks: (share in %, process, task, name, candidate group), partner tasks for the six partners.
[ $reuse = 1 ] || psql -d $db <<'SQL'
CREATE TABLE bench_state (open_tasks int);
INSERT INTO bench_state VALUES (0);
CREATE TABLE bench_task_kind (lo int, hi int, proc_key text, task_key text, task_name text, grp text);
INSERT INTO bench_task_kind VALUES
  (0, 15, 'referral', 'task_homeVisit', 'Verifikasi lapangan (kunjungan rumah)', 'fasilitator'),
  (15, 27, 'referral', 'task_assessNeeds', 'Asesmen kebutuhan', 'fasilitator'),
  (27, 38, 'referral', 'task_followUp', 'Tindak lanjut (kunjungan pasca penyaluran)', 'fasilitator'),
  (38, 50, 'resident-reverification', 'task_reverifyResident', 'Verifikasi ulang data warga', 'fasilitator'),
  (50, 56, 'referral', 'task_prepareRecommendation', 'Siapkan rekomendasi', 'bo'),
  (56, 59, 'partner-referral', 'task_provideInformation', 'Berikan informasi kepada mitra', 'bo'),
  (59, 62, 'partner-referral', 'task_reviewWaiting', 'Tinjau rujukan yang menunggu', 'bo'),
  (62, 68, 'referral', 'task_decideService', 'Penetapan layanan', 'koordinator'),
  (68, 70, 'referral', 'task_checkDiscrepancy', 'Periksa bantuan yang tidak diterima', 'koordinator'),
  (70, 75, 'duplicate-review', 'task_reviewDuplicate', 'Tinjau kemungkinan data ganda', 'fo'),
  (75, 80, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'dinsos'),
  (80, 84, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'baznas'),
  (84, 87, 'partner-referral', 'task_distributeAid', 'Penyaluran bantuan', 'salman'),
  (87, 90, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'puskesmas'),
  (90, 92, 'partner-referral', 'task_decideReferral', 'Keputusan rujukan', 'disdukcapil'),
  (92, 94, 'partner-referral', 'task_distributeAid', 'Penyaluran bantuan', 'dpkp'),
  (94, 96, 'professional-opinion', 'task_giveOpinion', 'Berikan pendapat profesional', 'nakes'),
  (96, 98, 'professional-opinion', 'task_giveOpinion', 'Berikan pendapat profesional', 'babinsa'),
  (98, 100, 'referral', 'task_answerEscalation', 'Jawab eskalasi', 'slrt');

SQL
psql -d $db <<'SQL'
-- open tasks g in (from, to]: one process instance each, with its task, identity link, grants and variables
CREATE OR REPLACE FUNCTION bench_open_tasks(from_g int, to_g int, read_via_definition_perms int) RETURNS void LANGUAGE plpgsql
AS $$ BEGIN
  CREATE TEMP TABLE t ON COMMIT DROP AS
  SELECT g, md5('exe' || g)::uuid::text AS pi, md5('task' || g)::uuid::text AS task, k.*, d.id_ AS proc_def_id,
         'RJK-3273021006-2026-' || lpad(g::text, 6, '0') AS referral_number, '3273021006' AS tenant, g % 10 = 0 AS urgent,
         now() - (g % 86400) * interval '1 minute' AS created
  FROM generate_series(from_g + 1, to_g) g
  JOIN bench_task_kind k ON g % 100 >= k.lo AND g % 100 < k.hi
  JOIN act_re_procdef d ON d.key_ = k.proc_key AND d.version_ = 1;
  INSERT INTO act_ru_execution (id_, rev_, root_proc_inst_id_, proc_inst_id_, business_key_, proc_def_id_, act_id_,
      act_inst_id_, is_active_, is_concurrent_, is_scope_, is_event_scope_, suspension_state_, cached_ent_state_,
      sequence_counter_, proc_def_key_, tenant_id_)
    SELECT pi, 2, pi, pi, referral_number, proc_def_id, task_key, task_key || ':' || md5('ai' || g)::uuid, true, false,
           true, false, 1, 19, 9, proc_key, tenant FROM t;
  INSERT INTO act_ru_task (id_, rev_, execution_id_, proc_inst_id_, proc_def_id_, name_, task_def_key_, priority_,
      create_time_, due_date_, suspension_state_, task_state_, tenant_id_)
    SELECT task, 1, pi, pi, proc_def_id, task_name, task_key, CASE WHEN urgent THEN 80 ELSE 50 END, created,
           now() + interval '60 days', 1, 'Created', tenant FROM t;
  INSERT INTO act_ru_identitylink (id_, rev_, group_id_, type_, task_id_, tenant_id_)
    SELECT md5('link' || g)::uuid::text, 1, grp, 'candidate', task, tenant FROM t;
  INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
    SELECT md5('tauth' || g)::uuid::text, 1, 1, grp, 7, task,
           CASE WHEN EXISTS (SELECT 1 FROM act_ru_authorization d WHERE d.type_ = 1 AND d.group_id_ = grp
                             AND d.resource_type_ = 6 AND d.resource_id_ IN (proc_key, '*') AND d.perms_ & 64 = 64)
                THEN read_via_definition_perms ELSE 6 END FROM t;
  INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_,
      root_proc_inst_id_)
    SELECT md5('htauth' || g)::uuid::text, 1, 1, grp, 19, task, 2, pi FROM t;
  INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_)
    SELECT md5('piauth' || g || r)::uuid::text, 1, 1, grp, r, pi, 2 FROM t, (VALUES (8), (20)) rt(r)
    WHERE proc_key = 'partner-referral' AND grp NOT IN ('bo');
  INSERT INTO act_ru_variable (id_, rev_, type_, name_, execution_id_, proc_inst_id_, proc_def_id_, long_, text_,
      var_scope_, sequence_counter_, is_concurrent_local_, tenant_id_)
    SELECT md5('var' || g || v.name)::uuid::text, 1, v.type, v.name, pi, pi, proc_def_id, v.long, v.text, pi, 1, false,
           tenant
    FROM t, LATERAL (VALUES
      ('string', 'referralNumber', NULL::bigint, referral_number),
      ('string', 'residentName', NULL, 'Warga Uji ' || g),
      ('string', 'nikMasked', NULL, '3273************'),
      ('string', 'address', NULL, 'Jl. Tamansari Gg. ' || (g % 97) || ' No. ' || (g % 31)),
      ('string', 'channel', NULL, 'WALK_IN'),
      ('string', 'description', NULL, 'Suami sakit, tidak ada penghasilan bulan ini'),
      ('string', 'needsSummary', NULL, 'Pangan, Kesehatan'),
      ('boolean', 'urgent', CASE WHEN urgent THEN 1 ELSE 0 END, NULL),
      ('boolean', 'dtksListed', g % 2, NULL),
      ('long', 'residentId', g, NULL),
      ('string', 'programName', NULL, CASE WHEN proc_key = 'partner-referral' THEN 'Paket sembako' END),
      ('string', 'programCode', NULL, CASE WHEN proc_key = 'partner-referral' THEN 'SALMAN_SEMBAKO' END)) v(type, name, long, text)
    WHERE v.text IS NOT NULL OR v.long IS NOT NULL;
END $$;

-- closed cases: 60% referrals, 40% partner referrals (these keep the partner's grant on their history)
CREATE OR REPLACE FUNCTION bench_history(n int) RETURNS void LANGUAGE plpgsql AS $$ BEGIN
  INSERT INTO act_hi_procinst (id_, proc_inst_id_, business_key_, proc_def_key_, proc_def_id_, start_time_, end_time_,
      removal_time_, duration_, start_user_id_, start_act_id_, end_act_id_, root_proc_inst_id_, state_, tenant_id_)
    SELECT md5('hpi' || g)::uuid::text, md5('hpi' || g)::uuid::text, 'RJK-2025-' || lpad(g::text, 7, '0'), d.key_,
           d.id_, now() - interval '400 days' + (g % 360) * interval '1 day', now() - interval '380 days' + (g % 360)
           * interval '1 day', now() + interval '4 years', 1728000000, 'fo', 'start', 'end',
           md5('hpi' || g)::uuid::text, 'COMPLETED', '3273021006'
    FROM generate_series(1, n) g
    JOIN act_re_procdef d ON d.version_ = 1 AND d.key_ = CASE WHEN g % 5 < 3 THEN 'referral' ELSE 'partner-referral' END;
  INSERT INTO act_hi_taskinst (id_, task_def_key_, proc_def_key_, proc_def_id_, root_proc_inst_id_, proc_inst_id_,
      execution_id_, act_inst_id_, name_, assignee_, start_time_, end_time_, duration_, delete_reason_, priority_,
      due_date_, removal_time_, task_state_, tenant_id_)
    SELECT md5('hti' || h.id_ || s)::uuid::text, CASE WHEN s = 0 THEN 'task_homeVisit' ELSE 'task_assessNeeds' END,
           h.proc_def_key_, h.proc_def_id_, h.id_, h.id_, h.id_, 'task:' || s, 'Tugas', 'fasilitator',
           h.start_time_ + s * interval '2 days', h.start_time_ + (s + 1) * interval '2 days', 172800000, 'completed',
           50, h.start_time_ + interval '5 days', h.removal_time_, 'Completed', h.tenant_id_
    FROM act_hi_procinst h CROSS JOIN generate_series(0, 1) s WHERE h.business_key_ LIKE 'RJK-2025-%';
  INSERT INTO act_ru_authorization (id_, rev_, type_, group_id_, resource_type_, resource_id_, perms_, removal_time_,
      root_proc_inst_id_)
    SELECT md5('hpa' || h.id_)::uuid::text, 1, 1, (ARRAY['dinsos', 'baznas', 'salman', 'puskesmas', 'disdukcapil',
           'dpkp'])[1 + abs(hashtext(h.id_)) % 6], 20, h.id_, 2, h.removal_time_, h.id_
    FROM act_hi_procinst h WHERE h.proc_def_key_ = 'partner-referral' AND h.business_key_ LIKE 'RJK-2025-%';
END $$;
SQL

timed() { local s e; s=$(date +%s.%N); "$@" >/dev/null; e=$(date +%s.%N); echo "$e - $s" | bc; }
# The history tables are unlogged in this throw-away database (no WAL: a million cases are written in minutes, not a
# quarter of an hour on a busy machine); the worklist never reads them, ACT_RU_AUTHORIZATION stays as it is.
if [ $reuse = 0 ]; then
  psql -d $db -c "ALTER TABLE act_hi_procinst SET UNLOGGED; ALTER TABLE act_hi_taskinst SET UNLOGGED;"
  t=$(timed psql -d $db -c "SELECT bench_history($history); ANALYZE;")
  printf 'history: %s closed cases written in %.0f s\n' "$history" "$t"
fi
printf 'history: %s\n' "$(psql -d $db -tAc "SELECT
  (SELECT COUNT(*) FROM act_hi_procinst) || ' ACT_HI_PROCINST, ' || (SELECT COUNT(*) FROM act_hi_taskinst)
  || ' ACT_HI_TASKINST, ' || (SELECT COUNT(*) FROM act_ru_authorization) || ' ACT_RU_AUTHORIZATION'")"

body='{"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],"sorting":[{"sortBy":"created","sortOrder":"desc"}],"active":true}'
list() {
  curl -s --max-time "${WORKLIST_CALL_TIMEOUT:-600}" -o "$work/list.json" -w '%{http_code} %{time_total}\n' -u fasilitator:demo -H 'Accept: application/hal+json' \
    -H 'Content-Type: application/json' -d "$body" "localhost:$port/engine-rest/filter/$filter/list?firstResult=0&maxResults=15"
}
count() {
  curl -s --max-time "${WORKLIST_CALL_TIMEOUT:-600}" -o "$work/count.json" -w '%{http_code} %{time_total}\n' -u fasilitator:demo -H 'Accept: application/json' \
    "localhost:$port/engine-rest/filter/$filter/count"
}
series() { # calls "$1" $2 (WORKLIST_CALLS) times, or fewer when WORKLIST_MAX_SECONDS have passed
  local end=$(( $(date +%s) + ${WORKLIST_MAX_SECONDS:-300} ))
  for _ in $(seq 1 "${2:-$calls}"); do "$1"; [ "$(date +%s)" -lt $end ] || break; done
}
stats() { # reads "code seconds" lines: fails on a non-200, prints p50/p95/max in ms
  python3 -c '
import sys
rows = [l.split() for l in sys.stdin if l.strip()]
if rows and all(r[0] == "000" for r in rows):
    print("no answer within %s s (%d calls)" % (sys.argv[1], len(rows))); sys.exit()
bad = [r[0] for r in rows if r[0] != "200"]
if bad: sys.exit("HTTP " + ",".join(sorted(set(bad))))
ms = sorted(float(r[1]) * 1000 for r in rows)
pick = lambda q: ms[min(len(ms) - 1, int(round(q * (len(ms) - 1))))]
print("p50 %4.0f ms  p95 %4.0f ms  max %4.0f ms  (%d calls)" % (pick(0.5), pick(0.95), ms[-1], len(ms)))' \
    "${WORKLIST_CALL_TIMEOUT:-600}"
}

for size in $sizes; do
  done_tasks=$(psql -d $db -tAc "SELECT open_tasks FROM bench_state")
  t=0
  if [ "$done_tasks" -lt "$size" ]; then
    t=$(timed psql -d $db -c "SELECT bench_open_tasks($done_tasks, $size, $task_perms); UPDATE bench_state SET open_tasks = $size;
      ANALYZE;")
  fi
  printf '\n%s open tasks (written in %.0f s): %s\n' "$size" "$t" "$(psql -d $db -tAc "SELECT
    (SELECT COUNT(*) FROM act_ru_task) || ' tasks, ' || (SELECT COUNT(*) FROM act_ru_identitylink i JOIN act_ru_task t
    ON t.id_ = i.task_id_ WHERE i.group_id_ = 'fasilitator') || ' of them the fasilitator group''s, '
    || (SELECT COUNT(*) FROM act_ru_variable) || ' variables, ' || (SELECT COUNT(*) FROM act_ru_authorization)
    || ' authorizations'")"
  series list 1 >/dev/null; series count 3 >/dev/null # warm-up (JIT, caches)
  l=$(series list | stats)
  c=$(series count | stats)
  printf '  list  (filter/{id}/list, 15, hal+json): %s  load %s\n' "$l" "$(load)"
  printf '  count (filter/{id}/count):              %s  load %s\n' "$c" "$(load)"
  if python3 - "$work/list.json" "$work/count.json" 2>/dev/null <<'PY'
import json, sys
page = json.load(open(sys.argv[1])); total = json.load(open(sys.argv[2]))["count"]
tasks = page["_embedded"]["task"]
def var(t, n):
    return next((v["value"] for v in t["_embedded"]["variable"] if v["name"] == n), None)
print("  page: %d tasks of %d, first: %s %s (priority %s, %s)" % (len(tasks), total, tasks[0]["name"],
      var(tasks[0], "referralNumber"), tasks[0]["priority"], tasks[0]["created"]) if tasks else "  page: empty")
PY
  then :; else echo "  page: no complete answer"; fi
done
