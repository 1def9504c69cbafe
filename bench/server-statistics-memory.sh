#!/usr/bin/env bash
# Resident memory of `zhifa serve` answering statistics requests on a large database (issue 2: < 500 MiB).
#   bench/server-statistics-memory.sh DB [REQUESTS]
# DB is a SQLite file path or a full --db target (sqlite:PATH or postgres:CONNECTION STRING).
# Starts the server on 127.0.0.1:5099 with --no-demo, creates a supervisor, sends REQUESTS statistics requests over
# varied periods and scopes (sequentially, bounded), and prints the peak resident memory (VmHWM) of the server.
set -euo pipefail
db=$1
requests=${2:-200}
root=$(cd "$(dirname "$0")/.." && pwd)
dotnet build -c Release "$root/src/Zhifa" -v q -nologo >/dev/null
case "$db" in sqlite:*|postgres:*) target=$db ;; *) target="sqlite:$db" ;; esac
zhifa=(dotnet "$root/src/Zhifa/bin/Release/net10.0/zhifa.dll" --db "$target")
user="bench$RANDOM"
password=$("${zhifa[@]}" user add "$user" --role supervisor | sed 's/.*密码: //')
exec 3>/tmp/zhifa-serve-bench.log
"${zhifa[@]}" serve --no-demo --urls http://127.0.0.1:5099 >&3 2>&3 &
server=$!
# `dotnet zhifa.dll` is the server process itself (no wrapper), so $! is the process to measure.
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 60); do curl -sf http://127.0.0.1:5099/healthz >/dev/null && break; sleep 0.5; done
token=$(curl -sf -H 'Content-Type: application/json' -d "{\"userName\":\"$user\",\"password\":\"$password\"}" \
  http://127.0.0.1:5099/api/v1/auth/login | python3 -c 'import json,sys; print(json.load(sys.stdin)["accessToken"])')
pid=$server
periods=("2023-01-01 2023-12-31" "2022-01-01 2022-12-31" "2023-04-01 2023-06-30" "2022-11-01 2023-02-28" "2023-02-01 2023-02-28")
start=$(date +%s.%N)
for i in $(seq "$requests"); do
  set -- ${periods[$((i % ${#periods[@]}))]}
  scope=""
  [ $((i % 3)) = 1 ] && scope="&region=120100"
  curl -sf -o /dev/null -H "Authorization: Bearer $token" "http://127.0.0.1:5099/api/v1/statistics?from=$1&to=$2$scope"
done
end=$(date +%s.%N)
echo "requests: $requests, mean latency: $(python3 -c "print(round(($end-$start)/$requests*1000))") ms"
grep -E 'VmHWM|VmRSS' "/proc/$pid/status"
