#!/usr/bin/env bash
# City-scale statistics (issue 4, item 7): a city of several districts with millions of cases on PostgreSQL.
#   bench/city-statistics.sh [CASES] [DISTRICTS] [RUNS]          defaults: 10000000 16 5
# Generates the city once (bench/generate-district.py --districts, years 2021-2025), imports it into a throwaway
# PostgreSQL server from the local binaries, then measures on the same database:
#   - one raw scan of the cases (psql: SELECT agency_id, category, count(*) FROM cases GROUP BY 1, 2), RUNS times;
#   - `zhifa report annual --year 2025 --format json` for the whole city, RUNS times (wall and peak RSS);
#   - `zhifa serve` answering the dashboard's requests (bench/city_statistics.py): p50/p95/max and the server's VmHWM.
# Needs: PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin, python3, /usr/bin/time, curl.
set -euo pipefail
cases=${1:-10000000}
districts=${2:-16}
runs=${3:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/zhifa-city}
data="$work/city-$cases-$districts"
mkdir -p "$work"
[ -f "$data/cases.csv" ] || python3 "$root/bench/generate-district.py" --districts "$districts" "$data" "$cases" 2021 2022 2023 2024 2025
dotnet build -c Release "$root/src/Zhifa" -v q -nologo >/dev/null
dll="$root/src/Zhifa/bin/Release/net10.0/zhifa.dll"

pgbin=/usr/lib/postgresql/15/bin
pgdir="$work/pg"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
sock="$pgdir/sock"
db="postgres:Host=$sock;Port=55433;Username=zhifa;Database=city"
zhifa=(dotnet "$dll" --db "$db")
psqlc=(psql -h "$sock" -p 55433 -U zhifa -v ON_ERROR_STOP=1 -q)
if [ ! -f "$pgdir/imported-$cases-$districts" ]; then # the import takes minutes: a second run reuses the database
  rm -rf "$pgdir"; mkdir -p "$sock"
  [ "$(id -u)" = 0 ] && chown -R postgres "$pgdir"
  as_pg "$pgbin/initdb" -D "$pgdir/data" -U zhifa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
fi
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $sock -p 55433 -c listen_addresses=''" -l "$pgdir/log" -w start >/dev/null
server=
trap '[ -n "$server" ] && kill $server 2>/dev/null; as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m fast stop >/dev/null 2>&1 || true' EXIT
if [ ! -f "$pgdir/imported-$cases-$districts" ]; then
  "${psqlc[@]}" -d postgres -c "CREATE DATABASE city"
  /usr/bin/time -f "import: %e s wall, %M KiB peak RSS" "${zhifa[@]}" import "$data" 2>&1 >/dev/null | tail -1
  touch "$pgdir/imported-$cases-$districts"
fi
"${psqlc[@]}" -d city -c "VACUUM ANALYZE"

timed() { /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; cat "$work/t"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
: >"$work/scan"; : >"$work/report"
for i in $(seq "$runs"); do
  timed "${psqlc[@]}" -d city -c "SELECT agency_id, category, count(*) FROM cases GROUP BY agency_id, category" >>"$work/scan"
  timed "${zhifa[@]}" report annual --year 2025 --format json >>"$work/report"
done
"${zhifa[@]}" report annual --year 2025 --format json | python3 -c 'import json,sys; f=json.load(sys.stdin); print("report 2025:", f["agencies"], "agencies,", f["cases"]["total"], "cases,", f["certifiedOfficers"], "officers")'
echo "cases in the database: $("${psqlc[@]}" -d city -Atc "SELECT count(*) FROM cases")"
scan=$(cut -d' ' -f1 "$work/scan" | median); report=$(cut -d' ' -f1 "$work/report" | median)
echo "raw scan (GROUP BY over every case): median $scan s of $runs"
echo "zhifa report annual 2025, whole city: median $report s, peak RSS median $(cut -d' ' -f2 "$work/report" | median) KiB"
awk -v a="$report" -v b="$scan" 'BEGIN {printf "ratio report / raw scan: %.2f (target <= 10)\n", a / b}'

user="bench$RANDOM"
password=$("${zhifa[@]}" user add "$user" --role supervisor | sed 's/.*密码: //')
exec 3>"$work/serve.log"
dotnet "$dll" --db "$db" serve --no-demo --urls http://127.0.0.1:5098 >&3 2>&3 &
server=$!
for _ in $(seq 120); do curl -sf http://127.0.0.1:5098/healthz >/dev/null && break; sleep 0.5; done
district=$(printf '1201%02d' $((districts < 5 ? districts : 5)))
python3 "$root/bench/city_statistics.py" --port 5098 --user "$user" --password="$password" --year 2025 \
  --district "$district" --agency "${district}007" --rounds "$runs" --server-pid "$server"
