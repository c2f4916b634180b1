# Shared by the zonal benchmark scripts (sourced): one timed run of a command, appended to a TSV, and the table.
# TIMES (a TSV file) must be set by the caller.

# time_run LABEL COMMAND...: runs COMMAND (a program, or a function the caller exported with export -f) under
# /usr/bin/time through bash -c (whose few MB do not change the max RSS of the tree), prints one line and appends
# label, wall s, user s, sys s, max RSS KB, 1-minute load average to $TIMES. Stops the script if COMMAND fails.
time_run() {
  local label=$1; shift
  local t; t=$(mktemp)
  if ! /usr/bin/time -f "%e %U %S %M" -o "$t" bash -c '"$@"' time_run "$@" >/dev/null 2>"$t.err"; then
    echo "$label failed:" >&2; cat "$t.err" >&2; rm -f "$t" "$t.err"; exit 1
  fi
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  read -r wall user sys rss < <(tail -1 "$t")
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$label" "$wall" "$user" "$sys" "$rss" "$load" >> "$TIMES"
  printf '  %-34s wall %6.2f s  cpu %6.2f s  max RSS %5d MB  load %s\n' "$label" "$wall" "$(echo "$user + $sys" | bc)" "$((rss / 1024))" "$load"
  rm -f "$t" "$t.err"
}

# table ANCHOR_LABEL [JOB]: medians per label from $TIMES, with each label's ratio to the anchor (anchor / ours: > 1
# means we are faster) in wall time and in CPU time; then a `RESULT|JOB label|ours|anchor|ratio|peak` line per label
# for bench/run-all.sh.
table() {
  /usr/bin/python3 - "$TIMES" "$1" "${2:-zonal}" <<'PY'
import statistics, sys
rows = {}
for line in open(sys.argv[1]):
    label, wall, user, sys_, rss, load = line.rstrip("\n").split("\t")
    rows.setdefault(label, []).append((float(wall), float(user) + float(sys_), int(rss) / 1024, float(load)))
anchor = rows.get(sys.argv[2])
aw = statistics.median(r[0] for r in anchor) if anchor else None
ac = statistics.median(r[1] for r in anchor) if anchor else None
print(f"| {'job':34} | runs | wall (median) | CPU user+sys (median) | max RSS | load avg | anchor/ours wall | anchor/ours CPU |")
print(f"|{'-'*36}|------|---------------|-----------------------|---------|----------|------------------|-----------------|")
for label, rs in rows.items():
    w = statistics.median(r[0] for r in rs); c = statistics.median(r[1] for r in rs)
    rss = max(r[2] for r in rs); load = statistics.median(r[3] for r in rs)
    ratio_w = f"{aw / w:.2f}x" if aw and label != sys.argv[2] else ""
    ratio_c = f"{ac / c:.2f}x" if ac and label != sys.argv[2] else ""
    print(f"| {label:34} | {len(rs):4} | {w:11.2f} s | {c:19.2f} s | {rss:4.0f} MB | {load:8.1f} | {ratio_w:>16} | {ratio_c:>15} |")
arss = max(r[2] for r in anchor) if anchor else None
for label, rs in rows.items():
    if label == sys.argv[2]: continue
    w = statistics.median(r[0] for r in rs); rss = max(r[2] for r in rs)
    print(f"RESULT|{sys.argv[3]} {label}|{w:.2f} s|{f'{aw:.2f} s' if aw else '-'}|{f'{aw / w:.2f}x' if aw else '-'}|{rss:.0f} MB / {f'{arss:.0f} MB' if arss else '-'}")
PY
}
