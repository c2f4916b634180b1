using System.CommandLine;
using System.Globalization;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Gdal;
using SpatialCarbon.Reports;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon carbon stock|change|scenario</c>: carbon stock, sink change and what-if scenarios (DESIGN.md's
/// CLI contract), writing summary.json, CSVs, Float32 GeoTIFF maps (nodata NaN) and report.html into --out.</summary>
internal static class CarbonCommand
{
    public static Command Create()
    {
        var command = new Command("carbon", "Carbon stock, sink change, forest growth and scenarios (InVEST-compatible pool tables)");
        command.Subcommands.Add(Stock());
        command.Subcommands.Add(Change());
        command.Subcommands.Add(Scenario());
        return command;
    }

    private static Option<T> Opt<T>(string name, string description, bool required = false) =>
        new(name) { Description = description, Required = required };

    private static Command Stock()
    {
        var lulc = Opt<string>("--lulc", "land-use raster", true);
        var pools = Opt<string>("--pools", "carbon pool table (InVEST CSV, Mg C/ha)", true);
        var zones = Opt<string?>("--zones", "zone file for per-zone results");
        var workspace = WorkspaceOptions.Workspace("Workspace whose --zone-layer gives the zones; rasters may then be catalogue names");
        var layer = ZoneLayer();
        var id = Opt<string?>("--id-field", "zone id field");
        var output = Opt<string>("--out", "output folder", true);
        var noMaps = Opt<bool>("--no-maps", "skip the density GeoTIFF");
        var threads = ThreadsOption.Create();
        var areaMethod = AreaOptions.Method();
        var assumeCrs = AreaOptions.AssumeCrs();
        var c = new Command("stock", "Carbon stock of one land-use raster") { lulc, pools, zones, workspace, layer, id, output, noMaps, threads, areaMethod, assumeCrs };
        c.SetAction(p =>
        {
            var method = AreaOptions.ParseMethod(p.GetValue(areaMethod));
            var assumed = AreaOptions.ParseCrs(p.GetValue(assumeCrs));
            using var ws = CarbonWorkspace.Open(p.GetValue(zones), p.GetValue(workspace), p.GetValue(layer));
            var r = ConsoleProgress.Run(p.InvocationConfiguration.Error, "carbon stock", progress => CarbonWorkflow.Run(new CarbonRequest(ws.Raster(p.GetValue(lulc)!, "--lulc"), null, p.GetValue(pools)!, p.GetValue(output)!,
                Zones: ws.Zones, ZoneLayer: p.GetValue(layer), IdField: p.GetValue(id), WriteMaps: !p.GetValue(noMaps),
                Threads: p.GetValue(threads) ?? 0, AreaMethod: method, AssumedCrs: assumed), path => AreaOptions.OpenRaster(path, assumed),
                p.InvocationConfiguration.Error, ws.ReadZones, progress, WriteReport));
            var s = r.Summary;
            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"stock {s.BaselineTotal_mg_c:F1} Mg C over {s.ValidArea_ha:F1} ha; {s.NodataPixels} nodata pixels; wrote {p.GetValue(output)}"));
            return CliRunner.Ok;
        });
        return c;
    }

    private static Command Change()
    {
        var baseline = Opt<string>("--baseline", "land-use raster at the baseline date", true);
        var alternate = Opt<string>("--alternate", "land-use raster at the alternate date", true);
        var pools = Opt<string>("--pools", "carbon pool table (InVEST CSV, Mg C/ha)", true);
        var y0 = Opt<int?>("--baseline-year", "baseline year");
        var y1 = Opt<int?>("--alternate-year", "alternate year");
        var price = Opt<double?>("--price", "price per Mg C (enables valuation)");
        var rate = Opt<double>("--discount-rate", "annual discount rate, %");
        var priceChange = Opt<double>("--price-change", "annual change in the price of carbon, %");
        var zones = Opt<string?>("--zones", "zone file for per-zone results");
        var workspace = WorkspaceOptions.Workspace("Workspace whose --zone-layer gives the zones; rasters may then be catalogue names");
        var layer = ZoneLayer();
        var id = Opt<string?>("--id-field", "zone id field");
        var align = Opt<bool>("--align", "resample the alternate raster onto the baseline grid (nearest neighbour) when grids differ");
        var forestType = Opt<string?>("--forest-type", "forest type raster (for forest growth)");
        var standAge = Opt<string?>("--stand-age", "stand age raster, years (for forest growth)");
        var growth = Opt<string?>("--growth", "growth table CSV (forest_type,age_min,age_max,agb_increment,root_shoot_ratio)");
        var forestClasses = Opt<string>("--forest-classes", "land-use codes counted as forest, comma-separated (default 2, CLCD forest)");
        var typeCodes = Opt<string?>("--forest-type-codes", "raster codes of named forest types in the growth table, e.g. coniferous=1,broadleaf=2");
        var output = Opt<string>("--out", "output folder", true);
        var noMaps = Opt<bool>("--no-maps", "skip the density and change GeoTIFFs");
        var threads = ThreadsOption.Create();
        var areaMethod = AreaOptions.Method();
        var assumeCrs = AreaOptions.AssumeCrs();
        var c = new Command("change", "Stocks at two dates, change, transition matrix, annual sink, valuation")
        {
            baseline, alternate, pools, y0, y1, price, rate, priceChange, zones, workspace, layer, id, align, forestType, standAge, growth,
            forestClasses, typeCodes, output, noMaps, threads, areaMethod, assumeCrs,
        };
        c.SetAction(p =>
        {
            var method = AreaOptions.ParseMethod(p.GetValue(areaMethod));
            var assumed = AreaOptions.ParseCrs(p.GetValue(assumeCrs));
            using var ws = CarbonWorkspace.Open(p.GetValue(zones), p.GetValue(workspace), p.GetValue(layer));
            var r = ConsoleProgress.Run(p.InvocationConfiguration.Error, "carbon change", progress => CarbonWorkflow.Run(new CarbonRequest(
                ws.Raster(p.GetValue(baseline)!, "--baseline"), ws.Raster(p.GetValue(alternate)!, "--alternate"), p.GetValue(pools)!, p.GetValue(output)!,
                p.GetValue(y0), p.GetValue(y1), p.GetValue(price), p.GetValue(rate), p.GetValue(priceChange),
                ws.Zones, p.GetValue(layer), p.GetValue(id), p.GetValue(align),
                ws.Raster(p.GetValue(forestType), "--forest-type"), ws.Raster(p.GetValue(standAge), "--stand-age"), p.GetValue(growth), string.IsNullOrWhiteSpace(p.GetValue(forestClasses)) ? null : ClassCodeList.Parse(p.GetValue(forestClasses), "--forest-classes"),
                ParseTypeCodes(p.GetValue(typeCodes)), !p.GetValue(noMaps), p.GetValue(threads) ?? 0, method, assumed),
                path => AreaOptions.OpenRaster(path, assumed), p.InvocationConfiguration.Error, ws.ReadZones, progress, WriteReport));
            var s = r.Summary;
            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"change {s.ChangeTotal_mg_c:F1} Mg C ({s.ChangeTotal_mg_co2e:F1} t CO2e); baseline {s.BaselineTotal_mg_c:F1}, alternate {s.AlternateTotal_mg_c:F1}; {s.NodataPixels} nodata pixels; wrote {p.GetValue(output)}"));
            return CliRunner.Ok;
        });
        return c;
    }

    private static Command Scenario()
    {
        var lulc = Opt<string>("--lulc", "baseline land-use raster", true);
        var pools = Opt<string>("--pools", "carbon pool table with optional *_sd columns", true);
        var scenario = Opt<string>("--scenario", "scenario JSON file; shares of the same land may add up to at most 100 %, else exit 2 (docs/carbon.md)", true);
        var output = Opt<string>("--out", "output folder", true);
        var iterations = Opt<int>("--iterations", "Monte Carlo draws (default 1000)");
        iterations.DefaultValueFactory = _ => 1000;
        var seed = Opt<int>("--seed", "random seed (default 1)");
        seed.DefaultValueFactory = _ => 1;
        var threads = ThreadsOption.Create();
        var workspace = WorkspaceOptions.Workspace("Workspace an intervention's \"layer\" is read from when it names no \"zones\" file; --lulc may then be a catalogue name");
        var areaMethod = AreaOptions.Method();
        var assumeCrs = AreaOptions.AssumeCrs();
        var c = new Command("scenario", "Project the sink gain of land-use interventions year by year with P5/P50/P95")
        {
            lulc, pools, scenario, output, iterations, seed, threads, workspace, areaMethod, assumeCrs,
        };
        c.SetAction(p =>
        {
            var method = AreaOptions.ParseMethod(p.GetValue(areaMethod));
            var assumed = AreaOptions.ParseCrs(p.GetValue(assumeCrs));
            using var ws = CarbonWorkspace.Open(null, p.GetValue(workspace), null);
            var run = ScenarioWorkflow.Run(new ScenarioRequest(ws.Raster(p.GetValue(lulc)!, "--lulc"), p.GetValue(pools)!, p.GetValue(scenario)!,
                p.GetValue(output)!, p.GetValue(iterations), p.GetValue(seed), p.GetValue(threads) ?? 0, method, assumed, ws.Store?.Locator),
                path => AreaOptions.OpenRaster(path, assumed), p.InvocationConfiguration.Error, ws.ReadZones,
                (done, dir) => CarbonReports.For(done).Write(Path.Combine(dir, CarbonOutputNames.Report)));
            var r = run.Projection;
            var last = r.Years[^1];
            p.InvocationConfiguration.Output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{r.Scenario.Name}: gain by {last.Year} P5 {last.GainP5_mg_c:F1} / P50 {last.GainP50_mg_c:F1} / P95 {last.GainP95_mg_c:F1} Mg C; wrote {p.GetValue(output)}"));
            return CliRunner.Ok;
        });
        return c;
    }

    /// <summary>The report, written into the run's staging folder so that it is swapped in with the other outputs.</summary>
    private static void WriteReport(CarbonResult r, string dir) => CarbonReports.For(r).Write(Path.Combine(dir, CarbonOutputNames.Report));

    private static Dictionary<string, int>? ParseTypeCodes(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var pair in text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var parts = pair.Split('=', 2, StringSplitOptions.TrimEntries);
            if (parts.Length != 2 || !int.TryParse(parts[1], NumberStyles.Integer, CultureInfo.InvariantCulture, out var code))
                throw new InputException("--forest-type-codes", pair, "expected name=code");
            map[parts[0]] = code;
        }

        return map;
    }

    /// <summary>Reads zones with the managed readers, and formats only GDAL reads (KML, FileGDB, ...) with OGR.</summary>
    internal static SourceLayer ReadZones(string path, string? layer) => DatasetOpener.ReadVectorSource(path, layer);

    // --layer keeps its name for zone files; --zone-layer reads better beside --workspace.
    private static Option<string?> ZoneLayer() =>
        new("--zone-layer", "--layer") { Description = "zone layer: of the --zones file (default: its first), or of the --workspace (required there)" };
}
