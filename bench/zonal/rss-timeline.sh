#!/usr/bin/env bash
# One `zonal --stats count,sum,mean,frac` run with its resident memory sampled every second, to see in which phase
# the peak falls (reading, engine, output) and how it moves with full GCs; then the /usr/bin/time summary and the
# CSV's MD5.
# Usage: bench/zonal/rss-timeline.sh CLI DATA_DIR [ZONES] > timeline.txt
#   e.g. bench/zonal/rss-timeline.sh /tmp/parcels1m/publish/spatialcarbon /tmp/parcels1m parcels.gpkg
set -euo pipefail
cli="$1" data="$2" zones="${3:-parcels.gpkg}"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
/usr/bin/time -v -o "$out/time" "$cli" zonal --raster "$data/landcover.tif" --zones "$data/$zones" --id-field id \
  --stats count,sum,mean,frac --out "$out/out.csv" </dev/null 2>"$out/err" &
pid=$!
sleep 0.2
child="$(pgrep -P "$pid" | head -1)"
t=0
while kill -0 "$pid" 2>/dev/null; do
  rss="$(awk '/VmRSS/{print int($2/1024)}' "/proc/$child/status" 2>/dev/null || true)"
  cpu="$(awk '{printf "%.1f", ($14+$15)/100}' "/proc/$child/stat" 2>/dev/null || true)"
  [ -n "$rss" ] && echo "t=${t}s rss=${rss}MB cpu=${cpu}s"
  sleep 1
  t=$((t + 1))
done
wait "$pid" || { cat "$out/err" >&2; exit 1; }
grep -E "Maximum resident|User time|System time|Elapsed" "$out/time"
echo "load: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "md5: $(md5sum < "$out/out.csv" | cut -c1-32)"
