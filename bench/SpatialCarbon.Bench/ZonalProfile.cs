using System.Diagnostics;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Bench;

/// <summary>Times the phases of a zonal run in CPU seconds (wall time is meaningless on a shared machine): reading
/// the zones, computing every coverage, decoding every block, and the whole engine.</summary>
public static class ZonalProfile
{
    public static void Run(string dir)
    {
        var raster = Path.Combine(dir, "landcover.tif");
        var zonesPath = Path.Combine(dir, "zones.gpkg");
        using var source = GeoTiffReader.Open(raster, 8 << 20);
        Phase("read zones, repaired (VectorFile.Read)", () => VectorFile.Read(zonesPath));
        var prepared = Phase("read and prepare zones (VectorFile.ReadSource + ZonePreparation.Prepare)",
            () => ZonePreparation.Prepare(VectorFile.ReadSource(zonesPath), source.Grid.Crs, "id"));
        Phase("read and prepare zones, again", () => ZonePreparation.Prepare(VectorFile.ReadSource(zonesPath), source.Grid.Crs, "id"));
        Geometry[] zones = [.. prepared.Geometries];
        var coverages = Phase("coverage of every zone", () => zones.Select(z => CoverageFraction.Compute(z, source.Grid)).ToArray());
        Phase("coverage of every zone, again", () => zones.Select(z => CoverageFraction.Compute(z, source.Grid)).ToArray());
        Console.WriteLine($"  runs {coverages.Sum(c => c.Runs.Length):N0}, partial cells {coverages.Sum(c => c.Fractions.Length):N0}, covered cells {coverages.Sum(c => c.TotalCoverage()):N0}");
        for (var pass = 0; pass < 2; pass++) Phase("decode every block", () =>
        {
            var buffer = new double[source.BlockWidth * source.BlockHeight];
            for (var y = 0; y < source.Grid.Height; y += source.BlockHeight)
                for (var x = 0; x < source.Grid.Width; x += source.BlockWidth)
                {
                    var w = new RasterWindow(x, y, Math.Min(source.BlockWidth, source.Grid.Width - x), Math.Min(source.BlockHeight, source.Grid.Height - y));
                    source.ReadWindow(1, w, buffer);
                }

            return 0;
        });
        var options = new ZonalOptions([ZonalStatistic.Count, ZonalStatistic.Sum, ZonalStatistic.Mean, ZonalStatistic.Frac]);
        using var noop = GeoTiffReader.Open(raster, 8 << 20);
        Phase("engine with a no-op accumulator, 1 worker", () => ZonalEngine.Run([noop], zones, CellAreaModel.Unknown, () => new NoopAccumulator(), new ZonalRunOptions { MaxDegreeOfParallelism = 1 }));
        using var again = GeoTiffReader.Open(raster, 8 << 20);
        Phase("engine, 1 worker", () => ZonalStatistics.Compute(again, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 1 }));
        using var third = GeoTiffReader.Open(raster, 8 << 20);
        Phase("engine, 2 workers", () => ZonalStatistics.Compute(third, null, zones, options, new ZonalRunOptions { MaxDegreeOfParallelism = 2 }));
    }

    private static T Phase<T>(string name, Func<T> work)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var result = work();
        Console.WriteLine($"{name}: cpu {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds:F2} s, wall {wall.Elapsed.TotalSeconds:F2} s");
        return result;
    }

    /// <summary>Receives the runs and does nothing: measures the engine without statistics.</summary>
    private sealed class NoopAccumulator : IZoneAccumulator
    {
        public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
        {
        }

        public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
        {
        }
    }
}
