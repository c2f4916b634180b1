using System.Net;
using System.Text;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.FileProviders;
using SpatialCarbon.Server.Http;

namespace SpatialCarbon.Server.Endpoints;

/// <summary><c>/</c>: the built OpenLayers viewer (static files from the viewer folder) when it is there, else a
/// plain page listing the catalog with links to TileJSON, legends and the API reference.</summary>
public static class ViewerEndpoints
{
    public static WebApplication MapViewer(this WebApplication app, string? viewerFolder)
    {
        if (viewerFolder is not null && File.Exists(Path.Combine(viewerFolder, "index.html")))
        {
            var files = new PhysicalFileProvider(Path.GetFullPath(viewerFolder));
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
            return app;
        }

        app.MapGet("/", CatalogPage).ExcludeFromDescription();
        return app;
    }

    private static IResult CatalogPage(TileService tiles)
    {
        var html = new StringBuilder();
        html.Append("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>SpatialCarbon</title></head><body>");
        html.Append($"<h1>SpatialCarbon — {WebUtility.HtmlEncode(tiles.Workspace.Name)}</h1>");
        html.Append("<p>The map viewer is not built here; tile sources below. API: <a href=\"/docs\">/docs</a>, <a href=\"/openapi.json\">/openapi.json</a>, <a href=\"/catalog\">/catalog</a>.</p><ul>");
        foreach (var s in tiles.Workspace.Sources.Values)
        {
            var e = CatalogEntry.From(s);
            html.Append($"<li><b>{e.Id}</b> ({e.Kind}) {WebUtility.HtmlEncode(e.Title.Zh)} / {WebUtility.HtmlEncode(e.Title.En)} — <a href=\"{e.Tilejson}\">TileJSON</a>");
            if (e.Legend is not null) html.Append($", <a href=\"{e.Legend}\">legend</a>, <a href=\"{e.Legend}.png\">legend.png</a>");
            html.Append("</li>");
        }

        html.Append("</ul></body></html>");
        return Results.Content(html.ToString(), "text/html; charset=utf-8");
    }
}
