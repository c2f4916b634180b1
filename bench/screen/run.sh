#!/usr/bin/env bash
# Siting-screen benchmark with a warm index (issue 11): single 50 ha screens one at a time (wall and thread-CPU
# p50/p95/max), then a batch of 10,000 footprints of 1-100 ha on all cores (wall and process CPU); with and without the
# clearance search. Prints the load average before and after and a markdown table for bench/screen/README.md.
# Usage: bench/screen/run.sh [WORKSPACE] [off|on|both]   (default data/demo, built by `spatialcarbon demo --no-serve` if
# missing; both clearance cases)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
workspace="${1:-$root/data/demo}"
cases="${2:-both}"
cd "$root"
[ -f "$workspace/zones.gpkg" ] || dotnet run --project src/SpatialCarbon.Cli -c Release -- demo --no-serve --workspace "$workspace" >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
out="$(mktemp)"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
/usr/bin/time -f "process: user %U s, sys %S s, wall %e s, max RSS %M KB" \
  dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll screen-bench "$workspace" \
  data/rules/jiangsu-demo-rules.json data/carbon/clcd_pools_illustrative.csv 10000 "$cases" 2>&1 | tee "$out"
# For bench/run-all.sh: RESULT|job|ours|anchor|ratio|peak (no anchor: targets p95 < 20 ms and 10,000 in < 10 s).
sed -n 's/^single 50 ha screen, clearance off: wall p50 [0-9.]* ms, p95 \([0-9.]*\) ms.*/RESULT|screen one 50 ha footprint, p95 (target < 20 ms)|\1 ms|-|-|/p;
  s/^batch of 10000 footprints (1-100 ha), clearance off: \([0-9.]*\) s wall.*/RESULT|screen 10,000 footprints (target < 10 s)|\1 s|-|-|/p;
  s/^process: .*max RSS \([0-9]*\) KB$/RESULT|screen bench process, peak memory|-|-|-|\1 KB/p' "$out"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
