#!/usr/bin/python3
"""Checks that two Float32 maps hold the same values (NaN where either is nodata), reading both with GDAL in bands of
1024 rows: prints the cells compared, NaN cells, NaN mismatches and the largest absolute difference.
Usage: compare_maps.py OURS.tif ANCHOR.tif"""
import sys
import numpy as np
from osgeo import gdal

gdal.UseExceptions()
a, b = gdal.Open(sys.argv[1]), gdal.Open(sys.argv[2])
if (a.RasterXSize, a.RasterYSize) != (b.RasterXSize, b.RasterYSize):
    sys.exit(f"size differs: {a.RasterXSize}x{a.RasterYSize} vs {b.RasterXSize}x{b.RasterYSize}")
ba, bb = a.GetRasterBand(1), b.GetRasterBand(1)
W, H = a.RasterXSize, a.RasterYSize
nan = mismatch = 0
worst = 0.0
for y in range(0, H, 1024):
    h = min(1024, H - y)
    va, vb = ba.ReadAsArray(0, y, W, h), bb.ReadAsArray(0, y, W, h)
    na, nb = np.isnan(va), np.isnan(vb)
    nan += int(na.sum())
    mismatch += int((na != nb).sum())
    ok = ~(na | nb)
    if ok.any():
        worst = max(worst, float(np.abs(va[ok].astype(np.float64) - vb[ok]).max()))
print(f"{sys.argv[1]}: {W * H} cells, {nan} NaN, {mismatch} NaN mismatches, max |difference| {worst!r}")
sys.exit(0 if mismatch == 0 and worst == 0 else 1)
