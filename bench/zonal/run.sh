#!/usr/bin/env bash
# Zonal benchmark, side by side with exactextract in one run: `spatialcarbon zonal --stats count,sum,mean,frac` (the
# published ReadyToRun command, self-contained composite unless COMPOSITE=0) with all cores, --threads 1 and
# --threads 2, and exactextract on the same inputs, RUNS times each (interleaved), then a table of medians (wall,
# user+sys CPU, max RSS, load, ratios). Then the two
# are checked against each other on the small case, and (CROSSCHECK=1, slow) against the independent cell-by-cell
# OGR/GEOS check.
# Usage: EXACTEXTRACT=/path/to/exactextract bench/zonal/run.sh [DATA_DIR]
#   DATA_DIR defaults to /tmp/spatialcarbon-zonal-bench (generated once); without EXACTEXTRACT the anchor is skipped.
#   exactextract is built from its public source outside the project (see bench/zonal/README.md). SKIP_PUBLISH=1
#   reuses DATA_DIR/publish from an earlier run.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
data="${1:-/tmp/spatialcarbon-zonal-bench}"
runs="${RUNS:-3}"
ee="${EXACTEXTRACT:-}"
cd "$root"
mkdir -p "$data"
# Self-contained composite ReadyToRun: the framework is compiled into one image with the app, so generic code over the
# app's types is precompiled too (JIT'd methods 285 -> 93, ~0.15 s less CPU per run, most of it on the serial start-up
# path). It takes minutes and ~180 MB; COMPOSITE=0 publishes the framework-dependent ReadyToRun CLI instead. The
# composite leaves component stubs in obj/.../R2R that a later framework-dependent publish would copy: removed after.
r2r_obj=src/SpatialCarbon.Cli/obj/Release/net10.0/linux-x64/R2R
if [ "${SKIP_PUBLISH:-0}" != 1 ]; then
  rm -rf "$data/publish" "$r2r_obj"
  if [ "${COMPOSITE:-1}" = 1 ]; then
    dotnet publish src/SpatialCarbon.Cli -c Release -r linux-x64 --self-contained true -p:PublishReadyToRunComposite=true -o "$data/publish" -v q -nologo >/dev/null
    rm -rf "$r2r_obj"
  else
    dotnet publish src/SpatialCarbon.Cli -c Release -r linux-x64 --self-contained false -o "$data/publish" -v q -nologo >/dev/null
  fi
fi
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
cli="$data/publish/spatialcarbon"
gen="dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll zonal-data"
[ -f "$data/big/landcover.tif" ] || $gen "$data/big" 10000 2000
[ -f "$data/small/landcover.tif" ] || $gen "$data/small" 500 50
if [ -n "$ee" ] && [ ! -x "$ee" ]; then echo "EXACTEXTRACT=$ee is not an executable" >&2; exit 2; fi

ours() { # ours CASE OUT [ARGS...]
  local case=$1 out=$2; shift 2
  "$cli" zonal --raster "$data/$case/landcover.tif" --zones "$data/$case/zones.gpkg" --id-field id \
    --stats count,sum,mean,frac --out "$out" "$@"
}
theirs() { # theirs CASE OUT [EXTRA STATS...]
  rm -f "$2"
  "$ee" -r "landcover:$data/$1/landcover.tif" -p "$data/$1/zones.gpkg" -f id \
    -s "count(landcover)" -s "sum(landcover)" -s "mean(landcover)" -s "frac(landcover)" "${@:3}" -o "$2"
}

export -f ours theirs
export cli data ee
TIMES="$data/times.tsv"
: > "$TIMES"
source bench/zonal/timing.sh
echo "== zonal count,sum,mean,frac: 10,000 x 10,000 cells, $(ogrinfo -so -al "$data/big/zones.gpkg" | grep 'Feature Count'), $(nproc) cores, $runs runs each"
for run in $(seq 1 "$runs"); do
  time_run "ours (all cores)" ours big "$data/big/ours.csv"
  time_run "ours --threads 1" ours big "$data/big/ours-t1.csv" --threads 1
  time_run "ours --threads 2" ours big "$data/big/ours-t2.csv" --threads 2
  [ -z "$ee" ] || time_run "exactextract" theirs big "$data/big/exactextract.csv"
done
echo
table exactextract "zonal 10,000² / 2,000 zones,"
/usr/bin/python3 - "$TIMES" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    f = line.split("\t"); rows.setdefault(f[0], []).append(float(f[1]))
if "ours --threads 1" in rows and "ours --threads 2" in rows:
    t1 = statistics.median(rows["ours --threads 1"]); t2 = statistics.median(rows["ours --threads 2"])
    print(f"\nsecond core: --threads 1 / --threads 2 = {t1 / t2:.2f}x (wall)")
    print(f"RESULT|zonal second core: --threads 2 against --threads 1|{t2:.2f} s|{t1:.2f} s|{t1 / t2:.2f}x|")
PY
md5sum "$data/big/ours.csv" "$data/big/ours-t1.csv" "$data/big/ours-t2.csv" | awk '{print "  md5 " $1 "  " $2}'

echo
echo "== agreement on the small case (500 x 500 cells, 50 zones): ours vs exactextract"
ours small "$data/small/ours.csv"
if [ -n "$ee" ]; then
  theirs small "$data/small/exactextract.csv" -s "unique(landcover)"  # unique: the class of each unnested frac row
  /usr/bin/python3 bench/zonal/compare_exactextract.py "$data/small/ours.csv" "$data/small/exactextract.csv"
  echo "== agreement on the big case (count, sum, mean: the timed exactextract output has no classes)"
  /usr/bin/python3 bench/zonal/compare_exactextract.py "$data/big/ours.csv" "$data/big/exactextract.csv"
fi
if [ "${CROSSCHECK:-0}" = 1 ]; then
  echo "== independent exact cross-check (OGR/GEOS cell-by-cell) on the small case"
  /usr/bin/time -f "cross-check: wall %e s, cpu %U s" /usr/bin/python3 bench/zonal/crosscheck.py "$data/small/landcover.tif" "$data/small/zones.gpkg" "$data/small/ours.csv"
fi
