using NetTopologySuite.Geometries;

namespace SpatialCarbon.Core.Zoning;

/// <summary>One zone of a workspace in the common model, whatever the source's field names: its kind and layer, code,
/// name, type (eco-space, buffer and damaged-land type; control unit type 1/2/3 as text; eco-island tier), the control
/// unit's access list, and its geometry in CGCS2000 lon/lat (EPSG:4490).</summary>
public sealed record Zone(
    ZoneKind Kind,
    string Layer,
    string Code,
    string Name,
    string? Type,
    int? UnitType,
    ControlUnitAccess? Access,
    Geometry LonLat)
{
    /// <summary>Chinese name of a control unit type: 1 优先保护单元, 2 重点管控单元, 3 一般管控单元.</summary>
    public static string? UnitTypeName(int? type) => type switch
    {
        1 => "优先保护单元",
        2 => "重点管控单元",
        3 => "一般管控单元",
        _ => null,
    };
}
