using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Tests.Storage;

/// <summary>Asserts that two layers hold the same features: same count, ids, attribute values (DateTimes compared as
/// UTC instants) and geometries equal after normalisation (ring start and orientation; Polygon and its one-part
/// MultiPolygon count as equal, since a GeoPackage layer declares one type).</summary>
public static class LayerComparison
{
    public static void AssertSameFeatures(VectorLayer expected, VectorLayer actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Fields.Select(f => (f.Name, f.Type)), actual.Fields.Select(f => (f.Name, f.Type)));
        Assert.Equal(expected.Crs?.Epsg, actual.Crs?.Epsg);
        Assert.Equal(expected.Features.Count, actual.Features.Count);
        var byId = actual.Features.ToDictionary(f => f.Id);
        foreach (var e in expected.Features)
        {
            Assert.True(byId.TryGetValue(e.Id, out var a), $"{expected.Name}: feature {e.Id} missing");
            foreach (var field in expected.Fields)
                Assert.True(Equal(e.Attributes[field.Name], a!.Attributes[field.Name]),
                    $"{expected.Name} fid {e.Id} field '{field.Name}': '{e.Attributes[field.Name]}' != '{a.Attributes[field.Name]}'");
            Assert.True(Normalised(e.Geometry).EqualsExact(Normalised(a!.Geometry)), $"{expected.Name} fid {e.Id}: geometries differ");
        }
    }

    public static Geometry Normalised(Geometry g)
    {
        var single = g is MultiPolygon { NumGeometries: 1 } m ? m.GetGeometryN(0) : g;
        var copy = single.Copy();
        copy.Normalize();
        return copy;
    }

    private static bool Equal(object? a, object? b) => (a, b) switch
    {
        (null, null) => true,
        (DateTime x, DateTime y) => x.ToUniversalTime() == y.ToUniversalTime(),
        _ => Equals(a, b),
    };
}
