using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;
using SpatialCarbon.Tests.Support;
using static SpatialCarbon.Tests.Zoning.Preparation.PreparationFixtures;

namespace SpatialCarbon.Tests.Zoning.Preparation;

/// <summary>Each step of zone preparation on zones whose areas are known by hand: squares, their unions and overlaps.</summary>
public class ZonePreparationTests
{
    private static readonly SpatialReference Gk = CrsRegistry.FromEpsg(4549);
    private static readonly IReadOnlyDictionary<string, object?> NoAttributes = new Dictionary<string, object?>();

    private static SourceLayer Layer(SpatialReference crs, params Geometry?[] geometries) =>
        new("zones.gpkg", "zones", crs, [], geometries.Select((g, i) => new SourceFeature(i + 1, g, NoAttributes)).ToArray(), []);

    [Theory]
    [InlineData(1e300, 32.0)]
    [InlineData(double.NaN, 32.0)]
    [InlineData(119.5, double.PositiveInfinity)]
    [InlineData(119.5, 91.0)]
    public void A_coordinate_no_place_has_is_refused_naming_the_file_and_the_feature(double x, double y)
    {
        var geographic = CrsRegistry.FromEpsg(4490);
        var f = new GeometryFactory();
        var ok = f.ToGeometry(new Envelope(119.5, 119.51, 32.0, 32.01));
        var bad = f.CreatePolygon([new(119.5, 32.0), new(x, y), new(119.51, 32.01), new(119.5, 32.0)]);

        var e = Assert.Throws<InputException>(() => ZonePreparation.Prepare(Layer(geographic, ok, bad), Gk));
        Assert.Equal("zones.gpkg", e.Path);
        Assert.Equal("layer zones feature 2", e.Record);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void A_projected_coordinate_beyond_1e8_m_is_refused_before_reprojection()
    {
        var bad = Factory.CreatePolygon([new(X0, Y0), new(2e8, Y0), new(X0, Y0 + 10), new(X0, Y0)]);
        var e = Assert.Throws<InputException>(() => ZonePreparation.Prepare(Layer(Gk, bad), CrsRegistry.FromEpsg(4490)));
        Assert.Contains("cannot be a coordinate in EPSG:4549", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Zones_used_as_they_are_need_only_be_numbers_a_grid_can_hold()
    {
        // GeoJSON without a "crs" member is taken as EPSG:4326 even when its coordinates are projected; with no
        // reprojection they are used as they are, but 1e300 still is no coordinate.
        var wgs84 = CrsRegistry.FromEpsg(4326);
        var projectedLooking = ZonePreparation.Prepare(Layer(wgs84, Square(0, 0, 10)), null);
        Assert.Equal(100, projectedLooking.Zones[0].Geometry.Area, 9);

        var bad = Factory.CreatePolygon([new(X0, Y0), new(1e300, Y0), new(X0, Y0 + 10), new(X0, Y0)]);
        var e = Assert.Throws<InputException>(() => ZonePreparation.Prepare(Layer(wgs84, bad), null));
        Assert.Contains("cannot be a coordinate in any CRS", e.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unclosed_geojson_ring_is_closed_as_gdal_does_and_keeps_its_area()
    {
        var path = Write("z.geojson", FeatureCollection(4549,
            ("open", $$"""{"type":"Polygon","coordinates":[{{Ring(0, 0, 20, closed: false)}}]}"""),
            ("open-hole", $$"""{"type":"Polygon","coordinates":[{{Ring(0, 0, 40)}},{{Ring(10, 10, 20, closed: false)}}]}""")));

        var zones = ZonePreparation.Prepare(VectorFile.ReadSource(path), Gk, "name");

        Assert.Equal(20 * 20, zones.Zones[0].Geometry.Area, 9);
        Assert.Equal(40 * 40 - 20 * 20, zones.Zones[1].Geometry.Area, 9);
        Assert.Equal(2, zones.Report.RingsClosed);
        Assert.Equal(0, zones.Report.Unusable);
        Assert.Contains(zones.Report.Notes, n => n.StartsWith("feature 0: unclosed ring closed", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unclosed_geopackage_ring_is_closed_and_keeps_its_area()
    {
        var path = GeoPackageWithBlob(PolygonWkb((X0, Y0), (X0 + 30, Y0), (X0 + 30, Y0 + 30), (X0, Y0 + 30)));

        var zones = ZonePreparation.Prepare(VectorFile.ReadSource(path), Gk, "name");

        Assert.Equal(30 * 30, Assert.Single(zones.Zones).Geometry.Area, 9);
        Assert.Equal(1, zones.Report.RingsClosed);
    }

    [Fact]
    public void An_unclosed_shapefile_ring_is_closed_and_keeps_its_area()
    {
        var path = Path.Combine(TestEnvironment.TempDir("zoneprep-shp"), "z.shp");
        var feature = new NetTopologySuite.Features.Feature(Square(0, 0, 30), new NetTopologySuite.Features.AttributesTable { { "name", "a" } });
        NetTopologySuite.IO.Esri.Shapefile.WriteAllFeatures([feature], path);

        // One polygon record of 5 points ends at byte 236; its closing point (bytes 220–235) becomes a copy of the point
        // before it, so the ring is unclosed and, closed again, encloses the same 30 × 30 m.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(236, bytes.Length);
        bytes.AsSpan(204, 16).CopyTo(bytes.AsSpan(220));
        File.WriteAllBytes(path, bytes);

        var zones = ZonePreparation.Prepare(VectorFile.ReadSource(path, crs: Gk), Gk, "name");

        Assert.Equal(30 * 30, Assert.Single(zones.Zones).Geometry.Area, 9);
        Assert.Equal(1, zones.Report.RingsClosed);
    }

    [Fact]
    public void An_empty_part_is_dropped_and_the_other_parts_kept()
    {
        var path = Write("z.geojson", FeatureCollection(4549,
            ("json", $$"""{"type":"MultiPolygon","coordinates":[[{{Ring(0, 0, 20)}}],[],[{{Ring(50, 50, 10)}}]]}""")));
        var fromJson = ZonePreparation.Prepare(VectorFile.ReadSource(path), Gk);
        Assert.Equal(20 * 20 + 10 * 10, fromJson.Zones[0].Geometry.Area, 9);

        var inMemory = Factory.CreateMultiPolygon([Square(0, 0, 20), Factory.CreatePolygon(), Square(50, 50, 10)]);
        var zones = ZonePreparation.Prepare(Layer(Gk, inMemory), Gk);
        Assert.Equal(20 * 20 + 10 * 10, zones.Zones[0].Geometry.Area, 9);
        Assert.Equal(1, zones.Report.EmptyPartsDropped);
        Assert.Equal(0, zones.Report.Unusable);
    }

    [Fact]
    public void Overlapping_parts_of_one_zone_count_once()
    {
        // 15 m squares offset by (5, 3): each 225 m², overlap 10 × 12 = 120 m², union 330 m².
        var a = Square(1, 21, 15);
        var b = Square(6, 24, 15);
        var collection = Factory.CreateGeometryCollection([a, b]);
        var multi = Factory.CreateMultiPolygon([a, b]);

        var zones = ZonePreparation.Prepare(Layer(Gk, collection, multi), Gk);

        Assert.Equal(330, zones.Zones[0].Geometry.Area, 9);
        Assert.Equal(330, zones.Zones[1].Geometry.Area, 9);
        Assert.Equal(1, zones.Report.Dissolved);
        Assert.Equal(1, zones.Report.Repaired);
    }

    [Fact]
    public void A_bow_tie_in_another_crs_is_repaired_by_geometry_fixer_not_halved_by_densification()
    {
        // A bow-tie of two triangles meeting at the centre, in CGCS2000 degrees: GeometryFixer keeps both halves;
        // densification with validation (buffer(0)) would keep one. The image of each triangle in 4549 is checked
        // against the same triangle transformed on its own, which is valid.
        var f = new GeometryFactory();
        var bowTie = f.CreatePolygon([new(119.50, 32.00), new(119.52, 32.02), new(119.52, 32.00), new(119.50, 32.02), new(119.50, 32.00)]);
        var left = f.CreatePolygon([new(119.50, 32.00), new(119.51, 32.01), new(119.50, 32.02), new(119.50, 32.00)]);
        var right = f.CreatePolygon([new(119.52, 32.00), new(119.52, 32.02), new(119.51, 32.01), new(119.52, 32.00)]);
        var reprojection = new ZoneReprojection(CrsRegistry.FromEpsg(4490), Gk);
        var expected = reprojection.Apply(left).Area + reprojection.Apply(right).Area;

        var zones = ZonePreparation.Prepare(Layer(CrsRegistry.FromEpsg(4490), bowTie), Gk);

        Assert.Equal(expected, zones.Zones[0].Geometry.Area, expected * 1e-6);
        Assert.Equal(1, zones.Report.Repaired);
    }

    [Fact]
    public void Every_feature_keeps_its_row_in_source_order_and_unusable_ones_are_reported()
    {
        var zones = ZonePreparation.Prepare(Layer(Gk, Square(0, 0, 10), null, Factory.CreatePolygon(), Square(20, 20, 10)), Gk);

        Assert.Equal([1L, 2L, 3L, 4L], zones.Zones.Select(z => z.FeatureId));
        Assert.Equal(["1", "2", "3", "4"], zones.Ids);
        Assert.True(zones.Zones[1].Geometry.IsEmpty);
        Assert.Equal(2, zones.Report.Unusable);
        Assert.Contains("feature 2: no geometry, the zone gets zeros", zones.Report.Notes);
        Assert.All(zones.Geometries, g => Assert.Equal(4549, g.SRID));
    }

    [Fact]
    public void Duplicate_ids_keep_their_rows_with_one_warning()
    {
        var names = new[] { "a", "b", "a", "c", "b", "a", "d" };
        var features = names.Select((n, i) => new SourceFeature(i, Square(i * 10, 0, 5), new Dictionary<string, object?> { ["NAME"] = n })).ToArray();
        var layer = new SourceLayer("z.shp", "z", Gk, [new FieldDefinition("NAME", FieldType.String)], features, []);

        var zones = ZonePreparation.Prepare(layer, Gk, "name");

        Assert.Equal(7, zones.Zones.Count);
        Assert.Equal("NAME", zones.IdField);
        var warning = Assert.Single(zones.Report.Warnings);
        Assert.StartsWith("2 NAME value(s) used by more than one zone", warning, StringComparison.Ordinal);
        Assert.Contains("'a', 'b'", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_id_field_is_refused_listing_the_fields()
    {
        var layer = new SourceLayer("z.shp", "z", Gk, [new FieldDefinition("code", FieldType.Integer)], [], []);
        var e = Assert.Throws<InputException>(() => ZonePreparation.Prepare(layer, Gk, "nope"));
        Assert.Equal("no field 'nope' (fields: code)", e.Problem);
    }
}
