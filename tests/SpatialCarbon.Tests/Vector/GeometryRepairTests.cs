using CsCheck;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Tests.Vector;

public class GeometryRepairTests
{
    private static readonly GeometryFactory Factory = new();

    private static readonly Dictionary<string, object?> NoAttributes = [];

    // Rings of 3..12 random vertices on a coarse grid: most self-intersect, some collapse, some repeat points.
    private static readonly Gen<Polygon> RandomPolygon =
        Gen.Select(Gen.Int[0, 20], Gen.Int[0, 20]).Array[3, 12]
            .Select(points =>
            {
                var coords = points.Select(p => new Coordinate(p.Item1, p.Item2)).Append(new Coordinate(points[0].Item1, points[0].Item2)).ToArray();
                return Factory.CreatePolygon(coords);
            });

    [Fact]
    public void AnyPolygonComesOutValidPolygonalAndCounted()
    {
        RandomPolygon.Array[1, 8].Sample(polygons =>
        {
            var source = polygons.Select((p, i) => new SourceFeature(i, p, NoAttributes)).ToArray();
            var (features, issues) = GeometryRepair.Apply(source, 4549);

            var expectedInvalid = polygons.Count(p => !p.IsEmpty && !p.IsValid);
            Assert.Equal(expectedInvalid, issues.Invalid);
            Assert.Equal(polygons.Length, features.Count + issues.Empty + (issues.Invalid - issues.Repaired));
            Assert.Equal(issues.Invalid + issues.Empty, issues.Details.Count);
            foreach (var f in features)
            {
                Assert.True(f.Geometry.IsValid);
                Assert.False(f.Geometry.IsEmpty);
                Assert.True(f.Geometry is Polygon or MultiPolygon, f.Geometry.GeometryType);
                Assert.Equal(4549, f.Geometry.SRID);
                var original = polygons[(int)f.Id];
                if (original.IsValid) Assert.True(original.EqualsExact(f.Geometry));
            }
        }, iter: 300);
    }

    [Fact]
    public void BowTieBecomesTwoTrianglesWithTheFullArea()
    {
        var bowTie = Factory.CreatePolygon([new(0, 0), new(10, 10), new(10, 0), new(0, 10), new(0, 0)]);
        var (features, issues) = GeometryRepair.Apply([new SourceFeature(42, bowTie, NoAttributes)], 0);

        var fixedGeometry = Assert.IsType<MultiPolygon>(Assert.Single(features).Geometry);
        Assert.Equal(2, fixedGeometry.NumGeometries);
        Assert.Equal(50, fixedGeometry.Area, 1e-9);
        Assert.Equal((1, 1, 0), (issues.Invalid, issues.Repaired, issues.Empty));
        Assert.Equal("feature 42: Self-intersection at or near point (5, 5); repaired", Assert.Single(issues.Details));
    }

    [Fact]
    public void CollapsedAndEmptyGeometriesAreSkippedAndSaidSo()
    {
        var flat = Factory.CreatePolygon([new(0, 0), new(10, 0), new(5, 0), new(0, 0)]);
        var (features, issues) = GeometryRepair.Apply(
            [new SourceFeature(1, flat, NoAttributes), new SourceFeature(2, null, NoAttributes), new SourceFeature(3, Polygon.Empty, NoAttributes)], 0);

        Assert.Empty(features);
        Assert.Equal((1, 0, 2), (issues.Invalid, issues.Repaired, issues.Empty));
        Assert.Contains(issues.Details, d => d.StartsWith("feature 1: ", StringComparison.Ordinal) && d.EndsWith("repair left no valid geometry, skipped", StringComparison.Ordinal));
        Assert.Contains("feature 2: no geometry, skipped", issues.Details);
        Assert.Contains("feature 3: empty geometry, skipped", issues.Details);
    }
}
