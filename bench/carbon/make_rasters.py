#!/usr/bin/python3
"""Two province-size land-use rasters for the carbon benchmark when the demo workspace is not built:
17,000 x 16,000 Byte cells of 30 m in EPSG:4549 (~272 M cells, Jiangsu's extent), classes 1-9 in irregular patches,
nodata 0 outside a rough province outline, tiled 256 LZW. The second year changes about 12 % of the patches.
Written in bands of 256 rows so memory stays small. Usage: make_rasters.py OUTDIR"""
import sys, os
import numpy as np
from osgeo import gdal, osr

W, H, B = 17000, 16000, 256
X0, Y0 = 200000.0, 3900000.0  # west / north edge in EPSG:4549 metres
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
# Class shares roughly like Jiangsu's CLCD: cropland, forest, shrub, grass, water, -, barren, impervious, wetland.
classes = np.array([1] * 56 + [2] * 6 + [3] * 1 + [4] * 2 + [5] * 16 + [7] * 1 + [8] * 16 + [9] * 2, dtype=np.uint8)

def hashed(a, b, salt):
    h = (a.astype(np.uint64) * np.uint64(73856093)) ^ (b.astype(np.uint64) * np.uint64(19349663)) ^ np.uint64(salt)
    h = (h ^ (h >> np.uint64(13))) * np.uint64(0x5bd1e995)
    return (h ^ (h >> np.uint64(15))) & np.uint64(0xFFFFFFFF)

def create(path):
    d = gdal.GetDriverByName("GTiff").Create(path, W, H, 1, gdal.GDT_Byte,
                                             ["TILED=YES", "BLOCKXSIZE=256", "BLOCKYSIZE=256", "COMPRESS=LZW", "BIGTIFF=IF_SAFER"])
    d.SetGeoTransform((X0, 30.0, 0.0, Y0, 0.0, -30.0))
    s = osr.SpatialReference(); s.ImportFromEPSG(4549)
    d.SetProjection(s.ExportToWkt())
    d.GetRasterBand(1).SetNoDataValue(0)
    return d

a, b = create(os.path.join(out, "lulc_a.tif")), create(os.path.join(out, "lulc_b.tif"))
cols = np.arange(W)
for y in range(0, H, B):
    rows = np.arange(y, min(y + B, H))
    rr, cc = np.meshgrid(rows, cols, indexing="ij")
    # Warped patches of ~20-60 cells: a wobble shifts the lattice so edges are not straight.
    wob = ((np.sin(rr / 37.0) + np.cos(cc / 53.0)) * 9).astype(np.int64)
    pa, pb = (cc + wob) // 41, (rr - wob) // 29
    base = classes[hashed(pa, pb, 1) % np.uint64(len(classes))]
    change = (hashed(pa, pb, 2) % np.uint64(100)) < np.uint64(12)
    alt = np.where(change, classes[hashed(pa, pb, 3) % np.uint64(len(classes))], base)
    # Outside an ellipse (a rough province outline) is nodata.
    inside = ((cc - W / 2) / (W / 2)) ** 2 + ((rr - H / 2) / (H / 2)) ** 2 <= 1.0
    a.GetRasterBand(1).WriteArray(np.where(inside, base, 0).astype(np.uint8), 0, y)
    b.GetRasterBand(1).WriteArray(np.where(inside, alt, 0).astype(np.uint8), 0, y)
a = b = None
print("wrote", out)
