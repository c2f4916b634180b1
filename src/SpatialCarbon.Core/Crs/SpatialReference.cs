using ProjNet.CoordinateSystems;

namespace SpatialCarbon.Core.Crs;

/// <summary>A coordinate reference system: its EPSG code when known, its WKT, and the parsed ProjNet system.</summary>
/// <remarks>Coordinates are always in GIS order (x = easting or longitude, y = northing or latitude),
/// whatever axis order the EPSG definition declares.</remarks>
public sealed class SpatialReference : IEquatable<SpatialReference>
{
    internal SpatialReference(int? epsg, string name, string wkt, CoordinateSystem system)
    {
        Epsg = epsg;
        Name = name;
        Wkt = wkt;
        System = system;
        IsGeographic = system is GeographicCoordinateSystem;
        LinearUnitMetres = system is ProjectedCoordinateSystem p ? p.LinearUnit.MetersPerUnit : double.NaN;
    }

    /// <summary>EPSG code, or null for a user-defined system.</summary>
    public int? Epsg { get; }

    public string Name { get; }

    /// <summary>WKT1 as stored in the registry or as given by the user.</summary>
    public string Wkt { get; }

    public CoordinateSystem System { get; }

    public bool IsGeographic { get; }

    public bool IsProjected => !IsGeographic;

    /// <summary>Metres per linear unit of a projected system; NaN for geographic ones.</summary>
    public double LinearUnitMetres { get; }

    /// <summary>"EPSG:4549", or the name for a system without a code.</summary>
    public string Label => Epsg is int code ? $"EPSG:{code}" : Name;

    public bool Equals(SpatialReference? other) =>
        other is not null && (ReferenceEquals(this, other)
            || (Epsg is not null && Epsg == other.Epsg)
            || (Epsg is null && other.Epsg is null && System.EqualParams(other.System)));

    public override bool Equals(object? obj) => Equals(obj as SpatialReference);

    public override int GetHashCode() => Epsg ?? Name.GetHashCode(StringComparison.Ordinal);

    public override string ToString() => $"{Label} ({Name})";
}
