#!/usr/bin/env bash
# Benchmark of the embedded H2 file (the README's default database) under intake load: starts the packaged jar
# (profile demo) on a fresh H2 file in a temp dir, with the datasource URL of application.yaml, and posts intakes
# (POST /api/referrals as fo:demo, each a new resident with a unique valid NIK and KK) at a fixed rate. Every minute
# it prints the file's size and its live data (a copy of the file compacted with SHUTDOWN COMPACT), and at the end
# the largest ratio of the two. The aim (issue 18): the file stays <= 3x its live data at every sample.
#   ./mvnw -q package -DskipTests && src/test/bench/h2-file.sh [minutes, default 10] [intakes per s, default 10]
# JAR=... runs another build of the jar (e.g. an older one, for a before/after comparison).
set -euo pipefail
cd "$(dirname "$0")/../../.."
minutes=${1:-10}
rate=${2:-10}
jar=${JAR:-target/rujukan.jar}
port=${PORT:-18381}
work=$(mktemp -d)
h2=$(ls ~/.m2/repository/com/h2database/h2/*/h2-*.jar | grep -v sources | sort -V | tail -1)
# the options of the default URL in application.yaml (H2_OPTIONS=... tries others)
options=${H2_OPTIONS:-$(sed -n 's/.*RUJUKAN_DB_URL:jdbc:h2:file:[^;}]*\([^}]*\)}.*/\1/p' src/main/resources/application.yaml)}
url="jdbc:h2:file:$work/db/rujukan$options"
cleanup() {
  [ -n "${app:-}" ] && kill "$app" 2>/dev/null && wait "$app" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

java -Xmx512m -jar "$jar" --spring.profiles.active=demo --server.port=$port --spring.datasource.url="$url" \
  > "$work/app.log" 2>&1 &
app=$!
for _ in $(seq 1 600); do curl -sf "localhost:$port/actuator/health" >/dev/null && break; sleep 1; done
curl -sf "localhost:$port/actuator/health" >/dev/null || { tail -50 "$work/app.log"; exit 1; }
echo "jar $jar, $url, $rate intakes/s for $minutes min; load: $(uptime | sed 's/.*load average: //')"

python3 - "$port" "$minutes" "$rate" "$work" "$h2" <<'PY'
import base64, json, os, re, shutil, subprocess, sys, threading, time, urllib.request
from concurrent.futures import ThreadPoolExecutor
port, minutes, rate, work, h2 = int(sys.argv[1]), float(sys.argv[2]), float(sys.argv[3]), sys.argv[4], sys.argv[5]
db = os.path.join(work, 'db', 'rujukan.mv.db')
auth = 'Basic ' + base64.b64encode(b'fo:demo').decode()
done = {'ok': 0, 'failed': 0, 'ms': []}
lock = threading.Lock()

def letters(i):
    # names take letters only: i in base 26, a to z
    word = ''
    while True:
        word = chr(ord('a') + i % 26) + word
        i //= 26
        if i == 0:
            return word.capitalize()

def intake(i):
    # NIK: Kota Bandung (3273) Coblong (01), birth date DDMMYY (a man), serial 0001-9999; unique per i
    day, month, serial = 1 + (i // 9999) % 28, 1 + (i // (9999 * 28)) % 12, 1 + i % 9999
    body = {'nik': '327301%02d%02d80%04d' % (day, month, serial), 'kkNumber': '327301%010d' % (i + 1),
            'fullName': 'Warga Uji ' + letters(i), 'birthDate': '1980-%02d-%02d' % (month, day), 'sex': 'M',
            'address': 'Jl. Uji No. %d' % i, 'rt': '1', 'rw': '2', 'kelurahan': 'Lebak Siliwangi',
            'phone': '0812%08d' % i, 'channel': 'WALK_IN', 'needs': ['FOOD'],
            'description': 'Tidak ada penghasilan bulan ini', 'urgent': False}
    req = urllib.request.Request('http://localhost:%d/api/referrals' % port, json.dumps(body).encode(),
                                 {'Content-Type': 'application/json', 'Authorization': auth})
    start = time.time()
    try:
        with urllib.request.urlopen(req, timeout=60) as r:
            ok = r.status == 201
    except Exception as e:
        ok = False
        if done['failed'] < 1:
            print('  intake %d failed: %s' % (i, getattr(e, 'read', lambda: e)()), flush=True)
    with lock:
        done['ok' if ok else 'failed'] += 1
        done['ms'].append((time.time() - start) * 1000)

def live_size(copy):
    """The live data: the copy of the file compacted by H2 (SHUTDOWN COMPACT), measured."""
    shell = ['java', '-cp', h2, 'org.h2.tools.Shell', '-url', 'jdbc:h2:file:%s/rujukan' % copy, '-user', 'sa', '-sql']
    # the copy's referrals: a copy that opened on an older version of the file would hold fewer than were posted
    count = subprocess.run(shell + ['SELECT COUNT(*) AS REFERRALS FROM REFERRAL'], capture_output=True, text=True)
    result = subprocess.run(shell + ['SHUTDOWN COMPACT'], capture_output=True, text=True)
    live = os.path.getsize(os.path.join(copy, 'rujukan.mv.db')) if result.returncode == 0 else None
    shutil.rmtree(copy, ignore_errors=True)
    return live, (re.findall(r'^\s*(\d+)\s*$', count.stdout, re.M) or ['?'])[0]

def load():
    return open('/proc/loadavg').read().split()[0]

samples = []
compacting = threading.Lock()
def sample(minute):
    # the file's size and a copy of it now; the copies are compacted one at a time, so under load a sample may print
    # after the next minute began
    size = os.path.getsize(db)
    copy = os.path.join(work, 'copy-%s' % minute)
    os.makedirs(copy)
    shutil.copyfile(db, os.path.join(copy, 'rujukan.mv.db'))
    with lock:
        ok, failed, ms = done['ok'], done['failed'], sorted(done['ms'])
    with compacting:
        live, copied = live_size(copy)
    ratio = size / live if live else float('nan')
    samples.append(ratio)
    p95 = ms[int(len(ms) * 0.95)] if ms else 0
    print('min %4.1f: %6d intakes (%d failed, p95 %5.0f ms), file %8.1f MB, live %7.1f MB (copy: %s referrals), '
          'ratio %5.1f, load %s' % (minute, ok, failed, p95, size / 1e6, (live or 0) / 1e6, copied, ratio, load()),
          flush=True)

samplers = []
pool = ThreadPoolExecutor(32)
start = time.time()
total = int(minutes * 60 * rate)
next_sample = 1
for i in range(total):
    due = start + i / rate
    now = time.time()
    if now < due:
        time.sleep(due - now)
    pool.submit(intake, i)
    if time.time() - start >= next_sample * 60:
        samplers.append(threading.Thread(target=sample, args=(next_sample,)))
        samplers[-1].start()
        next_sample += 1
pool.shutdown(wait=True)
for sampler in samplers:
    sampler.join()
elapsed = time.time() - start
sample(round(elapsed / 60, 1))
print('%d intakes in %.0f s (%.1f per s), %d failed; largest ratio file/live %.1f (aim <= 3)'
      % (done['ok'], elapsed, done['ok'] / elapsed, done['failed'], max(samples)))
PY
