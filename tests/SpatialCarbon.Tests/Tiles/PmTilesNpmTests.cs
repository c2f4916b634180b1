using System.Text.Json;
using SpatialCarbon.Tests.Server;
using SpatialCarbon.Tests.Support;
using SpatialCarbon.Tiles;
using SpatialCarbon.Tiles.Archives;

namespace SpatialCarbon.Tests.Tiles;

/// <summary>Archives written by our PMTiles v3 writer, read back by the reference JavaScript reader (npm
/// <c>pmtiles</c> 4.5.0, installed into a temporary folder): header, metadata and tiles byte for byte.</summary>
[Collection(ServerCollection.Name)]
public sealed class PmTilesNpmTests(ServerFixture fixture)
{
    private const string Reader = """
        import { PMTiles } from "pmtiles";
        import fs from "node:fs";
        class FileSource {
          constructor(path) { this.path = path; this.fd = fs.openSync(path, "r"); }
          getKey() { return this.path; }
          async getBytes(offset, length) {
            const b = Buffer.alloc(length);
            fs.readSync(this.fd, b, 0, length, offset);
            return { data: b.buffer.slice(b.byteOffset, b.byteOffset + length) };
          }
        }
        const [path, ...tiles] = process.argv.slice(2);
        const p = new PMTiles(new FileSource(path));
        const header = await p.getHeader();
        const metadata = await p.getMetadata();
        const out = {};
        for (const t of tiles) {
          const [z, x, y] = t.split("/").map(Number);
          const r = await p.getZxy(z, x, y);
          out[t] = r ? Buffer.from(r.data).toString("base64") : null;
        }
        console.log(JSON.stringify({ header, metadata, tiles: out }));
        """;

    [RequiresToolTheory("npm")]
    [InlineData("landuse_2020", 5, 9)]
    [InlineData("control_unit", 6, 10)]
    public void TheReferenceReaderReadsOurArchive(string id, int minZoom, int maxZoom)
    {
        var source = fixture.Workspace.Sources[id];
        var path = Path.Combine(TestEnvironment.TempDir("pmtiles"), id + ".pmtiles");
        using (var writer = TileArchives.Create(path, source.Info.Kind)) TileSeeder.Seed(source, minZoom, maxZoom, writer);

        var seeded = TileSeeder.Tiles(source.Info.Bounds, minZoom, maxZoom).ToArray();
        var sample = seeded.Where((_, i) => i % Math.Max(1, seeded.Length / 40) == 0).ToArray();
        var node = NpmReader();
        var json = NativeTools.Run("node", [Path.Combine(node, "read.mjs"), path, .. sample.Select(t => t.ToString())]);
        var root = JsonDocument.Parse(json).RootElement;
        var header = root.GetProperty("header");
        Assert.Equal(3, header.GetProperty("specVersion").GetInt32());
        Assert.Equal(minZoom, header.GetProperty("minZoom").GetInt32());
        Assert.Equal(maxZoom, header.GetProperty("maxZoom").GetInt32());
        Assert.Equal(source.Info.Kind == TileKind.Vector ? 1 : 2, header.GetProperty("tileType").GetInt32());
        Assert.Equal(source.Info.Bounds[0], header.GetProperty("minLon").GetDouble(), 6);
        Assert.Equal(source.Info.Bounds[3], header.GetProperty("maxLat").GetDouble(), 6);
        Assert.Equal(id, root.GetProperty("metadata").GetProperty("name").GetString());
        var tiles = root.GetProperty("tiles");
        var found = 0;
        foreach (var t in sample)
        {
            var expected = source.GetTile(t);
            var got = tiles.GetProperty(t.ToString());
            if (expected is null)
            {
                Assert.Equal(JsonValueKind.Null, got.ValueKind);
                continue;
            }

            Assert.Equal(expected, Convert.FromBase64String(got.GetString()!));
            found++;
        }

        Assert.True(found >= 5, $"only {found} non-empty tiles sampled");
    }

    [Fact]
    public void MbTilesAndPmTilesArchivesServeTheSameTilesAsTheLiveSource()
    {
        var source = fixture.Workspace.Sources["red_line"];
        var dir = TestEnvironment.TempDir("archives");
        foreach (var ext in new[] { ".pmtiles", ".mbtiles" })
        {
            var path = Path.Combine(dir, "red_line" + ext);
            using (var writer = TileArchives.Create(path, source.Info.Kind)) TileSeeder.Seed(source, 4, 9, writer);
            using var archive = TileArchives.Open(path);
            var served = new ArchiveTileSource(source, archive);
            foreach (var t in TileSeeder.Tiles(source.Info.Bounds, 4, 9)) Assert.Equal(source.GetTile(t), served.GetTile(t));
        }
    }

    private static readonly Lazy<string> Installed = new(() =>
    {
        var dir = TestEnvironment.TempDir("npm-pmtiles");
        File.WriteAllText(Path.Combine(dir, "package.json"), """{"name":"pmtiles-check","private":true,"type":"module"}""");
        NativeTools.Run("npm", "install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error", "pmtiles@4.5.0");
        File.WriteAllText(Path.Combine(dir, "read.mjs"), Reader);
        return dir;
    });

    private static string NpmReader() => Installed.Value;
}
