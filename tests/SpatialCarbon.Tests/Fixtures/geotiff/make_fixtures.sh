#!/bin/sh
# Builds the GeoTIFF reader fixtures with GDAL's gdal_translate (GDAL 3.6.2 made the committed copies).
# Usage: make_fixtures.sh [OUTDIR]   (default: this folder). Sources are two ASCII grids generated here with awk:
# 150 x 100 cells, a deterministic pattern with nodata holes (int: nodata 0, values 1..250; float: nodata -9999).
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out=${1:-$here}
mkdir -p "$out"
cd "$out"

awk 'BEGIN { w = 150; h = 100
  printf "ncols %d\nnrows %d\nxllcorner 500000\nyllcorner 3500000\ncellsize 30\nNODATA_value 0\n", w, h
  for (r = 0; r < h; r++) { line = ""
    for (c = 0; c < w; c++) { v = (3 * c + 7 * r + (c * r) % 13) % 250 + 1; if ((7 * c + 3 * r) % 53 == 0) v = 0
      line = line (c ? " " : "") v }
    print line } }' > pattern_int.asc
awk 'BEGIN { w = 150; h = 100
  printf "ncols %d\nnrows %d\nxllcorner 500000\nyllcorner 3500000\ncellsize 30\nNODATA_value -9999\n", w, h
  for (r = 0; r < h; r++) { line = ""
    for (c = 0; c < w; c++) { v = sprintf("%.6f", ((3 * c + 7 * r + (c * r) % 13) % 250) * 0.37 - 20.5 + c / 1024)
      if ((7 * c + 3 * r) % 53 == 0) v = "-9999"
      line = line (c ? " " : "") v }
    print line } }' > pattern_float.asc

t() { # t NAME SOURCE SRS [gdal_translate options...]
  name=$1; src=$2; srs=$3; shift 3
  rm -f "$name.tif"
  gdal_translate -q -of GTiff -a_srs "$srs" "$@" "$src" "$name.tif"
}
tiled="-co TILED=YES -co BLOCKXSIZE=64 -co BLOCKYSIZE=32"
strips="-co BLOCKYSIZE=7"
i=pattern_int.asc; f=pattern_float.asc
# Every sample type, tiled LZW, CGCS2000 / 3-degree GK CM 120E.
for ty in Byte UInt16 Int16 UInt32 Int32; do
  t "int_${ty}_tiled_lzw" $i EPSG:4549 -ot $ty -a_nodata 0 $tiled -co COMPRESS=LZW
done
for ty in Float32 Float64; do
  t "float_${ty}_tiled_lzw" $f EPSG:4549 -ot $ty -a_nodata -9999 $tiled -co COMPRESS=LZW
done
# Compressions, predictors, strips and tiles.
t int_Byte_strip_none $i EPSG:4549 -ot Byte -a_nodata 0 $strips -co COMPRESS=NONE
t int_Int16_strip_packbits $i EPSG:4549 -ot Int16 -a_nodata 0 $strips -co COMPRESS=PACKBITS
t int_UInt16_tiled_deflate_pred2 $i EPSG:4549 -ot UInt16 -a_nodata 0 $tiled -co COMPRESS=DEFLATE -co PREDICTOR=2
t int_Int32_strip_lzw_pred2 $i EPSG:4549 -ot Int32 -a_nodata 0 $strips -co COMPRESS=LZW -co PREDICTOR=2
t int_Byte_tiled_lzw_pred2 $i EPSG:4549 -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW -co PREDICTOR=2
t float_Float32_tiled_deflate_pred3 $f EPSG:4549 -ot Float32 -a_nodata -9999 $tiled -co COMPRESS=DEFLATE -co PREDICTOR=3
t float_Float64_strip_lzw_pred3 $f EPSG:4549 -ot Float64 -a_nodata -9999 $strips -co COMPRESS=LZW -co PREDICTOR=3
t float_Float32_strip_none $f EPSG:4549 -ot Float32 -a_nodata -9999 $strips -co COMPRESS=NONE
# BigTIFF.
t int_Int16_tiled_deflate_bigtiff $i EPSG:4549 -ot Int16 -a_nodata 0 $tiled -co COMPRESS=DEFLATE -co BIGTIFF=YES
t float_Float32_strip_lzw_bigtiff $f EPSG:4549 -ot Float32 -a_nodata -9999 $strips -co COMPRESS=LZW -co BIGTIFF=YES
# CRSs: geographic (grid re-labelled in degrees), UTM outside the registry, user-defined Albers / LCC / TM.
t crs_4326 $i EPSG:4326 -ot Byte -a_nodata 0 -a_ullr 118.0 32.5 118.15 32.4 $tiled -co COMPRESS=LZW
t crs_26910 $i EPSG:26910 -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW
t crs_albers $i "+proj=aea +lat_0=0 +lon_0=105 +lat_1=25 +lat_2=47 +x_0=0 +y_0=0 +ellps=WGS84 +units=m +no_defs" -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW
t crs_lcc $i "+proj=lcc +lat_0=30 +lon_0=118 +lat_1=31 +lat_2=34 +x_0=500000 +y_0=0 +ellps=GRS80 +units=m +no_defs" -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW
t crs_tm $i "+proj=tmerc +lat_0=0 +lon_0=119.5 +k=0.9999 +x_0=400000 +y_0=-3000000 +ellps=GRS80 +units=m +no_defs" -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW
# PixelIsPoint (GDAL shifts the origin half a cell).
t point_4549 $i EPSG:4549 -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW --config GTIFF_POINT_GEO_IGNORE FALSE -mo AREA_OR_POINT=Point
# Multi-band: pixel- and band-interleaved (band 2 = band 1 float copy via -b 1 -b 1 on the float grid).
t multi_pixel $f EPSG:4549 -ot Float32 -a_nodata -9999 -b 1 -b 1 -b 1 $tiled -co COMPRESS=LZW -co INTERLEAVE=PIXEL
t multi_band $f EPSG:4549 -ot Float32 -a_nodata -9999 -b 1 -b 1 -b 1 $strips -co COMPRESS=DEFLATE -co INTERLEAVE=BAND
# Internal overviews (gdaladdo writes them into the file).
t overviews $i EPSG:4549 -ot Byte -a_nodata 0 $tiled -co COMPRESS=LZW
gdaladdo -q -r nearest overviews.tif 2 4
# Sparse file: gdalwarp writes the top-left data into a SPARSE_OK file; it fills the tiles of its warp chunk (the
# first two tile columns) and leaves the last tile column unwritten (offset and byte count 0), which GDAL reads as
# nodata (-5).
rm -f sparse.tif sparse_part.tif
gdal_create -q -of GTiff -outsize 150 100 -bands 1 -ot Int16 -a_nodata -5 -a_srs EPSG:4549 -a_ullr 500000 3503000 504500 3500000 $tiled -co SPARSE_OK=TRUE sparse.tif
gdal_translate -q -of GTiff -a_srs EPSG:4549 -srcwin 0 0 64 32 $i sparse_part.tif
gdalwarp -q -srcnodata 0 sparse_part.tif sparse.tif
rm -f sparse_part.tif
# The 4 x 4 grid of the zonal command tests (values worked by hand there), 10 m cells at the GK central meridian so
# map and ellipsoidal areas agree to 1e-9: Int16, nodata -9999, one nodata cell.
printf 'ncols 4\nnrows 4\nxllcorner 500000\nyllcorner 3500000\ncellsize 10\nNODATA_value -9999\n1 2 3 4\n5 6 7 8\n9 1 2 -9999\n4 5 6 7\n' > zonal_4x4.asc
gdalsrsinfo -o wkt_esri EPSG:4549 | sed '/^$/d' > zonal_4x4.prj
t zonal_4x4_4549 zonal_4x4.asc EPSG:4549 -ot Int16 -a_nodata -9999 -co COMPRESS=LZW
# Unreadable files.
t bad_jpeg $i EPSG:4549 -ot Byte $tiled -co COMPRESS=JPEG
if gdal_translate --formats >/dev/null 2>&1 && gdalinfo --format GTiff 2>/dev/null | grep -q ZSTD; then
  t bad_zstd $i EPSG:4549 -ot Byte $tiled -co COMPRESS=ZSTD
fi
head -c 9000 int_Int32_strip_lzw_pred2.tif > bad_truncated.tif
# A projected EPSG code the managed reader cannot build (Lambert azimuthal equal-area): GDAL's job.
t bad_crs_3035 $i EPSG:3035 -ot Byte $tiled -co COMPRESS=LZW
gdal_translate -q -of GTiff -ot Byte -co PROFILE=BASELINE $i bad_nogeo.tif
rm -f bad_nogeo.tif.aux.xml ./*.aux.xml
printf 'plain text, not a TIFF\n' > bad_text.tif
