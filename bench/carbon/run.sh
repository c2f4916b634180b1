#!/usr/bin/env bash
# Carbon benchmark: `carbon stock` and `carbon change` over a whole province (two 30 m rasters of ~272 M cells,
# EPSG:4549), Release build, measured with /usr/bin/time -v (wall time, peak RSS), then the GDAL+numpy anchor on the
# same inputs (totals must agree). Uses the demo workspace's rasters when BASELINE/ALTERNATE are set, otherwise
# generates its own (make_rasters.py). Usage: bench/carbon/run.sh [WORKDIR]
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${1:-/tmp/spatialcarbon-bench-carbon}
mkdir -p "$WORK"
BASELINE=${BASELINE:-$WORK/lulc_a.tif}
ALTERNATE=${ALTERNATE:-$WORK/lulc_b.tif}
POOLS=${POOLS:-bench/carbon/pools_clcd.csv}
if [ ! -f "$BASELINE" ] || [ ! -f "$ALTERNATE" ]; then
  /usr/bin/time -f "generate: %e s" /usr/bin/python3 bench/carbon/make_rasters.py "$WORK"
fi
dotnet build -c Release src/SpatialCarbon.Cli -v q -nologo >/dev/null
CLI="dotnet src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll"
gdalinfo "$BASELINE" | grep -E "^Size is|EPSG\",45" | head -2 || true

measure() {
  local name=$1; shift
  /usr/bin/time -v "$@" 2> "$WORK/$name.time" | tail -1
  grep -E "Elapsed \(wall|Maximum resident|Percent of CPU" "$WORK/$name.time" | sed "s/^\s*/$name: /"
}

rm -rf "$WORK/stock" "$WORK/change" "$WORK/change-nomaps"
measure stock $CLI carbon stock --lulc "$BASELINE" --pools "$POOLS" --out "$WORK/stock"
measure change $CLI carbon change --baseline "$BASELINE" --alternate "$ALTERNATE" --pools "$POOLS" \
  --baseline-year 2000 --alternate-year 2020 --price 50 --discount-rate 5 --price-change 0 --out "$WORK/change"
measure change-nomaps $CLI carbon change --baseline "$BASELINE" --alternate "$ALTERNATE" --pools "$POOLS" --no-maps --out "$WORK/change-nomaps"
measure anchor /usr/bin/python3 bench/carbon/anchor_numpy.py "$BASELINE" "$ALTERNATE" "$POOLS"
cat "$WORK/anchor.time" >/dev/null
/usr/bin/python3 bench/carbon/anchor_numpy.py "$BASELINE" "$ALTERNATE" "$POOLS" > "$WORK/anchor.txt"
echo "--- ours (summary.json) vs anchor (GDAL+numpy)"
grep -E "total_mg_c\"|nodata_pixels" "$WORK/change/summary.json"
cat "$WORK/anchor.txt"
ls -la "$WORK/change"
