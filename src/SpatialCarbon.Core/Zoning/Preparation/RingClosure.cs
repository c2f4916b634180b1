using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Zoning.Preparation;

/// <summary>Closes unclosed polygon rings as GDAL does (the first point appended; a ring too short to enclose
/// anything is padded with it and later found to have no area). NetTopologySuite cannot hold an unclosed ring, so
/// readers close rings while decoding, through <see cref="Decode"/>, and note it on the feature.</summary>
public static class RingClosure
{
    /// <summary>The note a reader puts on a feature whose rings it closed.</summary>
    public const string Note = "unclosed ring closed (as GDAL does)";

    /// <summary>Decodes a geometry with <paramref name="strict"/>; when that fails (NetTopologySuite refuses an
    /// unclosed ring), decodes it again with <paramref name="closingRings"/>, which closes rings (e.g. WKBReader
    /// with RepairRings). The note is <see cref="Note"/> when rings had to be closed, else null.</summary>
    /// <exception cref="Exception">Whatever <paramref name="strict"/> threw, when closing rings does not help.</exception>
    public static (Geometry Geometry, string? Note) Decode(Func<Geometry> strict, Func<Geometry> closingRings)
    {
        try
        {
            return (strict(), null);
        }
        catch (Exception first) when (first is not OutOfMemoryException)
        {
            try
            {
                return (closingRings(), Note);
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                throw first;
            }
        }
    }

    /// <summary>The ring closed: the input when already closed and long enough, else a copy with the first point
    /// appended (and repeated up to the 4 points a ring needs).</summary>
    public static CoordinateSequence Close(CoordinateSequence ring, CoordinateSequenceFactory factory) =>
        CoordinateSequences.EnsureValidRing(factory, ring);

    /// <summary>True when the ring's last point equals its first and it has the 4 points a ring needs.</summary>
    public static bool IsClosed(CoordinateSequence ring) =>
        ring.Count >= 4 && ring.GetX(0) == ring.GetX(ring.Count - 1) && ring.GetY(0) == ring.GetY(ring.Count - 1);
}
