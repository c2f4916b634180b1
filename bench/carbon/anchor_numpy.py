#!/usr/bin/python3
"""Anchor for the carbon benchmark: the same stock/change totals computed independently with GDAL + numpy,
block by block (InVEST-style reclassification to densities, summed in float64). With --maps DIR it also writes the
three Float32 maps `carbon change` writes (baseline_density, alternate_density, change; NaN nodata) the way InVEST's
raster library (pygeoprocessing) creates rasters by default: tiled 256, LZW, BigTIFF.
Usage: anchor_numpy.py BASELINE ALTERNATE POOLS.csv [--maps DIR]"""
import sys, csv, os
import numpy as np
from osgeo import gdal

gdal.UseExceptions()
args = sys.argv[1:]
maps_dir = None
if "--maps" in args:
    i = args.index("--maps")
    maps_dir = args[i + 1]
    del args[i:i + 2]
a, b = gdal.Open(args[0]), gdal.Open(args[1])
with open(args[2], newline="", encoding="utf-8") as f:
    rows = [{k.lower(): v for k, v in r.items()} for r in csv.DictReader(f)]
lut = np.full(256, np.nan)
for r in rows:
    lut[int(r["lucode"])] = sum(float(r[k]) for k in ("c_above", "c_below", "c_soil", "c_dead"))
gt = a.GetGeoTransform()
cell_ha = abs(gt[1] * gt[5]) / 1e4
ba, bb = a.GetRasterBand(1), b.GetRasterBand(1)
nd_a, nd_b = ba.GetNoDataValue(), bb.GetNoDataValue()
W, H = a.RasterXSize, a.RasterYSize

outs = []
if maps_dir:
    os.makedirs(maps_dir, exist_ok=True)
    drv = gdal.GetDriverByName("GTiff")
    for name in ("baseline_density", "alternate_density", "change"):
        ds = drv.Create(os.path.join(maps_dir, name + ".tif"), W, H, 1, gdal.GDT_Float32,
                        ["TILED=YES", "BIGTIFF=YES", "COMPRESS=LZW", "BLOCKXSIZE=256", "BLOCKYSIZE=256"])
        ds.SetGeoTransform(gt)
        ds.SetProjection(a.GetProjection())
        ds.GetRasterBand(1).SetNoDataValue(float("nan"))
        outs.append(ds)
lut32 = lut.astype(np.float32)

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
    if outs:
        # Change in float64 then rounded once, as `carbon change` computes it.
        for ds, m in zip(outs, (lut32[va], lut32[vb], (lut[vb] - lut[va]).astype(np.float32))):
            m[bad] = np.nan
            ds.GetRasterBand(1).WriteArray(m, 0, y)
for ds in outs:
    ds.FlushCache()
outs = None
print(f"baseline_total_mg_c {tot_a!r}\nalternate_total_mg_c {tot_b!r}\nchange_total_mg_c {tot_b - tot_a!r}\nnodata_pixels {nodata}")
