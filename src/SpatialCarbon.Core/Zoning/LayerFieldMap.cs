namespace SpatialCarbon.Core.Zoning;

/// <summary>Where one zone kind's attributes are in a source layer: the layer's name and the field holding each
/// attribute of the common model (null when the source has none). Field names match case-insensitively.</summary>
public sealed record LayerFieldMap(
    string Layer,
    string Code,
    string Name,
    string? Type = null,
    string? UnitType = null,
    string? SpatialLayout = null,
    string? PollutantDischarge = null,
    string? EnvironmentalRisk = null,
    string? ResourceEfficiency = null);
