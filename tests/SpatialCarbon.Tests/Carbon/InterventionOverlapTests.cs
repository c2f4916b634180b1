using System.Globalization;
using static SpatialCarbon.Tests.Carbon.CarbonCommandTests;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>Interventions whose shares of the same land add up to more than 100 % are refused, naming them; shares up to
/// 100 %, disjoint or merely touching zones, and different from-classes pass.</summary>
public class InterventionOverlapTests
{
    // Column bands of the 40 × 30 test raster (30 m cells from x = 400000), all rows: a = columns 0–9, b = 5–14,
    // c = 20–29, d = 10–19 (touches a along x = 400300).
    private const string Zones = """
        {"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::4549"}},"features":[
         {"type":"Feature","properties":{"kind":"a"},"geometry":{"type":"Polygon","coordinates":[[[400000,3499100],[400300,3499100],[400300,3500000],[400000,3500000],[400000,3499100]]]}},
         {"type":"Feature","properties":{"kind":"b"},"geometry":{"type":"Polygon","coordinates":[[[400150,3499100],[400450,3499100],[400450,3500000],[400150,3500000],[400150,3499100]]]}},
         {"type":"Feature","properties":{"kind":"c"},"geometry":{"type":"Polygon","coordinates":[[[400600,3499100],[400900,3499100],[400900,3500000],[400600,3500000],[400600,3499100]]]}},
         {"type":"Feature","properties":{"kind":"d"},"geometry":{"type":"Polygon","coordinates":[[[400300,3499100],[400600,3499100],[400600,3500000],[400300,3500000],[400300,3499100]]]}}]}
        """;

    private static string Iv(string name, string? kind, string from, double share) =>
        string.Create(CultureInfo.InvariantCulture, $$"""{"name":"{{name}}",{{(kind is null ? "" : $$"""
        "zones":"z.geojson","filter":{"field":"kind","values":["{{kind}}"]},
        """)}}"from_class":{{from}},"to_class":2,"share":{{share}},"start_year":2021,"target_year":2022}""");

    private static (int Code, string Err, string OutDir) Run(string name, params string[] interventions)
    {
        var (dir, a, _, _, _, _) = Inputs(name);
        File.WriteAllText(Path.Combine(dir, "z.geojson"), Zones);
        var scenario = Path.Combine(dir, "s.json");
        File.WriteAllText(scenario, $$"""{"base_year":2020,"horizon_year":2025,"interventions":[{{string.Join(',', interventions)}}]}""");
        var pools = Path.Combine(dir, "p.csv");
        File.WriteAllText(pools, "lucode,c_above,c_below,c_soil,c_dead\n1,10,2,50,0\n2,80,20,100,5\n5,0,0,0,0\n");
        var outDir = Path.Combine(dir, "out");
        var (code, _, err) = CarbonCommandTests.Cli("carbon", "scenario", "--lulc", a, "--pools", pools, "--scenario", scenario,
            "--out", outDir, "--iterations", "5");
        return (code, err, outDir);
    }

    /// <summary>Class-1 land (ha) of the test raster in columns [c0, c1), counted cell by cell (0.09 ha each).</summary>
    private static double Class1_ha(int c0, int c1)
    {
        var (_, _, _, _, va, _) = Inputs("overlap-count");
        var n = 0;
        for (var r = 0; r < H; r++)
        {
            for (var c = c0; c < c1; c++) n += va[r * W + c] == 1 ? 1 : 0;
        }

        return n * 0.09;
    }

    [Fact]
    public void OverlappingZonesConvertingMoreThanAllTheLandAreRefusedNamingTheInterventions()
    {
        var (code, err, outDir) = Run("overlap-refused", Iv("A", "a", "1", 0.6), Iv("B", "b", "[1, 5]", 0.6));
        Assert.Equal(2, code);
        var line = Assert.Single(err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        // The overlap is columns 5–9; its class-1 land is what the two would convert 120 % of.
        var overlap_ha = Class1_ha(5, 10).ToString("N1", CultureInfo.InvariantCulture);
        Assert.EndsWith($"s.json: interventions 'A', 'B': together convert 120 % of the {overlap_ha} ha of class 1 where their regions overlap; the shares of one class's land may add up to at most 100 %", line);
        Assert.False(Directory.Exists(outDir) && Directory.GetFileSystemEntries(outDir).Length > 0);
    }

    [Fact]
    public void AWholeRasterInterventionOverlapsEveryZone()
    {
        var (code, err, _) = Run("overlap-whole", Iv("everywhere", null, "1", 0.5), Iv("C", "c", "1", 0.6));
        Assert.Equal(2, code);
        Assert.Contains($"interventions 'everywhere', 'C': together convert 110 % of the {Class1_ha(20, 30).ToString("N1", CultureInfo.InvariantCulture)} ha of class 1", err, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a", "c", "1", "1", 0.6)] // disjoint zones
    [InlineData("a", "d", "1", "1", 0.7)] // zones that only touch along x = 400300
    [InlineData("a", "b", "1", "5", 0.9)] // overlapping zones, different classes
    [InlineData("a", "b", "1", "1", 0.5)] // exactly 100 %
    public void SharesThatFitTheLandPass(string k1, string k2, string from1, string from2, double share)
    {
        var (code, err, outDir) = Run($"overlap-ok-{k1}{k2}{from1}{from2}{share}", Iv("P", k1, from1, share), Iv("Q", k2, from2, share));
        Assert.True(code == 0, err);
        Assert.True(File.Exists(Path.Combine(outDir, "scenario.csv")));
    }
}
