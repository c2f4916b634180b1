"""Compares our zonal CSV (id,count,sum,mean,frac_<class>...) with exactextract's (count, sum, mean, frac as a list
of fractions in the order of a unique list, or frac_<class> columns) zone by zone: prints the largest relative
difference of each statistic and exits 1 above 1e-6. Zones exactextract leaves out (no cell covered) must be all
zeros on our side. Usage: compare_exactextract.py OURS.csv EXACTEXTRACT.csv"""
import csv
import math
import sys

LIMIT = 1e-6


def number(text):
    return float("nan") if text in ("", "nan", "NaN") else float(text)


def frac_of(row, header):
    """{class: fraction} from exactextract's row: frac_<v> columns, or frac/unique lists like '{0.5,0.5}'."""
    direct = {float(h[5:]): number(row[h]) for h in header if h.startswith("frac_")}
    if direct:
        return direct
    fracs = next((row[h] for h in header if h.endswith("frac")), None)
    uniq = next((row[h] for h in header if h.endswith("unique")), None)
    if fracs is None:
        return {}
    values = [number(v) for v in fracs.strip("{}[]").split(",") if v.strip()]
    keys = [number(v) for v in uniq.strip("{}[]").split(",") if v.strip()] if uniq else []
    return dict(zip(keys, values))


def column(header, stat):
    for h in header:
        if h == stat or h.endswith("_" + stat):
            return h
    raise SystemExit(f"exactextract output has no {stat} column: {header}")


ours = {r["id"]: r for r in csv.DictReader(open(sys.argv[1]))}
reader = csv.DictReader(open(sys.argv[2]))
header = reader.fieldnames
theirs = {r["id"]: r for r in reader}
worst = {"count": 0.0, "sum": 0.0, "mean": 0.0, "frac": 0.0}
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
    tf = frac_of(t, header)
    for h, v in o.items():
        if h.startswith("frac_"):
            worst["frac"] = max(worst["frac"], abs(number(v) - tf.get(float(h[5:]), 0.0)))
print(f"  {len(ours)} zones (exactextract rows: {len(theirs)}); max relative difference: "
      + ", ".join(f"{k} {v:.1e}" for k, v in worst.items()) + f" (limit {LIMIT:g})")
sys.exit(0 if all(v <= LIMIT for v in worst.values()) else 1)
