using System.Text.Json;
using SpatialCarbon.Core;
using SpatialCarbon.Core.Csv;
using SpatialCarbon.Core.Screening;
using SpatialCarbon.Core.Screening.Suitability;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Cli.Screening;

/// <summary>Writes a suitability search: candidates.gpkg (layer <c>candidates</c>, shapes in the search's planar CRS),
/// candidates.csv (the same rows) and suitable.json (request, constraints, score formula, versions, candidates without
/// shapes), each through a temporary sibling renamed at the end.</summary>
internal static class SuitabilityOutputs
{
    private static readonly string[] Columns =
    [
        "rank", "id", "score", "area_ha", "land", "damaged_codes", "damaged_ha", "barren_ha", "carbon_stock_mg_c", "carbon_cost_mg_c",
        "nearest_constraint_m", "nearest_constraint", "s_type", "s_distance", "s_carbon", "centroid_lon", "centroid_lat",
    ];

    public static void Write(string folder, SuitabilityResult result)
    {
        var fields = Columns.Select(c => new FieldDefinition(c, c switch
        {
            "rank" => FieldType.Integer,
            "id" or "land" or "damaged_codes" or "nearest_constraint" => FieldType.String,
            _ => FieldType.Real,
        })).ToArray();
        var features = result.Candidates.Select(c => new VectorFeature(c.Rank, c.Shape, Columns.Zip(Values(c)).ToDictionary(p => p.First, p => p.Second))).ToArray();
        GeoPackageWriter.Write(Path.Combine(folder, "candidates.gpkg"), [new VectorLayer("candidates.gpkg", "candidates", result.Crs, fields, features, GeometryIssues.None)]);
        CsvOutput.WriteFile(Path.Combine(folder, "candidates.csv"), Columns, result.Candidates.Select(c => (IReadOnlyList<string>)[.. Values(c).Select(Cell)]));
        OutputFile.WriteText(Path.Combine(folder, "suitable.json"), w => w.Write(JsonSerializer.Serialize(result, ScreenResultJson.Indented)));
    }

    private static object?[] Values(SiteCandidate c) =>
    [
        (long)c.Rank, c.Id, c.Score, c.Area_ha, c.Land, c.DamagedCodes, c.Damaged_ha, c.Barren_ha, c.CarbonStock_mg_c, c.CarbonCost_mg_c,
        c.NearestConstraint_m, c.NearestConstraint, c.TypeScore, c.DistanceScore, c.CarbonScore, c.Centroid[0], c.Centroid[1],
    ];

    private static string Cell(object? v) => v switch
    {
        null => "",
        long l => CsvOutput.Number(l),
        double d => CsvOutput.Number(d),
        _ => CsvOutput.Text(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? ""),
    };
}
