using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Scalar.AspNetCore;
using SpatialCarbon.Server.Endpoints;
using SpatialCarbon.Server.Http;
using SpatialCarbon.Server.Workspace;

namespace SpatialCarbon.Server;

/// <summary>Composes the service: the workspace and tile cache as singletons, one exception handler, JSON in
/// snake_case, OpenAPI, then the endpoint groups. <c>serve</c>, <c>demo</c> and the tests all start it here
/// (tests pass <c>b => b.WebHost.UseTestServer()</c>).</summary>
public static class ServerApp
{
    public static WebApplication Build(ServerOptions options, ServedWorkspace workspace, Action<WebApplicationBuilder>? configure = null)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(ServerApp).Assembly.GetName().Name });
        builder.WebHost.UseUrls(options.Url);
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        // A request continues on the thread-pool thread that received its bytes instead of being handed to another
        // one: a cached tile costs one wake-up less (server CPU per cached tile -5 to -9 % under wrk). Socket
        // completions still arrive on pool threads, never on the epoll thread, so a slow request blocks only its own.
        builder.WebHost.UseSockets(o => o.UnsafePreferInlineScheduling = true);
        // The hosting layer opens a logging scope for every request whenever any of its levels is on; nothing here logs
        // per request, so it is turned off rather than paid on every cached tile.
        builder.Logging.AddFilter("Microsoft.AspNetCore.Hosting.Diagnostics", LogLevel.None);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(workspace);
        builder.Services.AddSingleton(new TileCache(options.TileCacheBytes));
        builder.Services.AddSingleton<TileService>();
        builder.Services.AddSingleton<SpatialCarbon.Server.Analysis.ScreenService>();
        builder.Services.AddProblemDetails();
        builder.Services.AddExceptionHandler<ProblemExceptionHandler>();
        builder.Services.Configure<JsonOptions>(j =>
        {
            j.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower;
            j.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
            j.SerializerOptions.NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals;
        });
        builder.Services.AddOpenApi(o => o.AddDocumentTransformer((doc, _, _) =>
        {
            doc.Info.Title = "SpatialCarbon";
            doc.Info.Description = "Map tiles, TileJSON and the analysis API over a SpatialCarbon workspace";
            return Task.CompletedTask;
        }));
        if (options.CorsOrigins.Count > 0)
            builder.Services.AddCors(c => c.AddDefaultPolicy(p => p.WithOrigins([.. options.CorsOrigins]).AllowAnyHeader().WithMethods("GET", "POST")));
        configure?.Invoke(builder);

        var app = builder.Build();
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        if (options.CorsOrigins.Count > 0) app.UseCors();
        app.MapOpenApi("/openapi.json");
        app.MapScalarApiReference("/docs", o => o.WithOpenApiRoutePattern("/openapi.json").WithTitle("SpatialCarbon API").DisableDefaultFonts().DisableTelemetry());
        app.MapHealthEndpoints();
        app.MapCatalogEndpoints();
        app.MapTileEndpoints();
        app.MapLegendEndpoints();
        app.MapAnalysisEndpoints();
        app.MapScreenEndpoints();
        app.MapConfigEndpoints();
        app.MapViewer(options.ViewerFolder);
        return app;
    }
}
