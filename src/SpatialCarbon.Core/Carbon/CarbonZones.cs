using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A zone layer made ready for a raster through <see cref="ZonePreparation"/>: ids from a field, optional
/// attribute filter, geometries prepared in the raster's CRS.</summary>
public sealed record CarbonZones(string Path, string IdField, IReadOnlyList<string> Ids, IReadOnlyList<Geometry> Geometries, PreparationReport Report)
{
    /// <summary>Reads the layer (with <paramref name="read"/> when given, e.g. a GDAL fallback; else the managed
    /// readers), keeps the features passing <paramref name="filter"/> and prepares them in the raster's CRS.</summary>
    public static CarbonZones Load(string path, string? layer, string? idField, SpatialReference? rasterCrs, ZoneFilter? filter = null,
        Func<string, string?, SourceLayer>? read = null)
    {
        var l = read is null ? VectorFile.ReadSource(path, layer) : read(path, layer);
        if (l.Crs is null) throw new InputException(path, l.Name, "the layer has no CRS; every coordinate must know its CRS");
        var target = rasterCrs ?? throw new InputException(path, l.Name, "the raster has no CRS, zones cannot be placed on it");
        if (filter is not null)
        {
            var field = l.Field(filter.Field).Name;
            l = l with { Features = l.Features.Where(f => filter.Matches(f.Attributes.GetValueOrDefault(field))).ToArray() };
        }

        var zones = ZonePreparation.Prepare(l, target, idField);
        return new CarbonZones(path, zones.IdField ?? "fid", zones.Ids, zones.Geometries, zones.Report);
    }

    /// <summary>Stocks (and change, when <paramref name="alternate"/> is given) per zone through the exact zonal engine,
    /// with cell areas measured by <paramref name="areaMethod"/>.</summary>
    public IReadOnlyList<ZoneCarbon> Run(IRasterSource baseline, IRasterSource? alternate, CarbonPoolTable pools,
        AreaMethod areaMethod, ZonalRunOptions? options = null, IProgress<double>? progress = null)
    {
        IRasterSource[] rasters = alternate is null ? [baseline] : [baseline, alternate];
        var workers = ZonalEngine.Run(rasters, Geometries, CellAreaModel.For(baseline.Grid, areaMethod, baseline.Path),
            () => new ZoneCarbonAccumulator(pools, Geometries.Count, baseline.NoData, alternate?.NoData), options, progress);
        return ZoneCarbonAccumulator.MergeAll(workers).Results(string.Join(" and ", rasters.Select(r => r.Path)));
    }

    /// <summary>Annual forest growth sink per zone (Mg C/yr): Σ rate × coverage × cell area over the growth raster.</summary>
    public IReadOnlyList<double> ForestGrowth(ForestGrowthRaster growth, AreaMethod areaMethod, ZonalRunOptions? options = null)
    {
        var workers = ZonalEngine.Run([growth], Geometries, CellAreaModel.For(growth.Grid, areaMethod, growth.Path),
            () => new RateSumAccumulator(Geometries.Count), options);
        var total = new double[Geometries.Count];
        foreach (var w in workers)
        {
            for (var z = 0; z < total.Length; z++) total[z] += w.Sum_mg_c_yr[z];
        }

        return total;
    }

    /// <summary>Sums a density-rate raster (per ha) × covered area; NaN cells are skipped.</summary>
    private sealed class RateSumAccumulator(int zones) : IZoneAccumulator
    {
        public double[] Sum_mg_c_yr { get; } = new double[zones];

        public void AddPartial(int zone, int row, int col, ReadOnlySpan<double> coverage, ReadOnlySpan<double> values0,
            ReadOnlySpan<double> values1, ReadOnlySpan<double> cellAreas_m2)
        {
            for (var i = 0; i < values0.Length; i++)
            {
                if (!double.IsNaN(values0[i])) Sum_mg_c_yr[zone] += values0[i] * coverage[i] * cellAreas_m2[i] * CarbonUnits.HaPerM2;
            }
        }

        public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1,
            ReadOnlySpan<double> cellAreas_m2)
        {
            var s = 0.0;
            for (var i = 0; i < values0.Length; i++)
            {
                if (!double.IsNaN(values0[i])) s += values0[i] * cellAreas_m2[i];
            }

            Sum_mg_c_yr[zone] += s * CarbonUnits.HaPerM2;
        }
    }
}
