using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Overlay;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Carbon;

/// <summary>A zone layer made ready for a raster: ids from a field, optional attribute filter, geometries transformed
/// (edges densified) into the raster's CRS.</summary>
public sealed record CarbonZones(string Path, string IdField, IReadOnlyList<string> Ids, IReadOnlyList<Geometry> Geometries, GeometryIssues Issues)
{
    public static CarbonZones Load(string path, string? layer, string? idField, SpatialReference? rasterCrs, ZoneFilter? filter = null)
    {
        var l = VectorFile.Read(path, layer);
        if (idField is not null && !l.Fields.Any(f => f.Name == idField))
            throw new InputException(path, layer ?? l.Name, $"no field '{idField}' (fields: {string.Join(", ", l.Fields.Select(f => f.Name))})");
        if (filter is not null && !l.Fields.Any(f => f.Name == filter.Field))
            throw new InputException(path, layer ?? l.Name, $"no field '{filter.Field}' to filter on (fields: {string.Join(", ", l.Fields.Select(f => f.Name))})");
        var layerCrs = l.Crs ?? throw new InputException(path, l.Name, "the layer has no CRS; every coordinate must know its CRS");
        var target = rasterCrs ?? throw new InputException(path, l.Name, "the raster has no CRS, zones cannot be placed on it");
        var reprojector = new GeometryReprojector(layerCrs, target);
        var ids = new List<string>();
        var geoms = new List<Geometry>();
        foreach (var f in l.Features)
        {
            if (filter is not null && !filter.Matches(f.Attributes.GetValueOrDefault(filter.Field))) continue;
            var id = idField is null ? f.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
                : Convert.ToString(f.Attributes.GetValueOrDefault(idField), System.Globalization.CultureInfo.InvariantCulture) ?? "";
            ids.Add(id);
            geoms.Add(reprojector.IsIdentity ? f.Geometry : reprojector.Transform(f.Geometry, GeometryReprojector.SuggestedDensifyDistance(f.Geometry, 0)));
        }

        return new CarbonZones(path, idField ?? "fid", ids, geoms, l.Issues);
    }

    /// <summary>Stocks (and change, when <paramref name="alternate"/> is given) per zone through the exact zonal engine.</summary>
    public IReadOnlyList<ZoneCarbon> Run(IRasterSource baseline, IRasterSource? alternate, CarbonPoolTable pools,
        ZonalRunOptions? options = null, IProgress<double>? progress = null)
    {
        IRasterSource[] rasters = alternate is null ? [baseline] : [baseline, alternate];
        var workers = ZonalEngine.Run(rasters, Geometries,
            () => new ZoneCarbonAccumulator(pools, Geometries.Count, baseline.NoData, alternate?.NoData), options, progress);
        return ZoneCarbonAccumulator.MergeAll(workers).Results(string.Join(" and ", rasters.Select(r => r.Path)));
    }

    /// <summary>Annual forest growth sink per zone (Mg C/yr): Σ rate × coverage × cell area over the growth raster.</summary>
    public IReadOnlyList<double> ForestGrowth(ForestGrowthRaster growth, ZonalRunOptions? options = null)
    {
        var workers = ZonalEngine.Run([growth], Geometries, () => new RateSumAccumulator(Geometries.Count), options);
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
            ReadOnlySpan<double> values1, double cellArea_m2)
        {
            for (var i = 0; i < values0.Length; i++)
            {
                if (!double.IsNaN(values0[i])) Sum_mg_c_yr[zone] += values0[i] * coverage[i] * cellArea_m2 * CarbonUnits.HaPerM2;
            }
        }

        public void AddFull(int zone, int row, int col, ReadOnlySpan<double> values0, ReadOnlySpan<double> values1, double cellArea_m2)
        {
            var s = 0.0;
            foreach (var v in values0)
            {
                if (!double.IsNaN(v)) s += v;
            }

            Sum_mg_c_yr[zone] += s * cellArea_m2 * CarbonUnits.HaPerM2;
        }
    }
}
