using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Gdal;

/// <summary>The real Jiangsu districts (96 polygons, 91 invalid) converted by ogr2ogr to the formats only GDAL reads
/// must come back through the bridge exactly as the managed GeoJSON reader reads the original.</summary>
public sealed class OgrJiangsuDistrictsTests
{
    private static readonly string Districts = Path.Combine(TestEnvironment.JiangsuData, "districts.geojson");

    [RequiresToolFact(NativeTools.LibGdal)]
    public void Kml_and_filegdb_copies_read_like_the_managed_geojson()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixtures need gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("ogr-districts");
        var kml = Path.Combine(dir, "districts.kml");
        var gdb = Path.Combine(dir, "districts.gdb");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, Districts);
        NativeTools.Run("ogr2ogr", "-f", "OpenFileGDB", gdb, Districts, "-nln", "districts", "-nlt", "MULTIPOLYGON");

        var managed = VectorFile.Read(Districts);
        var fromKml = new OgrVectorSource().Read(kml);
        var fromGdb = new OgrVectorSource().Read(gdb);

        foreach (var layer in new[] { fromKml, fromGdb })
        {
            Assert.Equal(96, layer.Features.Count);
            Assert.Equal(managed.Features.Select(f => f.Attributes["district"]), layer.Features.Select(f => f.Attributes["district"]));
            Assert.Equal(managed.Features.Select(f => f.Attributes["city"]), layer.Features.Select(f => f.Attributes["city"]));
            Assert.All(layer.Features, f => Assert.True(f.Geometry.IsValid));
        }

        // KML keeps the lon/lat coordinates exactly (they are multiples of 1/1024 degree): same repairs, same areas.
        Assert.Equal(4326, fromKml.Crs?.Epsg);
        Assert.Equal((91, 91, 0), (fromKml.Issues.Invalid, fromKml.Issues.Repaired, fromKml.Issues.Empty));

        // LIBKML numbers features from 1, GeoJSON from 0: the reasons must match, not the ids.
        static string Reason(string detail) => detail[(detail.IndexOf(':', StringComparison.Ordinal) + 1)..];
        Assert.Equal(managed.Issues.Details.Select(Reason), fromKml.Issues.Details.Select(Reason));
        Assert.Equal(managed.Features.Select(f => f.Geometry.Area), fromKml.Features.Select(f => f.Geometry.Area));

        // FileGDB snaps coordinates to its 1e-9 degree grid: same repairs, areas within 1e-8.
        Assert.Equal(4326, fromGdb.Crs?.Epsg);
        Assert.Equal((91, 91, 0), (fromGdb.Issues.Invalid, fromGdb.Issues.Repaired, fromGdb.Issues.Empty));
        for (var i = 0; i < 96; i++)
        {
            var expected = managed.Features[i].Geometry.Area;
            Assert.True(Math.Abs(fromGdb.Features[i].Geometry.Area - expected) / expected < 1e-8, $"district {i}: FileGDB {fromGdb.Features[i].Geometry.Area:R}, managed {expected:R}");
        }
    }
}
