using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Npgsql;
using SpatialCarbon.Cli;
using SpatialCarbon.Server;
using SpatialCarbon.Server.Workspace;
using SpatialCarbon.Storage;
using SpatialCarbon.Tests.Screening;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Storage;

/// <summary>The commands that read a workspace give the same answer from a GeoPackage and from its PostGIS copy:
/// screen's result.json byte for byte, zonal and carbon per control unit, and the service's catalog, tiles and screen.
/// The footprint is checked against PostGIS's own ST_Intersects, so that the parity is not between two empty
/// answers.</summary>
[Collection(StorageCollection.Name)]
public sealed class WorkspaceBackendParityTests(StorageFixture fixture)
{
    private const string UnitCode = "HJZHGKDYBM";

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    /// <summary>A private copy of the demo (GeoPackage folder) and its copy in a new PostGIS schema.</summary>
    private (string Folder, string Pg, string Schema) Workspaces(string name)
    {
        var folder = fixture.DemoCopy(name);
        var schema = $"{name}_{Guid.NewGuid():N}"[..Math.Min(name.Length + 33, 60)];
        var pg = fixture.Cluster.Uri(schema);
        var (code, _, err) = Run("workspace", "copy", "--from", folder, "--to", pg);
        Assert.True(code == 0, err);
        return (folder, pg, schema);
    }

    /// <summary>A 1 km square around an interior point of a control unit near the middle of the layer.</summary>
    private static NetTopologySuite.Geometries.Polygon Footprint(string folder)
    {
        using var store = WorkspaceStore.OpenForReading(folder);
        var units = store.ReadLayer("control_unit").Features;
        var p = units[units.Count / 2].Geometry.InteriorPoint;
        return ScreenFixtures.Box(p.X, p.Y, 1000, 1000);
    }

    [RequiresToolFact(NativeTools.PostGis)]
    public void Screen_writes_the_same_result_json_from_the_geopackage_and_from_postgis()
    {
        var (folder, pg, schema) = Workspaces("parity_screen");
        var dir = TestEnvironment.TempDir("parity-screen");
        var box = Footprint(folder);
        var footprint = ScreenFixtures.WriteGeoJson(dir, "site.geojson", box);
        var results = new List<string>();
        foreach (var (workspace, output) in new[] { (folder, "gpkg"), (pg, "pg") })
        {
            var (code, _, err) = Run("screen", "--footprint", footprint, "--industry", "3110", "--workspace", workspace,
                "--rules", ScreenFixtures.RulesPath, "--out", Path.Combine(dir, output));
            Assert.True(code == 0, err);
            results.Add(File.ReadAllText(Path.Combine(dir, output, "result.json")));
        }

        Assert.Equal(results[0], results[1]);

        // The control units the result names are those PostGIS itself finds under the footprint.
        var result = JsonNode.Parse(results[0])!;
        var named = result["zones"]!.AsArray().Where(z => (string?)z!["layer"] == "control_unit").Select(z => (string)z!["code"]!).Order(StringComparer.Ordinal).ToArray();
        using var connection = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            $"SELECT {SqlIdentifier.Quote(UnitCode)} FROM {SqlIdentifier.Quote(schema, "control_unit")} WHERE ST_Area(ST_Intersection(geom, ST_GeomFromText(@wkt, 4490))) > 0", connection);
        command.Parameters.AddWithValue("wkt", box.AsText());
        var expected = new List<string>();
        using (var rows = command.ExecuteReader())
            while (rows.Read()) expected.Add(rows.GetString(0));
        Assert.NotEmpty(named);
        Assert.Equal(expected.Order(StringComparer.Ordinal), named);
    }

    [RequiresToolFact(NativeTools.PostGis)]
    public void Zonal_and_carbon_per_control_unit_are_the_same_from_either_home_and_from_the_file()
    {
        var (folder, pg, _) = Workspaces("parity_zonal");
        var dir = TestEnvironment.TempDir("parity-zonal");
        var outputs = new List<string>();
        foreach (var (args, output) in new[]
        {
            (new[] { "--workspace", folder, "--layer", "control_unit", "--raster", "landuse_2020" }, "gpkg.csv"),
            (new[] { "--workspace", pg, "--layer", "control_unit", "--raster", "landuse_2020" }, "pg.csv"),
            (new[] { "--zones", Path.Combine(folder, "zones.gpkg"), "--layer", "control_unit", "--raster", Path.Combine(folder, "landuse_2020.tif") }, "file.csv"),
        })
        {
            var (code, _, err) = Run(["zonal", .. args, "--id-field", UnitCode, "--stats", "count,sum,frac", "--out", Path.Combine(dir, output)]);
            Assert.True(code == 0, err);
            outputs.Add(File.ReadAllText(Path.Combine(dir, output)));
        }

        Assert.Equal(outputs[0], outputs[1]);
        Assert.Equal(outputs[2], outputs[0]);
        using (var store = WorkspaceStore.OpenForReading(folder))
            Assert.Equal(store.DescribeLayer("control_unit").FeatureCount + 1, outputs[0].TrimEnd().Split('\n').Length);

        var pools = Path.Combine(TestEnvironment.RepoRoot, "data", "carbon", "clcd_pools_illustrative.csv");
        var zoneTables = new List<string>();
        foreach (var (workspace, output) in new[] { (folder, "stock-gpkg"), (pg, "stock-pg") })
        {
            var (code, _, err) = Run("carbon", "stock", "--lulc", "landuse_2020", "--pools", pools, "--workspace", workspace,
                "--zone-layer", "control_unit", "--id-field", UnitCode, "--no-maps", "--out", Path.Combine(dir, output));
            Assert.True(code == 0, err);
            zoneTables.Add(File.ReadAllText(Path.Combine(dir, output, "zones.csv")));
        }

        Assert.Equal(zoneTables[0], zoneTables[1]);
    }

    [RequiresToolFact(NativeTools.PostGis)]
    public async Task Serve_gives_the_same_catalog_tiles_and_screen_from_either_home()
    {
        var (folder, pg, _) = Workspaces("parity_serve");
        var pools = Path.Combine(TestEnvironment.RepoRoot, "data", "carbon", "clcd_pools_illustrative.csv");
        var box = Footprint(folder);
        var c = box.Centroid;
        var site = File.ReadAllText(ScreenFixtures.WriteGeoJson(TestEnvironment.TempDir("parity-serve-site"), "site.geojson", box));
        var answers = new List<(string Catalog, byte[] Tile, byte[] Png, string Screen)>();
        foreach (var workspace in new[] { folder, pg })
        {
            using var served = ServedWorkspace.Open(workspace, pools);
            await using var app = ServerApp.Build(new ServerOptions { Workspace = workspace, PoolTable = pools }, served, b => b.WebHost.UseTestServer());
            await app.StartAsync();
            using var client = app.GetTestClient();
            var (z, x, y) = TileOf(c.X, c.Y, 10);
            var tile = await client.GetByteArrayAsync($"/tiles/control_unit,admin/{z}/{x}/{y}.mvt");
            var png = await client.GetByteArrayAsync($"/tiles/landuse_2020/{z}/{x}/{y}.png");
            var screen = await client.PostAsync("/api/screen?industry=3110&kind=new", new StringContent(site, Encoding.UTF8, "application/geo+json"));
            Assert.True(screen.IsSuccessStatusCode, await screen.Content.ReadAsStringAsync());
            var result = (await screen.Content.ReadFromJsonAsync<JsonObject>())!;
            result.Remove("id");
            answers.Add((await client.GetStringAsync("/catalog"), tile, png, result.ToJsonString()));
        }

        Assert.NotEmpty(answers[0].Tile);
        Assert.Equal(answers[0].Catalog, answers[1].Catalog);
        Assert.Equal(answers[0].Tile, answers[1].Tile);
        Assert.Equal(answers[0].Png, answers[1].Png);
        Assert.Equal(answers[0].Screen, answers[1].Screen);
    }

    /// <summary>Reading a GeoPackage workspace (as screen, serve, zonal and carbon do) leaves its bytes as they were.</summary>
    [Theory]
    [GeoPackageBackend]
    public void Reading_a_geopackage_workspace_does_not_change_the_file(string backend)
    {
        Assert.Equal(Backend.GeoPackage, backend);
        var folder = fixture.DemoCopy("parity-readonly");
        var gpkg = Path.Combine(folder, WorkspaceStore.FolderGeoPackage);
        var before = File.ReadAllBytes(gpkg);
        var dir = TestEnvironment.TempDir("parity-readonly-out");
        var footprint = ScreenFixtures.WriteGeoJson(dir, "site.geojson", Footprint(folder));
        var (code, _, err) = Run("screen", "--footprint", footprint, "--industry", "3110", "--workspace", folder, "--rules", ScreenFixtures.RulesPath, "--out", Path.Combine(dir, "out"));
        Assert.True(code == 0, err);
        Assert.Equal(before, File.ReadAllBytes(gpkg));
        Assert.False(File.Exists(gpkg + "-wal") && new FileInfo(gpkg + "-wal").Length > 0);
    }

    // The XYZ tile holding a lon/lat point (Web Mercator, as the viewer asks).
    private static (int Z, int X, int Y) TileOf(double lon, double lat, int z)
    {
        var n = 1 << z;
        var x = (int)Math.Floor((lon + 180) / 360 * n);
        var r = lat * Math.PI / 180;
        var y = (int)Math.Floor((1 - Math.Log(Math.Tan(r) + 1 / Math.Cos(r)) / Math.PI) / 2 * n);
        return (z, x, y);
    }
}
