#!/usr/bin/env bash
# Publishes zhifa as a district deploys it (README "正式部署": `dotnet publish -r <rid>`, ReadyToRun code, ADR-024)
# into $1 and prints the path of its zhifa.dll. Used by the benchmarks whose figures include the start of the process.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
out=${1:?usage: bench/publish.sh OUTPUT_DIR}
case "$(uname -m)" in x86_64) arch=x64 ;; aarch64) arch=arm64 ;; *) arch=$(uname -m) ;; esac
dotnet publish "$root/src/Zhifa" -c Release -r "linux-$arch" -o "$out" -v q -nologo >/dev/null
echo "$out/zhifa.dll"
