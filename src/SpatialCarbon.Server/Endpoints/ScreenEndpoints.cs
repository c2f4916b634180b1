using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace SpatialCarbon.Server.Endpoints;

/// <summary>WIRE-SCREEN-HERE: <c>POST /api/screen</c> (GeoJSON Feature or FeatureCollection; <c>industry</c>,
/// <c>kind</c>, <c>project_type</c> as query parameters → the CLI's <c>screen</c> result object) and
/// <c>GET /api/screen/{id}/report.pdf</c>. The siting screen's Core API is being written in parallel; until it is
/// merged these routes answer 501 problem+json. To wire: read the body with
/// <see cref="AnalysisEndpoints.ReadGeoJson"/>, call the screen, keep the result under an id for the report.</summary>
public static class ScreenEndpoints
{
    public static IEndpointRouteBuilder MapScreenEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/screen").WithTags("analysis");
        api.MapPost("", NotWired).WithSummary("Siting screen of a footprint (not wired in this build: 501)")
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        api.MapGet("/{id}/report.pdf", NotWired).WithSummary("PDF report of a screening (not wired in this build: 501)")
            .ProducesProblem(StatusCodes.Status501NotImplemented);
        return app;
    }

    private static IResult NotWired() => TypedResults.Problem(
        statusCode: StatusCodes.Status501NotImplemented, title: "Not wired",
        detail: "the siting screen is not wired into this build of the service yet");
}
