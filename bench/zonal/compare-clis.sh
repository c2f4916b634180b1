#!/usr/bin/env bash
# Before/after check of two builds of the CLI on one zonal case: RUNS (default 3) interleaved runs of each with
# `zonal --stats count,sum,mean,frac`, each line user+sys CPU, max RSS, wall, load average and the CSV's MD5 (must be
# the same for both builds).
# Usage: bench/zonal/compare-clis.sh OLD_CLI NEW_CLI DATA_DIR [ZONES]
#   DATA_DIR holds landcover.tif and ZONES (default zones.gpkg; parcels.gpkg for run-parcels.sh's data), e.g.
#   bench/zonal/compare-clis.sh /tmp/main/spatialcarbon /tmp/branch/spatialcarbon /tmp/spatialcarbon-zonal-bench/big
set -euo pipefail
old="$1" new="$2" data="$3" zones="${4:-zones.gpkg}"
runs="${RUNS:-3}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
one() { # one LABEL CLI
  /usr/bin/time -f "%U %S %M %e" -o "$out/time" "$2" zonal --raster "$data/landcover.tif" --zones "$data/$zones" \
    --id-field id --stats count,sum,mean,frac --out "$out/$1.csv" 2>/dev/null
  read -r user sys rss wall < "$out/time"
  printf '%-4s cpu %6.2f s  rss %5d MB  wall %6.2f s  load %s  md5 %s\n' "$1" "$(echo "$user + $sys" | bc)" \
    $((rss / 1024)) "$wall" "$(cut -d' ' -f1 /proc/loadavg)" "$(md5sum < "$out/$1.csv" | cut -c1-12)"
}
for run in $(seq 1 "$runs"); do
  one old "$old"
  one new "$new"
done
