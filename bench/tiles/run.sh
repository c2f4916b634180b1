#!/usr/bin/env bash
# Tiles side by side, in one run:
#  a. uncached MVT of control_unit at z8, z10, z12, z14 (a fixed tile list over Jiangsu): our VectorTileSource on one
#     thread against PostGIS ST_AsMVT with Martin's query on one connection, on a throwaway cluster;
#  b. cached tiles from `spatialcarbon serve` under wrk on loopback, 64 connections;
#  c. seeding land use z6-z12 with mode resampling: `spatialcarbon tiles seed` against `gdal2tiles.py -r mode
#     --processes 2`, on the same 10,000 x 10,000 crop of the demo's landuse_2020 (with mode overviews).
# Every figure comes with CPU time (user+sys) and the load average: on a shared machine wall times are noisy.
# Usage: bench/tiles/run.sh [DEMO_DIR]   (default data/demo; read only, never modified)
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
demo="$(cd "${1:-$root/data/demo}" && pwd)"
cd "$root"
dotnet build -c Release src/SpatialCarbon.Cli -v q -nologo >/dev/null
dotnet build -c Release bench/SpatialCarbon.Bench -v q -nologo >/dev/null
cli="dotnet src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll"
bench="dotnet bench/SpatialCarbon.Bench/bin/Release/net10.0/SpatialCarbon.Bench.dll"
load() { cut -d' ' -f1-3 /proc/loadavg; }
# Wall and CPU of a command (its children included); the command's own stderr is kept out of the table.
timed() { /usr/bin/time -o "$work/time.txt" -f "  wall %e s, CPU %U s user + %S s sys, max RSS %M KB" "$@" 2>"$work/stderr.txt" || { cat "$work/stderr.txt"; return 1; }; cat "$work/time.txt"; }
# utime+stime of a process and its waited-for children, seconds.
cpu_of() { awk '{ split($0, a, ") "); split(a[2], f, " "); printf "%.2f", (f[12] + f[13] + f[14] + f[15]) / 100 }' "/proc/$1/stat"; }

work="$(mktemp -d /tmp/spatialcarbon-tiles-bench.XXXXXX)"
chmod 755 "$work"
server_pid=""
bin="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  [ -f "$work/pg/postmaster.pid" ] && as_pg "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
# Everything printed is kept, so that the RESULT lines for bench/run-all.sh can be read off it at the end.
exec > >(tee "$work/report.txt") 2>&1
echo "== $(nproc) cores, load $(load) at start; demo $demo"

echo
echo "== a. uncached MVT of control_unit: ours (one thread) vs PostGIS ST_AsMVT, Martin's query (one connection)"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
[ "$(id -u)" = 0 ] && chown postgres "$work"
as_pg "$bin/initdb" -D "$work/pg" -U postgres -A trust -E UTF8 --locale=C --no-sync >/dev/null
as_pg "$bin/pg_ctl" -D "$work/pg" -l "$work/pg.log" -w -o "-c listen_addresses=127.0.0.1 -p $port -k $work -c jit=off" start >/dev/null
psql -h 127.0.0.1 -p "$port" -U postgres -qAt -c "CREATE EXTENSION postgis" -c "SELECT 'PostgreSQL ' || current_setting('server_version') || ', PostGIS ' || postgis_lib_version()" postgres
# Layer as it is (EPSG:4490, attribute names kept), GiST index on geom, analysed.
ogr2ogr -f PostgreSQL "PG:host=127.0.0.1 port=$port dbname=postgres user=postgres" "$demo/zones.gpkg" control_unit \
  -lco GEOMETRY_NAME=geom -lco FID=fid -lco LAUNDER=NO -lco SPATIAL_INDEX=GIST -nlt PROMOTE_TO_MULTI --config PG_USE_COPY YES
psql -h 127.0.0.1 -p "$port" -U postgres -qAt -c "ANALYZE control_unit" -c "SELECT count(*) || ' control units, ' || pg_size_pretty(pg_total_relation_size('control_unit')) FROM control_unit" postgres
read -r west south east north < <(ogrinfo -ro -so "$demo/zones.gpkg" control_unit | sed -n 's/^Extent: (\([^,]*\), \([^)]*\)) - (\([^,]*\), \([^)]*\))/\1 \2 \3 \4/p')
$bench tiles-list "$work/tiles.txt" "$west" "$south" "$east" "$north" 8 10 12 14
echo "tile list: $(awk '{print "z"$1}' "$work/tiles.txt" | sort -V | uniq -c | awk '{printf "%s %s tiles, ", $2, $1}')over ($west, $south)-($east, $north)"
timed $bench tiles-mvt "$demo/zones.gpkg" "$work/tiles.txt"
timed $bench tiles-mvt-postgis "Host=127.0.0.1;Port=$port;Username=postgres;Database=postgres;Pooling=false" control_unit 4490 "$work/tiles.txt"
as_pg "$bin/pg_ctl" -D "$work/pg" -m fast -w stop >/dev/null

echo
echo "== b. cached tiles: spatialcarbon serve $demo, wrk -t2 -c64 -d15s over the URL list, every URL fetched once first"
port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
$cli serve --workspace "$demo" --port "$port" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
# Zone tiles (several layers in one tile too) and land-use PNGs around Nanjing, Yangzhou and Suzhou at z8-z12.
python3 - "$work/urls.txt" <<'PY'
import math, sys
def tile(lon, lat, z):
    n = 2 ** z
    return int((lon + 180) / 360 * n), int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
urls = []
for lon, lat in [(118.78, 32.06), (119.42, 32.39), (120.62, 31.30), (119.95, 33.5)]:
    for z in range(8, 13):
        cx, cy = tile(lon, lat, z)
        for dx in (-1, 0, 1):
            for dy in (-1, 0, 1):
                for path in ("control_unit", "red_line,eco_space", "admin"):
                    urls.append(f"/tiles/{path}/{z}/{cx + dx}/{cy + dy}.mvt")
                urls.append(f"/tiles/landuse_2020/{z}/{cx + dx}/{cy + dy}.png")
open(sys.argv[1], "w").write("\n".join(sorted(set(urls))) + "\n")
PY
echo "$(wc -l < "$work/urls.txt") URLs; warming the cache once:"
warm_cpu0=$(cpu_of "$server_pid"); warm_start=$(date +%s.%N)
codes="$(sed "s|^|http://127.0.0.1:$port|" "$work/urls.txt" | xargs -P 4 -n 1 curl -s -o /dev/null -w '%{http_code}\n' | sort | uniq -c | tr '\n' ' ')"
echo "  status codes: $codes; wall $(echo "$(date +%s.%N) - $warm_start" | bc | xargs printf '%.1f') s, server CPU $(echo "$(cpu_of "$server_pid") - $warm_cpu0" | bc) s"
cat >"$work/urls.lua" <<LUA
local urls, i = {}, 0
for line in io.lines("$work/urls.txt") do urls[#urls + 1] = line end
request = function()
  i = i % #urls + 1
  return wrk.format("GET", urls[i])
end
LUA
cpu0=$(cpu_of "$server_pid")
echo "  load before $(load)"
wrk -t2 -c64 -d15s --latency -s "$work/urls.lua" "http://127.0.0.1:$port" | tee "$work/wrk.txt" | sed 's/^/  /'
echo "  errors: $(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }' "$work/wrk.txt") (non-2xx/3xx responses and socket errors)"
echo "  server CPU during the run $(echo "$(cpu_of "$server_pid") - $cpu0" | bc) s of 15 s; load after $(load)"
# The tail moves a lot from run to run when wrk shares the cores with the server: WRK_RUNS=N repeats the run and
# prints every p99 and their median.
if [ "${WRK_RUNS:-1}" -gt 1 ]; then
  for r in $(seq 2 "$WRK_RUNS"); do
    wrk -t2 -c64 -d15s --latency -s "$work/urls.lua" "http://127.0.0.1:$port" > "$work/wrk$r.txt"
  done
  cp "$work/wrk.txt" "$work/wrk1.txt"
  for r in $(seq 1 "$WRK_RUNS"); do
    printf '  run %s: %s req/s, p99 %s, errors %s\n' "$r" "$(awk '/Requests\/sec/ { print $2 }' "$work/wrk$r.txt")" \
      "$(awk '$1 == "99%" { print $2 }' "$work/wrk$r.txt")" \
      "$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(/[^0-9 ]/, " "); for (i = 1; i <= NF; i++) n += $i } END { print n + 0 }' "$work/wrk$r.txt")"
  done
  for r in $(seq 1 "$WRK_RUNS"); do
    awk '$1 == "99%" { v = $2; if (v ~ /us$/) v = v / 1000; else v = v + 0; print v }' "$work/wrk$r.txt"
  done | sort -g | awk '{ a[NR] = $1 } END { printf "  p99 of %d runs (ms): ", NR; for (i = 1; i <= NR; i++) printf "%s ", a[i]; printf "; median %s ms\n", (NR % 2 ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2) }'
fi
kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""

echo
echo "== c. seeding landuse z6-z12 with mode resampling: the same 10,000 x 10,000 crop for both"
mkdir -p "$work/ws" "$work/g2t"
# The crop keeps the demo's 30 m Gauss-Kruger grid; mode overviews as the demo has them (our tiles read them).
timed gdal_translate -q -srcwin 3000 3000 10000 10000 -co TILED=YES -co COMPRESS=DEFLATE "$demo/landuse_2020.tif" "$work/ws/landuse_2020.tif"
echo "  overviews (gdaladdo -r mode, both read the same file; gdal2tiles does not use them):"
timed gdaladdo -q -r mode "$work/ws/landuse_2020.tif" 2 4 8 16 32 64
# The smallest zones file serve accepts: the admin layer only.
ogr2ogr -f GPKG "$work/ws/zones.gpkg" "$demo/zones.gpkg" admin
echo "-- spatialcarbon tiles seed --source landuse_2020 --minzoom 6 --maxzoom 12 (load $(load))"
timed $cli tiles seed --source landuse_2020 --minzoom 6 --maxzoom 12 --workspace "$work/ws" --out "$work/landuse_2020.pmtiles" | sed 's/^/  /' 
echo "-- gdal2tiles.py -r mode --processes 2 -z 6-12 --xyz (load $(load))"
timed gdal2tiles.py -q -r mode --processes 2 -z 6-12 --xyz -w none "$work/ws/landuse_2020.tif" "$work/g2t"
echo "  gdal2tiles wrote $(find "$work/g2t" -name '*.png' | wc -l) tiles: $(for z in 6 7 8 9 10 11 12; do printf 'z%s %s, ' "$z" "$(find "$work/g2t/$z" -name '*.png' 2>/dev/null | wc -l)"; done)"
# For bench/run-all.sh: RESULT|job|ours|anchor|ratio|peak.
/usr/bin/python3 - "$work/report.txt" <<'PY'
import re, statistics, sys
text = open(sys.argv[1]).read()
rate = {(who, z): float(v) for who, z, v in re.findall(r"^(ours|postgis) z(\d+):.*?\((\d+) tiles per CPU-second\)", text, re.M)}
for z in sorted({z for _, z in rate}, key=int):
    if ("ours", z) in rate and ("postgis", z) in rate:
        o, p = rate[("ours", z)], rate[("postgis", z)]
        print(f"RESULT|uncached MVT z{z}, tiles per CPU-second (one thread)|{o:.0f}|{p:.0f} (ST_AsMVT)|{o / p:.2f}x|")
runs = re.findall(r"^\s+run \d+: .*?p99 ([0-9.]+)(us|ms)", text, re.M) or re.findall(r"^\s+99%\s+([0-9.]+)(us|ms)", text, re.M)
p99 = [float(v) / (1000 if u == "us" else 1) for v, u in runs]
if p99:
    print(f"RESULT|cached tiles p99, wrk -c64 (median of {len(p99)} runs of 15 s; target < 5 ms)|{statistics.median(p99):.2f} ms|-|-|")
seed = re.search(r"^-- spatialcarbon tiles seed.*?wall ([0-9.]+) s.*?max RSS (\d+) KB", text, re.M | re.S)
g2t = re.search(r"^-- gdal2tiles.py.*?wall ([0-9.]+) s.*?max RSS (\d+) KB", text, re.M | re.S)
if seed and g2t:
    print(f"RESULT|seed land use z6-z12, mode|{seed[1]} s|{g2t[1]} s (gdal2tiles)|{float(g2t[1]) / float(seed[1]):.1f}x|{int(seed[2]) // 1024} MB / {int(g2t[2]) // 1024} MB")
PY
echo "== load $(load) at the end"
