using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Vector;

/// <summary>The reader decodes blobs in chunks of rows on all cores; features must come back whole and in table order
/// across chunk boundaries.</summary>
public class GeoPackageReaderChunkTests
{
    [Fact]
    public void Twenty_thousand_features_come_back_in_order_with_their_own_coordinates_and_attributes()
    {
        var factory = new GeometryFactory();
        const int n = 20_000; // more than two chunks of 8,192 rows
        var features = new VectorFeature[n];
        for (var i = 0; i < n; i++)
        {
            double x = 400_000 + (i % 200) * 50, y = 3_500_000 + (i / 200) * 50, s = 10 + i % 7;
            var box = factory.CreatePolygon([new(x, y), new(x + s, y), new(x + s, y + s), new(x, y + s), new(x, y)]);
            features[i] = new VectorFeature(i + 1, box, new Dictionary<string, object?> { ["code"] = (long)(i * 3) });
        }

        var layer = new VectorLayer("memory", "parcels", CrsRegistry.FromEpsg(4549), [new FieldDefinition("code", FieldType.Integer)],
            features, GeometryIssues.None);
        var path = Path.Combine(TestEnvironment.TempDir("gpkg-chunks"), "parcels.gpkg");
        GeoPackageWriter.Write(path, [layer]);

        var back = new GeoPackageReader().ReadSource(path);
        Assert.Equal(n, back.Features.Count);
        for (var i = 0; i < n; i++)
        {
            var f = back.Features[i];
            Assert.Equal(i + 1, f.Id);
            Assert.Equal((long)(i * 3), f.Attributes["code"]);
            Assert.Null(f.Note);
            var env = f.Geometry!.EnvelopeInternal;
            Assert.Equal(400_000 + (i % 200) * 50, env.MinX);
            Assert.Equal(3_500_000 + (i / 200) * 50, env.MinY);
            Assert.Equal(10 + i % 7, env.Width);
        }

        // One services object for all geometries, not one per blob (the memory of a million parcels depends on it).
        Assert.Single(back.Features.Select(f => f.Geometry!.Factory.GeometryServices).Distinct());
    }
}
