using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using SpatialCarbon.Core;
using SpatialCarbon.Server.Http;
using SpatialCarbon.Tiles.Raster;

namespace SpatialCarbon.Server.Endpoints;

/// <summary><c>GET /legend/{id}</c> (JSON) and <c>GET /legend/{id}.png</c> for raster sources.</summary>
public static class LegendEndpoints
{
    private static readonly ConcurrentDictionary<string, CachedTile> Pngs = new();

    public static IEndpointRouteBuilder MapLegendEndpoints(this IEndpointRouteBuilder app)
    {
        var legend = app.MapGroup("/legend").WithTags("tiles");
        legend.MapGet("/{id}.png", GetLegendPng).WithSummary("Legend of a raster source as a PNG")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").ProducesProblem(StatusCodes.Status404NotFound);
        legend.MapGet("/{id}", GetLegend).WithSummary("Legend of a raster source: classes or ramp stops with colours")
            .Produces<Legend>().ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static IResult GetLegend(string id, TileService tiles, HttpContext context)
    {
        var legend = LegendOf(id, tiles);
        context.Response.Headers.CacheControl = HttpCaching.Documents;
        return TypedResults.Ok(legend);
    }

    public static IResult GetLegendPng(string id, TileService tiles, HttpContext context)
    {
        var legend = LegendOf(id, tiles);
        var png = Pngs.GetOrAdd($"{tiles.Workspace.Name}/{id}", _ =>
        {
            var data = LegendPng.Render(legend);
            return new CachedTile(data, TileCache.ETagOf(data));
        });
        return HttpCaching.Bytes(context, png, "image/png", HttpCaching.Tiles);
    }

    private static Legend LegendOf(string id, TileService tiles)
    {
        var source = tiles.Source(id);
        var raster = source as RasterTileSource ?? (source as Tiles.Archives.ArchiveTileSource)?.Live as RasterTileSource
            ?? throw new InputException("legend", id, "vector sources have no legend; style them in the viewer");
        return raster.Legend;
    }
}
