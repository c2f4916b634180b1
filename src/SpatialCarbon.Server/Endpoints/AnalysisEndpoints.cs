using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using SpatialCarbon.Core;
using SpatialCarbon.Server.Analysis;
using SpatialCarbon.Server.Http;

namespace SpatialCarbon.Server.Endpoints;

/// <summary>The analysis API: <c>GET /api/point</c> and <c>POST /api/carbon</c>.</summary>
public static class AnalysisEndpoints
{
    public static IEndpointRouteBuilder MapAnalysisEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("analysis");
        api.MapGet("/point", GetPoint)
            .WithSummary("Every layer's value at a lon/lat point (EPSG:4326): zone attributes, land-use class and carbon density per year")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPost("/carbon", PostCarbon)
            .WithSummary("Carbon stock per year, change, transitions and class areas inside a GeoJSON polygon (Feature, FeatureCollection or geometry; EPSG:4326 unless it names a crs), or inside the polygons of a footprint file posted as multipart/form-data field 'file'")
            .Accepts<object>("application/geo+json", "application/json", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        return app;
    }

    public static Ok<PointReport> GetPoint(string? lon, string? lat, TileService tiles) =>
        TypedResults.Ok(PointProbe.At(tiles.Workspace, lon, lat));

    public static async Task<Ok<CarbonReport>> PostCarbon(HttpRequest request, string? area_method, TileService tiles, ServerOptions options, CancellationToken cancel)
    {
        var method = area_method is null ? Core.Crs.AreaMethod.Ellipsoidal
            : Core.Crs.AreaMethods.Parse(area_method) ?? throw new InputException("area_method", area_method, "must be ellipsoidal or planar");
        var upload = await FootprintUpload.ReadAsync(request, options.MaxUploadBytes, cancel);
        return TypedResults.Ok(PolygonCarbon.Run(tiles.Workspace, upload, method));
    }
}
