using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>The files of a stock or change run in its output folder: the Float32 maps (filled block by block during the
/// pass, into temporary siblings), then the CSVs, then the maps moved into place and summary.json last, so a failure
/// anywhere leaves no half-written output.</summary>
public sealed class CarbonOutputs : IDisposable
{
    private readonly List<GeoTiffWriter> _writers = [];
    private readonly string _dir;

    private CarbonOutputs(string dir, RasterGrid grid, bool writeMaps, bool isChange)
    {
        _dir = dir;
        IRasterBlockSink? Map(string name)
        {
            if (!writeMaps) return null;
            var w = GeoTiffWriter.Create(Path.Combine(dir, name), grid, GeoTiffBlockSink.MapOptions);
            _writers.Add(w);
            return new GeoTiffBlockSink(w);
        }

        Maps = isChange
            ? new CarbonMaps(Map("baseline_density.tif"), Map("alternate_density.tif"), Map("change.tif"))
            : new CarbonMaps(Map("density.tif"));
    }

    /// <summary>Where the pass sends its map blocks.</summary>
    public CarbonMaps Maps { get; }

    public static CarbonOutputs Create(string dir, RasterGrid grid, bool writeMaps, bool isChange)
    {
        Directory.CreateDirectory(dir);
        return new CarbonOutputs(dir, grid, writeMaps, isChange);
    }

    public void Write(CarbonResult r)
    {
        var pools = r.Inputs.Pools;
        if (r.IsChange) CarbonCsv.WriteTransitions(Path.Combine(_dir, "transitions.csv"), pools, [("all", r.Totals.Transitions)]);
        if (r.Zones is { } zones && r.ZoneResults is { } results)
        {
            CarbonCsv.WriteZones(Path.Combine(_dir, "zones.csv"), zones.IdField, zones.Ids, results, r.IsChange, r.Period?.Years, r.ZoneGrowth_mg_c_yr);
            if (r.IsChange)
            {
                CarbonCsv.WriteTransitions(Path.Combine(_dir, "zone_transitions.csv"), pools,
                    results.Select(z => (zones.Ids[z.Zone], z.Transitions)));
            }
        }

        foreach (var w in _writers) w.Complete();
        r.Summary.Write(Path.Combine(_dir, "summary.json"));
    }

    public void Dispose()
    {
        foreach (var w in _writers) w.Dispose();
    }
}
