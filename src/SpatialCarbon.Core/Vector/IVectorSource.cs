namespace SpatialCarbon.Core.Vector;

/// <summary>A reader for one family of vector files. The managed readers and the GDAL bridge implement it.</summary>
public interface IVectorSource
{
    /// <summary>True when this reader recognises the file (by extension or content).</summary>
    bool CanRead(string path);

    IReadOnlyList<string> ListLayers(string path);

    /// <summary>Reads a layer (the first when <paramref name="layer"/> is null) as decoded, geometries unrepaired:
    /// the input of <see cref="Zoning.Preparation.ZonePreparation.Prepare"/>.</summary>
    /// <exception cref="InputException">The file or a record in it cannot be read.</exception>
    SourceLayer ReadSource(string path, string? layer = null);

    /// <summary>Reads a layer (the first when <paramref name="layer"/> is null), repairing invalid geometries.</summary>
    /// <exception cref="InputException">The file or a record in it cannot be read.</exception>
    VectorLayer Read(string path, string? layer = null);
}
