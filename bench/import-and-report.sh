#!/usr/bin/env bash
# Import and annual-report benchmark (issue 2): zhifa against the engines' own bulk tools on the same files.
#   bench/import-and-report.sh [CASES] [RUNS]
# Needs: sqlite3, PostgreSQL 15 binaries in /usr/lib/postgresql/15/bin, python3, /usr/bin/time.
# Prints one line per run (wall seconds, peak RSS in KiB) and the medians; results go to docs/performance.md.
# zhifa imports into a database the platform has already created, as on an installed platform: before each timed
# import an untimed `zhifa audit verify` applies the migrations to the empty database (any first command, or
# `zhifa serve --no-demo`, does the same), as psql's table exists before its timed \copy. FRESH=1 times the import
# into a database that does not exist yet instead (migrations included), as the benchmark did until 2026-11-23.
set -euo pipefail
cases=${1:-600000}
runs=${2:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/zhifa-bench}
data="$work/district-$cases"
mkdir -p "$work"
[ -f "$data/cases.csv" ] || python3 "$root/bench/generate-district.py" "$data" "$cases" 2022 2023
# the platform as deployed: a ReadyToRun publish (bench/publish.sh); ZHIFA_DLL= another build's zhifa.dll
zhifa="dotnet ${ZHIFA_DLL:-$("$root/bench/publish.sh" "$work/zhifa-publish")}"
migrate() { [ -n "${FRESH:-}" ] || $zhifa --db "$1" audit verify >/dev/null; }

timed() { /usr/bin/time -f "%e %M" -o "$work/t" "$@" >/dev/null 2>"$work/err" || { cat "$work/err"; exit 1; }; cat "$work/t"; }
median() { sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}'; }
report() { # name, file of "wall rss" lines
  printf '%-34s wall median %6.2f s   peak RSS median %7d KiB\n' "$1" "$(cut -d' ' -f1 "$2" | median)" "$(cut -d' ' -f2 "$2" | median)"
}

# --- SQLite
: >"$work/sqlite-raw"; : >"$work/sqlite-zhifa"; : >"$work/sqlite-scan"; : >"$work/sqlite-report"
for i in $(seq "$runs"); do
  rm -f "$work/raw.db" "$work/z.db"*
  migrate "sqlite:$work/z.db"
  timed sqlite3 "$work/raw.db" ".mode csv" ".import $data/cases.csv cases_raw" >>"$work/sqlite-raw"
  timed $zhifa --db "sqlite:$work/z.db" import "$data" >>"$work/sqlite-zhifa"
done
for i in $(seq "$runs"); do
  timed sqlite3 "$work/z.db" "SELECT agency_id, category, count(*) FROM cases GROUP BY agency_id, category" >>"$work/sqlite-scan"
  timed $zhifa --db "sqlite:$work/z.db" report annual --year 2023 --format json >>"$work/sqlite-report"
done

# --- PostgreSQL: a throwaway server from the local binaries, as the postgres user when run as root
pgbin=/usr/lib/postgresql/15/bin
pgdir="$work/pg"; rm -rf "$pgdir"; mkdir -p "$pgdir/sock"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown -R postgres "$pgdir"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U zhifa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir/sock -p 55432 -c listen_addresses=''" -l "$pgdir/log" -w start >/dev/null
trap 'as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
pgc=(psql -h "$pgdir/sock" -p 55432 -U zhifa -v ON_ERROR_STOP=1 -q)
psql() { command "${pgc[@]}" "$@"; }
: >"$work/pg-raw"; : >"$work/pg-zhifa"; : >"$work/pg-scan"; : >"$work/pg-report"
cols="number text, agency text, category text, power text, filed text, officers text, procedure text, party_type text, party text, fine text, decided text, published text, closed text, outcome text"
for i in $(seq "$runs"); do
  psql -d postgres -c "DROP DATABASE IF EXISTS raw" -c "DROP DATABASE IF EXISTS z" -c "CREATE DATABASE raw" -c "CREATE DATABASE z"
  psql -d raw -c "CREATE TABLE cases_raw ($cols)"
  migrate "postgres:Host=$pgdir/sock;Port=55432;Username=zhifa;Database=z"
  timed "${pgc[@]}" -d raw -c "\\copy cases_raw FROM '$data/cases.csv' WITH (FORMAT csv, HEADER true)" >>"$work/pg-raw"
  timed $zhifa --db "postgres:Host=$pgdir/sock;Port=55432;Username=zhifa;Database=z" import "$data" >>"$work/pg-zhifa"
done
for i in $(seq "$runs"); do
  timed "${pgc[@]}" -d z -c "SELECT agency_id, category, count(*) FROM cases GROUP BY agency_id, category" >>"$work/pg-scan"
  timed $zhifa --db "postgres:Host=$pgdir/sock;Port=55432;Username=zhifa;Database=z" report annual --year 2023 --format json >>"$work/pg-report"
done

echo "cases: $cases, runs: $runs"
for f in sqlite-raw sqlite-zhifa sqlite-scan sqlite-report pg-raw pg-zhifa pg-scan pg-report; do report "$f" "$work/$f"; done
ratio() { awk -v a="$(cut -d' ' -f1 "$work/$1" | median)" -v b="$(cut -d' ' -f1 "$work/$2" | median)" 'BEGIN {printf "%.1f", a / b}'; }
# The imports run in pairs (the engine's tool, then zhifa, on the same files): the median of the pairs' ratios holds
# up better than the ratio of medians when the machine's speed drifts during the run.
pairs() { paste -d' ' <(cut -d' ' -f1 "$work/$1") <(cut -d' ' -f1 "$work/$2") | awk '{printf "%.2f\n", $1 / $2}' | median; }
echo "ratio import SQLite (zhifa / sqlite3 .import): $(ratio sqlite-zhifa sqlite-raw)   median of paired runs: $(pairs sqlite-zhifa sqlite-raw)"
echo "ratio import PostgreSQL (zhifa / psql \\copy):  $(ratio pg-zhifa pg-raw)   median of paired runs: $(pairs pg-zhifa pg-raw)"
echo "ratio report SQLite (zhifa / GROUP BY scan):   $(ratio sqlite-report sqlite-scan)"
echo "ratio report PostgreSQL (zhifa / GROUP BY):    $(ratio pg-report pg-scan)"
