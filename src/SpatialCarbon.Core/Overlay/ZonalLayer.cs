using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Overlay;

/// <summary>The zones with their statistics as attributes (for GeoPackage output): the zones' own fields, then one
/// Real field per statistic column, named as in the CSV, and the text field <c>area_method</c>; geometries as prepared
/// (in the raster's CRS), which are the ones the statistics were computed on.</summary>
public static class ZonalLayer
{
    public static VectorLayer WithStatistics(PreparedZones zones, IReadOnlyList<ZoneStatistics> statistics,
        IReadOnlyList<ZonalStatistic> asked, AreaMethod areaMethod, string? name = null)
    {
        var classes = ZonalStatistics.Classes(statistics);
        var weightedClasses = ZonalStatistics.Classes(statistics, weighted: true);
        var columns = ZonalCsvWriter.Columns(asked, classes, weightedClasses);
        var own = zones.Fields.Where(f => !columns.Contains(f.Name, StringComparer.OrdinalIgnoreCase)
            && !f.Name.Equals(ZonalCsvWriter.AreaMethodColumn, StringComparison.OrdinalIgnoreCase)).ToList();
        var fields = own.Concat(columns.Select(c => new FieldDefinition(c, FieldType.Real)))
            .Append(new FieldDefinition(ZonalCsvWriter.AreaMethodColumn, FieldType.String)).ToArray();

        var features = new VectorFeature[zones.Zones.Count];
        for (var z = 0; z < features.Length; z++)
        {
            var source = zones.Zones[z];
            var attributes = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var f in own) attributes[f.Name] = source.Attributes.GetValueOrDefault(f.Name);
            var values = ZonalCsvWriter.Values(statistics[z], asked, classes, weightedClasses);
            for (var k = 0; k < columns.Count; k++) attributes[columns[k]] = double.IsNaN(values[k]) ? null : values[k];
            attributes[ZonalCsvWriter.AreaMethodColumn] = areaMethod.Name();
            features[z] = new VectorFeature(source.FeatureId, source.Geometry, attributes);
        }

        return new VectorLayer(zones.SourcePath, name ?? zones.LayerName, zones.Crs, fields, features, GeometryIssues.None);
    }
}
