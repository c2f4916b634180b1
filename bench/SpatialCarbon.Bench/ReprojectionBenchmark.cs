using BenchmarkDotNet.Attributes;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Bench;

/// <summary>Cost of reprojecting a province-size ring (10,000 vertices) from CGCS2000 to its Gauss-Kruger zone.</summary>
[MemoryDiagnoser]
public class ReprojectionBenchmark
{
    private readonly GeometryReprojector _toGk = new(CrsRegistry.Cgcs2000, CrsRegistry.FromEpsg(4549));
    private Polygon _ring = null!;

    [GlobalSetup]
    public void Setup()
    {
        var pts = Enumerable.Range(0, 10_000)
            .Select(i => 2 * Math.PI * i / 10_000)
            .Select(t => new Coordinate(119.5 + 1.5 * Math.Cos(t), 32.5 + 1.5 * Math.Sin(t)))
            .ToList();
        pts.Add(pts[0]);
        _ring = new GeometryFactory().CreatePolygon(pts.ToArray());
    }

    [Benchmark]
    public double ProvinceRingToGaussKruger() => _toGk.Transform(_ring).Area;
}
