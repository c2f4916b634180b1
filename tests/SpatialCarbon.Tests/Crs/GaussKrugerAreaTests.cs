using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Crs;

/// <summary>Planar areas in CGCS2000 Gauss-Krüger zones against GDAL/PROJ, and the ESRI names of those zones.</summary>
public class GaussKrugerAreaTests
{
    private static readonly GeometryFactory Factory = new();

    private static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(x0, y0), new(x1, y0), new(x1, y1), new(x0, y1), new(x0, y0)]);

    [Fact]
    public void GaussKrugerGeometryIsMeasuredAsItIs()
    {
        var g = Box(386000, 3531000, 387000, 3532500);
        Assert.Equal(1_500_000, GeometryArea.GaussKruger_m2(g, CrsRegistry.FromEpsg(4549)), 1e-6);
        Assert.Equal(1_500_000, GeometryArea.GaussKruger_m2(Box(40386000, 3531000, 40387000, 3532500), CrsRegistry.FromEpsg(4528)), 1e-6);
    }

    // Reference: ogr2ogr -t_srs EPSG:4549 (PROJ) on the same lon/lat box, then ST_Area.
    [RequiresToolFact(NativeTools.GdalCli)]
    public void GeographicBoxAgreesWithGdalInZone40AndPicksTheZoneOfItsCentroid()
    {
        var dir = TestEnvironment.TempDir("gk-area");
        var wkt = Path.Combine(dir, "box.csv");
        File.WriteAllText(wkt, "id,WKT\n1,\"POLYGON((118.6 31.9,119.1 31.9,119.1 32.3,118.6 32.3,118.6 31.9))\"\n");
        var gpkg = Path.Combine(dir, "box.gpkg");
        NativeTools.Run("ogr2ogr", "-s_srs", "EPSG:4490", "-t_srs", "EPSG:4549", "-segmentize", "0.01", "-nln", "b", gpkg, wkt);
        var gdal_m2 = double.Parse(System.Text.RegularExpressions.Regex.Match(
            NativeTools.Run("ogrinfo", "-q", gpkg, "-sql", "SELECT ST_Area(geom) AS a FROM b"), @"a \(Real\) = (\S+)").Groups[1].Value,
            System.Globalization.CultureInfo.InvariantCulture);

        var box = Box(118.6, 31.9, 119.1, 32.3);
        var ours_m2 = GeometryArea.GaussKruger_m2(box, CrsRegistry.Cgcs2000, 4549);
        Assert.Equal(gdal_m2, ours_m2, gdal_m2 * 1e-6);
        Assert.True(box.EqualsExact(Box(118.6, 31.9, 119.1, 32.3)), "the input geometry must not be changed by projecting it");

        // The centroid, 118.85E, is in zone 40 (118.85 / 3 = 39.6), so the default zone is EPSG:4549.
        Assert.Equal(ours_m2, GeometryArea.GaussKruger_m2(box, CrsRegistry.Cgcs2000), 1e-6);
        // Near 117E the centroid's zone is 39 (EPSG:4548) and gives a different (smaller-distortion) area than 4549.
        var west = Box(116.8, 34.0, 117.2, 34.3);
        Assert.Equal(GeometryArea.GaussKruger_m2(west, CrsRegistry.Cgcs2000, 4548), GeometryArea.GaussKruger_m2(west, CrsRegistry.Cgcs2000), 1e-6);
        Assert.True(GeometryArea.GaussKruger_m2(west, CrsRegistry.Cgcs2000, 4549) > GeometryArea.GaussKruger_m2(west, CrsRegistry.Cgcs2000, 4548));
    }

    [Fact]
    public void EsriPrjNamesMapToEpsgCodes()
    {
        const string gcs = "GEOGCS[\"GCS_China_Geodetic_Coordinate_System_2000\",DATUM[\"D_China_2000\",SPHEROID[\"CGCS2000\",6378137.0,298.257222101]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]";
        Assert.Equal(4490, CrsRegistry.FromWkt(gcs).Epsg);
        Assert.Equal(4549, CrsRegistry.FromWkt(Gk("CGCS2000_3_Degree_GK_CM_120E", 500000, 120)).Epsg);
        Assert.Equal(4528, CrsRegistry.FromWkt(Gk("CGCS2000_3_Degree_GK_Zone_40", 40500000, 120)).Epsg);
        Assert.Equal(4548, CrsRegistry.FromWkt(Gk("CGCS2000_3_Degree_GK_CM_117E", 500000, 117)).Epsg);
        Assert.Equal(4326, CrsRegistry.FromWkt("GEOGCS[\"GCS_WGS_1984\",DATUM[\"D_WGS_1984\",SPHEROID[\"WGS_1984\",6378137.0,298.257223563]],PRIMEM[\"Greenwich\",0.0],UNIT[\"Degree\",0.0174532925199433]]").Epsg);
        Assert.Null(CrsRegistry.FromWkt(Gk("Local_GK", 500000, 118.5)).Epsg);

        static string Gk(string name, double falseEasting, double cm) => System.FormattableString.Invariant(
            $"PROJCS[\"{name}\",{gcs},PROJECTION[\"Gauss_Kruger\"],PARAMETER[\"False_Easting\",{falseEasting}],PARAMETER[\"False_Northing\",0.0],PARAMETER[\"Central_Meridian\",{cm}],PARAMETER[\"Scale_Factor\",1.0],PARAMETER[\"Latitude_Of_Origin\",0.0],UNIT[\"Meter\",1.0]]");
    }
}
