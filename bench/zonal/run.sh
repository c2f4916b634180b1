#!/usr/bin/env bash
# Whole-process benchmark of `spatialcarbon zonal` on the generated case (10,000 x 10,000 cells of 30 m, ~2,000
# polygons), plus the independent exact cross-check on a small case it was not tuned on.
# Usage: bench/zonal/run.sh [DATA_DIR]   (default /tmp/spatialcarbon-zonal-bench; the data is generated once)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-/tmp/spatialcarbon-zonal-bench}"
cd "$root"
dotnet build -c Release src/SpatialCarbon.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
cli="dotnet src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll"
gen="dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll zonal-data"

[ -f "$data/big/landcover.tif" ] || $gen "$data/big" 10000 2000
[ -f "$data/small/landcover.tif" ] || $gen "$data/small" 500 50

echo "== count,sum,mean,frac on 10,000 x 10,000 cells, $(ogrinfo -so -al "$data/big/zones.gpkg" | grep 'Feature Count')"
for run in 1 2 3; do
  /usr/bin/time -v $cli zonal --raster "$data/big/landcover.tif" --zones "$data/big/zones.gpkg" --id-field id \
    --stats count,sum,mean,frac --out "$data/big/out.csv" 2> "$data/big/time.txt" || { cat "$data/big/time.txt"; exit 1; }
  wall=$(grep 'Elapsed (wall' "$data/big/time.txt" | awk '{print $NF}')
  rss=$(grep 'Maximum resident' "$data/big/time.txt" | awk '{print $NF}')
  user=$(grep 'User time' "$data/big/time.txt" | awk '{print $NF}')
  sys=$(grep 'System time' "$data/big/time.txt" | awk '{print $NF}')
  echo "run $run: wall ${wall}, user ${user} s, sys ${sys} s, max RSS $((rss / 1024)) MB, load $(cut -d' ' -f1 /proc/loadavg)"
done

echo "== independent exact cross-check (OGR/GEOS cell-by-cell) on 500 x 500 cells, 50 polygons"
$cli zonal --raster "$data/small/landcover.tif" --zones "$data/small/zones.gpkg" --id-field id \
  --stats count,sum,frac --out "$data/small/out.csv" 2>/dev/null
/usr/bin/time -f "cross-check: wall %e s, cpu %U s" /usr/bin/python3 bench/zonal/crosscheck.py "$data/small/landcover.tif" "$data/small/zones.gpkg" "$data/small/out.csv"
