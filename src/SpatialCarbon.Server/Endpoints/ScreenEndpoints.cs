using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using NetTopologySuite.Features;
using NetTopologySuite.IO.Converters;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Reports.Screening;
using SpatialCarbon.Server.Analysis;
using SpatialCarbon.Server.Http;

namespace SpatialCarbon.Server.Endpoints;

/// <summary><c>POST /api/screen</c>: a GeoJSON Feature or FeatureCollection, or a footprint file (GeoJSON, zipped
/// shapefile, KML, 界址点 TXT) as multipart/form-data field <c>file</c>, with <c>industry</c>, <c>kind</c>,
/// <c>project_type</c>, <c>radius_m</c>, <c>area_method</c> as query parameters, answered with the CLI's result object
/// (an array for several features); <c>GET /api/screen/{id}/report.pdf</c> prints that result's report and
/// <c>GET /api/screen/{id}/footprint.geojson</c> gives its footprint in CGCS2000 lon/lat (the viewer draws uploaded
/// files with it).</summary>
public static class ScreenEndpoints
{
    public static IEndpointRouteBuilder MapScreenEndpoints(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/screen").WithTags("analysis");
        api.MapPost("", PostScreen)
            .WithSummary("Siting screen of a footprint: verdict, zones, nearest zones, rules, land use, carbon, clearance")
            .Accepts<object>("application/geo+json", "application/json", "multipart/form-data")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("/{id}/report.pdf", GetReport).WithSummary("The PDF report of a screening (Chinese; lang=en for English)")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        api.MapGet("/{id}/footprint.geojson", GetFootprint).WithSummary("The footprint of a screening as a GeoJSON Feature in CGCS2000 lon/lat")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    public static async Task<IResult> PostScreen(HttpRequest request, string? industry, string? kind, string? project_type,
        string? radius_m, string? area_method, ScreenService screen, ServerOptions options, CancellationToken cancel)
    {
        if (string.IsNullOrWhiteSpace(industry))
            throw new InputException("industry", null, "required: the project's GB/T 4754-2017 industry code, e.g. 3110");
        var radius = 5000.0;
        if (radius_m is not null && (!double.TryParse(radius_m, System.Globalization.CultureInfo.InvariantCulture, out radius) || radius is < 0 or > 100_000))
            throw new InputException("radius_m", radius_m, "must be a distance in metres from 0 to 100,000");
        var method = area_method is null ? AreaMethod.Ellipsoidal
            : AreaMethods.Parse(area_method) ?? throw new InputException("area_method", area_method, "must be ellipsoidal or planar");
        var upload = await FootprintUpload.ReadAsync(request, options.MaxUploadBytes, cancel);
        if (upload.Features.Count == 0) throw new InputException(upload.SourcePath, null, "no footprint geometry in it");
        var req = new ScreenRequest(industry.Trim(), kind ?? "new", project_type, radius, method);
        var crs = FootprintCrs.Resolve(upload, upload.SourcePath).Crs;
        var found = upload.Features.Select(f => ScreenOne(screen, upload, f, crs, req)).ToArray();
        var json = found.Length == 1
            ? ScreenResultJson.ToJson(found[0], indented: false)
            : "[" + string.Join(",", found.Select(r => ScreenResultJson.ToJson(r, indented: false))) + "]";
        return Results.Text(json, "application/json");
    }

    /// <summary>Screens one feature; a footprint it cannot screen is named by the file it came in (and the feature
    /// when there are several), as the CLI names its input.</summary>
    private static ScreenResult ScreenOne(ScreenService screen, VectorLayer upload, VectorFeature feature, SpatialReference crs, ScreenRequest request)
    {
        try
        {
            return screen.Screen(feature.Geometry, crs, request);
        }
        catch (InputException e)
        {
            throw new InputException(upload.SourcePath, upload.Features.Count > 1 ? $"feature {feature.Id}" : null, e.Problem, e);
        }
    }

    public static IResult GetFootprint(string id, ScreenService screen)
    {
        if (screen.Find(id) is not { } kept) return UnknownScreening(id);
        var feature = new Feature(kept.LonLat, new AttributesTable { { "id", id }, { "verdict", kept.Result.Verdict } });
        return Results.Text(JsonSerializer.Serialize(feature, GeoJson), "application/geo+json");
    }

    private static readonly JsonSerializerOptions GeoJson = new() { Converters = { new GeoJsonConverterFactory() } };

    private static IResult UnknownScreening(string id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown screening",
            detail: $"no screening with id '{id}' is kept (results are kept for the latest 1,000 screens)");

    public static IResult GetReport(string id, string? lang, ScreenService screen)
    {
        if (screen.Find(id) is not { } kept) return UnknownScreening(id);
        var folder = Path.Combine(Path.GetTempPath(), "spatialcarbon-reports", id + (lang == "en" ? "-en" : ""));
        Directory.CreateDirectory(folder);
        var files = ScreenReport.Write(folder, kept.Result, kept.LonLat, screen.Context, new ReportOptions(lang == "en" ? "en" : "zh"));
        if (files.Pdf is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "PDF unavailable",
                detail: files.PdfProblem ?? "the PDF report needs chromium on the server");
        return Results.File(File.ReadAllBytes(files.Pdf), "application/pdf", $"screen-{id}.pdf");
    }
}
