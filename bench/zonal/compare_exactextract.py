"""Compares our zonal CSV (id,count,sum,mean,frac_<class>...) with exactextract's zone by zone: prints the largest
relative difference of count, sum and mean and the largest absolute difference of frac, and exits 1 above 1e-6.
exactextract's CSV writes frac unnested, one row per class of a zone; its class is there only when unique(...) was
asked too, otherwise frac is not compared. Zones exactextract leaves out (no cell covered) must be all zeros on our
side. Usage: compare_exactextract.py OURS.csv EXACTEXTRACT.csv"""
import csv
import math
import sys

LIMIT = 1e-6


def number(text):
    return float("nan") if text in ("", "nan", "NaN") else float(text)


def column(header, stat):
    for h in header:
        if h == stat or h.endswith("_" + stat):
            return h
    raise SystemExit(f"exactextract output has no {stat} column: {header}")


ours = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
reader = csv.DictReader(open(sys.argv[2]))
header = reader.fieldnames
theirs, fracs = {}, {}
frac_col = next((h for h in header if h.endswith("frac")), None)
unique_col = next((h for h in header if h.endswith("unique")), None)
for r in reader:
    theirs[r["id"]] = r
    if frac_col and unique_col and r[unique_col] != "":
        fracs.setdefault(r["id"], {})[number(r[unique_col])] = number(r[frac_col])
worst = {"count": 0.0, "sum": 0.0, "mean": 0.0}
if unique_col:
    worst["frac"] = 0.0
for zid, o in ours.items():
    t = theirs.get(zid)
    if t is None:
        if number(o["count"]) != 0:
            raise SystemExit(f"zone {zid}: exactextract has no row, ours has count {o['count']}")
        continue
    for stat in ("count", "sum", "mean"):
        a, b = number(o[stat]), number(t[column(header, stat)])
        if math.isnan(a) and (math.isnan(b) or b == 0):
            continue
        worst[stat] = max(worst[stat], abs(a - b) / max(abs(b), 1.0))
    if unique_col:
        tf = fracs.get(zid, {})
        for h, v in o.items():
            if h.startswith("frac_"):
                worst["frac"] = max(worst["frac"], abs(number(v) - tf.get(float(h[5:]), 0.0)))
print(f"  {len(ours)} zones (exactextract: {len(theirs)} with cells); max difference: "
      + ", ".join(f"{k} {v:.1e}" for k, v in worst.items()) + f" (limit {LIMIT:g})")
sys.exit(0 if all(v <= LIMIT for v in worst.values()) else 1)
