#!/usr/bin/env bash
# Benchmark of the manager's board on a year of history: fills a throw-away PostgreSQL database with N cases
# received over the last 12 months (default 20,000: a city's volume; a village sees far fewer) by Lebak Siliwangi's
# Puskesos (tenant 3273021006; the city-wide benchmark is city.sh), each with its
# complaint, stage entries, programs and handovers, then times GET /api/board for those 12 months and a Prometheus
# scrape against the packaged jar, and prints the figures.
#   ./mvnw -q package -DskipTests && src/test/bench/board.sh [cases] [calls]
# After the first five calls (printed one by one) it times [calls] more (default 20) and prints their p50 and p95
# (nearest rank) and the machine's load. KEEP=1 leaves the database (and stops the jar) for EXPLAIN ANALYZE.
set -euo pipefail
cd "$(dirname "$0")/../../.."
cases=${1:-20000}
calls=${2:-20}
db=rujukan_board_bench
port=18181
work=$(mktemp -d)
psql() { command psql -h 127.0.0.1 -U postgres -v ON_ERROR_STOP=1 -q "$@"; }
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  [ -n "${KEEP:-}" ] || psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

psql -c "DROP DATABASE IF EXISTS $db WITH (FORCE)" >/dev/null
psql -c "CREATE DATABASE $db"
java -Xmx512m -jar target/rujukan.jar --spring.profiles.active=postgres,demo --server.port=$port \
  --spring.datasource.url=jdbc:postgresql://127.0.0.1:5432/$db --spring.datasource.username=postgres \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 900); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done

start=$(date +%s.%N)
psql -d $db <<SQL
INSERT INTO resident (nik, kk_number, full_name, birth_date, sex, address, rt, rw, kelurahan, created_at, updated_at)
SELECT 'B' || lpad(g::text, 15, '0'), 'B' || lpad(g::text, 15, '0'), 'Warga Uji ' || g, DATE '1970-01-01' + (g % 15000),
       CASE WHEN g % 2 = 0 THEN 'F' ELSE 'M' END, 'Jl. Uji ' || g, '001', '002', 'Lebak Siliwangi', now(), now()
FROM generate_series(1, $cases) g;
INSERT INTO referral (referral_number, resident_id, channel, urgent, status, stage, received_at, received_by,
                      closed_at, outcome, tenant_id)
SELECT 'BEN-' || lpad(g::text, 12, '0'), r.id, 'WALK_IN', g % 10 = 0,
       CASE WHEN g % 20 = 0 THEN 'OPEN' ELSE 'CLOSED' END,
       CASE WHEN g % 20 = 0 THEN 'PARTNER_DECISION' ELSE 'CLOSED' END,
       now() - ((g % 365) || ' days')::interval - ((g % 24) || ' hours')::interval, 'bench',
       CASE WHEN g % 20 = 0 THEN NULL ELSE now() - ((g % 365) || ' days')::interval + interval '20 days' END,
       CASE WHEN g % 20 = 0 THEN NULL WHEN g % 3 = 0 THEN 'REJECTED' ELSE 'FACILITATED' END, '3273021006'
FROM generate_series(1, $cases) g JOIN resident r ON r.nik = 'B' || lpad(g::text, 15, '0');
INSERT INTO referral_event (referral_number, occurred_at, actor, event_type, detail)
SELECT r.referral_number, r.received_at + (s.n * interval '2 days'), 'bench',
       CASE WHEN s.n = 0 THEN 'INTAKE_RECEIVED' ELSE 'STAGE_ENTERED' END,
       CASE s.n WHEN 0 THEN 'Pengaduan diterima (Datang langsung): Pangan' WHEN 1 THEN 'Tahap: Verifikasi dan validasi'
                WHEN 2 THEN 'Tahap: Asesmen kebutuhan' WHEN 3 THEN 'Tahap: Penentuan rujukan'
                WHEN 4 THEN 'Tahap: Keputusan mitra' ELSE 'Tahap: Tindak lanjut dan evaluasi' END
FROM referral r CROSS JOIN generate_series(0, 5) s(n) WHERE r.received_by = 'bench';
INSERT INTO program_referral (referral_number, program_code, partner_code, status, referred_at, referred_by)
SELECT referral_number, p.code, p.partner, CASE WHEN outcome = 'FACILITATED' THEN 'DISTRIBUTED' ELSE 'REJECTED' END,
       received_at + interval '6 days', 'bench'
FROM referral CROSS JOIN (VALUES ('BPNT', 'DINSOS'), ('SALMAN_SEMBAKO', 'SALMAN')) p(code, partner)
WHERE received_by = 'bench';
INSERT INTO program_distribution (referral_number, program_code, distributed_on, amount, place, handed_over_by,
                                  proof_reference, receipt_confirmed, final_handover, recorded_at, recorded_by)
SELECT referral_number, program_code, (referred_at + interval '9 days')::date, 200000, 'Puskesos', 'Petugas', 'BA',
       TRUE, TRUE, referred_at + interval '9 days', 'bench'
FROM program_referral WHERE status = 'DISTRIBUTED' AND referred_by = 'bench';
ANALYZE;
SQL
end=$(date +%s.%N)
printf 'filled %s cases in %.1f s: %s\n' "$cases" "$(echo "$end - $start" | bc)" \
  "$(psql -d $db -tAc "SELECT (SELECT COUNT(*) FROM referral) || ' referrals, ' || (SELECT COUNT(*) FROM referral_event)
     || ' timeline events, ' || (SELECT COUNT(*) FROM program_distribution) || ' handovers'")"

from=$(date -d '11 months ago' +%Y-%m)
to=$(date +%Y-%m)
for i in 1 2 3 4 5; do
  t=$(curl -s -o "$work/board.json" -w '%{time_total}' -u manajer:demo "localhost:$port/api/board?from=$from&to=$to")
  printf 'GET /api/board %s..%s, run %d: %4.0f ms\n' "$from" "$to" "$i" "$(echo "$t * 1000" | bc)"
done
for i in $(seq 1 "$calls"); do
  curl -s -o /dev/null -w '%{time_total}\n' -u manajer:demo "localhost:$port/api/board?from=$from&to=$to"
done > "$work/times"
python3 - "$work/times" "$calls" "$(uptime | sed 's/.*load average: //')" <<'PY'
import math, sys
ms = sorted(float(t) * 1000 for t in open(sys.argv[1]))
rank = lambda p: ms[max(0, math.ceil(p * len(ms)) - 1)]
print(f'GET /api/board over {sys.argv[2]} more calls: p50 {rank(0.5):.0f} ms, p95 {rank(0.95):.0f} ms, '
      f'max {ms[-1]:.0f} ms (load average {sys.argv[3]})')
PY
python3 - "$work/board.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
print('  open cases per stage:', {c['key']: c['count'] for c in b['openCasesByStage'] if c['count']})
print('  stage times (cases, median h, p90 h):', [(f['stage'], f['cases'], f['medianHours'], f['p90Hours']) for f in b['timePerStage']])
print('  facilitation (received, referred, facilitated):', b['facilitation']['overall']['received'], b['facilitation']['overall']['referred'], b['facilitation']['overall']['facilitated'])
PY
[ -z "${SAVE:-}" ] || cp "$work/board.json" "$SAVE"
t=$(curl -s -u manajer:demo -o /dev/null -w '%{time_total}' "localhost:$port/actuator/prometheus")
printf 'GET /actuator/prometheus: %4.0f ms\n' "$(echo "$t * 1000" | bc)"
