namespace SpatialCarbon.Tiles.Archives;

/// <summary>Renders every tile of a source over its bounds between two zooms, in parallel, into an archive;
/// empty tiles are left out.</summary>
public static class TileSeeder
{
    /// <summary>Seeds <paramref name="source"/> into <paramref name="writer"/>; returns (tiles examined, tiles written).</summary>
    public static (long Examined, long Written) Seed(ITileSource source, int minZoom, int maxZoom, ITileArchiveWriter writer,
        IProgress<double>? progress = null, int? maxDegreeOfParallelism = null)
    {
        var tiles = Tiles(source.Info.Bounds, minZoom, maxZoom).ToArray();
        long done = 0, written = 0;
        Parallel.ForEach(tiles, new ParallelOptions { MaxDegreeOfParallelism = maxDegreeOfParallelism ?? Environment.ProcessorCount }, t =>
        {
            if (source.GetTile(t) is { } data)
            {
                writer.Add(t, data);
                Interlocked.Increment(ref written);
            }

            progress?.Report((double)Interlocked.Increment(ref done) / tiles.Length);
        });
        writer.Complete(source.Info, minZoom, maxZoom);
        return (tiles.Length, written);
    }

    /// <summary>Every tile covering a lon/lat box at each zoom.</summary>
    public static IEnumerable<TileCoord> Tiles(IReadOnlyList<double> bounds, int minZoom, int maxZoom)
    {
        for (var z = minZoom; z <= maxZoom; z++)
        {
            var (x0, y0, x1, y1) = WebMercator.TileRange(bounds, z);
            for (var y = y0; y <= y1; y++)
            {
                for (var x = x0; x <= x1; x++) yield return new TileCoord(z, x, y);
            }
        }
    }
}
