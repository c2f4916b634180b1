#!/usr/bin/python3
"""Generates the bad-input corpus beside this script (run with /usr/bin/python3, which has osgeo).

Each file is one class of bad input from issue 9; cases.json says how the CLI is run on it and which words its one
error line must contain. {d} in an argument is the folder holding the corpus (the test copies it to a temporary
folder first, so outputs aimed into it never touch the committed files). Deterministic: re-running gives the same
files, except the JPEG codec's exact bytes on other libjpeg versions.
"""
import json
import os
import struct
import zipfile

from osgeo import gdal, osr

gdal.UseExceptions()
HERE = os.path.dirname(os.path.abspath(__file__))


def path(name):
    return os.path.join(HERE, name)


def raster(name, width, height, values, gdal_type, options=()):
    """A north-up EPSG:4549 raster of 30 m cells at (400000, 3500000)."""
    ds = gdal.GetDriverByName("GTiff").Create(path(name), width, height, 1, gdal_type, list(options))
    ds.SetGeoTransform((400000, 30, 0, 3500000, 0, -30))
    srs = osr.SpatialReference()
    srs.ImportFromEPSG(4549)
    ds.SetProjection(srs.ExportToWkt())
    band = ds.GetRasterBand(1)
    band.SetNoDataValue(0)
    import array
    kind = {gdal.GDT_Byte: "B", gdal.GDT_Int16: "h", gdal.GDT_Float32: "f"}[gdal_type]
    band.WriteRaster(0, 0, width, height, array.array(kind, values).tobytes())
    ds = None


def land_use(width=20, height=20):
    return [[1, 2, 5][(r // 5 + c // 4) % 3] for r in range(height) for c in range(width)]


def tiff(name, entries, data=b"", extra=b""):
    """A little-endian classic TIFF: header, data, then one IFD of (tag, type, count, value bytes) entries."""
    sizes = {1: 1, 2: 1, 3: 2, 4: 4, 12: 8}
    body = bytearray(b"II*\0" + struct.pack("<I", 0)) + data
    data_at = 8
    out_of_line = []
    packed = []
    for tag, typ, count, value in sorted(entries):
        raw = value if isinstance(value, bytes) else value
        if len(raw) <= 4:
            packed.append((tag, typ, count, raw.ljust(4, b"\0")))
        else:
            out_of_line.append((tag, len(body)))
            packed.append((tag, typ, count, struct.pack("<I", len(body))))
            body += raw
    ifd = len(body)
    body[4:8] = struct.pack("<I", ifd)
    body += struct.pack("<H", len(packed))
    for tag, typ, count, raw in packed:
        body += struct.pack("<HHI", tag, typ, count) + raw
    body += struct.pack("<I", 0) + extra
    with open(path(name), "wb") as f:
        f.write(bytes(body))
    return data_at, ifd


def short(v):
    return struct.pack("<H", v)


def long(v):
    return struct.pack("<I", v)


def doubles(*v):
    return struct.pack("<%dd" % len(v), *v)


def geotiff_entries(width, height, strip_offset, scale=(30.0, 30.0, 0.0), transform=None):
    keys = struct.pack("<16H", 1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 4549)
    e = [
        (256, 3, 1, short(width)), (257, 3, 1, short(height)), (258, 3, 1, short(8)), (259, 3, 1, short(1)),
        (262, 3, 1, short(1)), (273, 4, 1, long(strip_offset)), (277, 3, 1, short(1)), (278, 3, 1, short(height)),
        (279, 4, 1, long(width * height)), (339, 3, 1, short(1)), (34735, 3, 16, keys),
        (33922, 12, 6, doubles(0, 0, 0, 400000, 3500000, 0)),
    ]
    if transform is not None:
        e = [x for x in e if x[0] != 33922] + [(34264, 12, 16, doubles(*transform))]
    else:
        e.append((33550, 12, 3, doubles(*scale)))
    return e


def forged_tiffs():
    w, h = 8, 8
    pixels = bytes([1, 2, 5, 1, 2, 5, 1, 2] * 8)
    tiff("tiff_pixelscale_nan.tif", geotiff_entries(w, h, 8, scale=(float("nan"), 30.0, 0.0)), pixels)
    tiff("tiff_transform_zero.tif", geotiff_entries(w, h, 8, transform=(0, 0, 0, 400000, 0, 0, 0, 3500000, 0, 0, 0, 0, 0, 0, 0, 1)), pixels)
    tiff("tiff_strips_past_eof.tif", geotiff_entries(w, h, 1 << 20), pixels)
    # An IFD whose next-IFD pointer points back at itself.
    _, ifd = tiff("tiff_ifd_loop.tif", geotiff_entries(w, h, 8), pixels)
    with open(path("tiff_ifd_loop.tif"), "r+b") as f:
        f.seek(ifd)
        count = struct.unpack("<H", f.read(2))[0]
        f.seek(ifd + 2 + 12 * count)
        f.write(struct.pack("<I", ifd))
    # An entry count of 65535: the directory would run far past the end of the file.
    _, ifd = tiff("tiff_ifd_count_65535.tif", geotiff_entries(w, h, 8), pixels)
    with open(path("tiff_ifd_count_65535.tif"), "r+b") as f:
        f.seek(ifd)
        f.write(struct.pack("<H", 65535))
    with open(path("tiff_truncated.tif"), "wb") as f:
        f.write(b"II*\0" + struct.pack("<I", 4096))


def main():
    lu = land_use()
    raster("lu.tif", 20, 20, lu, gdal.GDT_Byte, ["COMPRESS=DEFLATE"])
    raster("lu_float.tif", 20, 20, [float(v) + 0.25 * (i % 3 == 0) for i, v in enumerate(lu)], gdal.GDT_Float32, ["COMPRESS=DEFLATE"])
    raster("lu_jpeg.tif", 20, 20, lu, gdal.GDT_Byte, ["COMPRESS=JPEG", "JPEG_QUALITY=50"])
    # 9,000 distinct codes against a table of three: the error must cut its list.
    raster("lu_9000_codes.tif", 100, 90, list(range(1, 9001)), gdal.GDT_Int16, ["COMPRESS=DEFLATE"])
    with open(path("pools.csv"), "w", newline="\n") as f:
        f.write("lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n2,80,20,100,5\n5,0,0,0,0\n")
    with open(path("pools_negative.csv"), "w", newline="\n") as f:
        f.write("lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n2,-80,20,100,5\n5,0,0,0,0\n")
    with open(path("pools_no_soil.csv"), "w", newline="\n") as f:
        f.write("lucode,c_above,c_below,c_dead\n1,10,2,0\n")
    zones = {"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4549"}},
             "features": [{"type": "Feature", "properties": {"id": 1}, "geometry": {"type": "Polygon", "coordinates": [[
                 [400000, 3499400], [400600, 3499400], [400600, 3500000], [400000, 3500000], [400000, 3499400]]]}}]}
    with open(path("zones.geojson"), "w", newline="\n") as f:
        json.dump(zones, f)
    with open(path("deep.geojson"), "w") as f:
        f.write("[" * 5000 + "]" * 5000)
    scenario = {"name": "far", "base_year": 2020, "horizon_year": 1000000, "interventions": [
        {"name": "afforest", "from_class": 1, "to_class": 2, "share": 0.5, "start_year": 2021, "target_year": 2030}]}
    with open(path("scenario_horizon_1000000.json"), "w", newline="\n") as f:
        json.dump(scenario, f)
    scenario["horizon_year"] = 2030
    with open(path("scenario.json"), "w", newline="\n") as f:
        json.dump(scenario, f)
    # A zipped shapefile whose .dbf inflates 1,000-fold.
    with zipfile.ZipFile(path("bomb.zip"), "w") as z:
        z.writestr("parcels.shp", b"")
        z.writestr(zipfile.ZipInfo("parcels.dbf", (2020, 1, 1, 0, 0, 0)), b"\0" * (16 << 20), compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    with open(path("existing.txt"), "w") as f:
        f.write("a file where a folder is expected\n")
    os.makedirs(path("notes"), exist_ok=True)
    with open(os.path.join(HERE, "notes", "field-notes.txt"), "w") as f:
        f.write("a folder of the user's own files, not a run's outputs\n")
    forged_tiffs()


if __name__ == "__main__":
    main()
