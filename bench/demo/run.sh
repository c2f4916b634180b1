#!/usr/bin/env bash
# First build of the demo workspace: wall, CPU (user+sys) and peak RSS, the phase lines the builder prints, the load
# average, and a byte comparison of every output against a reference workspace built by the same generator version.
# Usage: bench/demo/run.sh [reference-folder]   (default: data/demo of this checkout, if built)
set -euo pipefail
cd "$(dirname "$0")/../.."
ref="${1:-data/demo}"
dotnet build src/SpatialCarbon.Cli -c Release -v q -nologo >/dev/null
ws="$(mktemp -d)/demo"
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "demo first build: wall %e s, user %U s, sys %S s, peak RSS %M KB" \
  dotnet src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll demo --no-serve --workspace "$ws" 2>&1 \
  | tr '\r' '\n' | grep -E '^demo: (reading|[0-9]+ districts|rasters|zones|built)|^demo first build' | tee "$ws.out"
# For bench/run-all.sh: RESULT|job|ours|anchor|ratio|peak (no anchor: the issue sets a 30 s target).
sed -n 's/^demo first build: wall \([0-9.]*\) s, .*peak RSS \([0-9]*\) KB$/\1 \2/p' "$ws.out" \
  | awk '{ printf "RESULT|demo first build (target <= 30 s)|%s s|-|-|%.0f MB\n", $1, $2 / 1024 }'
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
if [ -d "$ref" ]; then
  for f in "$ref"/*.tif "$ref"/zones.gpkg "$ref"/manifest.json; do
    if cmp -s "$f" "$ws/$(basename "$f")"; then echo "identical: $(basename "$f")"; else echo "DIFFERS: $(basename "$f")"; fi
  done
fi
rm -rf "$(dirname "$ws")"
