using SpatialCarbon.Core;
using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Storage;
using SpatialCarbon.Storage.PostGis;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Archives;
using SpatialCarbon.Tiles.Raster;
using SpatialCarbon.Tiles.Vector;

namespace SpatialCarbon.Server.Workspace;

/// <summary>Everything the service serves from one workspace, loaded once: zone layers as vector sources, land-use
/// rasters with their carbon density and change sources, the pool table, and seeded archives standing in for live
/// sources where they exist.</summary>
public sealed class ServedWorkspace : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    private ServedWorkspace(string name, IReadOnlyList<VectorTileSource> zones, IReadOnlyDictionary<int, RasterTileSource> landUse,
        IReadOnlyDictionary<int, RasterTileSource> carbon, IReadOnlyList<RasterTileSource> change, CarbonPoolTable pools,
        IReadOnlyDictionary<int, string> landUsePaths)
    {
        Name = name;
        Zones = zones;
        LandUse = landUse;
        Carbon = carbon;
        Pools = pools;
        LandUsePaths = landUsePaths;
        var all = new List<ITileSource>();
        all.AddRange(zones);
        all.AddRange(landUse.Values);
        all.AddRange(carbon.Values);
        all.AddRange(change);
        Sources = all.ToDictionary(s => s.Id, StringComparer.Ordinal);
    }

    public string Name { get; }

    public IReadOnlyList<VectorTileSource> Zones { get; }

    /// <summary>Land-use sources by year.</summary>
    public IReadOnlyDictionary<int, RasterTileSource> LandUse { get; }

    /// <summary>Carbon density sources by year.</summary>
    public IReadOnlyDictionary<int, RasterTileSource> Carbon { get; }

    public IReadOnlyDictionary<int, string> LandUsePaths { get; }

    public CarbonPoolTable Pools { get; }

    /// <summary>The workspace's locator when opened from one (a folder, a GeoPackage or a postgresql:// URI; never a
    /// password), from which the siting screen reads its zones and rules.</summary>
    public string? Locator { get; private set; }

    /// <summary>Every source by id, in catalog order (archive-backed where an archive exists).</summary>
    public IReadOnlyDictionary<string, ITileSource> Sources { get; private set; }

    /// <summary>Opens a workspace for reading (a folder holding zones.gpkg, a GeoPackage, or a postgresql:// URI):
    /// every zone layer, and the land-use rasters of its catalogue.</summary>
    /// <exception cref="InputException">The workspace, its zones or rasters, or the pool table are missing or unreadable.</exception>
    public static ServedWorkspace Open(string locator, string poolTable, string? tilesFolder = null)
    {
        var pools = CarbonPoolTable.Read(poolTable);
        using var store = WorkspaceStore.OpenForReading(locator);
        var layers = store.ReadAll();
        var served = From(DisplayName(store), layers.Values, store.LandUseByYear(), pools, tilesFolder);
        served.Locator = store.Locator;
        return served;
    }

    /// <summary>A workspace from in-memory zone layers (a GeoPackage, a workspace store...) and land-use rasters by year.</summary>
    public static ServedWorkspace From(string name, IEnumerable<VectorLayer> zoneLayers, IReadOnlyDictionary<int, string> landUse,
        CarbonPoolTable pools, string? tilesFolder = null)
    {
        var zones = zoneLayers.Select(l => VectorTileSource.FromLayer(l)).ToArray();
        var pyramids = new SortedDictionary<int, RasterPyramid>();
        var owned = new List<IDisposable>();
        try
        {
            foreach (var (year, path) in landUse.OrderBy(kv => kv.Key))
            {
                var p = new RasterPyramid(path);
                owned.Add(p);
                pyramids[year] = p;
            }

            var landUseSources = pyramids.ToDictionary(kv => kv.Key, kv => RasterSources.LandUse(kv.Key, kv.Value));
            var carbon = pyramids.ToDictionary(kv => kv.Key, kv => RasterSources.CarbonDensity(kv.Key, kv.Value, pools));
            var years = pyramids.Keys.ToArray();
            var change = new List<RasterTileSource>();
            for (var i = 1; i < years.Length; i++) change.Add(RasterSources.CarbonChange(years[i - 1], pyramids[years[i - 1]], years[i], pyramids[years[i]], pools));
            if (years.Length > 2) change.Add(RasterSources.CarbonChange(years[0], pyramids[years[0]], years[^1], pyramids[years[^1]], pools));
            var ws = new ServedWorkspace(name, zones, landUseSources, carbon, change, pools, new SortedDictionary<int, string>(landUse.ToDictionary()));
            ws._owned.AddRange(owned);
            if (tilesFolder is not null) ws.UseArchives(tilesFolder);
            return ws;
        }
        catch
        {
            foreach (var o in owned) o.Dispose();
            throw;
        }
    }

    /// <summary>Serves <c>{id}.pmtiles</c> or <c>{id}.mbtiles</c> from the folder in place of the live source, at the
    /// zooms the archive holds.</summary>
    private void UseArchives(string folder)
    {
        if (!Directory.Exists(folder)) return;
        var sources = new Dictionary<string, ITileSource>(StringComparer.Ordinal);
        foreach (var (id, source) in Sources)
        {
            var archivePath = new[] { ".pmtiles", ".mbtiles" }.Select(ext => Path.Combine(folder, id + ext)).FirstOrDefault(File.Exists);
            if (archivePath is null)
            {
                sources[id] = source;
                continue;
            }

            var archive = TileArchives.Open(archivePath);
            _owned.Add(archive);
            sources[id] = new ArchiveTileSource(source, archive);
        }

        Sources = sources;
    }

    public void Dispose()
    {
        foreach (var o in _owned) o.Dispose();
    }

    // The folder's or file's name, or the PostGIS schema's.
    private static string DisplayName(IWorkspaceStore store) => store is PostGisWorkspace pg
        ? pg.Location.Schema
        : Path.GetFileName(Path.GetDirectoryName(store.Locator)) is { Length: > 0 } folder && Path.GetFileName(store.Locator) == WorkspaceStore.FolderGeoPackage
            ? folder
            : Path.GetFileNameWithoutExtension(store.Locator);
}
