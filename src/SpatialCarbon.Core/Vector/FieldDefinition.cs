namespace SpatialCarbon.Core.Vector;

/// <summary>Attribute value types a vector layer can carry.</summary>
public enum FieldType
{
    Integer,
    Real,
    String,
    Boolean,
    DateTime,
}

/// <summary>One attribute column of a vector layer.</summary>
public sealed record FieldDefinition(string Name, FieldType Type);
