using System.CommandLine;
using SpatialCarbon.Cli.Rendering;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon render RASTER --out x.png [--max-size 1600] [--scheme clcd|forest-type]</c>: a quick-look
/// PNG of a categorical GeoTIFF with a legend.</summary>
internal static class RenderCommand
{
    public static Command Create()
    {
        var raster = new Argument<string>("raster") { Description = "Categorical GeoTIFF (e.g. data/demo/landuse_2020.tif)" };
        var output = new Option<string>("--out") { Description = "PNG to write", Required = true };
        var maxSize = new Option<int>("--max-size") { Description = "Largest side of the picture in pixels", DefaultValueFactory = _ => 1600 };
        var scheme = new Option<string?>("--scheme") { Description = "Class scheme: clcd (default) or forest-type" };
        var title = new Option<string?>("--title") { Description = "Title above the legend (default: the file name)" };
        var command = new Command("render", "Draw a quick-look PNG of a land-use raster with class colours and a legend") { raster, output, maxSize, scheme, title };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(raster)!;
            if (!File.Exists(path)) throw new InputException(path, null, "not found");
            SpatialCarbon.Core.IO.OutputGuard.CheckFile(parse.GetValue(output)!, [path]);
            var size = parse.GetValue(maxSize);
            if (size < 300 || size > 20000) throw new InputException("--max-size", null, $"must be between 300 and 20000, got {size}");
            using var reader = GeoTiffReader.Open(path);
            var classes = QuickLookRenderer.SchemeFor(path, parse.GetValue(scheme));
            var out_ = parse.GetValue(output)!;
            var (w, h) = QuickLookRenderer.Render(reader, out_, size, classes, parse.GetValue(title) ?? Path.GetFileNameWithoutExtension(path));
            parse.InvocationConfiguration.Output.WriteLine($"{out_}: {w} x {h} PNG");
            return CliRunner.Ok;
        });
        return command;
    }
}
