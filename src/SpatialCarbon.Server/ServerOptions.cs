namespace SpatialCarbon.Server;

/// <summary>What <c>serve</c> serves and how: the workspace (folder, GeoPackage or postgresql:// URI), the carbon pool
/// table, where seeded archives and the built viewer live, the HTTP limits, and what the viewer is configured with.</summary>
public sealed record ServerOptions
{
    public required string Workspace { get; init; }

    /// <summary>InVEST pool table for carbon density tiles and the carbon API.</summary>
    public required string PoolTable { get; init; }

    public string Host { get; init; } = "127.0.0.1";

    public int Port { get; init; } = 5080;

    /// <summary>Folder of seeded archives named after sources (landuse_2020.pmtiles...); served when present.</summary>
    public string? TilesFolder { get; init; }

    /// <summary>Folder of the built viewer (index.html...), served at /; a plain catalog page when absent.</summary>
    public string? ViewerFolder { get; init; }

    /// <summary>Origins allowed to call the API from a browser; empty: CORS off.</summary>
    public IReadOnlyList<string> CorsOrigins { get; init; } = [];

    /// <summary>Bound on the in-memory tile cache, bytes.</summary>
    public long TileCacheBytes { get; init; } = 256L << 20;

    /// <summary>Largest request body accepted (uploaded polygons), bytes.</summary>
    public long MaxUploadBytes { get; init; } = 10L << 20;

    /// <summary>天地图 key (SPATIALCARBON_TIANDITU_KEY for <c>serve</c>): when set, the viewer offers 天地图's CGCS2000
    /// basemaps; when absent, only the offline one.</summary>
    public string? TiandituKey { get; init; }

    /// <summary>The 审图号 line shown on the map (SPATIALCARBON_MAP_APPROVAL, as in the PDF reports); the viewer says the
    /// data are synthetic and have none when absent.</summary>
    public string? MapApproval { get; init; }

    public string Url => $"http://{(Host.Contains(':') ? $"[{Host}]" : Host)}:{Port}/";
}
