using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Raster;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Tests.Screening;

/// <summary>A small workspace written by a test: zone layers as rectangles in EPSG:4549 (GK, central meridian 120° E;
/// local coordinates from (500 000, 3 550 000), so the zone holds every shape) in zones.gpkg, and land-use rasters of
/// 100 × 100 cells of 30 m over the 3 km square, landuse_YYYY.tif.</summary>
internal static class SyntheticWorkspace
{
    public const double X0 = 500_000;
    public const double Y0 = 3_550_000;
    public const int Size = 100;
    public const double Cell = 30;

    private static readonly GeometryFactory Factory = new(new PrecisionModel(), 4549);

    /// <summary>A rectangle in local metres.</summary>
    public static Polygon Box(double x0, double y0, double x1, double y1) =>
        Factory.CreatePolygon([new(X0 + x0, Y0 + y0), new(X0 + x1, Y0 + y0), new(X0 + x1, Y0 + y1), new(X0 + x0, Y0 + y1), new(X0 + x0, Y0 + y0)]);

    /// <summary>A zone layer; each zone is (code, name, type or city, shape).</summary>
    public static VectorLayer Layer(string name, params (string Code, string Name, string Type, Polygon Shape)[] zones)
    {
        var admin = name == "admin";
        var fields = admin
            ? new FieldDefinition[] { new("county_code", FieldType.String), new("district", FieldType.String), new("city", FieldType.String) }
            : [new("code", FieldType.String), new("name", FieldType.String), new("type", FieldType.String)];
        return new VectorLayer(name, name, CrsRegistry.FromEpsg(4549), fields,
            [.. zones.Select((z, i) => new VectorFeature(i + 1, z.Shape, new Dictionary<string, object?> { [fields[0].Name] = z.Code, [fields[1].Name] = z.Name, [fields[2].Name] = z.Type }))],
            GeometryIssues.None);
    }

    /// <summary>Writes zones.gpkg and one raster per year; <paramref name="classOf"/>(year, col, row) gives each cell's
    /// land-use code (0 is nodata).</summary>
    public static string Write(string folder, IReadOnlyList<VectorLayer> layers, IReadOnlyList<int> years, Func<int, int, int, int> classOf)
    {
        Directory.CreateDirectory(folder);
        GeoPackageWriter.Write(Path.Combine(folder, "zones.gpkg"), layers);
        var grid = new RasterGrid(Size, Size, GeoTransform.NorthUp(X0, Y0 + Size * Cell, Cell, Cell), CrsRegistry.FromEpsg(4549));
        foreach (var year in years)
        {
            var values = new double[Size * Size];
            for (var r = 0; r < Size; r++)
                for (var c = 0; c < Size; c++) values[r * Size + c] = classOf(year, c, r);
            GeoTiffWriter.Write(Path.Combine(folder, $"landuse_{year}.tif"), new MemoryRaster(grid, values, RasterDataType.Byte, 0),
                new GeoTiffWriteOptions(RasterDataType.Byte, 0, BlockSize: 32));
        }

        return folder;
    }

    /// <summary>Column and row of the cell whose lower-left corner is at local (x, y).</summary>
    public static (int Col, int Row) CellAt(double x, double y) => ((int)Math.Round(x / Cell), Size - 1 - (int)Math.Round(y / Cell));
}
