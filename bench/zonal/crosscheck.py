#!/usr/bin/python3
"""Independent exact check of `spatialcarbon zonal`: for every zone, intersect it with every cell box it meets
(OGR/GEOS, not our code), and compare count, sum and class fractions with our CSV. Usage:
    crosscheck.py landcover.tif zones.gpkg ours.csv
Prints the largest relative differences and exits 1 if any exceeds 1e-6."""
import csv
import sys

from osgeo import gdal, ogr

gdal.UseExceptions()
raster, zones, ours = sys.argv[1:4]
ds = gdal.Open(raster)
band = ds.GetRasterBand(1)
nodata = band.GetNoDataValue()
x0, pw, _, y0, _, ph = ds.GetGeoTransform()
w, h = ds.RasterXSize, ds.RasterYSize
data = band.ReadAsArray()
cell_area = abs(pw * ph)

rows = {r["id"]: r for r in csv.DictReader(open(ours))}
source = ogr.Open(zones)  # keep the dataset alive while its layer is used
layer = source.GetLayer(0)
worst = {"count": 0.0, "sum": 0.0, "frac": 0.0}
checked = 0
for f in layer:
    g = f.GetGeometryRef()
    minx, maxx, miny, maxy = g.GetEnvelope()
    c0, c1 = max(0, int((minx - x0) // pw)), min(w - 1, int((maxx - x0) // pw))
    r0, r1 = max(0, int((maxy - y0) // ph)), min(h - 1, int((miny - y0) // ph))
    count = total = 0.0
    classes = {}
    for r in range(r0, r1 + 1):
        for c in range(c0, c1 + 1):
            box = ogr.CreateGeometryFromWkt(
                "POLYGON((%r %r,%r %r,%r %r,%r %r,%r %r))" % (
                    x0 + c * pw, y0 + r * ph, x0 + (c + 1) * pw, y0 + r * ph, x0 + (c + 1) * pw, y0 + (r + 1) * ph,
                    x0 + c * pw, y0 + (r + 1) * ph, x0 + c * pw, y0 + r * ph))
            if not g.Intersects(box):
                continue
            cov = g.Intersection(box).GetArea() / cell_area
            v = float(data[r, c])
            if cov <= 0 or v == nodata:
                continue
            count += cov
            total += cov * v
            classes[v] = classes.get(v, 0.0) + cov
    mine = rows[str(f.GetField("id"))]
    def rel(a, b):
        return abs(a - b) / max(abs(b), 1e-300) if b != 0 else abs(a)
    worst["count"] = max(worst["count"], rel(float(mine["count"]), count))
    worst["sum"] = max(worst["sum"], rel(float(mine["sum"]), total))
    for k, v in classes.items():
        worst["frac"] = max(worst["frac"], rel(float(mine["frac_%d" % int(k)]), v / count))
    checked += 1

print("zones checked: %d; max relative difference: count %.3g, sum %.3g, frac %.3g" % (checked, worst["count"], worst["sum"], worst["frac"]))
sys.exit(0 if max(worst.values()) <= 1e-6 else 1)
