#!/usr/bin/env bash
# Where a PostgreSQL import's time goes (issue 2, docs/performance.md): one `zhifa import` into a fresh database on a
# throwaway PostgreSQL 15 that logs every statement's duration, then the phases and the longest statements of the end,
# and the CPU seconds of the client and of the server: on two cores, their sum over 2 is the least wall time possible.
#   bench/import-phases.sh [CASES] [RUNS]
# Uses the bench district of bench/import-and-report.sh (generated if missing). Needs the PostgreSQL 15 binaries and python3.
set -euo pipefail
cases=${1:-600000}
runs=${2:-1}
root=$(cd "$(dirname "$0")/.." && pwd)
work=${BENCH_DIR:-/tmp/zhifa-bench}
data="$work/district-$cases"
mkdir -p "$work"
[ -f "$data/cases.csv" ] || python3 "$root/bench/generate-district.py" "$data" "$cases" 2022 2023
# the platform as deployed: a ReadyToRun publish (bench/publish.sh); ZHIFA_DLL= another build's zhifa.dll
zhifa="dotnet ${ZHIFA_DLL:-$("$root/bench/publish.sh" "$work/zhifa-publish")}"

pgbin=/usr/lib/postgresql/15/bin
pgdir="$work/pg-phases"; rm -rf "$pgdir"; mkdir -p "$pgdir/sock"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown -R postgres "$pgdir"
as_pg "$pgbin/initdb" -D "$pgdir/data" -U zhifa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir/sock -p 55434 -c listen_addresses='' -c log_min_duration_statement=0" \
  -l "$pgdir/log" -w start >/dev/null
trap 'as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true' EXIT
# CPU of the server's finished processes: the postmaster's reaped children (each import's backend, its parallel workers).
server_cpu() { awk '{ print $16 + $17 }' "/proc/$(head -1 "$pgdir/data/postmaster.pid")/stat"; }
for i in $(seq "$runs"); do
  psql -h "$pgdir/sock" -p 55434 -U zhifa -d postgres -q -c "DROP DATABASE IF EXISTS z" -c "CREATE DATABASE z" 2>/dev/null
  # the platform's schema exists before the import, as in bench/import-and-report.sh (FRESH=1: not)
  [ -n "${FRESH:-}" ] || $zhifa --db "postgres:Host=$pgdir/sock;Port=55434;Username=zhifa;Database=z" audit verify >/dev/null
  psql -h "$pgdir/sock" -p 55434 -U zhifa -d postgres -q -c "CHECKPOINT"
  : >"$pgdir/log.run"
  offset=$(stat -c %s "$pgdir/log")
  before=$(server_cpu)
  /usr/bin/time -f "zhifa import: wall %e s, client CPU %U+%S s, peak RSS %M KiB" \
    $zhifa --db "postgres:Host=$pgdir/sock;Port=55434;Username=zhifa;Database=z" import "$data" >/dev/null
  sleep 0.3 # the import's backend exits after the client disconnects
  echo "server CPU: $(awk -v a="$before" -v b="$(server_cpu)" -v t="$(getconf CLK_TCK)" 'BEGIN { printf "%.2f", (b - a) / t }') s (backends and parallel workers)"
  tail -c +"$((offset + 1))" "$pgdir/log" >"$pgdir/log.run"
  python3 "$root/bench/import_phases.py" "$pgdir/log.run"
done
