using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Implementation;
using NetTopologySuite.IO;
using SpatialCarbon.Core.Zoning.Preparation;

namespace SpatialCarbon.Core.Vector;

/// <summary>Decodes GeoPackage geometry blobs into geometries that share one <see cref="NtsGeometryServices"/>, with
/// coordinates packed in one double array per ring. One decoder serves several threads, each with its own
/// <see cref="Readers"/>.</summary>
internal sealed class GeoPackageBlobDecoder(int srsId)
{
    // Coordinates packed in one double array per ring (not an object per vertex): a million parcels fit in a third of
    // the memory.
    private static readonly PackedCoordinateSequenceFactory Sequences = new(PackedCoordinateSequenceFactory.PackedType.Double);

    // The NTS reader builds a new NtsGeometryServices (a factory cache, a comparer, a relate engine: ~0.9 KB) for every
    // blob, and each geometry keeps its own alive through its factory: a million parcels held 0.9 GB of them.
    // Geometries are rebuilt on factories of one shared services object (same coordinates, same SRID).
    private readonly NtsGeometryServices _services = new(Sequences, new PrecisionModel(), srsId);

    /// <summary>One thread's NTS readers (NTS does not promise they can be shared): strict, and closing unclosed rings.</summary>
    public sealed class Readers
    {
        internal GeoPackageGeoReader Strict { get; } = new(Sequences, new PrecisionModel());

        internal GeoPackageGeoReader Closing { get; } = new(Sequences, new PrecisionModel()) { RepairRings = true };
    }

    /// <summary>The blob's geometry (null for an empty one the reader gives as null) and the note of what had to be
    /// fixed, or a note saying why it cannot be decoded.</summary>
    public (Geometry? Geometry, string? Note) Decode(byte[] blob, Readers readers)
    {
        try
        {
            var (geometry, note) = RingClosure.Decode(() => readers.Strict.Read(blob), () => readers.Closing.Read(blob));
            return (geometry is null ? null : _services.CreateGeometryFactory(geometry.SRID).CreateGeometry(geometry), note);
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException or FormatException or ParseException or IOException)
        {
            return (null, $"cannot decode the geometry blob ({e.Message})");
        }
    }
}
