using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The zones with their statistics as attributes (for GeoPackage output): the zones' own fields, then one
/// Real field per statistic column, named as in the CSV, and the text field <c>area_method</c>.</summary>
public static class ZonalLayer
{
    public static VectorLayer WithStatistics(VectorLayer zones, IReadOnlyList<ZoneStatistics> statistics,
        IReadOnlyList<ZonalStatistic> asked, AreaMethod areaMethod, string? name = null)
    {
        var classes = ZonalStatistics.Classes(statistics);
        var weightedClasses = ZonalStatistics.Classes(statistics, weighted: true);
        var columns = ZonalCsvWriter.Columns(asked, classes, weightedClasses);
        var own = zones.Fields.Where(f => !columns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)
            && !f.Name.Equals(ZonalCsvWriter.AreaMethodColumn, StringComparison.OrdinalIgnoreCase)).ToList();
        var fields = own.Concat(columns.Select(c => new FieldDefinition(c, FieldType.Real)))
            .Append(new FieldDefinition(ZonalCsvWriter.AreaMethodColumn, FieldType.String)).ToArray();

        var features = new VectorFeature[zones.Features.Count];
        for (var z = 0; z < features.Length; z++)
        {
            var source = zones.Features[z];
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var f in own) attributes[f.Name] = source.Attributes.GetValueOrDefault(f.Name);
            var values = ZonalCsvWriter.Values(statistics[z], asked, classes, weightedClasses);
            for (var k = 0; k < columns.Count; k++) attributes[columns[k]] = double.IsNaN(values[k]) ? null : values[k];
            attributes[ZonalCsvWriter.AreaMethodColumn] = areaMethod.Name();
            features[z] = source with { Attributes = attributes };
        }

        return zones with { Name = name ?? zones.Name, Fields = fields, Features = features };
    }
}
