namespace SpatialCarbon.Tiles.Archives;

/// <summary>A tile archive opened for reading: the zooms it holds and its tiles (MVT returned uncompressed).</summary>
public interface ITileArchive : IDisposable
{
    string Path { get; }

    int MinZoom { get; }

    int MaxZoom { get; }

    /// <summary>The tile, or null when the archive does not hold it.</summary>
    byte[]? Read(TileCoord tile);
}
