using System.Collections.Concurrent;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;

namespace SpatialCarbon.Core.Screening;

/// <summary>Screens many footprints on all cores. They are visited in the Z-order (Morton order) of their envelope
/// centres and handed to the workers in contiguous chunks, so that neighbouring footprints run one after another: the
/// land-use blocks and projected zones one screen loads are still in the caches for the next, instead of being
/// decoded again after the cache has cycled (random order decodes a block per screen on the demo province). Results
/// come back in input order.</summary>
public static class BatchScreen
{
    /// <summary>Footprints per chunk a worker takes at a time.</summary>
    private const int Chunk = 16;

    public static ScreenResult[] Run(ScreenContext context, IReadOnlyList<Geometry> footprints, SpatialReference crs, ScreenRequest request,
        IReadOnlyList<string?>? ids = null, IProgress<double>? progress = null, int? maxDegreeOfParallelism = null)
    {
        request.Validate();
        var order = ZOrder(footprints);
        var results = new ScreenResult[footprints.Count];
        var done = 0;
        var options = new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount };
        Parallel.ForEach(Partitioner.Create(0, order.Length, Chunk), options, range =>
        {
            for (var k = range.Item1; k < range.Item2; k++)
            {
                var i = order[k];
                results[i] = SiteScreen.Screen(context, footprints[i], crs, request, ids?[i]);
            }

            progress?.Report((double)Interlocked.Add(ref done, range.Item2 - range.Item1) / order.Length);
        });
        return results;
    }

    /// <summary>Footprint indexes sorted by the Morton code of their envelope centres on a 2^16 grid over the extent.</summary>
    private static int[] ZOrder(IReadOnlyList<Geometry> footprints)
    {
        var extent = new Envelope();
        foreach (var f in footprints) extent.ExpandToInclude(f.EnvelopeInternal);
        var keys = new ulong[footprints.Count];
        for (var i = 0; i < keys.Length; i++)
        {
            var c = footprints[i].EnvelopeInternal.Centre;
            if (c is null || extent.Width <= 0 && extent.Height <= 0) continue;
            var x = (uint)(extent.Width > 0 ? Math.Clamp((c.X - extent.MinX) / extent.Width, 0, 1) * 65535 : 0);
            var y = (uint)(extent.Height > 0 ? Math.Clamp((c.Y - extent.MinY) / extent.Height, 0, 1) * 65535 : 0);
            keys[i] = Spread(x) | (Spread(y) << 1);
        }

        var order = Enumerable.Range(0, keys.Length).ToArray();
        Array.Sort((ulong[])keys.Clone(), order);
        return order;
    }

    /// <summary>The bits of a 16-bit value spread to the even bit positions.</summary>
    private static ulong Spread(uint v)
    {
        ulong x = v & 0xFFFF;
        x = (x | (x << 8)) & 0x00FF00FF;
        x = (x | (x << 4)) & 0x0F0F0F0F;
        x = (x | (x << 2)) & 0x33333333;
        x = (x | (x << 1)) & 0x55555555;
        return x;
    }
}
