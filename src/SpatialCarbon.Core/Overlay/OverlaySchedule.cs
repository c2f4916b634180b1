using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The zonal engine's work as one fixed sequence of tasks: each zone's coverage, queued one band of windows
/// before the first window that needs it, and the windows that some zone meets, band by band. Workers take the tasks
/// in this order, so a window's coverages are always computed or under way when it comes up, and no band waits for
/// the slowest window of the one before.</summary>
internal sealed class OverlaySchedule
{
    private OverlaySchedule(int[] tasks, RasterWindow[] windows, int[][] zonesOf, int[] windowsPerZone)
    {
        Tasks = tasks;
        Windows = windows;
        ZonesOf = zonesOf;
        WindowsPerZone = windowsPerZone;
        MaxZonesPerWindow = zonesOf.Length == 0 ? 0 : zonesOf.Max(z => z.Length);
    }

    /// <summary>The tasks in order: a window's number in <see cref="Windows"/> (≥ 0), or the one's complement of the
    /// zone whose coverage to compute (&lt; 0).</summary>
    public int[] Tasks { get; }

    /// <summary>The windows that some zone's envelope meets, in raster order (bands top to bottom, then columns).</summary>
    public RasterWindow[] Windows { get; }

    /// <summary>Per window, the zones whose envelope meets it, ascending.</summary>
    public int[][] ZonesOf { get; }

    /// <summary>Per zone, how many windows list it: its coverage can be dropped when that many are done.</summary>
    public int[] WindowsPerZone { get; }

    public int MaxZonesPerWindow { get; }

    /// <summary>One cell of margin around each envelope, so that rounding in the envelope's transform to pixel space
    /// can never leave out a window the coverage reaches.</summary>
    public static OverlaySchedule For(BlockPlan plan, ZoneIndex index, int zoneCount)
    {
        var columns = plan.ColumnCount;
        var stacks = (plan.Height + plan.WindowHeight - 1) / plan.WindowHeight;
        var lists = new List<int>?[stacks * columns];
        var windowsPerZone = new int[zoneCount];
        var entering = new List<int>?[plan.BandCount];
        for (var z = 0; z < zoneCount; z++)
        {
            if (!index.TryPixelBox(z, out var minCol, out var minRow, out var maxCol, out var maxRow)) continue;
            var r0 = Math.Clamp((int)Math.Floor(minRow) - 1, 0, plan.Height - 1);
            var r1 = Math.Clamp((int)Math.Floor(maxRow) + 1, 0, plan.Height - 1);
            var c0 = Math.Clamp((int)Math.Floor(minCol) - 1, 0, plan.Width - 1);
            var c1 = Math.Clamp((int)Math.Floor(maxCol) + 1, 0, plan.Width - 1);
            for (var s = r0 / plan.WindowHeight; s <= r1 / plan.WindowHeight; s++)
                for (var c = c0 / plan.WindowWidth; c <= c1 / plan.WindowWidth; c++)
                    (lists[s * columns + c] ??= []).Add(z);
            windowsPerZone[z] = (r1 / plan.WindowHeight - r0 / plan.WindowHeight + 1) * (c1 / plan.WindowWidth - c0 / plan.WindowWidth + 1);
            (entering[r0 / plan.BandHeight] ??= []).Add(z);
        }

        var windows = new List<RasterWindow>();
        var zonesOf = new List<int[]>();
        var tasks = new List<int>();
        AddCoverage(tasks, entering, 0);
        for (var band = 0; band < plan.BandCount; band++)
        {
            AddCoverage(tasks, entering, band + 1);
            var stack0 = plan.Band(band).Row / plan.WindowHeight;
            var i = stack0 * columns;
            foreach (var window in plan.Windows(band))
            {
                if (lists[i++] is { } zones)
                {
                    tasks.Add(windows.Count);
                    windows.Add(window);
                    zonesOf.Add([.. zones]);
                }
            }
        }

        return new OverlaySchedule([.. tasks], [.. windows], [.. zonesOf], windowsPerZone);
    }

    private static void AddCoverage(List<int> tasks, List<int>?[] entering, int band)
    {
        if (band >= entering.Length || entering[band] is not { } zones) return;
        foreach (var z in zones) tasks.Add(~z);
    }
}
