#!/usr/bin/env bash
# Many zones: `spatialcarbon zonal --stats count,sum,mean,frac` over 1,000,000 adjacent parcels (a county's land
# survey: octagons of ~20 x 20 cells tiling the raster) on a 20,000 x 20,000-cell Byte raster, side by side with
# exactextract on the same inputs (RUNS times each), then the table (wall, user+sys CPU, max RSS, load, ratios) and
# the agreement of the two outputs. Target: peak RSS under 1.5 GB.
# Usage: EXACTEXTRACT=/path/to/exactextract bench/zonal/run-parcels.sh [DATA_DIR]
#   DATA_DIR defaults to /tmp/spatialcarbon-parcels-bench (generated once: SIZE and PARCELS override 20000 / 1000000).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-/tmp/spatialcarbon-parcels-bench}"
runs="${RUNS:-1}"
ee="${EXACTEXTRACT:-}"
cd "$root"
mkdir -p "$data"
[ "${SKIP_PUBLISH:-0}" = 1 ] || dotnet publish src/SpatialCarbon.Cli -c Release -r linux-x64 --self-contained false -o "$data/publish" -v q -nologo >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
cli="$data/publish/spatialcarbon"
[ -f "$data/parcels.gpkg" ] || /usr/bin/time -f "generated in %e s" dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll \
  parcels-data "$data" "${SIZE:-20000}" "${PARCELS:-1000000}"
if [ -n "$ee" ] && [ ! -x "$ee" ]; then echo "EXACTEXTRACT=$ee is not an executable" >&2; exit 2; fi

ours() {
  "$cli" zonal --raster "$data/landcover.tif" --zones "$data/parcels.gpkg" --id-field id --stats count,sum,mean,frac --out "$1" "${@:2}"
}
theirs() {
  rm -f "$1"
  "$ee" -r "landcover:$data/landcover.tif" -p "$data/parcels.gpkg" -f id \
    -s "count(landcover)" -s "sum(landcover)" -s "mean(landcover)" -s "frac(landcover)" "${@:2}" -o "$1"
}

export -f ours theirs
export cli data ee
TIMES="$data/times.tsv"
: > "$TIMES"
source bench/zonal/timing.sh
echo "== zonal count,sum,mean,frac: $(gdalinfo "$data/landcover.tif" | grep '^Size is'), $(ogrinfo -so -al "$data/parcels.gpkg" | grep 'Feature Count'), $(nproc) cores"
for run in $(seq 1 "$runs"); do
  time_run "ours (all cores)" ours "$data/ours.csv"
  [ -z "$ee" ] || time_run "exactextract" theirs "$data/exactextract.csv"
done
echo
table exactextract "zonal 1,000,000 parcels,"
if [ -n "$ee" ]; then
  echo "== agreement, ours vs exactextract"
  /usr/bin/python3 bench/zonal/compare_exactextract.py "$data/ours.csv" "$data/exactextract.csv"
fi
