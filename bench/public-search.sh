#!/usr/bin/env bash
# Latency of the public decision search (GET /api/v1/public/decisions) on a large database (issue 3: p95 < 200 ms over a
# million published decisions; bench/generate-district.py --all-published makes such a district, docs/performance.md).
#   bench/public-search.sh DB [REQUESTS] [RUNS]
# DB is a SQLite file path, a --db target (sqlite:PATH or postgres:CONNECTION STRING), or pg:DATA_DIR to start a throwaway
# PostgreSQL 15 from /usr/lib/postgresql/15/bin, import the exchange-format folder DATA_DIR into it, and search that.
# Starts `zhifa serve --no-demo` on 127.0.0.1:5098 (Release build), then RUNS times sends REQUESTS sequential requests of
# each typical search over one keep-alive connection, anonymously, and prints per search the median and p95 latency of
# each run and the median over the runs. Environment variables reach the server, e.g. Publicity__SmallFineBelowOrganisation=0.
set -euo pipefail
db=$1
requests=${2:-50}
runs=${3:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
port=5098
dotnet build -c Release "$root/src/Zhifa" -v q -nologo >/dev/null
zhifa=(dotnet "$root/src/Zhifa/bin/Release/net10.0/zhifa.dll")

cleanup=()
trap 'for c in "${cleanup[@]}"; do eval "$c"; done' EXIT
case "$db" in
  pg:*)
    data=${db#pg:}
    pgbin=/usr/lib/postgresql/15/bin
    pgdir=$(mktemp -d /tmp/zhifa-pub-pg.XXXXXX); mkdir -p "$pgdir/sock"
    as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
    [ "$(id -u)" = 0 ] && chown -R postgres "$pgdir"
    as_pg "$pgbin/initdb" -D "$pgdir/data" -U zhifa --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
    as_pg "$pgbin/pg_ctl" -D "$pgdir/data" -o "-k $pgdir/sock -p 55433 -c listen_addresses=''" -l "$pgdir/log" -w start >/dev/null
    cleanup+=("as_pg $pgbin/pg_ctl -D $pgdir/data -m immediate stop >/dev/null 2>&1 || true; rm -rf $pgdir")
    "$pgbin/psql" -h "$pgdir/sock" -p 55433 -U zhifa -d postgres -q -c "CREATE DATABASE z"
    target="postgres:Host=$pgdir/sock;Port=55433;Username=zhifa;Database=z"
    echo "importing $data into a throwaway PostgreSQL ..."
    (cd /tmp && "${zhifa[@]}" --db "$target" import "$data" >/dev/null)
    ;;
  sqlite:*|postgres:*) target=$db ;;
  *) target="sqlite:$db" ;;
esac

log=$(mktemp /tmp/zhifa-pub-serve.XXXXXX.log)
(cd /tmp && exec "${zhifa[@]}" --db "$target" serve --no-demo --urls "http://127.0.0.1:$port") >"$log" 2>&1 &
server=$!
cleanup+=("kill $server 2>/dev/null || true")
for _ in $(seq 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.5; done

python3 - "$port" "$requests" "$runs" <<'PY'
import http.client, json, statistics, sys, time, urllib.parse
port, n, runs = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = http.client.HTTPConnection("127.0.0.1", port)
def get(query):
    conn.request("GET", "/api/v1/public/decisions?" + urllib.parse.urlencode(query))
    r = conn.getresponse(); body = r.read()
    if r.status != 200: raise SystemExit(f"{query}: HTTP {r.status} {body[:300]!r}")
    return json.loads(body)
newest = get({"pageSize": 1})
if not newest["items"]: raise SystemExit("no published decision is shown: nothing to search")
first = newest["items"][0]
year = first["decidedOn"][:4]
agency = first["agencyCode"]
searches = {
    "party substring (organisation)": {"party": "鑫盛"},
    "party, 4 characters (organisation)": {"party": "鑫盛商贸"},
    "party surname (natural person)": {"party": "张"},
    "agency + decision date range": {"agency": agency, "from": f"{year}-01-01", "to": f"{year}-06-30"},
    "case number": {"number": first["number"]},
    "no filter, first page": {},
    "party substring, page 20": {"party": "有限公司", "page": 20, "pageSize": 20},
}
more = "+" if newest.get("moreThanTotal") else ""
print(f"shown decisions: {newest['total']}{more} (counted up to 10,000); {n} requests per search and run, {runs} runs; load: {open('/proc/loadavg').read().split()[:3]}")
for name, q in searches.items():
    medians, p95s = [], []
    first_page = get(q)
    total = f"{first_page['total']}{'+' if first_page.get('moreThanTotal') else ''}"
    for _ in range(runs):
        times = []
        for _ in range(n):
            t = time.perf_counter(); get(q); times.append((time.perf_counter() - t) * 1000)
        times.sort()
        medians.append(statistics.median(times)); p95s.append(times[max(0, int(round(0.95 * len(times))) - 1)])
    runs_text = "  ".join(f"{m:6.1f}/{p:6.1f}" for m, p in zip(medians, p95s))
    print(f"{name:36s} matches {total:>6s}  runs median/p95 ms: {runs_text}  => median {statistics.median(medians):6.1f} ms, p95 {statistics.median(p95s):6.1f} ms")
print(f"load average after: {open('/proc/loadavg').read().split()[:3]}")
PY
