#!/usr/bin/env bash
# Siting-screen benchmark with a warm index (issue 11): single 50 ha screens one at a time (p50/p95/max), then a batch
# of 10,000 footprints of 1-100 ha in parallel; with and without the clearance search.
# Usage: bench/screen/run.sh [WORKSPACE]   (default data/demo, built by `spatialcarbon demo --no-serve` if missing)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
workspace="${1:-$root/data/demo}"
cd "$root"
[ -f "$workspace/zones.gpkg" ] || dotnet run --project src/SpatialCarbon.Cli -c Release -- demo --workspace "$workspace" >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll screen-bench "$workspace" \
  data/rules/jiangsu-demo-rules.json data/carbon/clcd_pools_illustrative.csv 10000
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
