using System.CommandLine;
using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;
using SpatialCarbon.Gdal;
using SpatialCarbon.Storage;
using Spectre.Console;

namespace SpatialCarbon.Cli.Commands;

/// <summary><c>spatialcarbon zonal</c>: exact zonal statistics of a raster over polygon zones, as CSV or GeoPackage.</summary>
internal static class ZonalCommand
{
    /// <summary>Zone warnings listed one per line; the rest are counted, so stderr stays readable for big layers.</summary>
    private const int MaxWarningLines = 20;

    public static Command Create()
    {
        var raster = new Option<string>("--raster") { Description = "Value raster (GeoTIFF, or any format GDAL reads; with --workspace also a catalogue name, e.g. landuse_2020)", Required = true };
        var zones = new Option<string?>("--zones") { Description = "Zone polygons (GeoPackage, GeoJSON, shapefile, ...); or give --workspace" };
        var workspace = WorkspaceOptions.Workspace("Workspace holding the zone layer named by --layer");
        var layer = new Option<string?>("--layer") { Description = "Layer of the zone file (default: the first), or of the workspace (required)" };
        var idField = new Option<string>("--id-field") { Description = "Zone attribute that keys each output row", Required = true };
        var stats = new Option<string>("--stats")
        {
            Description = "Comma-separated: " + string.Join(",", ZonalStatisticNames.Known),
            DefaultValueFactory = _ => "count,area,sum,mean",
        };
        var weights = new Option<string?>("--weights") { Description = "Weights raster on the same grid (weighted_sum, weighted_mean, weighted_frac)" };
        var defaultValue = new Option<double?>("--default-value") { Description = "Value given to nodata cells (default: they are left out)" };
        var minCoverage = new Option<double>("--min-coverage") { Description = "Ignore cells covered by less than this fraction", DefaultValueFactory = _ => 0 };
        var output = new Option<string?>("--out") { Description = "out.csv or out.gpkg (default: CSV on stdout)" };
        var threads = ThreadsOption.Create();
        var areaMethod = AreaOptions.Method();
        var assumeCrs = AreaOptions.AssumeCrs();

        var command = new Command("zonal", "Exact zonal statistics: each cell weighted by the fraction of it each zone covers")
        {
            raster, zones, workspace, layer, idField, stats, weights, defaultValue, minCoverage, output, threads, areaMethod, assumeCrs,
        };
        command.SetAction(parse => Run(new ZonalRequest(
            parse.GetValue(raster)!, parse.GetValue(zones), parse.GetValue(layer), parse.GetValue(idField)!,
            parse.GetValue(stats)!, parse.GetValue(weights), parse.GetValue(defaultValue), parse.GetValue(minCoverage),
            parse.GetValue(output), parse.GetValue(threads), parse.GetValue(areaMethod), parse.GetValue(assumeCrs),
            parse.GetValue(workspace)),
            parse.InvocationConfiguration.Output, parse.InvocationConfiguration.Error));
        return command;
    }

    /// <summary>The parsed command line: zones from the file <see cref="Zones"/>, or the layer <see cref="Layer"/> of
    /// <see cref="Workspace"/>.</summary>
    internal sealed record ZonalRequest(string Raster, string? Zones, string? Layer, string IdField, string Stats,
        string? Weights, double? DefaultValue, double MinCoverage, string? Out, int? Threads, string? AreaMethod = null,
        string? AssumeCrs = null, string? Workspace = null);

    /// <summary>Core names what is wrong (the weights raster, the statistics); the user typed flags.</summary>
    private static readonly Dictionary<string, string> Flags = new()
    {
        [ZonalStatisticNames.ListName] = "--stats",
        [ZonalStatistics.WeightsName] = "--weights",
        [ZonalStatistics.MinCoverageName] = "--min-coverage",
    };

    internal static int Run(ZonalRequest request, TextWriter stdout, TextWriter stderr)
    {
        try
        {
            return RunZonal(request, stdout, stderr);
        }
        catch (InputException e) when (Flags.TryGetValue(e.Path, out var flag))
        {
            throw new InputException(flag, e.Record, e.Problem, e);
        }
    }

    private static int RunZonal(ZonalRequest request, TextWriter stdout, TextWriter stderr)
    {
        var statistics = ZonalStatisticNames.Parse(request.Stats);
        using var store = WorkspaceOptions.OpenZoneSource(request.Zones, request.Workspace, request.Layer, "--zones", "--layer");
        if (store is not null)
            request = request with { Raster = store.Resolve(request.Raster, "--raster"), Weights = request.Weights is null ? null : store.Resolve(request.Weights, "--weights") };
        var zonesName = store?.Locator ?? request.Zones!;
        if (request.Out is not null) SpatialCarbon.Core.IO.OutputGuard.CheckFile(request.Out, [request.Raster, store is null ? request.Zones : null, request.Weights]);
        var format = OutputFormat(request.Out);
        var areaMethod = AreaOptions.ParseMethod(request.AreaMethod ?? AreaMethod.Ellipsoidal.Name());
        var assumed = AreaOptions.ParseCrs(request.AssumeCrs);
        var options = new ZonalOptions(statistics, request.DefaultValue, request.MinCoverage, areaMethod);

        var workers = request.Threads is > 0 ? request.Threads.Value : Environment.ProcessorCount;

        // Reading the zones (SQLite rows, WKB) needs nothing from the rasters: with a second worker it runs while they
        // are opened. A raster's error still comes first, as it would one after the other.
        var reading = workers > 1 ? Task.Run(() => ReadSource(store, request)) : null;
        IRasterSource? values = null;
        IRasterSource? weights = null;
        try
        {
            // Only the zones' areas need the raster's CRS; other statistics of a raster without one are still given.
            values = statistics.Contains(ZonalStatistic.Area)
                ? AreaOptions.OpenRaster(request.Raster, assumed)
                : AssumedCrsRaster.Apply(DatasetOpener.OpenRaster(request.Raster), assumed);
            weights = request.Weights is null ? null : AssumedCrsRaster.Apply(DatasetOpener.OpenRaster(request.Weights), assumed);
        }
        catch
        {
            values?.Dispose();
            // The read must end (its own error is dropped) before the store it reads from is disposed.
            reading?.ContinueWith(t => t.Exception, TaskScheduler.Default).Wait();
            throw;
        }

        using var valuesOwner = values;
        using var weightsOwner = weights;
        var source = reading is null ? ReadSource(store, request) : reading.GetAwaiter().GetResult();
        var zones = PrepareZones(source, request, values.Grid.Crs, keepLayer: format == ".gpkg", zonesName, stderr, workers);

        if (zones.Packed)
        {
            // The prepared layer just died in generation 2, where no collection would come for a while: collected now,
            // its space serves the engine's per-zone state instead of being added to it (1 M parcels: ~0.6 GB).
            GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        }

        if (values.Grid.Crs is null && zones.Crs is not null)
            stderr.WriteLine("zonal: warning: the raster has no CRS; the zones' coordinates are taken as they are");

        // A zone without a usable geometry still has its row (of zeros, with a warning from the engine).
        var (geometries, ids, featureIds) = (zones.Geometries, zones.Ids, zones.FeatureIds);
        var warnings = 0;
        var run = new ZonalRunOptions
        {
            MaxDegreeOfParallelism = workers,
            Warning = w =>
            {
                if (++warnings <= MaxWarningLines)
                    stderr.WriteLine($"zonal: warning: zone {ids[w.Zone]} (feature {featureIds[w.Zone]}): {w.Problem}");
            },
        };

        var results = ConsoleProgress.Run(stderr, "zonal", progress => ZonalStatistics.ComputeOnRead(values, weights, geometries, options, run, progress));
        if (warnings > MaxWarningLines) stderr.WriteLine($"zonal: warning: ... {warnings - MaxWarningLines} more zone(s) with a row of zeros ({warnings} in all)");

        switch (format)
        {
            case ".gpkg":
                GeoPackageWriter.Write(request.Out!, [ZonalLayer.WithStatistics(zones.Layer!, results, statistics, areaMethod)]);
                break;
            case ".csv":
                ZonalCsvWriter.Write(request.Out!, zones.IdField, ids, results, statistics, areaMethod);
                break;
            default:
                ZonalCsvWriter.Write(stdout, zones.IdField, ids, results, statistics, areaMethod);
                break;
        }

        return CliRunner.Ok;
    }

    /// <summary>What the run keeps of the zones: ids, feature ids (for warnings) and geometries packed for the engine;
    /// the prepared layer itself (attributes, geometry objects) only when the output is a GeoPackage that needs it.
    /// A million parcels' prepared layer is ~0.7 GB that would otherwise live through the whole run.</summary>
    private sealed record ZoneSet(string IdField, string[] Ids, long[] FeatureIds, IReadOnlyList<Geometry> Geometries,
        SpatialReference? Crs, PreparedZones? Layer, bool Packed);

    /// <summary>Zones from which the geometries are packed and the prepared layer dropped: below it the layer's objects
    /// cost a few MB, less than the packing and the full collection that frees them take in time (2,000 zones: ~25 ms).</summary>
    private const int PackFrom = 50_000;

    private static SourceLayer ReadSource(IWorkspaceStore? store, ZonalRequest request) =>
        store is null ? DatasetOpener.ReadVectorSource(request.Zones!, request.Layer) : store.ReadSource(request.Layer!);

    private static ZoneSet PrepareZones(SourceLayer source, ZonalRequest request, SpatialReference? rasterCrs, bool keepLayer,
        string zonesName, TextWriter stderr, int workers)
    {
        var zones = ZonePreparation.Prepare(source, rasterCrs, request.IdField, workers);
        if (zones.Report.Any) stderr.WriteLine($"zonal: {zonesName}: {zones.Report}");
        foreach (var w in zones.Report.Warnings) stderr.WriteLine($"zonal: warning: {w}");
        var featureIds = zones.Zones.Select(z => z.FeatureId).ToArray();
        var pack = !keepLayer && zones.Zones.Count >= PackFrom;
        IReadOnlyList<Geometry> geometries = pack ? PackedZoneGeometries.Of(zones.Zones) : zones.Geometries;
        return new ZoneSet(zones.IdField!, [.. zones.Ids], featureIds, geometries, zones.Crs, keepLayer ? zones : null, pack);
    }

    private static string? OutputFormat(string? path)
    {
        if (path is null) return null;
        var ext = Path.GetExtension(path).ToLowerInvariant();
        if (ext is not (".csv" or ".gpkg")) throw new InputException(path, null, "--out must end in .csv or .gpkg");
        var dir = Path.GetDirectoryName(Path.GetFullPath(path));
        if (dir is not null && !Directory.Exists(dir)) throw new InputException(path, null, $"folder {dir} does not exist");
        return ext;
    }
}
