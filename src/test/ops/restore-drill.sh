#!/usr/bin/env bash
# Restore drill: a base backup of the running PostgreSQL cluster, restored into a second instance on another port,
# and a Rujukan node started on the restored database. Proves that what the backup holds is a database the
# application runs on: the cases recorded before the backup are there, served over the API.
#
# Run as root on a machine with the local PostgreSQL (127.0.0.1:5432, trust) and a built jar (./mvnw package):
#   src/test/ops/restore-drill.sh
# It uses the low-level backup API (pg_backup_start/stop) and a file copy, so it needs no replication access;
# production uses pg_basebackup or pgBackRest with WAL archiving (docs/operations.md).
set -euo pipefail
cd "$(dirname "$0")/../../.."

PG=$(ls -d /usr/lib/postgresql/*/bin | tail -1)
DATA=$(psql -h 127.0.0.1 -U postgres -Atc "show data_directory")
DB="rujukan_drill_$(date +%s)"
WORK=$(mktemp -d /tmp/restore-drill.XXXX)
RESTORED="$WORK/data"
PORT=5433
JAR=target/rujukan.jar
NODE=
trap 'runuser -u postgres -- "$PG/pg_ctl" -D "$RESTORED" -m immediate stop >/dev/null 2>&1 || true; kill $NODE 2>/dev/null || true
      psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS $DB WITH (FORCE)"; rm -rf "$WORK"' EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("",0)); print(s.getsockname()[1])'; }
await_up() { for _ in $(seq 1 180); do curl -fs "http://localhost:$1/actuator/health" | grep -q UP && return 0; sleep 1; done; return 1; }

echo "== the source: a migrated database with cases in it"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE $DB"
export RUJUKAN_DB_URL="jdbc:postgresql://127.0.0.1:5432/$DB" RUJUKAN_DB_USER=postgres RUJUKAN_DB_PASSWORD=
java -jar "$JAR" migrate
port=$(free_port)
java -Xmx512m -jar "$JAR" --server.port="$port" --spring.profiles.active=postgres,demo >"$WORK/source.log" 2>&1 &
NODE=$!
await_up "$port"
numbers=()
base=$((RANDOM % 9000 + 100))
for i in 1 2 3 4 5; do
  body=$(python3 -c 'import json,sys; i=int(sys.argv[1]); b=int(sys.argv[2]); print(json.dumps({
    "nik": "3273016107%02d%04d" % (90, b + i), "kkNumber": "327301%010d" % (b * 10 + i),
    "fullName": ["Ani", "Budi", "Citra", "Dedi", "Euis"][i - 1] + " Lestari", "birthDate": "1990-07-21", "sex": "F",
    "address": "Jl. Pelesiran No. %d" % i, "rt": "2", "rw": "5", "kelurahan": "Lebak Siliwangi",
    "channel": "WALK_IN", "needs": ["FOOD"], "description": "Uji pemulihan cadangan", "urgent": False}))' "$i" "$base")
  number=$(curl -fs -u fo:demo -H 'Content-Type: application/json' "http://localhost:$port/api/referrals" -d "$body" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["referralNumber"])')
  numbers+=("$number")
done
sleep 3 # the registry checks after the intakes' save point
kill "$NODE"; wait "$NODE" 2>/dev/null || true
cases=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select count(*) from referral")
tasks=$(psql -h 127.0.0.1 -U postgres -d "$DB" -Atc "select count(*) from act_ru_task")
echo "source: $cases cases, $tasks open tasks (${numbers[*]})"

echo "== base backup (pg_backup_start, copy, pg_backup_stop)"
start=$(date +%s.%N)
mkdir -p "$RESTORED" && chown postgres:postgres "$WORK" "$RESTORED" && chmod 700 "$RESTORED"
runuser -u postgres -- psql -h 127.0.0.1 -U postgres -qAt <<SQL > "$WORK/stop.txt"
SELECT pg_backup_start('restore-drill', true);
\! cp -a "$DATA"/. "$RESTORED"/
SELECT labelfile FROM pg_backup_stop(true);
SQL
# the WAL written while copying, and the backup label that tells recovery where to start
cp -a "$DATA"/pg_wal/. "$RESTORED"/pg_wal/
sed -n '/^START WAL LOCATION/,/^$/p' "$WORK/stop.txt" > "$RESTORED/backup_label"
rm -f "$RESTORED/postmaster.pid" "$RESTORED/postmaster.opts"
cat > "$RESTORED/postgresql.conf" <<CONF
port = $PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '/tmp'
hba_file = '$RESTORED/pg_hba.conf'
CONF
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' > "$RESTORED/pg_hba.conf"
chown -R postgres:postgres "$RESTORED"
backup=$(du -sh "$RESTORED" | cut -f1)

echo "== restore: start the copy on port $PORT (recovery replays the WAL from the label's checkpoint)"
runuser -u postgres -- "$PG/pg_ctl" -D "$RESTORED" -l "$WORK/restored.log" -w start >/dev/null
restored_cases=$(psql -h 127.0.0.1 -p $PORT -U postgres -d "$DB" -Atc "select count(*) from referral")
restored_tasks=$(psql -h 127.0.0.1 -p $PORT -U postgres -d "$DB" -Atc "select count(*) from act_ru_task")
elapsed=$(echo "$(date +%s.%N) - $start" | bc)

echo "== a node on the restored database"
port=$(free_port)
RUJUKAN_DB_URL="jdbc:postgresql://127.0.0.1:$PORT/$DB" java -Xmx512m -jar "$JAR" --server.port="$port" \
  --spring.profiles.active=postgres,demo >"$WORK/restored-node.log" 2>&1 &
NODE=$!
await_up "$port"
served=0
for number in "${numbers[@]}"; do
  curl -fs -u koordinator:demo "http://localhost:$port/api/referrals/$number" | grep -q "\"referralNumber\":\"$number\"" \
    && served=$((served + 1))
done
echo "restore drill: backup $backup, backup and restore in ${elapsed%.*} s; restored $restored_cases of $cases cases," \
  "$restored_tasks of $tasks open tasks; the restored node serves $served of ${#numbers[@]} cases"
[ "$restored_cases" = "$cases" ] && [ "$restored_tasks" = "$tasks" ] && [ "$served" = "${#numbers[@]}" ]
