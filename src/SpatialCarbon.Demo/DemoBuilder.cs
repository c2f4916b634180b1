using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Demo;

/// <summary>Builds the demo workspace: land use for three years, forest type and age (tiled LZW GeoTIFFs with mode
/// overviews, written band by band in a fixed order so that two builds are byte-identical), the zones GeoPackage,
/// the README with class shares, and last the manifest.</summary>
public static class DemoBuilder
{
    private const int BandRows = 256;

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
        progress.WriteLine($"demo: {inputs.Districts.Count} districts ({inputs.Districts.Count(d => d.Repaired)} repaired), grid {grid.Width} x {grid.Height} cells of {grid.CellWidth:0} m in EPSG:4549 ({clock.Elapsed.TotalSeconds:0.0} s)");

        WriteRasters(workspace, land, progress);
        progress.WriteLine($"demo: rasters written ({clock.Elapsed.TotalSeconds:0.0} s)");

        var layers = ZoneGenerator.Generate(inputs, water, land, workspace.Seed);
        GeoPackageWriter.Write(workspace.Zones, layers, ZonesTimestamp);
        progress.WriteLine($"demo: zones written: {string.Join(", ", layers.Select(l => $"{l.Name} {l.Features.Count}"))} ({clock.Elapsed.TotalSeconds:0.0} s)");

        var areas = LandUseSynthesizer.Years.Select(y =>
        {
            using var reader = GeoTiffReader.Open(workspace.LandUse(y));
            return ClassAreaCounter.Count(reader, y);
        }).ToArray();
        var manifest = new DemoManifest(DemoWorkspace.GeneratorVersion, workspace.Seed, workspace.Scale, "EPSG:4549", grid.Width,
            grid.Height, grid.CellWidth, [.. workspace.DataFiles.Select(Path.GetFileName).OfType<string>()], areas,
            inputs.Districts.Count(d => d.Repaired), layers.ToDictionary(l => l.Name, l => l.Features.Count));
        DemoReadme.Write(workspace, manifest);
        manifest.Write(workspace.Manifest);
        progress.WriteLine($"demo: built in {clock.Elapsed.TotalSeconds:0.0} s");
        return manifest;
    }

    private static void WriteRasters(DemoWorkspace workspace, LandUseSynthesizer land, TextWriter progress)
    {
        var grid = land.Grid;
        var options = new GeoTiffWriteOptions(RasterDataType.Byte, NoData: 0, Compression: GeoTiffCompression.Lzw,
            Tiled: true, BlockSize: 256, Overviews: OverviewResampling.Mode);
        var paths = LandUseSynthesizer.Years.Select(workspace.LandUse).Append(workspace.ForestType).Append(workspace.ForestAge).ToArray();
        var writers = new GeoTiffWriter[paths.Length];
        try
        {
            for (var i = 0; i < paths.Length; i++) writers[i] = GeoTiffWriter.Create(paths[i], grid, options);
            var bands = (grid.Height + BandRows - 1) / BandRows;
            var workers = Math.Max(1, Environment.ProcessorCount);
            var chunk = workers * 2;
            var blocks = Enumerable.Range(0, chunk).Select(_ => new LandUseBlock(grid.Width, BandRows, LandUseSynthesizer.Years.Count)).ToArray();
            var buffers = Enumerable.Range(0, paths.Length).Select(_ => new double[grid.Width * BandRows]).ToArray();
            for (var first = 0; first < bands; first += chunk)
            {
                var count = Math.Min(chunk, bands - first);
                var start = first;
                // Synthesis runs in parallel; writing keeps a fixed band order so that the files are byte-identical.
                Parallel.For(0, count, new ParallelOptions { MaxDegreeOfParallelism = workers },
                    k => land.Fill(blocks[k], (start + k) * BandRows, Math.Min(BandRows, grid.Height - (start + k) * BandRows)));
                for (var k = 0; k < count; k++)
                {
                    var block = blocks[k];
                    var window = new RasterWindow(0, block.Row0, grid.Width, block.Rows);
                    Parallel.For(0, paths.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, f =>
                    {
                        var source = f < LandUseSynthesizer.Years.Count ? block.LandUse[f] : f == paths.Length - 2 ? block.ForestType : block.ForestAge;
                        var n = grid.Width * block.Rows;
                        var values = buffers[f];
                        for (var i = 0; i < n; i++) values[i] = source[i];
                        writers[f].WriteWindow(1, window, values.AsSpan(0, n));
                    });
                }

                progress.Write($"\rdemo: land use {Math.Min(bands, first + count) * 100 / bands,3}%");
            }

            progress.WriteLine();
            progress.WriteLine("demo: building overviews");
            Parallel.For(0, writers.Length, new ParallelOptions { MaxDegreeOfParallelism = workers }, i => writers[i].Complete());
        }
        finally
        {
            foreach (var w in writers) w?.Dispose();
        }
    }
}
