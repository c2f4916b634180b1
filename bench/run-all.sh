#!/usr/bin/env bash
# Runs every bench/*/run.sh in turn (zonal, carbon, screen, storage, tiles, … whichever exist), keeps each one's full
# output in a log, and prints one summary table from the `RESULT|job|ours|anchor|ratio|peak` lines the scripts print.
# A script that fails or prints no RESULT line gets a row saying so (see its log). Run it on an idle machine.
# Usage: bench/run-all.sh [LOGDIR]   (default /tmp/spatialcarbon-bench-all); the scripts' own defaults apply, e.g.
#   BASELINE=data/demo/landuse_2000.tif ALTERNATE=data/demo/landuse_2020.tif bench/run-all.sh
set -uo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
logs="${1:-/tmp/spatialcarbon-bench-all}"
mkdir -p "$logs"
cd "$root"
rows=()
for script in bench/*/run.sh; do
  name=$(basename "$(dirname "$script")")
  log="$logs/$name.log"
  echo "== $name ($script), load $(cut -d' ' -f1-3 /proc/loadavg); log $log"
  start=$(date +%s)
  if bash "$script" > "$log" 2>&1; then status=ok; else status="failed (exit $?)"; fi
  took=$(( $(date +%s) - start ))
  results=$(grep '^RESULT|' "$log" || true)
  if [ -n "$results" ]; then
    while IFS= read -r line; do rows+=("$name|${line#RESULT|}"); done <<< "$results"
  else
    rows+=("$name|no RESULT line: $status, ${took} s, see $log||||")
  fi
  [ "$status" = ok ] || [ -z "$results" ] || rows+=("$name|$status, see $log||||")
done
echo
printf "%-9s | %-44s | %-12s | %-12s | %-7s | %s\n" bench job ours anchor ratio "peak memory (ours / anchor)"
printf -- "----------|----------------------------------------------|--------------|--------------|---------|----------------\n"
for row in "${rows[@]}"; do
  IFS='|' read -r bench job ours anchor ratio peak <<< "$row"
  printf "%-9s | %-44s | %-12s | %-12s | %-7s | %s\n" "$bench" "$job" "$ours" "$anchor" "$ratio" "$peak"
done
echo "load at the end: $(cut -d' ' -f1-3 /proc/loadavg), $(nproc) cores"
