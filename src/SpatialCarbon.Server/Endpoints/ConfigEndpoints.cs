using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace SpatialCarbon.Server.Endpoints;

/// <summary><c>GET /config.json</c>: what the viewer is configured with beyond the catalog (the 天地图 key, the 审图号
/// line); absent settings are left out.</summary>
public static class ConfigEndpoints
{
    public static IEndpointRouteBuilder MapConfigEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/config.json", GetConfig).WithTags("viewer")
            .WithSummary("Viewer configuration: tianditu_key when a 天地图 key is configured, map_approval (the 审图号 line) when set");
        return app;
    }

    public static Ok<ViewerConfig> GetConfig(ServerOptions options, HttpResponse response)
    {
        // The key may change with the next start; the viewer reads this once per page load.
        response.Headers.CacheControl = "no-cache";
        return TypedResults.Ok(new ViewerConfig(options.TiandituKey, options.MapApproval));
    }
}

/// <summary>The answer of <c>/config.json</c>.</summary>
public sealed record ViewerConfig(string? TiandituKey, string? MapApproval);
