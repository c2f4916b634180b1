namespace SpatialCarbon.Server.Http;

/// <summary>An encoded answer kept in the cache: its bytes (empty for an empty tile) and strong ETag.</summary>
public sealed record CachedTile(byte[] Data, string ETag)
{
    public bool IsEmpty => Data.Length == 0;
}
