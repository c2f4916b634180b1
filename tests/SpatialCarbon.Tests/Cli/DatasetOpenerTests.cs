using SpatialCarbon.Cli;
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
}
