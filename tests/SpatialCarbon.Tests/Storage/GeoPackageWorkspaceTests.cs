using SpatialCarbon.Storage;
using SpatialCarbon.Storage.GeoPackage;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Storage;

/// <summary>What only the GeoPackage home promises: GDAL sees a valid file with its R-tree index and attribute tables,
/// the file is in WAL mode, and readers see whole layers while a writer replaces them.</summary>
[Collection(StorageCollection.Name)]
public sealed class GeoPackageWorkspaceTests(StorageFixture fixture)
{
    [RequiresToolFact(NativeTools.GdalCli)]
    public void Gdal_reports_the_spatial_index_and_lists_the_workspace_tables()
    {
        var folder = fixture.DemoCopy("gpkg-gdal");
        using (var store = WorkspaceStore.Open(folder))
        {
            store.WriteLayer(WorkspaceStoreTests.SampleLayer("'; DROP TABLE zones; --"));
            store.WriteLayer(store.ReadLayer("control_unit"));
            store.AppendRun(new RunRecord("test", new Dictionary<string, string>(), [], DateTime.UtcNow));
        }

        var gpkg = Path.Combine(folder, "zones.gpkg");
        var index = NativeTools.Run("ogrinfo", "-ro", gpkg, "-sql", "SELECT HasSpatialIndex('control_unit','geom')");
        Assert.Contains("= 1", index, StringComparison.Ordinal);
        var listing = NativeTools.Run("ogrinfo", "-ro", "-q", gpkg);
        foreach (var table in new[] { "control_unit", "sc_rasters", "sc_rules", "sc_runs", "sc_class_schemes", "sc_pool_tables", "'; DROP TABLE zones; --" })
            Assert.Contains(table, listing, StringComparison.Ordinal);
        var runs = NativeTools.Run("ogrinfo", "-ro", "-al", "-q", gpkg, "sc_runs");
        Assert.Contains("command (String) = test", runs, StringComparison.Ordinal);
        var journal = NativeTools.Run("ogrinfo", "-ro", gpkg, "-sql", "PRAGMA journal_mode");
        Assert.Contains("wal", journal, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Readers keep reading while layers are rewritten: each read sees the old layer or the new one whole,
    /// never a part or a lock error.</summary>
    [Fact]
    public async Task Readers_see_whole_layers_while_a_writer_rewrites_them()
    {
        var path = Path.Combine(TestEnvironment.TempDir("gpkg-wal"), "w.gpkg");
        using var writer = GeoPackageWorkspace.Open(path, create: true);
        var small = WorkspaceStoreTests.SampleLayer("zones");
        var big = small with { Features = Enumerable.Range(0, 400).Select(i => small.Features[i % small.Features.Count] with { Id = i + 1 }).ToArray() };
        writer.WriteLayer(small);
        var counts = new System.Collections.Concurrent.ConcurrentBag<int>();
        using var stop = new CancellationTokenSource();
        var readers = Enumerable.Range(0, 2).Select(_ => Task.Run(() =>
        {
            using var reader = GeoPackageWorkspace.Open(path);
            while (!stop.IsCancellationRequested) counts.Add(reader.ReadLayer("zones").Features.Count);
        })).ToArray();
        // Write until the readers have read often enough to have met writes in progress (or one of them failed).
        for (var i = 0; counts.Count < 60 && !readers.Any(r => r.IsCompleted); i++) writer.WriteLayer(i % 2 == 0 ? big : small);
        stop.Cancel();
        await Task.WhenAll(readers);
        Assert.True(counts.Count >= 60, $"the readers read only {counts.Count} times");
        Assert.All(counts, c => Assert.True(c is 12 or 400, $"a reader saw {c} features"));
    }
}
