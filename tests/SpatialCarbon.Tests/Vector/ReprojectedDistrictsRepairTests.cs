using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

public sealed class ReprojectedDistrictsRepairTests
{
    /// <summary>PROJ's rounding leaves one district (feature 95) still invalid after a single GeometryFixer pass;
    /// every district must come out repaired, none skipped.</summary>
    [RequiresToolFact(NativeTools.GdalCli)]
    public void Every_district_projected_by_gdal_to_4549_is_repaired_and_kept()
    {
        var dir = TestEnvironment.TempDir("districts-4549");
        var gpkg = Path.Combine(dir, "districts_4549.gpkg");
        NativeTools.Run("ogr2ogr", "-f", "GPKG", "-t_srs", "EPSG:4549", gpkg,
            Path.Combine(TestEnvironment.JiangsuData, "districts.geojson"));

        var layer = VectorFile.Read(gpkg);

        Assert.Equal(96, layer.Features.Count);
        Assert.Equal(0, layer.Issues.Empty);
        Assert.Equal(layer.Issues.Invalid, layer.Issues.Repaired);
        Assert.All(layer.Features, f => Assert.True(f.Geometry.IsValid, $"feature {f.Id} still invalid"));
        Assert.Equal(4549, layer.Crs!.Epsg);
    }
}
