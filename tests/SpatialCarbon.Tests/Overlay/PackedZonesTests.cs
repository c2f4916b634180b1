using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Tests.Overlay;

/// <summary>The zonal CLI's low-memory path: zones packed into arrays and statistics derived on read must give the
/// zones and the numbers of the plain path.</summary>
public class PackedZonesTests
{
    private static List<Geometry> MixedZones()
    {
        var rng = new Random(4);
        var f = OverlayFixtures.Factory;
        var zones = new List<Geometry>();
        for (var i = 0; i < 30; i++)
            zones.Add(OverlayFixtures.Star(rng, 1100 + 700 * rng.NextDouble(), 4300 + 600 * rng.NextDouble(), 20, 120, 5 + rng.Next(40), hole: i % 3 == 0));
        zones.Add(f.CreateMultiPolygon([OverlayFixtures.Star(rng, 1200, 4500, 10, 40, 7, hole: true), OverlayFixtures.Star(rng, 1500, 4800, 10, 40, 9, hole: false)]));
        zones.Add(f.CreatePolygon());
        zones.Add(f.CreateLineString([new Coordinate(1000, 4900), new Coordinate(1100, 4850)]));
        zones.Add(f.CreateGeometryCollection([OverlayFixtures.Star(rng, 1300, 4400, 10, 30, 6, hole: false)]));
        return zones;
    }

    private static PreparedZone[] Prepared(List<Geometry> zones)
    {
        foreach (var z in zones) z.SRID = 4549;
        return zones.Select((g, i) => new PreparedZone(i, i + 1, $"z{i}", g, new Dictionary<string, object?>())).ToArray();
    }

    [Fact]
    public void Packed_zones_read_back_as_the_same_geometries()
    {
        var zones = MixedZones();
        var packed = PackedZoneGeometries.Of(Prepared(zones));
        Assert.Equal(zones.Count, packed.Count);
        for (var z = 0; z < zones.Count; z++)
        {
            var back = packed[z];
            Assert.Equal(zones[z].GeometryType, back.GeometryType);
            Assert.True(zones[z].EqualsExact(back), $"zone {z}");
            Assert.Equal(zones[z].Area, back.Area);
            Assert.Equal(4549, back.SRID);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => packed[zones.Count]);
    }

    [Fact]
    public void Statistics_on_read_from_packed_zones_match_cell_by_cell_NTS_intersection()
    {
        var raster = OverlayFixtures.Classes(90, 70, seed: 7);
        var zones = MixedZones();
        var packed = PackedZoneGeometries.Of(Prepared(zones));
        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.Frac]);
        var onRead = ZonalStatistics.ComputeOnRead(raster, null, packed, options, new ZonalRunOptions { MaxDegreeOfParallelism = 2 });
        Assert.Equal(zones.Count, onRead.Count);
        var grid = raster.Grid;
        for (var z = 0; z < zones.Count; z++)
        {
            // Reference: GEOS-style cell box intersections in NTS on the original geometry, none of the engine's code.
            var coverage = zones[z].Dimension == NetTopologySuite.Geometries.Dimension.Surface && !zones[z].IsEmpty
                ? OverlayFixtures.NtsCoverage(zones[z], grid)
                : new double[grid.Width * grid.Height];
            double count = 0, sum = 0, five = 0;
            for (var i = 0; i < coverage.Length; i++)
            {
                var v = raster[i % grid.Width, i / grid.Width];
                if (coverage[i] == 0 || v == 255) continue;
                count += coverage[i];
                sum += coverage[i] * v;
                if (v == 5) five += coverage[i];
            }

            var s = onRead[z];
            Assert.Equal(count, s.Count, 1e-6 * Math.Max(1, count));
            Assert.Equal(sum, s.Sum, 1e-6 * Math.Max(1, sum));
            Assert.Equal(count > 0 ? five / count : 0, s.Frac.GetValueOrDefault(5), 1e-6);

            // Reading twice gives the same numbers (the CSV writer reads every zone twice).
            Assert.Equal(s.Sum, onRead[z].Sum);
        }
    }
}
