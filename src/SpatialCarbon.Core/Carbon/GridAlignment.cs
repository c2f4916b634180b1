using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Opens the rasters of a run and puts them on the baseline's grid: a different alternate grid is refused
/// unless alignment is asked for, then resampled nearest-neighbour (right for class codes) onto the baseline grid.</summary>
public static class GridAlignment
{
    public static CarbonRasters Open(CarbonRequest q, Func<string, IRasterSource> open, TextWriter? log = null)
    {
        var opened = new List<IRasterSource>();
        try
        {
            // Class codes (land use, forest type) must be whole numbers stored losslessly; stand age is a measure.
            IRasterSource? Open(string? path, string? classes = null)
            {
                if (path is null) return null;
                var r = open(path);
                if (classes is not null) r = CategoricalRaster.Ensure(r, classes);
                opened.Add(r);
                return r;
            }

            var baseline = Open(q.Baseline, "land use")!;
            var alternate = Open(q.Alternate, "land use");
            if (alternate is not null && !baseline.Grid.SameAs(alternate.Grid))
            {
                if (!q.Align) CarbonBalance.EnsureSameGrid(baseline, alternate);
                alternate = new NearestNeighbourRaster(alternate, baseline.Grid, baseline.Path);
                log?.WriteLine($"aligned {alternate.Path} onto the grid of {baseline.Path} (nearest neighbour)");
            }

            return new CarbonRasters(baseline, alternate, Open(q.ForestType, "forest type"), Open(q.StandAge));
        }
        catch
        {
            foreach (var r in opened) r.Dispose();
            throw;
        }
    }
}
