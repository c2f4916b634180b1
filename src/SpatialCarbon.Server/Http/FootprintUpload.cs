using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Server.Http;

/// <summary>The footprint a client posts: a GeoJSON body, or a multipart/form-data body whose <c>file</c> field is any
/// file <c>screen --footprint</c> reads (GeoJSON, zipped shapefile, KML, 界址点 TXT, WKT, GeoPackage), read by the
/// same <see cref="DatasetOpener"/>. Bodies over the limit are 413; a bad file is a 400 naming the uploaded file.</summary>
public static class FootprintUpload
{
    public const string FileField = "file";

    /// <summary>Reads the posted footprint layer (geometries repaired); <see cref="VectorLayer.SourcePath"/> is the
    /// uploaded file's name, or "body" for GeoJSON.</summary>
    public static async Task<VectorLayer> ReadAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        using var body = await BufferAsync(request, limit, cancel);
        if (!IsMultipart(request.ContentType))
        {
            if (body.Length == 0) throw new InputException("body", null, "empty: send a GeoJSON Feature, FeatureCollection or geometry, or a form with a file field 'file'");
            return new GeoJsonReader().Read(body, "body", "upload");
        }

        request.Body = body;
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancel);
        }
        catch (InvalidDataException e)
        {
            throw new InputException("body", null, $"not a readable multipart/form-data body ({e.Message})", e);
        }

        var file = form.Files.GetFile(FileField)
            ?? throw new InputException("body", null, $"the form has no file field '{FileField}' (GeoJSON, zipped shapefile, KML or 界址点 TXT)");
        var name = SafeName(file.FileName);
        if (file.Length == 0) throw new InputException(name, null, "the uploaded file is empty");
        var folder = Path.Combine(Path.GetTempPath(), "spatialcarbon-uploads", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, name);
        try
        {
            await using (var target = new FileStream(path, FileMode.CreateNew, FileAccess.Write))
                await file.CopyToAsync(target, cancel);
            try
            {
                return DatasetOpener.ReadVector(path) with { SourcePath = name };
            }
            catch (InputException e)
            {
                // The reader names the scratch copy; the client knows the file by the name it sent.
                throw new InputException(name, e.Record, e.Problem.Replace(path, name, StringComparison.Ordinal), e);
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static bool IsMultipart(string? contentType) =>
        MediaTypeHeaderValue.TryParse(contentType, out var type) && type.MediaType.Equals("multipart/form-data", StringComparison.OrdinalIgnoreCase);

    private static async Task<MemoryStream> BufferAsync(HttpRequest request, long limit, CancellationToken cancel)
    {
        if (request.ContentLength > limit)
            throw new BadHttpRequestException($"the body is {request.ContentLength} bytes; at most {limit} are accepted", StatusCodes.Status413PayloadTooLarge);
        var body = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancel)) > 0)
        {
            body.Write(buffer, 0, read);
            if (body.Length > limit)
            {
                body.Dispose();
                throw new BadHttpRequestException($"the body passes {limit} bytes", StatusCodes.Status413PayloadTooLarge);
            }
        }

        body.Position = 0;
        return body;
    }

    /// <summary>The uploaded file's own name without any folder part or characters a file name cannot hold; the
    /// extension stays, since the readers choose by it.</summary>
    private static string SafeName(string? fileName)
    {
        var name = Path.GetFileName((fileName ?? "").Replace('\\', '/'));
        var invalid = Path.GetInvalidFileNameChars();
        name = new string([.. name.Select(c => invalid.Contains(c) || char.IsControl(c) ? '_' : c)]).Trim();
        var extension = Path.GetExtension(name);
        if (name.Length > 120) name = extension.Length <= 16 ? name[..(120 - extension.Length)] + extension : name[..120];
        return name is "" or "." or ".." ? "upload" : name;
    }
}
