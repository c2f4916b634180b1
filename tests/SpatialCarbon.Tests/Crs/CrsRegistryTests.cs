using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Tests.Crs;

public class CrsRegistryTests
{
    // Expected values from GDAL 3.6.2 / PROJ: `echo "118.8 32.05" | gdaltransform -s_srs EPSG:4490 -t_srs EPSG:NNNN`.
    [Theory]
    [InlineData("4549", 386666.159749083, 3548026.65491969)]
    [InlineData("4528", 40386666.1597491, 3548026.65491969)]
    [InlineData("3857", 13224755.5062409, 3769875.69508189)]
    [InlineData("32650", 669939.595999448, 3547394.66878719)]
    [InlineData("CLCD_ALBERS", 1279437.34519453, 3491129.47115885)]
    public void ProjectsNanjingLikeGdal(string code, double x, double y)
    {
        var reprojector = new GeometryReprojector(CrsRegistry.Cgcs2000, CrsRegistry.Parse(code));
        var (px, py) = reprojector.Transform(118.8, 32.05);
        Assert.Equal(x, px, 0.005);
        Assert.Equal(y, py, 0.005);
    }

    [Fact]
    public void KnowsEveryGaussKrugerZoneAndTheWebCodes()
    {
        var codes = CrsRegistry.KnownEpsgCodes;
        foreach (var c in Enumerable.Range(4513, 42).Concat([4326, 4490, 3857, 32649, 32650, 32651]))
            Assert.Contains(c, codes);
        Assert.True(CrsRegistry.FromEpsg(4490).IsGeographic);
        Assert.Equal(1.0, CrsRegistry.FromEpsg(4549).LinearUnitMetres);
        Assert.Equal(4549, GaussKruger.EpsgForZone3(GaussKruger.Zone3ForLongitude(119.6)));
        Assert.Equal(4528, GaussKruger.EpsgForZone3Prefixed(40));
    }

    [Fact]
    public void UnknownCodeAndBadWktAreReported()
    {
        var missing = Assert.Throws<KeyNotFoundException>(() => CrsRegistry.FromEpsg(2000));
        Assert.Contains("EPSG:2000", missing.Message);
        Assert.Throws<FormatException>(() => CrsRegistry.Parse("PROJCS[\"broken\""));
    }

    [Fact]
    public void WktWithEpsgAuthorityResolvesToTheRegistryEntry()
    {
        var wkt = CrsRegistry.FromEpsg(4549).Wkt;
        Assert.Equal(4549, CrsRegistry.FromWkt(wkt).Epsg);
    }

    [Fact]
    public void QuadrangleAreaMatchesTheSphericalLimitAndTheEllipsoid()
    {
        // Expected values: midpoint-rule integration of M(φ)·N(φ)·cos φ dφ dλ on CGCS2000 with 200,000 steps (Python),
        // independent of the closed form under test.
        Assert.Equal(12308463893.569653, AuthalicArea.Box_m2(0, 1, 1), 1e-9 * 12308463893.57);
        Assert.Equal(661.7807997866441, AuthalicArea.Box_m2(31, 31.00025, 0.00025), 1e-6);
        Assert.Equal(510065621723768.0, AuthalicArea.Box_m2(-90, 90, 360), 1e-9 * 5.1e14);
    }
}
