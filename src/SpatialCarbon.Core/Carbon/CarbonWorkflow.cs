using System.Globalization;
using NetTopologySuite.Operation.Union;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Runs <c>carbon stock|change|scenario</c> end to end: checks every input before writing anything, runs the
/// block-wise pass (maps into temporary GeoTIFFs), the zones, forest growth, then writes summary.json, the CSVs and
/// the HTML report; the GeoTIFFs are moved into place only when everything else has succeeded.</summary>
public static class CarbonWorkflow
{
    /// <param name="progress">Reports the fraction done of the main block-wise pass (the long part).</param>
    public static CarbonSummary Run(CarbonRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null, IProgress<double>? progress = null)
    {
        var isChange = q.Alternate is not null;
        Valuation? valuation = null;
        if (q.BaselineYear is int y0 && q.AlternateYear is int y1 && y1 <= y0)
            throw new InputException("--alternate-year", y1.ToString(CultureInfo.InvariantCulture), $"must be after --baseline-year {y0}");
        if (q.Price is double price)
        {
            if (q.BaselineYear is not int b || q.AlternateYear is not int a)
                throw new InputException("--price", null, "valuation needs --baseline-year and --alternate-year");
            valuation = new Valuation(price, q.DiscountRatePercent, q.PriceChangePercent, b, a);
            _ = valuation.Constant;
        }

        var pools = CarbonPoolTable.Read(q.Pools);
        var growthTable = q.GrowthTable is null ? null : ForestGrowthTable.Read(q.GrowthTable, q.ForestTypeCodes);
        if ((q.ForestType is null) != (q.StandAge is null) || (q.ForestType is null) != (growthTable is null))
            throw new InputException("--growth", null, "forest growth needs --forest-type, --stand-age and --growth together");
        Directory.CreateDirectory(q.OutDir);

        using var baseline = AssumedCrsRaster.Apply(open(q.Baseline), q.AssumedCrs);
        using var alternateRaw = q.Alternate is null ? null : AssumedCrsRaster.Apply(open(q.Alternate), q.AssumedCrs);
        IRasterSource? alternate = alternateRaw;
        if (alternateRaw is not null && !baseline.Grid.SameAs(alternateRaw.Grid))
        {
            if (!q.Align) CarbonBalance.EnsureSameGrid(baseline, alternateRaw);
            alternate = new NearestNeighbourRaster(alternateRaw, baseline.Grid, baseline.Path);
            log?.WriteLine($"aligned {alternateRaw.Path} onto the grid of {baseline.Path} (nearest neighbour)");
        }

        var zones = q.Zones is null ? null : CarbonZones.Load(q.Zones, q.ZoneLayer, q.IdField, baseline.Grid.Crs, read: readZones);
        if (zones is { Report.Any: true }) log?.WriteLine($"{q.Zones}: {zones.Report}");
        foreach (var w in zones?.Report.Warnings ?? []) log?.WriteLine($"{q.Zones}: warning: {w}");
        using var forestType = q.ForestType is null ? null : AssumedCrsRaster.Apply(open(q.ForestType), q.AssumedCrs);
        using var standAge = q.StandAge is null ? null : AssumedCrsRaster.Apply(open(q.StandAge), q.AssumedCrs);
        var options = new CarbonRunOptions(q.Threads, AreaMethod: q.AreaMethod);

        var writers = new List<GeoTiffWriter>();
        try
        {
            IRasterBlockSink? Map(string name)
            {
                if (!q.WriteMaps) return null;
                var w = GeoTiffWriter.Create(Path.Combine(q.OutDir, name), baseline.Grid, GeoTiffBlockSink.MapOptions);
                writers.Add(w);
                return new GeoTiffBlockSink(w);
            }

            var t0 = System.Diagnostics.Stopwatch.StartNew();
            var totals = isChange
                ? CarbonBalance.Change(baseline, alternate!, pools,
                    new CarbonMaps(Map("baseline_density.tif"), Map("alternate_density.tif"), Map("change.tif")), options with { Progress = progress })
                : CarbonBalance.Stock(baseline, pools, Map("density.tif"), options with { Progress = progress });
            log?.WriteLine($"pass over {baseline.Grid.Width}x{baseline.Grid.Height} cells: {t0.Elapsed.TotalSeconds:F1} s");

            ForestGrowthRaster? growthRaster = null;
            ForestGrowthTotals? growth = null;
            if (growthTable is not null)
            {
                var classes = (q.ForestClasses ?? [2]).ToHashSet();
                growth = ForestGrowth.Run(baseline, alternate, forestType!, standAge!, growthTable, classes, options);
                growthRaster = new ForestGrowthRaster(baseline, alternate, forestType!, standAge!, growthTable, classes);
            }

            IReadOnlyList<ZoneCarbon>? zoneResults = null;
            IReadOnlyList<double>? zoneGrowth = null;
            if (zones is not null)
            {
                var zonal = new ZonalRunOptions
                {
                    MaxDegreeOfParallelism = options.Threads,
                    Warning = w => log?.WriteLine($"{q.Zones}: zone {zones.Ids[w.Zone]}: {w.Problem}"),
                };
                zoneResults = zones.Run(baseline, alternate, pools, q.AreaMethod, zonal);
                if (growthRaster is not null) zoneGrowth = zones.ForestGrowth(growthRaster, q.AreaMethod, zonal);
            }

            var years = q.BaselineYear is int by && q.AlternateYear is int ay ? ay - by : (int?)null;
            // Uncertainty of the change from the table's *_sd columns (1000 seeded draws; areas are exact).
            (double P5, double P50, double P95)? interval = isChange && pools.Pools.Any(p => p.HasUncertainty)
                ? MonteCarlo.ChangeInterval(totals.Transitions, pools) : null;
            var summary = CarbonSummary.FromTotals(totals, isChange, q.BaselineYear, q.AlternateYear, valuation) with
            {
                ChangeP5_mg_c = interval?.P5,
                ChangeP50_mg_c = interval?.P50,
                ChangeP95_mg_c = interval?.P95,
                ForestGrowthSink_mg_c_yr = growth?.AnnualSink_mg_c_yr,
                ForestGrowthArea_ha = growth?.ForestArea_ha,
                Zones = zones?.Ids.Count,
                Crs = baseline.Grid.Crs?.Label,
                AreaMethod = q.AreaMethod.Name(),
                Inputs = new Dictionary<string, string?>
                {
                    ["baseline"] = q.Baseline,
                    ["alternate"] = q.Alternate,
                    ["pools"] = q.Pools,
                    ["zones"] = q.Zones,
                    ["forest_type"] = q.ForestType,
                    ["stand_age"] = q.StandAge,
                    ["growth"] = q.GrowthTable,
                }.Where(kv => kv.Value is not null).ToDictionary(kv => kv.Key, kv => kv.Value!),
            };

            if (isChange)
                CarbonCsv.WriteTransitions(Path.Combine(q.OutDir, "transitions.csv"), pools, [("all", totals.Transitions)]);
            if (zones is not null && zoneResults is not null)
            {
                CarbonCsv.WriteZones(Path.Combine(q.OutDir, "zones.csv"), zones.IdField, zones.Ids, zoneResults,
                    isChange ? years ?? 1 : null, zoneGrowth);
                if (isChange)
                {
                    CarbonCsv.WriteTransitions(Path.Combine(q.OutDir, "zone_transitions.csv"), pools,
                        zoneResults.Select(z => (zones.Ids[z.Zone], z.Transitions)));
                }
            }

            Report(q, summary, pools, totals, zones, zoneResults, years).Write(Path.Combine(q.OutDir, "report.html"));
            foreach (var w in writers) w.Complete();
            summary.Write(Path.Combine(q.OutDir, "summary.json"));
            return summary;
        }
        finally
        {
            foreach (var w in writers) w.Dispose();
        }
    }

    public static ScenarioResult RunScenario(ScenarioRequest q, Func<string, IRasterSource> open, TextWriter? log = null,
        Func<string, string?, SourceLayer>? readZones = null)
    {
        var pools = CarbonPoolTable.Read(q.Pools);
        var scenario = ScenarioFile.Read(q.ScenarioPath);
        if (q.Iterations is < 1 or > 1_000_000) throw new InputException("--iterations", null, $"{q.Iterations} is not in 1..1000000");
        Directory.CreateDirectory(q.OutDir);
        using var lulc = AssumedCrsRaster.Apply(open(q.Lulc), q.AssumedCrs);
        var options = new CarbonRunOptions(q.Threads, AreaMethod: q.AreaMethod);
        CarbonTotals? whole = null;
        var eligible = new List<IReadOnlyDictionary<int, double>>();
        foreach (var iv in scenario.Interventions)
        {
            TransitionMatrix m;
            if (iv.Zones is null)
            {
                m = (whole ??= CarbonBalance.Stock(lulc, pools, null, options)).Transitions;
            }
            else
            {
                var z = CarbonZones.Load(iv.Zones, iv.Layer, null, lulc.Grid.Crs, iv.Filter, readZones);
                if (z.Geometries.Count == 0)
                    throw new InputException(q.ScenarioPath, iv.Name, $"no zone of {iv.Zones} passes the filter");
                // Overlapping zones must not count the same land twice: overlay their union.
                var union = z with { Ids = ["union"], Geometries = [UnaryUnionOp.Union(z.Geometries)] };
                m = union.Run(lulc, null, pools, q.AreaMethod, new ZonalRunOptions { MaxDegreeOfParallelism = options.Threads })[0].Transitions;
            }

            var k = pools.Codes.Count;
            var areas = new Dictionary<int, double>();
            foreach (var from in iv.FromClasses)
            {
                var f = pools.Codes.IndexOf(from);
                if (f < 0) throw new InputException(pools.Path, null, $"class {from} used by intervention '{iv.Name}' is not in the table");
                areas[from] = m.Area_m2[f * k + f] * CarbonUnits.HaPerM2;
            }

            log?.WriteLine($"{iv.Name}: eligible {string.Join(", ", areas.Select(a => $"class {a.Key} {a.Value:F1} ha"))}");
            eligible.Add(areas);
        }

        var result = ScenarioProjection.Project(scenario, eligible, pools, q.Iterations, q.Seed);
        CarbonCsv.WriteScenario(Path.Combine(q.OutDir, "scenario.csv"), result);
        var last = result.Years[^1];
        var totals = new List<(string, string)>
        {
            ("scenario", scenario.Name), ("years", $"{scenario.BaseYear}–{scenario.HorizonYear}"),
            ($"gain by {last.Year} P5 / P50 / P95 (Mg C)", $"{last.GainP5_mg_c:N0} / {last.GainP50_mg_c:N0} / {last.GainP95_mg_c:N0}"),
            ($"gain by {last.Year} P50 (t CO2e)", (last.GainP50_mg_c * CarbonUnits.Co2ePerC).ToString("N0", CultureInfo.InvariantCulture)),
            ("area method", Describe(q.AreaMethod)),
        };
        for (var i = 0; i < scenario.Interventions.Count; i++)
            totals.Add(($"eligible area: {scenario.Interventions[i].Name} (ha)", string.Join(", ", eligible[i].Select(a => $"class {a.Key}: {a.Value:N1}"))));
        new CarbonReport($"SpatialCarbon scenario — {scenario.Name}", totals, pools, Scenario: result).Write(Path.Combine(q.OutDir, "report.html"));
        OutputFile.WriteText(Path.Combine(q.OutDir, "summary.json"), w => w.Write(System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["scenario"] = scenario.Name,
            ["base_year"] = scenario.BaseYear,
            ["horizon_year"] = scenario.HorizonYear,
            ["iterations"] = q.Iterations,
            ["seed"] = q.Seed,
            ["area_method"] = q.AreaMethod.Name(),
            ["gain_p5_mg_c"] = last.GainP5_mg_c,
            ["gain_p50_mg_c"] = last.GainP50_mg_c,
            ["gain_p95_mg_c"] = last.GainP95_mg_c,
            ["gain_mg_c"] = last.Gain_mg_c,
            ["gain_p50_mg_co2e"] = last.GainP50_mg_c * CarbonUnits.Co2ePerC,
            ["eligible_ha"] = eligible.Select((e, i) => new { intervention = scenario.Interventions[i].Name, classes = e.ToDictionary(a => a.Key.ToString(CultureInfo.InvariantCulture), a => a.Value) }).ToArray(),
        }, new System.Text.Json.JsonSerializerOptions { WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping })));
        return result;
    }

    /// <summary>The report's line on areas: which method, and what it means.</summary>
    private static string Describe(AreaMethod method) => method == AreaMethod.Planar
        ? "planar (map area of each cell in the raster CRS, as InVEST computes it)"
        : "ellipsoidal (true area of each cell on the ellipsoid, as the land survey reports 椭球面积)";

    private static CarbonReport Report(CarbonRequest q, CarbonSummary s, CarbonPoolTable pools, CarbonTotals t, CarbonZones? zones,
        IReadOnlyList<ZoneCarbon>? zoneResults, int? years)
    {
        var inv = CultureInfo.InvariantCulture;
        var rows = new List<(string, string)>
        {
            ("baseline", q.Baseline),
            ("baseline stock (Mg C)", s.BaselineTotal_mg_c.ToString("N1", inv)),
        };
        if (q.Alternate is not null)
        {
            rows.Add(("alternate", q.Alternate));
            rows.Add(("alternate stock (Mg C)", (s.AlternateTotal_mg_c ?? 0).ToString("N1", inv)));
            rows.Add(("change (Mg C)", (s.ChangeTotal_mg_c ?? 0).ToString("N1", inv)));
            rows.Add(("change (t CO2e)", (s.ChangeTotal_mg_co2e ?? 0).ToString("N1", inv)));
            if (s.ChangeP5_mg_c is double p5 && s.ChangeP95_mg_c is double p95)
                rows.Add(("change P5 – P95 from the pool table's sd (Mg C)", $"{p5.ToString("N1", inv)} – {p95.ToString("N1", inv)}"));
            if (s.AnnualSink_mg_c_yr is double a) rows.Add(($"annual sink {q.BaselineYear}–{q.AlternateYear} (Mg C/yr; t CO2e/yr)", $"{a.ToString("N1", inv)}; {(a * CarbonUnits.Co2ePerC).ToString("N1", inv)}"));
        }

        if (s.Npv is double npv) rows.Add(("NPV", npv.ToString("N2", inv)));
        if (s.ForestGrowthSink_mg_c_yr is double g) rows.Add(("forest growth sink (Mg C/yr)", g.ToString("N1", inv)));
        rows.Add(("valid area (ha)", s.ValidArea_ha.ToString("N1", inv)));
        rows.Add(("nodata pixels (excluded)", s.NodataPixels.ToString("N0", inv)));
        rows.Add(("CRS", s.Crs ?? "none"));
        rows.Add(("area method", Describe(q.AreaMethod)));
        var bars = zoneResults?.Select(z => (zones!.Ids[z.Zone], q.Alternate is null ? z.Baseline_mg_c : z.AnnualSink_mg_c_yr(years ?? 1))).ToArray();
        return new CarbonReport(q.Alternate is null ? "SpatialCarbon — carbon stock" : "SpatialCarbon — carbon stock and sink change",
            rows, pools, q.Alternate is null ? null : t.Transitions, bars, q.Alternate is null ? "Mg C" : years is null ? "Mg C" : "Mg C/yr", null);
    }
}
