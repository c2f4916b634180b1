using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SpatialCarbon.Server.Http;
using SpatialCarbon.Tiles;

namespace SpatialCarbon.Server.Endpoints;

/// <summary>Tiles and TileJSON: <c>/tiles/{ids}/{z}/{x}/{y}.mvt</c>, <c>/tiles/{id}/{z}/{x}/{y}.png</c>,
/// <c>/tiles/{ids}.json</c>. z/x/y are taken as text and checked here, so a bad one is a 400, not a 404.</summary>
public static class TileEndpoints
{
    public static IEndpointRouteBuilder MapTileEndpoints(this IEndpointRouteBuilder app)
    {
        var tiles = app.MapGroup("/tiles").WithTags("tiles");
        tiles.MapGet("/{ids}/{z}/{x}/{y}.mvt", GetVectorTile)
            .WithSummary("Mapbox vector tile of one or several comma-separated zone layers (EPSG:3857, extent 4096, buffer 64); 204 when empty")
            .Produces(StatusCodes.Status200OK, contentType: "application/vnd.mapbox-vector-tile").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        tiles.MapGet("/{id}/{z}/{x}/{y}.png", GetRasterTile)
            .WithSummary("PNG tile of a raster source (land use, carbon density, change); transparent nodata; 204 when empty")
            .Produces(StatusCodes.Status200OK, contentType: "image/png").Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        tiles.MapGet("/{ids}.json", GetTileJson).WithSummary("TileJSON 3.0.0 of one raster source or of vector sources combined")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static IResult GetVectorTile(string ids, string z, string x, string y, TileService tiles, HttpContext context)
    {
        var coord = TileCoord.Parse(z, x, y);
        var gzip = AcceptsGzip(context.Request);
        var tile = tiles.VectorTile(ids, coord, gzip);
        if (tile.IsEmpty) return Empty(context);
        return HttpCaching.Bytes(context, tile, "application/vnd.mapbox-vector-tile", HttpCaching.Tiles, gzip ? "gzip" : null);
    }

    public static IResult GetRasterTile(string id, string z, string x, string y, TileService tiles, HttpContext context)
    {
        var coord = TileCoord.Parse(z, x, y);
        var tile = tiles.RasterTile(id, coord);
        return tile.IsEmpty ? Empty(context) : HttpCaching.Bytes(context, tile, "image/png", HttpCaching.Tiles);
    }

    public static Ok<TileJson> GetTileJson(string ids, TileService tiles, HttpContext context)
    {
        var sources = tiles.Sources(ids, null);
        var request = context.Request;
        var url = $"{request.Scheme}://{request.Host}{request.PathBase}/tiles/{ids}/{{z}}/{{x}}/{{y}}.{sources[0].Info.Format}";
        context.Response.Headers.CacheControl = HttpCaching.Documents;
        return TypedResults.Ok(TileJson.For(sources.Select(s => s.Info).ToArray(), url));
    }

    private static IResult Empty(HttpContext context)
    {
        context.Response.Headers.CacheControl = HttpCaching.Tiles;
        return Results.NoContent();
    }

    private static bool AcceptsGzip(HttpRequest request)
    {
        // A loop over the StringValues struct: LINQ would box it on every tile request.
        foreach (var value in request.Headers.AcceptEncoding)
        {
            if (value?.Contains("gzip", StringComparison.OrdinalIgnoreCase) == true) return true;
        }

        return false;
    }
}
