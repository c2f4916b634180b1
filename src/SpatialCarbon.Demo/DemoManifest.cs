using System.Text.Json;
using System.Text.Json.Serialization;

namespace SpatialCarbon.Demo;

/// <summary>What a built demo workspace holds: generator version, seed and scale (to decide reuse), the grid, the
/// files and the class areas per year (so that a second run prints them without re-reading the rasters).</summary>
public sealed record DemoManifest(
    int GeneratorVersion,
    uint Seed,
    int Scale,
    string Crs,
    int Width,
    int Height,
    double CellSize_m,
    IReadOnlyList<string> Files,
    IReadOnlyList<YearClassAreas> ClassAreas,
    int RepairedDistricts,
    IReadOnlyDictionary<string, int> ZoneCounts)
{
    public static JsonSerializerOptions JsonOptions { get; } = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public void Write(string path)
    {
        var json = JsonSerializer.Serialize(this, JsonOptions);
        SpatialCarbon.Core.IO.AtomicFile.Write(path, temp => File.WriteAllText(temp, json));
    }
}

/// <summary>Areas of each class in one year's land-use raster, in hectares, with the nodata cell count.</summary>
public sealed record YearClassAreas(int Year, IReadOnlyDictionary<int, double> Area_ha, long NodataCells)
{
    [JsonIgnore]
    public double Total_ha => Area_ha.Values.Sum();

    public double Share(int code) => Area_ha.TryGetValue(code, out var a) && Total_ha > 0 ? a / Total_ha : 0;
}
