using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon info PATH</c>: what a raster or vector file holds and which reader opened it, through
/// <see cref="DatasetOpener"/> (managed readers first, GDAL for the rest).</summary>
internal static class InfoCommand
{
    /// <summary>Extensions treated as rasters when <c>--kind auto</c>; everything else is read as a vector.</summary>
    private static readonly HashSet<string> RasterExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        ".tif", ".tiff", ".img", ".nc", ".asc", ".envi", ".hdr", ".bil", ".vrt", ".jp2", ".dem", ".grd", ".rst", ".sdat",
    };

    public static Command Create()
    {
        var path = new Argument<string>("path") { Description = "Raster or vector file (or a FileGDB folder)" };
        var layer = new Option<string?>("--layer") { Description = "Vector layer to describe (default: the first)" };
        var kind = new Option<string>("--kind")
        {
            Description = "raster, vector, or auto (by extension)",
            DefaultValueFactory = _ => "auto",
        };
        kind.AcceptOnlyFromAmong("auto", "raster", "vector");
        var command = new Command("info", "Describe a raster or vector dataset: size, CRS, fields, repairs, and the reader used")
        {
            path, layer, kind,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(path)!;
            var asRaster = parse.GetValue(kind) switch
            {
                "raster" => true,
                "vector" => false,
                _ => RasterExtensions.Contains(Path.GetExtension(file)),
            };
            var output = parse.InvocationConfiguration.Output;
            if (asRaster) DescribeRaster(file, output);
            else DescribeVector(file, parse.GetValue(layer), output);
            return CliRunner.Ok;
        });
        return command;
    }

    private static void DescribeRaster(string path, TextWriter output)
    {
        using var source = DatasetOpener.OpenRaster(path);
        var grid = source.Grid;
        var gt = grid.Transform;
        output.WriteLine($"raster: {path}");
        output.WriteLine($"reader: {(source is GdalRasterSource g ? $"GDAL ({g.Driver})" : "managed GeoTIFF")}");
        output.WriteLine(Invariant($"size: {grid.Width} x {grid.Height}, {source.BandCount} band(s) of {source.DataType}, blocks {source.BlockWidth} x {source.BlockHeight}"));
        output.WriteLine($"nodata: {(source.NoData is double nd ? nd.ToString("R", CultureInfo.InvariantCulture) : "none")}");
        output.WriteLine($"crs: {grid.Crs?.ToString() ?? "none"}");
        output.WriteLine(Invariant($"geotransform: {gt.OriginX:R}, {gt.PixelWidth:R}, {gt.RowRotation:R}, {gt.OriginY:R}, {gt.ColumnRotation:R}, {gt.PixelHeight:R}"));
        var b = grid.Bounds;
        output.WriteLine(Invariant($"bounds: {b.MinX:R}, {b.MinY:R}, {b.MaxX:R}, {b.MaxY:R}"));
    }

    private static void DescribeVector(string path, string? layer, TextWriter output)
    {
        var layers = DatasetOpener.ListLayers(path);
        var read = DatasetOpener.ReadVector(path, layer);
        output.WriteLine($"vector: {path}");
        output.WriteLine($"layers: {string.Join(", ", layers)}");
        output.WriteLine($"layer: {read.Name}");
        output.WriteLine($"crs: {read.Crs?.ToString() ?? "none"}");
        output.WriteLine($"features: {read.Features.Count} ({string.Join(", ", read.GeometryTypes)})");
        output.WriteLine($"fields: {string.Join(", ", read.Fields.Select(f => $"{f.Name} ({f.Type})"))}");
        if (read.Features.Count > 0)
        {
            var e = read.Extent;
            output.WriteLine(Invariant($"extent: {e.MinX:R}, {e.MinY:R}, {e.MaxX:R}, {e.MaxY:R}"));
        }

        output.WriteLine($"geometry issues: {read.Issues}");
        foreach (var line in read.Issues.Details) output.WriteLine($"  {line}");
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
