using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SpatialCarbon.Server.Http;

namespace SpatialCarbon.Server.Endpoints;

/// <summary><c>GET /catalog</c>: every tile source of the workspace.</summary>
public static class CatalogEndpoints
{
    public static IEndpointRouteBuilder MapCatalogEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/catalog", GetCatalog).WithTags("tiles").WithSummary("Every tile source: id, kind, titles (zh, en), bounds, zooms");
        return app;
    }

    public static Ok<CatalogEntry[]> GetCatalog(TileService tiles, HttpContext context)
    {
        context.Response.Headers.CacheControl = HttpCaching.Documents;
        return TypedResults.Ok(tiles.Workspace.Sources.Values.Select(CatalogEntry.From).ToArray());
    }
}
