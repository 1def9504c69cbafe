#!/usr/bin/env bash
# Concurrent penalty-case workflow through the HTTP API (issue 3: 50 clients, nothing lost or duplicated, p95 of a step
# < 100 ms, server < 500 MiB resident).
#   [WARMUP=N] [PORT=P] [PG_PORT=Q] bench/case-workflow-load.sh sqlite|pg [CLIENTS] [CASES_PER_CLIENT] [THINK_MS] [AGENCIES]
# Generates a small bench district (bench/generate-district.py, 2000 imported cases) into a fresh SQLite file or a
# throwaway PostgreSQL 15 (/usr/lib/postgresql/15/bin), creates with `zhifa user add` one agency-admin and two officers
# (linked by certificate number to officers of the district) for each of AGENCIES agencies, starts
# `zhifa serve --no-demo` (Release) on 127.0.0.1:5097 and runs bench/case_workflow_load.py: CLIENTS threads, each filing
# CASES_PER_CLIENT cases and walking them to 归档, THINK_MS between a client's requests. It prints latency per step kind,
# throughput, the CPU seconds of the server (and PostgreSQL's backends) and of the load generator during the run,
# responses by status, the checks, and the server's peak resident memory (VmHWM). Exit 1 when a check fails.
# WARMUP=N first runs a round of N cases per client (same clients and pace) that is checked but not in the latencies:
# the figures of a server that has been up a while, next to those of a fresh one (no WARMUP).
# Each agency is given its own 机关代字 first (the derived one is the same for all bench agencies); SHARED_PREFIX=1 keeps
# the derived one, which on PostgreSQL makes concurrent filings of different agencies fail with 500 (see docs/performance.md).
# ARRIVALS=spread starts each client after a random part of one pause and varies each pause 0.5..1.5 x THINK_MS, so
# requests arrive at independent times; the default (burst) starts all clients at once with fixed pauses, so each
# round's filings arrive within a few milliseconds of each other (both in docs/performance.md).
# On PostgreSQL, PG_OPTS adds server settings (e.g. "-c log_lock_waits=on -c deadlock_timeout=5ms") and PG_LOG=FILE keeps
# the server's log after the run.
set -euo pipefail
engine=${1:-sqlite}
dbpid=
clients=${2:-50}
cases=${3:-6}
think=${4:-0}
agencies=${5:-10}
root=$(cd "$(dirname "$0")/.." && pwd)
port=${PORT:-5097}   # PORT=... when another run may be using 5097
pgport=${PG_PORT:-55434}
if [ -n "${ZHIFA_DLL:-}" ]; then   # e.g. a `dotnet publish -p:PublishReadyToRun=true` output
  zhifa=(dotnet "$ZHIFA_DLL")
else
  dotnet build -c Release "$root/src/Zhifa" -v q -nologo >/dev/null
  zhifa=(dotnet "$root/src/Zhifa/bin/Release/net10.0/zhifa.dll")
fi
work=$(mktemp -d /tmp/zhifa-load.XXXXXX)
cleanup=("rm -rf $work")
trap 'for ((i=${#cleanup[@]}-1; i>=0; i--)); do eval "${cleanup[$i]}"; done' EXIT
python3 "$root/bench/generate-district.py" "$work/district" 2000 >/dev/null

case "$engine" in
  sqlite)
    target="sqlite:$work/zhifa.db"
    sqlcmd="sqlite3 -cmd '.timeout 10000' $work/zhifa.db"
    ;;
  pg)
    pgbin=/usr/lib/postgresql/15/bin
    pgdir=$(mktemp -d /tmp/zhifa-load-pg.XXXXXX); mkdir -p "$pgdir/sock"
    as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    [ "$(id -u)" = 0 ] && chown -R postgres "$pgdir"
    as_pg "$pgbin/initdb" -D "$pgdir/data" -U zhifa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir/sock -p $pgport -c listen_addresses='' ${PG_OPTS:-}" -l "$pgdir/log" -w start >/dev/null
    cleanup+=("as_pg $pgbin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null 2>&1 || true; ${PG_LOG:+cp $pgdir/log $PG_LOG;} rm -rf $pgdir")
    "$pgbin/psql" -h "$pgdir/sock" -p $pgport -U zhifa -d postgres -q -c "CREATE DATABASE z"
    target="postgres:Host=$pgdir/sock;Port=$pgport;Username=zhifa;Database=z"
    sqlcmd="$pgbin/psql -h $pgdir/sock -p $pgport -U zhifa -d z -At -q"
    dbpid=$(head -1 "$pgdir/data/postmaster.pid")   # its backends' CPU is reported with the server's
    ;;
  *) echo "usage: $0 sqlite|pg [CLIENTS] [CASES_PER_CLIENT] [THINK_MS] [AGENCIES]" >&2; exit 2 ;;
esac
evidence="$work/evidence"
(cd "$work" && "${zhifa[@]}" --db "$target" import district >/dev/null)

# Accounts: agency i (1-based code 120199iii) has officers CS{i-1:03d}{j:03d}; j = 0 is its legal reviewer.
echo "creating accounts for $agencies agencies ..."
add() { "${zhifa[@]}" --db "$target" user add "$1" --role "$2" --agency "$3" | sed 's/.*密码: //'; }
{
  echo "["
  for i in $(seq "$agencies"); do
    code=$(printf "120199%03d" "$i")
    c1=$(printf "CS%03d001" $((i - 1))); c2=$(printf "CS%03d002" $((i - 1)))
    [ "$i" -gt 1 ] && echo ","
    printf '{"agency":"%s","head":["head%s","%s"],"officers":[["%s","%s"],["%s","%s"]]}\n' \
      "$code" "$i" "$(add "head$i" agency-admin "$code")" "$c1" "$(add "$c1" officer "$code")" "$c2" "$(add "$c2" officer "$code")"
  done
  echo "]"
} >"$work/accounts.json"

log=/tmp/zhifa-load-serve-$engine.log   # kept after the run
(cd "$work" && exec "${zhifa[@]}" --db "$target" serve --no-demo --evidence-dir "$evidence" --urls "http://127.0.0.1:$port") >"$log" 2>&1 &
server=$!   # `dotnet zhifa.dll` is the server process itself, so $! is the process to measure
cleanup+=("kill $server 2>/dev/null || true; wait $server 2>/dev/null || true")
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

echo "engine: $engine ($target)"
python3 "$root/bench/case_workflow_load.py" --port "$port" --accounts "$work/accounts.json" --clients "$clients" --cases "$cases" \
  --think-ms "$think" --arrivals "${ARRIVALS:-burst}" ${WARMUP:+--warmup-cases "$WARMUP"} ${SHARED_PREFIX:+--shared-prefix} --server-pid "$server" ${dbpid:+--db-pid "$dbpid"} --sql "$sqlcmd" \
  --audit "cd $work && ${zhifa[*]} --db '$target' audit verify --evidence-dir $evidence"
