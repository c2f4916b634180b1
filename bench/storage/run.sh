#!/usr/bin/env bash
# Workspace stores side by side: the demo workspace copied into PostGIS (anchor: ogr2ogr into the same server) and
# back; zonal statistics per control unit with the zones read from the GeoPackage and from PostGIS; 10,000 footprint
# queries (intersects, within 1 km) on either. Starts a throwaway PostgreSQL cluster (as the postgres user when run
# as root) and stops it at the end.
# Usage: bench/storage/run.sh [DEMO_DIR]   (default data/demo; only copied, never modified)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
demo="$(cd "${1:-$root/data/demo}" && pwd)"
cd "$root"
dotnet build -c Release src/SpatialCarbon.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
cli="dotnet src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll"
bench="dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll"

work="$(mktemp -d /tmp/spatialcarbon-storage-bench.XXXXXX)"
chmod 755 "$work"
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $work" start >/dev/null
trap 'as_pg "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null; rm -rf "$work"' EXIT
# Everything printed is kept, so that the RESULT lines for bench/run-all.sh can be read off it at the end.
exec > >(tee "$work/report.txt") 2>&1
psql -h 127.0.0.1 -p "$port" -U postgres -q -c "CREATE EXTENSION postgis" -c "CREATE SCHEMA ogr" postgres

mkdir "$work/demo"
cp "$demo/zones.gpkg" "$work/demo/"
for tif in "$demo"/*.tif; do ln -s "$tif" "$work/demo/"; done
gpkg="$work/demo/zones.gpkg"
pg="postgresql://postgres@127.0.0.1:$port/postgres?schema=demo"
timed() { echo "  (load average $(cut -d' ' -f1-3 /proc/loadavg))"; /usr/bin/time -f "  wall %e s, user %U s, sys %S s, max RSS %M KB" "$@"; }

echo "== demo zones: $(ogrinfo -ro -so -al "$demo/zones.gpkg" | grep -c 'Feature Count') layers, $(ogrinfo -ro -so "$demo/zones.gpkg" control_unit | grep 'Feature Count'), load $(cut -d' ' -f1 /proc/loadavg)"
echo "== GeoPackage -> PostGIS: spatialcarbon workspace copy"
# The folder, so that the catalogue (the rasters beside zones.gpkg) goes along, with full paths.
for run in 1 2 3; do timed $cli workspace copy --from "$work/demo" --to "$pg" >/dev/null; done
echo "== GeoPackage -> PostGIS: anchor ogr2ogr (layers only, GiST index, one transaction per layer)"
for run in 1 2 3; do
  timed ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$port dbname=postgres user=postgres" "$demo/zones.gpkg" \
    -lco SCHEMA=ogr -lco OVERWRITE=YES -lco GEOMETRY_NAME=geom --config PG_USE_COPY YES -overwrite
done
echo "== PostGIS -> GeoPackage: spatialcarbon workspace copy"
for run in 1 2 3; do rm -f "$work/back.gpkg"*; timed $cli workspace copy --from "$pg" --to "$work/back.gpkg" >/dev/null; done
echo "== zonal count,sum,frac of landuse_2020 per control unit, zones read from each store"
for store in "$gpkg" "$pg"; do
  echo "-- $store"
  for run in 1 2; do timed $bench storage-zonal "$store" "$demo/landuse_2020.tif"; done
done
echo "== 10,000 footprint queries on control_unit"
for store in "$gpkg" "$pg"; do
  echo "-- $store"
  timed $bench storage-queries "$store" 10000
done
echo "== siting screen: 2 x 500 single 50 ha screens (p50/p95) and 2 x 10,000 (1-100 ha) in parallel, context read from each store"
for store in "$gpkg" "$pg"; do
  echo "-- $store"
  timed $bench screen-bench "$store" "$root/data/rules/jiangsu-demo-rules.json" "$root/data/carbon/clcd_pools_illustrative.csv" 10000
done
# For bench/run-all.sh: RESULT|job|ours|anchor|ratio|peak.
/usr/bin/python3 - "$work/report.txt" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
def walls(title):
    part = text.split(f"== {title}", 1)[1].split("\n== ", 1)[0]
    return [(float(w), int(r)) for w, r in re.findall(r"wall ([0-9.]+) s, .*?max RSS (\d+) KB", part)]
ours, anchor = walls("GeoPackage -> PostGIS: spatialcarbon workspace copy"), walls("GeoPackage -> PostGIS: anchor ogr2ogr")
if ours and anchor:
    o, a = statistics.median(w for w, _ in ours), statistics.median(w for w, _ in anchor)
    print(f"RESULT|workspace copy GeoPackage -> PostGIS (median of {len(ours)}; ogr2ogr copies layers only)|{o:.2f} s|{a:.2f} s|{a / o:.2f}x|{max(r for _, r in ours) // 1024} MB / {max(r for _, r in anchor) // 1024} MB")
q = re.findall(r"^10000 footprints: intersects [0-9.]+ s \(([0-9.]+) ms each.*?within 1 km [0-9.]+ s \(([0-9.]+) ms each", text, re.M)
if len(q) == 2:
    print(f"RESULT|10,000 intersects queries, GeoPackage store (anchor: PostGIS store)|{q[0][0]} ms each|{q[1][0]} ms each|{float(q[1][0]) / float(q[0][0]):.2f}x|")
    print(f"RESULT|10,000 within-1-km queries, GeoPackage store (anchor: PostGIS store)|{q[0][1]} ms each|{q[1][1]} ms each|{float(q[1][1]) / float(q[0][1]):.2f}x|")
PY
