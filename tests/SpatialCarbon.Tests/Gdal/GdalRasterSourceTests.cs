using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Gdal;

public sealed class GdalRasterSourceTests
{
    private const int Width = 300;
    private const int Height = 200;

    [RequiresToolTheory(NativeTools.LibGdal)]
    [InlineData("jpeg.tif", "GTiff", 4549, 400000.0, 3580000.0, 30.0, false, "-ot Byte -co COMPRESS=JPEG -co TILED=YES -co BLOCKXSIZE=64 -co BLOCKYSIZE=64")]
    [InlineData("erdas.img", "HFA", 32650, 600000.0, 3500000.0, 30.0, true, "-ot Int16")]
    [InlineData("float.nc", "netCDF", 4326, 118.5, 31.0, 0.01, true, "-ot Float32")]
    [InlineData("float.envi", "ENVI", 4490, 118.5, 31.0, 0.01, true, "-ot Float32")]
    public void Windows_grid_and_crs_match_gdal_tools(string file, string driver, int epsg, double left, double bottom,
        double cell, bool withNoData, string options)
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the cross-check needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("gdal-raster");
        var asc = GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", Width, Height, left, bottom, cell, withNoData);
        var path = Path.Combine(dir, file);
        NativeTools.Run("gdal_translate", ["-q", "-of", driver, "-a_srs", $"EPSG:{epsg}", .. options.Split(' '), asc, path]);

        var info = GdalCrossCheck.Info(path);
        var (dumpWidth, dumpHeight, expected) = GdalCrossCheck.DumpBand(path, dir);
        using var source = new GdalRasterSource(path);

        Assert.Equal(driver, source.Driver);
        Assert.Equal(info.GetProperty("size")[0].GetInt32(), source.Grid.Width);
        Assert.Equal(info.GetProperty("size")[1].GetInt32(), source.Grid.Height);
        Assert.Equal((dumpWidth, dumpHeight), (source.Grid.Width, source.Grid.Height));
        var gt = info.GetProperty("geoTransform").EnumerateArray().Select(e => e.GetDouble()).ToArray();
        // gdalinfo prints 16 significant digits: compare to that precision.
        var actualGt = source.Grid.Transform.ToArray();
        for (var i = 0; i < 6; i++) Assert.True(Math.Abs(gt[i] - actualGt[i]) <= 1e-14 * Math.Max(1, Math.Abs(gt[i])), $"geotransform[{i}]: gdalinfo {gt[i]}, bridge {actualGt[i]}");
        Assert.Equal(info.GetProperty("stac").GetProperty("proj:epsg").GetInt32(), source.Grid.Crs?.Epsg);
        Assert.Equal(epsg, source.Grid.Crs?.Epsg);

        var band = info.GetProperty("bands")[0];
        Assert.Equal(band.GetProperty("type").GetString(), source.DataType.ToString());
        Assert.Equal(band.GetProperty("block")[0].GetInt32(), source.BlockWidth);
        Assert.Equal(band.GetProperty("block")[1].GetInt32(), source.BlockHeight);
        Assert.Equal(band.TryGetProperty("noDataValue", out var nd) ? nd.GetDouble() : null, source.NoData);
        Assert.Equal(withNoData ? -9999 : null, source.NoData);

        // Odd window sizes so that windows straddle GDAL's blocks and the right and bottom edges.
        var actual = ReadAll(source, 71, 47);
        Assert.Equal(expected, actual);
        Assert.Contains(actual, v => v != actual[0]);
        if (withNoData) Assert.Equal(expected.Count(v => v == -9999), actual.Count(v => v == -9999));
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Parallel_reads_equal_sequential_reads()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("gdal-parallel");
        var asc = GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", Width, Height, 400000, 3580000, 30, false);
        var path = Path.Combine(dir, "jpeg.tif");
        NativeTools.Run("gdal_translate", "-q", "-ot", "Byte", "-co", "COMPRESS=JPEG", "-co", "TILED=YES",
            "-co", "BLOCKXSIZE=32", "-co", "BLOCKYSIZE=32", "-a_srs", "EPSG:4549", asc, path);
        using var source = new GdalRasterSource(path);
        var sequential = ReadAll(source, 32, 32);

        var parallel = new double[Width * Height];
        var windows = (from y in Enumerable.Range(0, (Height + 31) / 32)
                       from x in Enumerable.Range(0, (Width + 31) / 32)
                       select new RasterWindow(x * 32, y * 32, Math.Min(32, Width - x * 32), Math.Min(32, Height - y * 32))).ToArray();
        for (var round = 0; round < 3; round++)
        {
            Array.Clear(parallel);
            Parallel.ForEach(windows, new ParallelOptions { MaxDegreeOfParallelism = 4 }, w =>
            {
                var buffer = new double[w.CellCount];
                source.ReadWindow(1, w, buffer);
                for (var r = 0; r < w.Height; r++)
                    buffer.AsSpan(r * w.Width, w.Width).CopyTo(parallel.AsSpan((w.Y + r) * Width + w.X, w.Width));
            });
            Assert.Equal(sequential, parallel);
        }
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void A_crs_outside_the_registry_comes_from_gdal_wkt()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("gdal-xian80");
        var asc = GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", 20, 10, 500000, 3590000, 30, false);
        var path = Path.Combine(dir, "xian80.tif");
        NativeTools.Run("gdal_translate", "-q", "-a_srs", "EPSG:2385", asc, path);
        var info = GdalCrossCheck.Info(path);
        Assert.Equal(2385, info.GetProperty("stac").GetProperty("proj:epsg").GetInt32());
        var gdalName = System.Text.RegularExpressions.Regex.Match(info.GetProperty("coordinateSystem").GetProperty("wkt").GetString()!, "^PROJCRS\\[\"([^\"]+)\"").Groups[1].Value;

        // Xian 1980 / 3-degree GK CM 120E: older Jiangsu surveys use it; the registry has no definition for it.
        using var source = new GdalRasterSource(path);
        var crs = source.Grid.Crs!;
        Assert.Null(crs.Epsg);
        Assert.True(crs.IsProjected);
        Assert.Equal("Xian 1980 / 3-degree Gauss-Kruger CM 120E", gdalName);
        Assert.Equal(gdalName, crs.Name);
        var projected = Assert.IsType<ProjNet.CoordinateSystems.ProjectedCoordinateSystem>(crs.System);
        Assert.Equal(6378140, projected.GeographicCoordinateSystem.HorizontalDatum.Ellipsoid.SemiMajorAxis);
        Assert.Equal(120, projected.Projection.GetParameter("central_meridian").Value);
        Assert.Equal(900, new SpatialCarbon.Core.Raster.PlanarCellAreas(source.Grid, crs.LinearUnitMetres).CellArea_m2);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void A_file_gdal_cannot_open_is_an_input_error_naming_it()
    {
        var dir = TestEnvironment.TempDir("gdal-bad");
        var path = Path.Combine(dir, "not-a-raster.bin");
        File.WriteAllBytes(path, [1, 2, 3, 4, 5]);
        var e = Assert.Throws<InputException>(() => new GdalRasterSource(path));
        Assert.StartsWith(path + ": GDAL cannot open it as a raster", e.Message, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', e.Message);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Windows_outside_the_raster_are_refused()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("gdal-window");
        var asc = GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", 20, 10, 0, 0, 1, false);
        using var source = new GdalRasterSource(asc);
        Assert.Equal("AAIGrid", source.Driver);
        var buffer = new double[400];
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ReadWindow(1, new RasterWindow(15, 0, 10, 10), buffer));
        Assert.Throws<ArgumentOutOfRangeException>(() => source.ReadWindow(2, new RasterWindow(0, 0, 10, 10), buffer));
        source.ReadWindow(1, new RasterWindow(19, 9, 1, 1), buffer);
        var lastCell = 60 + 50 * Math.Sin(9 / 9.0) + 40 * Math.Cos(19 / 13.0) + (9 * 19 % 7) * 0.25;
        // GDAL reads a grid with decimals as Float32.
        Assert.Equal((double)float.Parse(lastCell.ToString("F2", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture), buffer[0]);
    }

    private static double[] ReadAll(IRasterSource source, int stepX, int stepY)
    {
        var all = new double[source.Grid.Width * source.Grid.Height];
        var buffer = new double[stepX * stepY];
        for (var y = 0; y < source.Grid.Height; y += stepY)
        {
            for (var x = 0; x < source.Grid.Width; x += stepX)
            {
                var w = new RasterWindow(x, y, Math.Min(stepX, source.Grid.Width - x), Math.Min(stepY, source.Grid.Height - y));
                source.ReadWindow(1, w, buffer);
                for (var r = 0; r < w.Height; r++)
                    buffer.AsSpan(r * w.Width, w.Width).CopyTo(all.AsSpan((w.Y + r) * source.Grid.Width + w.X, w.Width));
            }
        }

        return all;
    }
}
