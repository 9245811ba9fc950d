#!/usr/bin/env bash
# Benchmark of the bulk path: a period's decision list for the national proposals (POST /api/proposals/decisions),
# against the packaged jar on a throw-away PostgreSQL database.
# Prepares N cases (default 1,000) the way staff make them, through the application's own API and Tasklist's REST
# calls (intake with a FOOD need, field verification listing the household in DTKS desil 2, assessment, the back
# office's recommendation, the koordinator's approval): each waits at receive_proposalDecided in its partner-referral
# with its BPNT proposal PROPOSED, exactly where a real one waits. Then imports one decision list (every household
# DITETAPKAN) and times until every case has moved: no proposal PROPOSED, no job left, no incident. Prints the
# preparation rate, the import's answer time, the time to move everything, cases per second, and the machine's load.
#   ./mvnw -q package -DskipTests && src/test/bench/decisions.sh [cases] [clients]
# PAD=n adds n rows of households with nothing waiting (a city's list names many), to time the import's matching.
# JAR=path runs another build, DB and PORT another database (rujukan_bench_bulk*) and port. Extra arguments after the first two go to the jar (e.g. --camunda.bpm.job-execution.max-pool-size=4).
set -euo pipefail
cd "$(dirname "$0")/../../.."
cases=${1:-1000}
clients=${2:-4}
shift $(( $# < 2 ? $# : 2 ))
db=${DB:-rujukan_bench_bulk}
port=${PORT:-18183}
work=$(mktemp -d)
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
psql -c "CREATE DATABASE $db"
java -Xmx512m -jar "${JAR:-target/rujukan.jar}" --spring.profiles.active=postgres,demo --server.port=$port \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres "$@" \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 900); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

python3 - "$port" "$cases" "$clients" "$work" <<'PY'
import base64, concurrent.futures as cf, json, sys, time, urllib.error, urllib.request, datetime
port, cases, clients, work = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
base = f'http://localhost:{port}'

def call(user, method, path, body=None, ctype='application/json'):
    data = None if body is None else (body if isinstance(body, bytes) else json.dumps(body).encode())
    req = urllib.request.Request(base + path, data=data, method=method)
    req.add_header('Authorization', 'Basic ' + base64.b64encode(f'{user}:demo'.encode()).decode())
    if data is not None:
        req.add_header('Content-Type', ctype)
    try:
        with urllib.request.urlopen(req, timeout=600) as r:
            text = r.read()
            return json.loads(text) if text else None
    except urllib.error.HTTPError as e:
        raise RuntimeError(f'{method} {path}: HTTP {e.code} {e.read()[:300]!r}') from None

def rest_vars(**v):
    out = {}
    for k, x in v.items():
        if isinstance(x, list):
            out[k] = {'value': json.dumps(x), 'type': 'Json'}
        else:
            out[k] = {'value': x}
    return out

def task(user, number, key):
    for _ in range(600):
        found = call(user, 'GET', f'/engine-rest/task?processInstanceBusinessKey={number}&taskDefinitionKey={key}')
        if found:
            return found[0]['id']
        time.sleep(0.1)
    raise RuntimeError(f'{number}: no {key}')

def complete(user, number, key, **v):
    call(user, 'POST', f'/engine-rest/task/{task(user, number, key)}/submit-form', {'variables': rest_vars(**v)})

# the server judges dates in Bandung (UTC+7)
today = datetime.datetime.now(datetime.timezone(datetime.timedelta(hours=7))).date().isoformat()
def prepare(i):
    serial = 500000 + i
    bd = datetime.date(1950 + serial % 50, 1 + serial // 50 % 12, 1 + serial // 600 % 28)
    nik = '327301%02d%02d%02d%04d' % (bd.day + 40, bd.month, bd.year % 100, 1 + serial // 16800 % 999)
    kk = '327301%010d' % serial
    intake = {'nik': nik, 'kkNumber': kk, 'fullName': 'Siti Aminah', 'birthDate': bd.isoformat(), 'sex': 'F',
              'address': 'Jl. Tamansari Gg. Sukaasih No. 12', 'rt': '3', 'rw': '7', 'kelurahan': 'Lebak Siliwangi',
              'phone': '+6281234567890', 'channel': 'WALK_IN', 'needs': ['FOOD'],
              'description': 'Suami sakit, tidak ada penghasilan bulan ini', 'urgent': False}
    number = call('fo', 'POST', '/api/referrals', intake)['referralNumber']
    complete('fasilitator', number, 'task_homeVisit', visitDate=today,
             visitFindings='Rumah semi permanen, empat anggota keluarga',
             correctedAddress='Jl. Tamansari Gg. Sukaasih No. 12', correctedRt='3', correctedRw='7',
             dtksStatus='LISTED', desil=2, deceased=False, movedAway=False, opinionsRequested=[],
             verificationResult='VALID')
    complete('fasilitator', number, 'task_assessNeeds', householdSize=2, monthlyIncome=900000, needs=['FOOD'],
             religion='ISLAM', consentPartners=[], assessmentResult='ELIGIBLE')
    complete('bo', number, 'task_prepareRecommendation', recommendation='REFER')
    complete('koordinator', number, 'task_decideService', caseDecision='APPROVE')
    return kk

start = time.time()
with cf.ThreadPoolExecutor(clients) as pool:
    households = list(pool.map(prepare, range(cases)))
json.dump(households, open(f'{work}/households.json', 'w'))
print(f'prepared {cases} cases through the API in {time.time() - start:.0f} s ({cases / (time.time() - start):.1f}/s, '
      f'{clients} clients)')
PY

waiting() { psql -d $db -tAc "SELECT COUNT(*) FROM proposal WHERE status = 'PROPOSED'"; }
for _ in $(seq 1 600); do  # the proposals go out asynchronously (task_sendReferral): wait for all of them
  [ "$(waiting)" = "$cases" ] && [ "$(psql -d $db -tAc 'SELECT COUNT(*) FROM act_ru_job WHERE duedate_ IS NULL OR duedate_ <= now()')" = 0 ] && break
  sleep 1
done
printf 'waiting for the decision: %s proposals PROPOSED, %s executions at receive_proposalDecided, load %s\n' \
  "$(waiting)" "$(psql -d $db -tAc "SELECT COUNT(*) FROM act_ru_execution WHERE act_id_ = 'receive_proposalDecided'")" \
  "$(uptime | sed 's/.*load average: //')"

python3 - "$work" "${PAD:-0}" <<'PY'
import json, sys
households = json.load(open(sys.argv[1] + '/households.json'))
with open(sys.argv[1] + '/decisions.csv', 'w') as f:
    f.write('NO_KK,PROGRAM,PERIODE,STATUS,ALASAN\n')
    for kk in households:
        f.write(f'{kk},BPNT,,DITETAPKAN,\n')
    # a city's list names many households with nothing waiting here
    for i in range(int(sys.argv[2])):
        f.write(f'3273990{i:09d},BPNT,,DITETAPKAN,\n')
PY
start=$(date +%s.%N)
curl -s -o "$work/imported.json" -w '%{http_code}' -u dinsos:demo -H 'Content-Type: text/csv' \
  --data-binary @"$work/decisions.csv" "localhost:$port/api/proposals/decisions" > "$work/status"
answered=$(date +%s.%N)
printf 'POST /api/proposals/decisions (%s rows): HTTP %s in %.1f s: %s\n' "$((cases + ${PAD:-0}))" "$(cat "$work/status")" \
  "$(echo "$answered - $start" | bc)" "$(head -c 300 "$work/imported.json")"
for _ in $(seq 1 3600); do
  left=$(psql -d $db -tAc "SELECT (SELECT COUNT(*) FROM proposal WHERE status = 'PROPOSED')
    + (SELECT COUNT(*) FROM act_ru_job WHERE (duedate_ IS NULL OR duedate_ <= now()) AND retries_ > 0)")
  [ "$left" = 0 ] && break
  sleep 0.5
done
done_at=$(date +%s.%N)
seconds=$(echo "$done_at - $start" | bc)
printf 'every case moved in %.1f s: %.1f cases/s; incidents %s, failed jobs %s; load %s\n' "$seconds" \
  "$(echo "$cases / $seconds" | bc -l)" "$(psql -d $db -tAc 'SELECT COUNT(*) FROM act_ru_incident')" \
  "$(psql -d $db -tAc 'SELECT COUNT(*) FROM act_ru_job WHERE retries_ = 0')" "$(uptime | sed 's/.*load average: //')"
printf '  proposals by status: %s; program_referral by status: %s\n' \
  "$(psql -d $db -tAc "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) n FROM proposal GROUP BY status) s")" \
  "$(psql -d $db -tAc "SELECT string_agg(status || ' ' || n, ', ') FROM (SELECT status, COUNT(*) n FROM program_referral GROUP BY status) s")"
