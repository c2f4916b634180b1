using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Cli;

public sealed class DatasetOpenerTests
{
    private static readonly RasterGrid Grid = new(2, 1, GeoTransform.NorthUp(0, 1, 1, 1), null);

    [Fact]
    public void The_managed_reader_wins_when_it_can_read_the_file()
    {
        var managed = new MemoryRaster(Grid, [1, 2]);
        var opened = DatasetOpener.OpenRaster("a.tif", _ => managed, _ => throw new InvalidOperationException("GDAL must not be asked"));
        Assert.Same(managed, opened);
    }

    [Fact]
    public void Other_input_errors_of_the_managed_reader_are_not_hidden_by_a_fallback()
    {
        var e = Assert.Throws<InputException>(() => DatasetOpener.OpenRaster("a.tif",
            p => throw new InputException(p, "tile 3", "truncated strip"), _ => throw new InvalidOperationException("GDAL must not be asked")));
        Assert.Equal("a.tif: tile 3: truncated strip", e.Message);
    }

    [Fact]
    public void Without_gdal_the_error_says_why_the_managed_reader_refused_and_how_to_install_gdal()
    {
        var e = Assert.Throws<InputException>(() => DatasetOpener.ReadVector("zones.kml", null,
            (p, _) => throw new UnsupportedFormatException(p, "KML is not a format the managed readers know"),
            (p, _) => throw new GdalUnavailableException(p, "libgdal-not-here.so.99")));
        Assert.Equal("zones.kml: KML is not a format the managed readers know; GDAL could read it but is not installed "
            + "(libgdal-not-here.so.99 cannot be loaded): apt-get install libgdal32", e.Message);
    }

    [Fact]
    public void When_gdal_fails_too_both_reasons_are_given()
    {
        var e = Assert.Throws<InputException>(() => DatasetOpener.OpenRaster("a.xyz",
            p => throw new UnsupportedFormatException(p, "not a TIFF"),
            p => throw new InputException(p, null, "GDAL cannot open it as a raster: not recognized as a supported file format")));
        Assert.Equal("a.xyz: not a TIFF; GDAL cannot read it either: GDAL cannot open it as a raster: not recognized as a supported file format", e.Message);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void A_refused_file_is_opened_through_gdal()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("opener");
        var path = Path.Combine(dir, "grid.asc");
        File.WriteAllText(path, "ncols 2\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n7 9\n");
        using var source = DatasetOpener.OpenRaster(path, p => throw new UnsupportedFormatException(p, "not a TIFF"), p => new GdalRasterSource(p));
        var values = new double[2];
        source.ReadWindow(1, source.Grid.Full, values);
        Assert.Equal([7.0, 9.0], values);

        var geojson = Path.Combine(dir, "zones.geojson");
        File.WriteAllText(geojson, Gdal.GdalCrossCheck.ZonesGeoJson);
        var layer = DatasetOpener.ReadVector(geojson, null, (p, _) => throw new UnsupportedFormatException(p, "not today"), new OgrVectorSource().Read);
        Assert.Equal(3, layer.Features.Count);
        Assert.Equal(1, layer.Issues.Empty);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Rasters_go_to_the_managed_reader_when_it_can_and_to_gdal_otherwise()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixtures need gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("opener-raster");
        var asc = Gdal.GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", 90, 60, 400000, 3580000, 30, false);
        var lzw = Path.Combine(dir, "lzw.tif");
        var jpeg = Path.Combine(dir, "jpeg.tif");
        var img = Path.Combine(dir, "grid.img");
        NativeTools.Run("gdal_translate", "-q", "-ot", "Byte", "-co", "COMPRESS=LZW", "-a_srs", "EPSG:4549", asc, lzw);
        NativeTools.Run("gdal_translate", "-q", "-ot", "Byte", "-co", "COMPRESS=JPEG", "-a_srs", "EPSG:4549", asc, jpeg);
        NativeTools.Run("gdal_translate", "-q", "-of", "HFA", "-ot", "Byte", "-a_srs", "EPSG:4549", asc, img);

        using var managed = DatasetOpener.OpenRaster(lzw);
        using var viaGdalJpeg = DatasetOpener.OpenRaster(jpeg);
        using var viaGdalImg = DatasetOpener.OpenRaster(img);
        Assert.IsType<GeoTiffReader>(managed);
        Assert.Equal("GTiff", Assert.IsType<GdalRasterSource>(viaGdalJpeg).Driver);
        Assert.Equal("HFA", Assert.IsType<GdalRasterSource>(viaGdalImg).Driver);

        // The lossless copies agree cell for cell whichever reader decoded them.
        var a = new double[90 * 60];
        var b = new double[90 * 60];
        managed.ReadWindow(1, managed.Grid.Full, a);
        viaGdalImg.ReadWindow(1, viaGdalImg.Grid.Full, b);
        Assert.Equal(a, b);
        Assert.True(managed.Grid.SameAs(viaGdalImg.Grid));
        Assert.True(managed.Grid.SameAs(viaGdalJpeg.Grid));

        var missing = Assert.Throws<InputException>(() => DatasetOpener.OpenRaster(Path.Combine(dir, "nope.tif")));
        Assert.EndsWith("nope.tif: file not found", missing.Message, StringComparison.Ordinal);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Vectors_read_the_same_through_the_managed_geojson_reader_and_through_ogr()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixtures need gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("opener-vector");
        var geojson = Gdal.GdalCrossCheck.WriteZonesGeoJson(dir);
        var kml = Path.Combine(dir, "zones.kml");
        var gdb = Path.Combine(dir, "zones.gdb");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, geojson);
        NativeTools.Run("ogr2ogr", "-f", "OpenFileGDB", gdb, geojson, "-nln", "zones", "-nlt", "POLYGON", "-where", "code <> 3");

        var managed = DatasetOpener.ReadVector(geojson);
        var viaOgr = new OgrVectorSource().Read(geojson);
        var fromKml = DatasetOpener.ReadVector(kml);
        Assert.Equal(["zones"], DatasetOpener.ListLayers(gdb));
        var fromGdb = DatasetOpener.ReadVector(gdb, "zones");

        Assert.Equal(managed.Features.Select(f => f.Geometry.Area), viaOgr.Features.Select(f => f.Geometry.Area));
        Assert.Equal(managed.Features.Select(f => f.Geometry.Area), fromKml.Features.Select(f => f.Geometry.Area));
        Assert.Equal(managed.Features.Select(f => f.Attributes["名称"]), fromKml.Features.Select(f => f.Attributes["名称"]));
        Assert.Equal((managed.Issues.Invalid, managed.Issues.Repaired, managed.Issues.Empty), (fromKml.Issues.Invalid, fromKml.Issues.Repaired, fromKml.Issues.Empty));
        Assert.Equal(managed.Issues.Details, viaOgr.Issues.Details);
        Assert.Equal(managed.Crs, fromKml.Crs);

        // FileGDB stores coordinates on a grid (1e-9 degree here), so its areas agree to that precision only.
        Assert.Equal(2, fromGdb.Features.Count);
        for (var i = 0; i < 2; i++) Assert.Equal(managed.Features[i].Geometry.Area, fromGdb.Features[i].Geometry.Area, 1e-9);
    }
}
