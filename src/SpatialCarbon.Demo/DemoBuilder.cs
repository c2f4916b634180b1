using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Demo;

/// <summary>Builds the demo workspace: land use for three years, forest type and age (tiled LZW GeoTIFFs with mode
/// overviews, written band by band in a fixed order so that two builds are byte-identical), the zones GeoPackage,
/// the README with class shares, and last the manifest.</summary>
public static class DemoBuilder
{
    /// <summary>Rows synthesised at a time: also the tile size, so that a band is one row of tiles and the class
    /// areas are summed in the same bands as <see cref="ClassAreaCounter.Count"/> reading the files.</summary>
    private const int BandRows = 256;

    /// <summary>Nodata of every raster: outside the province.</summary>
    private const byte NoData = 0;

    /// <summary>A fixed last_change for gpkg_contents, so that the GeoPackage holds no build time.</summary>
    public static readonly DateTime ZonesTimestamp = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static DemoManifest Build(DemoWorkspace workspace, TextWriter progress)
    {
        var clock = Stopwatch.StartNew();
        Directory.CreateDirectory(workspace.Folder);
        if (File.Exists(workspace.Manifest)) File.Delete(workspace.Manifest);
        progress.WriteLine($"demo: reading {workspace.JiangsuData}");
        var inputs = DemoInputs.Load(workspace.JiangsuData);
        var water = DemoWaterBodies.Create(inputs);
        var grid = DemoGrid.Create(inputs.ProvinceExtent, workspace.Scale);
        var land = LandUseSynthesizer.Create(inputs, water, grid, workspace.Seed);
        progress.WriteLine($"demo: {inputs.Districts.Count} districts ({inputs.Districts.Count(d => d.Repaired)} repaired), grid {grid.Width} x {grid.Height} cells of {grid.CellWidth:0} m in EPSG:4549 ({Elapsed(clock)})");

        // The zones need only the coarse fields of the land-use model, not the rasters: generated and written on the
        // side, they fill the cores while the raster phase waits on its band-by-band writes.
        var zones = Task.Run(() =>
        {
            var generated = ZoneGenerator.Generate(inputs, water, land, workspace.Seed);
            GeoPackageWriter.Write(workspace.Zones, generated, ZonesTimestamp);
            return generated;
        });
        YearClassAreas[] areas;
        try
        {
            areas = WriteRasters(workspace, land, progress);
        }
        catch
        {
            // A failed build returns only once nothing is still writing into the workspace.
            zones.ContinueWith(t => t.Exception, TaskScheduler.Default).Wait();
            throw;
        }

        progress.WriteLine($"demo: rasters written ({Elapsed(clock)})");
        var layers = zones.GetAwaiter().GetResult();
        progress.WriteLine($"demo: zones written: {string.Join(", ", layers.Select(l => $"{l.Name} {l.Features.Count}"))} ({Elapsed(clock)})");

        var manifest = new DemoManifest(DemoWorkspace.GeneratorVersion, workspace.Seed, workspace.Scale, "EPSG:4549", grid.Width,
            grid.Height, grid.CellWidth, [.. workspace.DataFiles.Select(Path.GetFileName).OfType<string>()], areas,
            inputs.Districts.Count(d => d.Repaired), layers.ToDictionary(l => l.Name, l => l.Features.Count));
        DemoReadme.Write(workspace, manifest);
        manifest.Write(workspace.Manifest);
        progress.WriteLine($"demo: built in {Elapsed(clock)}");
        return manifest;
    }

    /// <summary>Wall time since the build started and the process's CPU time (both cores), so that a slow phase on a
    /// loaded machine can be told from a costly one.</summary>
    private static string Elapsed(Stopwatch clock) =>
        $"{clock.Elapsed.TotalSeconds:0.0} s, CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s";

    /// <summary>Synthesises and writes the rasters, counting each year's class areas from the bands in memory (the
    /// same figures <see cref="ClassAreaCounter.Count"/> reads back from the files, without decoding them again).</summary>
    private static YearClassAreas[] WriteRasters(DemoWorkspace workspace, LandUseSynthesizer land, TextWriter progress)
    {
        var grid = land.Grid;
        var options = new GeoTiffWriteOptions(RasterDataType.Byte, NoData: NoData, Compression: GeoTiffCompression.Lzw,
            Tiled: true, BlockSize: BandRows, Overviews: OverviewResampling.Mode);
        var paths = LandUseSynthesizer.Years.Select(workspace.LandUse).Append(workspace.ForestType).Append(workspace.ForestAge).ToArray();
        var years = LandUseSynthesizer.Years.Count;
        var cellAreas = CellAreaModel.For(grid, AreaMethod.Ellipsoidal, workspace.LandUse(LandUseSynthesizer.Years[0]));
        var writers = new GeoTiffWriter[paths.Length];
        try
        {
            for (var i = 0; i < paths.Length; i++) writers[i] = GeoTiffWriter.Create(paths[i], grid, options);
            var bands = (grid.Height + BandRows - 1) / BandRows;
            var hectares = new double[years][][];
            for (var y = 0; y < years; y++) hectares[y] = new double[bands][];
            var nodata = new long[years, bands];
            var workers = Math.Max(1, Environment.ProcessorCount);
            var chunk = workers * 2;
            var blocks = Enumerable.Range(0, chunk).Select(_ => new LandUseBlock(grid.Width, BandRows, years)).ToArray();
            var areaRows = Enumerable.Range(0, chunk).Select(_ => new double[grid.Width]).ToArray();
            for (var first = 0; first < bands; first += chunk)
            {
                var count = Math.Min(chunk, bands - first);
                var start = first;
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers }, k =>
                {
                    var band = start + k;
                    var block = blocks[k];
                    land.Fill(block, band * BandRows, Math.Min(BandRows, grid.Height - band * BandRows));
                    var sums = new double[years][];
                    for (var y = 0; y < years; y++) sums[y] = hectares[y][band] = new double[256];
                    var empty = new long[years];
                    ClassAreaCounter.CountBands(block.LandUse, grid.Width, block.Rows, block.Row0, cellAreas, NoData, sums, empty, areaRows[k]);
                    for (var y = 0; y < years; y++) nodata[y, band] = empty[y];
                });
                // Bands go to each file in a fixed order (the writer encodes a band's tiles on every core and appends
                // them in order), so that two builds are byte-identical.
                for (var k = 0; k < count; k++)
                {
                    var block = blocks[k];
                    var window = new RasterWindow(0, block.Row0, grid.Width, block.Rows);
                    for (var f = 0; f < paths.Length; f++)
                    {
                        var source = f < years ? block.LandUse[f] : f == paths.Length - 2 ? block.ForestType : block.ForestAge;
                        writers[f].WriteWindow<byte>(1, window, source.AsMemory(0, grid.Width * block.Rows));
                    }
                }

                progress.Write($"\rdemo: land use {Math.Min(bands, first + count) * 100 / bands,3}%");
            }

            progress.WriteLine();
            progress.WriteLine("demo: building overviews");
            Parallel.For(0, writers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => writers[i].Complete());
            return [.. Enumerable.Range(0, years).Select(y => ClassAreaCounter.Combine(LandUseSynthesizer.Years[y], hectares[y],
                Enumerable.Range(0, bands).Sum(b => nodata[y, b])))];
        }
        finally
        {
            foreach (var w in writers) w?.Dispose();
        }
    }
}
