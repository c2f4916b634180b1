using System.Globalization;
using NetTopologySuite.Geometries;
using SpatialCarbon.Core.Crs;
using SpatialCarbon.Core.Vector;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Refuses coordinates that cannot be a position in the layer's CRS: NaN, ±∞, and magnitudes no place on
/// Earth has (a vertex at 1e300 sent the reprojection into an endless loop). Zones to be reprojected are held to
/// their CRS: longitude ±540° and latitude ±90° in a geographic CRS, 10⁸ m (2.5 times the equator, above every false
/// easting) in a projected one. Zones used as they are (same CRS, or one side unknown, as with GeoJSON's assumed
/// EPSG:4326 over projected coordinates) only need to be numbers a grid can hold: within ±10¹⁵.</summary>
public static class NonFiniteCheck
{
    /// <summary>Largest |x| or |y|, in metres, of a projected coordinate.</summary>
    public const double ProjectedLimit_m = 1e8;

    /// <summary>Largest |x| or |y| of zones that are not reprojected.</summary>
    public const double UnprojectedLimit = 1e15;

    /// <summary>Checks every coordinate of every feature, against the bounds of the layer's CRS when
    /// <paramref name="reprojected"/>.</summary>
    /// <exception cref="InputException">A coordinate is not finite or out of bounds; names the file, the feature
    /// and the coordinate.</exception>
    public static void Require(SourceLayer layer, bool reprojected)
    {
        var (maxX, maxY, unit) = Bounds(reprojected ? layer.Crs : null);
        foreach (var f in layer.Features)
        {
            if (f.Geometry is null) continue;
            var filter = new Finder(maxX, maxY);
            f.Geometry.Apply(filter);
            if (filter.Bad is not { } c) continue;
            var what = double.IsFinite(c.X) && double.IsFinite(c.Y)
                ? $"lies beyond ±{Number(maxX)}{unit}" + (maxY < maxX ? $" (latitude ±{Number(maxY)}{unit})" : "")
                  + $", so it cannot be a coordinate in {(reprojected ? layer.Crs?.Label : null) ?? "any CRS"}"
                : "is not a finite number";
            throw new InputException(layer.SourcePath, $"layer {layer.Name} feature {f.Id}",
                $"coordinate ({Number(c.X)}, {Number(c.Y)}) {what}");
        }
    }

    private static (double MaxX, double MaxY, string Unit) Bounds(SpatialReference? crs) => crs switch
    {
        null => (UnprojectedLimit, UnprojectedLimit, ""),
        { IsGeographic: true } => (540, 90 + 1e-9, "°"),
        _ => (ProjectedLimit_m / crs.LinearUnitMetres, ProjectedLimit_m / crs.LinearUnitMetres, crs.LinearUnitMetres == 1 ? " m" : " units"),
    };

    private static string Number(double v) => v.ToString("G6", CultureInfo.InvariantCulture);

    private sealed class Finder(double maxX, double maxY) : ICoordinateSequenceFilter
    {
        public (double X, double Y)? Bad { get; private set; }

        public bool Done => Bad is not null;

        public bool GeometryChanged => false;

        public void Filter(CoordinateSequence seq, int i)
        {
            double x = seq.GetX(i), y = seq.GetY(i);
            // Written so that NaN fails the test.
            if (!(Math.Abs(x) <= maxX && Math.Abs(y) <= maxY)) Bad = (x, y);
        }
    }
}
