using System.Security.Cryptography;
using SpatialCarbon.Cli;
using SpatialCarbon.Core.LandCover;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Demo;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Demo;

[Collection(DemoCollection.Name)]
public sealed class DemoBuildTests(DemoWorkspaceFixture fixture)
{
    [Fact]
    public void TwoBuildsAreByteIdentical()
    {
        var second = DemoWorkspaceFixture.Build("demo-b");
        foreach (var (a, b) in fixture.Workspace.DataFiles.Zip(second.DataFiles))
            Assert.Equal(Sha256(a), Sha256(b));
        Assert.Equal(File.ReadAllText(fixture.Workspace.Readme), File.ReadAllText(second.Readme));
    }

    [Fact]
    public void ClassSharesAreInTheIssuesRanges()
    {
        var years = LandUseSynthesizer.Years.Select(y =>
        {
            using var reader = GeoTiffReader.Open(fixture.Workspace.LandUse(y));
            return ClassAreaCounter.Count(reader, y);
        }).ToArray();
        var (y2000, y2020) = (years[0], years[^1]);
        Assert.InRange(y2000.Share(ClcdScheme.Impervious), 0.10, 0.14);
        Assert.InRange(years[1].Share(ClcdScheme.Impervious), 0.14, 0.18);
        Assert.InRange(y2020.Share(ClcdScheme.Impervious), 0.18, 0.22);
        Assert.InRange(y2020.Share(ClcdScheme.Cropland), 0.55, 0.68);
        Assert.InRange(y2020.Share(ClcdScheme.Forest), 0.03, 0.05);
        Assert.InRange(y2020.Share(ClcdScheme.Water), 0.07, 0.15);
        Assert.InRange(y2020.Share(ClcdScheme.Wetland), 0.005, 0.03);
        Assert.True(y2020.Share(ClcdScheme.Cropland) < years[1].Share(ClcdScheme.Cropland));
        Assert.True(years[1].Share(ClcdScheme.Cropland) < y2000.Share(ClcdScheme.Cropland));
        Assert.Equal(0, y2020.Share(ClcdScheme.SnowIce));
        // The province: the 96 districts cover about 103,600 km² in EPSG:4549 (data/jiangsu/README.md).
        Assert.InRange(y2020.Total_ha / 100, 102_000, 105_000);
        // The README states the same shares.
        var readme = File.ReadAllText(fixture.Workspace.Readme);
        Assert.Contains($"{100 * y2020.Share(ClcdScheme.Cropland):0.00}", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void BuiltUpLandNeverReverts()
    {
        using var a = GeoTiffReader.Open(fixture.Workspace.LandUse(2000));
        using var b = GeoTiffReader.Open(fixture.Workspace.LandUse(2010));
        using var c = GeoTiffReader.Open(fixture.Workspace.LandUse(2020));
        var grid = a.Grid;
        var (va, vb, vc) = (new double[grid.Width], new double[grid.Width], new double[grid.Width]);
        long built2000 = 0, built2020 = 0;
        for (var row = 0; row < grid.Height; row++)
        {
            var w = new RasterWindow(0, row, grid.Width, 1);
            a.ReadWindow(1, w, va);
            b.ReadWindow(1, w, vb);
            c.ReadWindow(1, w, vc);
            for (var i = 0; i < grid.Width; i++)
            {
                if (va[i] == ClcdScheme.Impervious) Assert.Equal(ClcdScheme.Impervious, vb[i]);
                if (vb[i] == ClcdScheme.Impervious) Assert.Equal(ClcdScheme.Impervious, vc[i]);
                if (va[i] == ClcdScheme.Impervious) built2000++;
                if (vc[i] == ClcdScheme.Impervious) built2020++;
            }
        }

        Assert.True(built2020 > built2000 * 1.4, $"{built2000} -> {built2020}");
    }

    [Fact]
    public void ForestTypeAndAgeExactlyCoverThe2020Forest()
    {
        using var lu = GeoTiffReader.Open(fixture.Workspace.LandUse(2020));
        using var type = GeoTiffReader.Open(fixture.Workspace.ForestType);
        using var age = GeoTiffReader.Open(fixture.Workspace.ForestAge);
        Assert.True(lu.Grid.SameAs(type.Grid) && lu.Grid.SameAs(age.Grid));
        var n = lu.Grid.Width * lu.Grid.Height;
        var (l, t, g) = (new double[n], new double[n], new double[n]);
        lu.ReadWindow(1, lu.Grid.Full, l);
        type.ReadWindow(1, type.Grid.Full, t);
        age.ReadWindow(1, age.Grid.Full, g);
        var typeCounts = new int[5];
        for (var i = 0; i < n; i++)
        {
            Assert.Equal(l[i] == ClcdScheme.Forest, t[i] != 0);
            Assert.Equal(l[i] == ClcdScheme.Forest, g[i] != 0);
            if (t[i] != 0)
            {
                Assert.InRange(t[i], 1, 4);
                Assert.InRange(g[i], 1, 80);
                typeCounts[(int)t[i]]++;
            }
        }

        // Every type occurs, bamboo only in the Yixing-Liyang hills, so it is the rarest.
        Assert.All(typeCounts.Skip(1), c => Assert.True(c > 0));
        Assert.True(typeCounts[ForestTypes.Bamboo] < typeCounts.Skip(1).Max());
    }

    [RequiresToolFact(NativeTools.GdalCli)]
    public void GdalReadsTheRastersWithTheSameClassCounts()
    {
        var path = fixture.Workspace.LandUse(2020);
        // PAM off: -hist would otherwise leave a .aux.xml beside the workspace's raster.
        var info = NativeTools.Run("gdalinfo", "--config", "GDAL_PAM_ENABLED", "NO", "-hist", path);
        Assert.Contains("CGCS2000 / 3-degree Gauss-Kruger CM 120E", info, StringComparison.Ordinal);
        Assert.Contains($"Pixel Size = ({30 * DemoWorkspaceFixture.Scale}.000", info, StringComparison.Ordinal);
        Assert.Contains("COMPRESSION=LZW", info, StringComparison.Ordinal);
        Assert.Contains("Overviews:", info, StringComparison.Ordinal);
        Assert.Contains("NoData Value=0", info, StringComparison.Ordinal);
        // GDAL's 256-bucket histogram of a Byte band counts each value 0..255 (nodata excluded).
        var line = info.Split('\n').SkipWhile(l => !l.Contains("buckets from", StringComparison.Ordinal)).Skip(1).First();
        var gdalCounts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(long.Parse).ToArray();
        using var reader = GeoTiffReader.Open(path);
        var ours = ClassAreaCounter.Count(reader, 2020, SpatialCarbon.Core.Crs.AreaMethod.Planar);
        var cellHa = reader.Grid.CellWidth * reader.Grid.CellHeight / 10_000;
        for (var code = 1; code <= 9; code++)
            Assert.Equal(gdalCounts[code], (long)Math.Round(ours.Area_ha.GetValueOrDefault(code) / cellHa));
    }

    [Fact]
    public void SecondRunReusesTheWorkspaceAndPrintsAreasAndCarbonPerCity()
    {
        var root = CommandCatalog.CreateRoot();
        var (stdout, stderr) = (new StringWriter(), new StringWriter());
        var code = CliRunner.Run(root, ["demo", "--no-serve", "--workspace", fixture.Workspace.Folder, "--scale", $"{DemoWorkspaceFixture.Scale}"], stdout, stderr);
        Assert.Equal(CliRunner.Ok, code);
        Assert.Contains("reusing", stderr.ToString(), StringComparison.Ordinal);
        var text = stdout.ToString();
        Assert.Contains("Impervious", text, StringComparison.Ordinal);
        foreach (var city in DemoInputs.CityCodes.Keys) Assert.Contains(city, text, StringComparison.Ordinal);
        Assert.Contains("Jiangsu", text, StringComparison.Ordinal);
    }

    [Fact]
    public void PerCityCarbonAddsUpToThePlainProvinceStockSum()
    {
        var pools = Core.Carbon.CarbonPoolTable.Read(fixture.Workspace.PoolTable);
        var cities = DemoCarbonReport.PerCity(fixture.Workspace);
        Assert.Equal(13, cities.Count);
        // Independent: class areas of the whole raster (cell centres) times density. The districts tessellate the
        // province, so the exact per-district sums differ from it only by partial cells along the outline (< 1 %).
        var areas = fixture.Manifest.ClassAreas;
        double Stock(YearClassAreas a) => a.Area_ha.Sum(kv => kv.Value * pools[kv.Key].Total_mg_c_ha);
        Assert.Equal(Stock(areas[0]), cities.Sum(c => c.Stock2000_mg_c), Stock(areas[0]) * 1e-2);
        Assert.Equal(Stock(areas[^1]), cities.Sum(c => c.Stock2020_mg_c), Stock(areas[^1]) * 1e-2);
        Assert.All(cities, c => Assert.True(c.Change_mg_c < 0, $"{c.City}: built-up growth must lower the stock"));
    }

    private static string Sha256(string path) => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path)));
}
