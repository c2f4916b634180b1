using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace SpatialCarbon.Server.Http;

/// <summary>Conditional-request helpers: ETag + If-None-Match → 304, and the Cache-Control policies.</summary>
public static class HttpCaching
{
    /// <summary>Tiles and legends change only when the workspace is rebuilt (and then their ETags change).</summary>
    public const string Tiles = "public, max-age=3600";

    /// <summary>Catalog and TileJSON: revalidate each time, cheap with the ETag.</summary>
    public const string Documents = "no-cache";

    /// <summary>Sets ETag and Cache-Control; true when the client's copy is current (answer 304).</summary>
    public static bool NotModified(HttpContext context, string etag, string cacheControl)
    {
        var headers = context.Response.Headers;
        headers.ETag = etag;
        headers.CacheControl = cacheControl;
        headers.Vary = HeaderNames.AcceptEncoding;
        var inm = context.Request.Headers.IfNoneMatch;
        if (inm.Count == 0) return false;
        foreach (var value in inm)
        {
            if (value is null) continue;
            foreach (var tag in value.Split(',', StringSplitOptions.TrimEntries))
            {
                if (tag == "*" || tag == etag || tag == "W/" + etag) return true;
            }
        }

        return false;
    }

    /// <summary>An answer with validators: 304 when current, else the bytes.</summary>
    public static IResult Bytes(HttpContext context, CachedTile tile, string contentType, string cacheControl, string? contentEncoding = null)
    {
        if (NotModified(context, tile.ETag, cacheControl)) return Results.StatusCode(StatusCodes.Status304NotModified);
        if (contentEncoding is not null) context.Response.Headers.ContentEncoding = contentEncoding;
        return Results.Bytes(tile.Data, contentType);
    }
}
