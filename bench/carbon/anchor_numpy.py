#!/usr/bin/python3
"""Anchor for the carbon benchmark: the same stock/change totals computed independently with GDAL + numpy,
block by block (InVEST-style reclassification to densities, summed in float64). No maps are written.
Usage: anchor_numpy.py BASELINE ALTERNATE POOLS.csv"""
import sys, csv
import numpy as np
from osgeo import gdal

a, b = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])
with open(sys.argv[3], newline="", encoding="utf-8") as f:
    rows = [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(f)]
lut = np.full(256, np.nan)
for r in rows:
    lut[int(r["lucode"])] = sum(float(r[k]) for k in ("c_above", "c_below", "c_soil", "c_dead"))
gt = a.GetGeoTransform()
cell_ha = abs(gt[1] * gt[5]) / 1e4
ba, bb = a.GetRasterBand(1), b.GetRasterBand(1)
nd_a, nd_b = ba.GetNoDataValue(), bb.GetNoDataValue()
W, H = a.RasterXSize, a.RasterYSize
tot_a = tot_b = 0.0
nodata = 0
for y in range(0, H, 1024):
    h = min(1024, H - y)
    va, vb = ba.ReadAsArray(0, y, W, h), bb.ReadAsArray(0, y, W, h)
    bad = (va == nd_a) | (vb == nd_b)
    nodata += int(bad.sum())
    ok = ~bad
    tot_a += float(lut[va[ok]].sum(dtype=np.float64)) * cell_ha
    tot_b += float(lut[vb[ok]].sum(dtype=np.float64)) * cell_ha
print(f"baseline_total_mg_c {tot_a!r}\nalternate_total_mg_c {tot_b!r}\nchange_total_mg_c {tot_b - tot_a!r}\nnodata_pixels {nodata}")
