#!/bin/sh
# Issue 9 figures, to re-run on an idle machine: a zipped shapefile whose .dbf inflates to 1.6 GB must be refused
# within 2 s and 200 MB (wall, user+sys CPU and peak RSS printed with the load average), then the SIGKILL tests
# (20 kills of zonal, 12 of carbon change) and the reader fuzz counts.
set -eu
repo=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet build "$repo/src/SpatialCarbon.Cli" -c Release -v q -nologo >/dev/null
cli="$repo/src/SpatialCarbon.Cli/bin/Release/net10.0/spatialcarbon.dll"
/usr/bin/python3 - "$work/bomb.zip" <<'PY'
import sys, zipfile
with zipfile.ZipFile(sys.argv[1], "w", compression=zipfile.ZIP_DEFLATED, compresslevel=1) as z:
    z.writestr("parcels.shp", b"")
    z.writestr("parcels.shx", b"")
    with z.open("parcels.dbf", "w", force_zip64=True) as f:
        chunk = b"\0" * (16 << 20)
        for _ in range(100):
            f.write(chunk)
PY
uptime
/usr/bin/time -o "$work/bomb.time" -f "info on a 1.6 GB bomb: wall %e s, user %U s, sys %S s, peak RSS %M KB, exit %x" dotnet "$cli" info "$work/bomb.zip" || true
cat "$work/bomb.time"
dotnet test "$repo/tests/SpatialCarbon.Tests" -c Release --filter "FullyQualifiedName~KillTests|FullyQualifiedName~ReaderFuzz" \
    --logger "console;verbosity=detailed" | grep -E "fuzz |Passed |Failed |Total tests" | tee "$work/tests.txt"
# For bench/run-all.sh: RESULT|job|ours|anchor|ratio|peak (robustness, not speed: no anchor).
sed -n 's/^info on a 1.6 GB bomb: wall \([0-9.]*\) s, .*peak RSS \([0-9]*\) KB, exit \([0-9]*\)$/RESULT|info on a 1.6 GB zip bomb (exit \3)|\1 s|-|-|\2 KB/p' "$work/bomb.time"
awk '/^ fuzz / { n += $3; c += $(NF - 1) } END { printf "RESULT|reader fuzzing: %d mutated files|%d crashes|-|-|\n", n, c }' "$work/tests.txt"
uptime
