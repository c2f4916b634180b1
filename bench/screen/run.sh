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
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
/usr/bin/time -f "process: user %U s, sys %S s, wall %e s, max RSS %M KB" \
  dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll screen-bench "$workspace" \
  data/rules/jiangsu-demo-rules.json data/carbon/clcd_pools_illustrative.csv 10000 "$cases"
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
