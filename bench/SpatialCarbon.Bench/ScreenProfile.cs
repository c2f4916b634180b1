using System.Diagnostics;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Bench;

/// <summary><c>screen-profile WORKSPACE RULES POOLS [N]</c>: where a warm single screen spends its time, phase by phase
/// (process CPU time, which load on a shared machine inflates less than wall time).</summary>
public static class ScreenProfile
{
    public static void Run(string workspace, string rules, string pools, int count)
    {
        ScreenContext context;
        using (var store = Storage.WorkspaceStore.OpenForReading(workspace))
            context = Storage.WorkspaceScreenContext.Load(store, RuleSetReader.Read(rules), pools);
        using var owned = context;
        var admin = context.Zones[ZoneKind.Admin]!;
        var random = new Random(7);
        var squares = Enumerable.Range(0, count + 200).Select(_ => Square(admin, random, 50)).ToArray();
        var request = new ScreenRequest("2614", Clearance: false);
        foreach (var f in squares.Take(200)) SiteScreen.Screen(context, f, CrsRegistry.Cgcs2000, request);
        var phases = new double[4];
        long Decodes() => context.LandUse.Sum(l => l.Raster is SpatialCarbon.Core.Raster.GeoTiffReader g ? g.DecodeCount : 0);
        var decodes0 = Decodes();
        var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
        foreach (var f in squares.Skip(200))
        {
            var t = Stopwatch.GetTimestamp();
            var shape = FootprintShape.Create(f, CrsRegistry.Cgcs2000, request.AreaMethod);
            phases[0] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            var hits = ZoneSearch.Find(context.Zones, shape, Math.Max(request.Radius_m, context.Rules.MaxDistance_m), request.AreaMethod);
            phases[1] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            RuleMatcher.Matches(context.Rules, request, hits);
            phases[2] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            t = Stopwatch.GetTimestamp();
            foreach (var l in context.LandUse) LandUseUnderFootprint.Compute(l, shape, context.Pools);
            phases[3] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"block decodes per screen: {(Decodes() - decodes0) / (double)count:0.00}"));
        var layers = context.Zones.Layers;
        var perLayer = new double[layers.Count, 3];
        foreach (var f in squares.Skip(200))
        {
            var shape = FootprintShape.Create(f, CrsRegistry.Cgcs2000, request.AreaMethod);
            var near = ZoneSearch.Expand(shape.LonLat.EnvelopeInternal, 5000);
            for (var k = 0; k < layers.Count; k++)
            {
                var layer = layers[k];
                var sensitive = ZoneKinds.Sensitive.Contains(layer.Kind);
                var t = Stopwatch.GetTimestamp();
                var hits = layer.Query(sensitive ? near : shape.LonLat.EnvelopeInternal);
                var meets = hits.Where(i => layer.Prepared(i).Intersects(shape.LonLat)).ToList();
                perLayer[k, 0] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                foreach (var i in meets)
                    if (!layer.Prepared(i).Contains(shape.LonLat))
                        GeometryArea.Ellipsoidal_m2(NetTopologySuite.Operation.OverlayNG.OverlayNGRobust.Overlay(shape.LonLat, layer.Zones[i].LonLat, NetTopologySuite.Operation.Overlay.SpatialFunction.Intersection), CrsRegistry.Cgcs2000);
                perLayer[k, 1] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
                t = Stopwatch.GetTimestamp();
                if (sensitive)
                    foreach (var i in hits.Except(meets)) layer.InGaussKruger(i, shape.GkEpsg).Facets.Distance(shape.Gk);
                perLayer[k, 2] += Stopwatch.GetElapsedTime(t).TotalMilliseconds;
            }
        }

        for (var k = 0; k < layers.Count; k++)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {layers[k].Layer}: query+intersects {perLayer[k, 0] / count:0.000} ms, overlay {perLayer[k, 1] / count:0.000} ms, distance {perLayer[k, 2] / count:0.000} ms"));
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalMilliseconds / count / 2;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"per screen over {count}: shape {phases[0] / count:0.000} ms, zone search {phases[1] / count:0.000} ms, rules {phases[2] / count:0.000} ms, land use {phases[3] / count:0.000} ms (wall); CPU {cpu:0.000} ms (averaged over both passes)"));
    }

    internal static Polygon Square(ZoneLayerIndex admin, Random random, double area_ha)
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
}
