using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Bench;

/// <summary><c>screen-bench WORKSPACE RULES POOLS [N]</c> (WORKSPACE: a folder, a GeoPackage or a postgresql:// URI): the siting screen with a warm index. (1) single screens of
/// 50 ha squares at random places in the province, one at a time: p50/p95/max latency; (2) N footprints of 1-100 ha
/// screened in parallel on all cores: wall time. Both with and without the clearance search.</summary>
public static class ScreenBenchmark
{
    public static void Run(string workspace, string rules, string pools, int batch, string clearanceCases = "both")
    {
        var load = Stopwatch.StartNew();
        ScreenContext context;
        using (var store = Storage.WorkspaceStore.OpenForReading(workspace))
            context = Storage.WorkspaceScreenContext.Load(store, RuleSetReader.Read(rules), pools);
        using var owned = context;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"context: {context.Zones.Count} zones in {context.Zones.Layers.Count} layers, {context.LandUse.Count} land-use years, loaded in {load.Elapsed.TotalSeconds:0.00} s"));
        var admin = context.Zones[ZoneKind.Admin] ?? throw new InvalidOperationException("no admin layer");
        var random = new Random(42);

        Polygon Square(double area_ha)
        {
            while (true)
            {
                var district = admin.Zones[random.Next(admin.Zones.Count)].LonLat;
                var e = district.EnvelopeInternal;
                var p = new Point(e.MinX + random.NextDouble() * e.Width, e.MinY + random.NextDouble() * e.Height);
                if (!district.Contains(p)) continue;
                var half = Math.Sqrt(area_ha * 1e4) / 2;
                var dLon = half / (111_320 * Math.Cos(p.Y * Math.PI / 180));
                var dLat = half / 110_574;
                return new GeometryFactory().CreatePolygon([new(p.X - dLon, p.Y - dLat), new(p.X + dLon, p.Y - dLat), new(p.X + dLon, p.Y + dLat), new(p.X - dLon, p.Y + dLat), new(p.X - dLon, p.Y - dLat)]);
            }
        }

        var table = new List<string>
        {
            "| case | wall p50 | wall p95 | wall max | thread CPU p50 | thread CPU p95 | target |",
            "|---|---|---|---|---|---|---|",
        };
        bool[] cases = clearanceCases switch { "off" => [false], "on" => [true], _ => [false, true] };
        foreach (var clearance in cases)
        {
            var request = new ScreenRequest("2614", Clearance: clearance);
            var warm = Enumerable.Range(0, 200).Select(_ => Square(50)).ToArray();
            foreach (var f in warm) SiteScreen.Screen(context, f, CrsRegistry.Cgcs2000, request);
            var singles = Enumerable.Range(0, 500).Select(_ => Square(50)).ToArray();
            var times = new double[singles.Length];
            var cpuTimes = new double[singles.Length];
            var verdicts = new Dictionary<string, int>();
            for (var i = 0; i < singles.Length; i++)
            {
                var c = ThreadCpu.Milliseconds();
                var t = Stopwatch.GetTimestamp();
                var r = SiteScreen.Screen(context, singles[i], CrsRegistry.Cgcs2000, request);
                times[i] = Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                cpuTimes[i] = ThreadCpu.Milliseconds() - c;
                verdicts[r.Verdict] = verdicts.GetValueOrDefault(r.Verdict) + 1;
            }

            Array.Sort(times);
            Array.Sort(cpuTimes);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"single 50 ha screen, clearance {(clearance ? "on " : "off")}: wall p50 {times[times.Length / 2]:0.00} ms, p95 {times[(int)(times.Length * 0.95)]:0.00} ms, max {times[^1]:0.00} ms; thread CPU p50 {cpuTimes[cpuTimes.Length / 2]:0.00} ms, p95 {cpuTimes[(int)(cpuTimes.Length * 0.95)]:0.00} ms, max {cpuTimes[^1]:0.00} ms over {times.Length} ({string.Join(", ", verdicts.Select(kv => $"{kv.Key} {kv.Value}"))})"));

            var on = clearance ? "on" : "off";
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| single 50 ha screen, clearance {on} | {times[times.Length / 2]:0.00} ms | {times[(int)(times.Length * 0.95)]:0.00} ms | {times[^1]:0.00} ms | {cpuTimes[cpuTimes.Length / 2]:0.00} ms | {cpuTimes[(int)(cpuTimes.Length * 0.95)]:0.00} ms | {(clearance ? "—" : "p95 < 20 ms")} |"));

            var many = Enumerable.Range(0, batch).Select(_ => Square(1 + random.NextDouble() * 99)).ToArray();
            var wall = Stopwatch.StartNew();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var results = BatchScreen.Run(context, many, CrsRegistry.Cgcs2000, request);
            var batchCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"batch of {batch} footprints (1-100 ha), clearance {(clearance ? "on " : "off")}: {wall.Elapsed.TotalSeconds:0.00} s wall, {batchCpu:0.00} s CPU on {Environment.ProcessorCount} cores ({results.Count(r => r.Verdict == "prohibit")} prohibit)"));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {batch} footprints (1-100 ha), clearance {on} | | | {wall.Elapsed.TotalSeconds:0.00} s wall | | {batchCpu:0.00} s CPU (process) | {(clearance ? "—" : "< 10 s on 2 cores")} |"));
        }

        Console.WriteLine();
        foreach (var line in table) Console.WriteLine(line);
    }
}
