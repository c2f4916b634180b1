using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Gdal;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon info FILE [--layer L] [--json]</c>: describes a raster or a vector file.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("file") { Description = "A raster (GeoTIFF, or any GDAL format) or a vector file" };
        var layer = new Option<string?>("--layer") { Description = "Vector layer to describe (default: all)" };
        var json = new Option<bool>("--json") { Description = "Print JSON instead of text" };
        var noStats = new Option<bool>("--no-stats") { Description = "Skip the min/max/mean pass over a raster's pixels" };
        var command = new Command("info", "Describe a raster (size, CRS, bounds, blocks, type, nodata, statistics) or a vector file (layers, fields, features, extent, CRS, repairs)")
        {
            file, layer, json, noStats,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            var output = parse.InvocationConfiguration.Output;
            var stderr = parse.InvocationConfiguration.Error;
            var node = IsRaster(path)
                ? DescribeRaster(path, !parse.GetValue(noStats), stderr)
                : DescribeVector(path, parse.GetValue(layer));
            output.WriteLine(parse.GetValue(json)
                ? node.ToJsonString(new JsonSerializerOptions { WriteIndented = true })
                : InfoText.Format(node));
            return CliRunner.Ok;
        });
        return command;
    }

    /// <summary>Rasters are told by extension, or by content for TIFF; everything else is read as a vector.</summary>
    internal static bool IsRaster(string path)
    {
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (RasterExtensions.Contains(ext)) return true;
        if (!File.Exists(path)) return false;
        Span<byte> head = stackalloc byte[4];
        using var stream = File.OpenRead(path);
        return stream.ReadAtLeast(head, 4, throwOnEndOfStream: false) == 4
            && (head[..2].SequenceEqual("II"u8) || head[..2].SequenceEqual("MM"u8));
    }

    private static readonly HashSet<string> RasterExtensions =
        [".tif", ".tiff", ".gtiff", ".img", ".vrt", ".nc", ".asc", ".jp2", ".hdr", ".bil", ".dem", ".grd", ".png", ".jpg"];

    internal static JsonObject DescribeRaster(string path, bool statistics, TextWriter stderr)
    {
        using var raster = DatasetOpener.OpenRaster(path);
        var grid = raster.Grid;
        var b = grid.Bounds;
        var node = new JsonObject
        {
            ["kind"] = "raster",
            ["path"] = path,
            ["reader"] = raster is GdalRasterSource g ? $"GDAL ({g.Driver})" : "managed GeoTIFF",
            ["width"] = grid.Width,
            ["height"] = grid.Height,
            ["bands"] = raster.BandCount,
            ["data_type"] = raster.DataType.ToString(),
            ["crs"] = CrsNode(grid.Crs),
            ["geotransform"] = new JsonArray(grid.Transform.ToArray().Select(v => (JsonNode)v).ToArray()),
            ["pixel_size"] = new JsonArray(grid.Transform.PixelWidth, grid.Transform.PixelHeight),
            ["bounds"] = new JsonArray(b.MinX, b.MinY, b.MaxX, b.MaxY),
            ["block_size"] = new JsonArray(raster.BlockWidth, raster.BlockHeight),
            ["blocks"] = new JsonArray(Ceil(grid.Width, raster.BlockWidth), Ceil(grid.Height, raster.BlockHeight)),
            ["nodata"] = NoDataNode(raster.NoData),
        };
        if (raster is GeoTiffReader tiff)
        {
            node["compression"] = tiff.Compression.ToString();
            node["tiled"] = tiff.IsTiled;
            node["bigtiff"] = tiff.IsBigTiff;
            node["overviews"] = tiff.OverviewCount;
        }

        if (statistics)
        {
            var bands = new JsonArray();
            for (var band = 1; band <= raster.BandCount; band++)
            {
                var b1 = band;
                var s = ConsoleProgress.Run(stderr, $"statistics band {band}", p => RasterStatistics.Compute(raster, b1, p));
                bands.Add(new JsonObject
                {
                    ["band"] = band,
                    ["valid_count"] = s.ValidCount,
                    ["nodata_count"] = s.NoDataCount,
                    ["min"] = Finite(s.Min),
                    ["max"] = Finite(s.Max),
                    ["mean"] = Finite(s.Mean),
                    ["stddev"] = Finite(s.StdDev),
                });
            }

            node["statistics"] = bands;
        }

        return node;
    }

    /// <summary>JSON has no NaN or infinity: written as strings the way gdalinfo -json writes them.</summary>
    private static JsonNode? NoDataNode(double? noData) => noData switch
    {
        null => null,
        double v when double.IsNaN(v) => "NaN",
        double v when double.IsPositiveInfinity(v) => "Infinity",
        double v when double.IsNegativeInfinity(v) => "-Infinity",
        double v => v,
    };

    internal static JsonObject DescribeVector(string path, string? onlyLayer)
    {
        var layers = new JsonArray();
        foreach (var name in onlyLayer is null ? DatasetOpener.ListLayers(path) : [onlyLayer])
        {
            var layer = DatasetOpener.ReadVector(path, name);
            var e = layer.Extent;
            layers.Add(new JsonObject
            {
                ["name"] = layer.Name,
                ["feature_count"] = layer.Features.Count,
                ["geometry_types"] = new JsonArray(layer.GeometryTypes.Select(t => (JsonNode)t).ToArray()),
                ["crs"] = CrsNode(layer.Crs),
                ["extent"] = e.IsNull ? null : new JsonArray(e.MinX, e.MinY, e.MaxX, e.MaxY),
                ["fields"] = new JsonArray(layer.Fields.Select(f => (JsonNode)new JsonObject { ["name"] = f.Name, ["type"] = f.Type.ToString() }).ToArray()),
                ["invalid_geometries"] = layer.Issues.Invalid,
                ["repaired_geometries"] = layer.Issues.Repaired,
                ["empty_geometries"] = layer.Issues.Empty,
                ["issues"] = new JsonArray(layer.Issues.Details.Select(d => (JsonNode)d).ToArray()),
            });
        }

        return new JsonObject { ["kind"] = "vector", ["path"] = path, ["layers"] = layers };
    }

    private static JsonNode? CrsNode(SpatialReference? crs) => crs is null
        ? null
        : new JsonObject
        {
            ["epsg"] = crs.Epsg,
            ["name"] = crs.Name,
            ["type"] = crs.IsGeographic ? "geographic" : "projected",
            ["linear_unit_m"] = crs.IsProjected ? crs.LinearUnitMetres : null,
        };

    private static double? Finite(double v) => double.IsFinite(v) ? v : null;

    private static int Ceil(int a, int b) => (a + b - 1) / b;
}
