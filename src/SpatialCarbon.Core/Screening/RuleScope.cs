using SpatialCarbon.Core.Zoning;

namespace SpatialCarbon.Core.Screening;

/// <summary>Which zones a rule is about: province-wide (no zone), or a zone kind narrowed by types (eco-space, buffer,
/// damaged-land type, eco-island tier), control unit types (1/2/3) and unit codes (prefixes of HJZHGKDYBM).</summary>
public sealed record RuleScope(
    ZoneKind? ZoneKind,
    string? Province = null,
    IReadOnlyList<string>? Types = null,
    IReadOnlyList<int>? UnitTypes = null,
    IReadOnlyList<string>? UnitCodes = null)
{
    public bool IsProvinceWide => ZoneKind is null;

    /// <summary>True when <paramref name="zone"/> is of the scope's kind and passes its filters.</summary>
    public bool Includes(Zone zone) =>
        zone.Kind == ZoneKind
        && (Types is not { Count: > 0 } || (zone.Type is { } t && Types.Contains(t)))
        && (UnitTypes is not { Count: > 0 } || (zone.UnitType is { } u && UnitTypes.Contains(u)))
        && (UnitCodes is not { Count: > 0 } || UnitCodes.Any(c => zone.Code.StartsWith(c, StringComparison.Ordinal)));

    /// <summary>A short description for reasons, e.g. "eco_space (饮用水水源保护区)".</summary>
    public string Describe()
    {
        if (ZoneKind is not { } kind) return Province is null ? "province-wide" : $"province-wide ({Province})";
        var filters = new List<string>();
        if (Types is { Count: > 0 }) filters.Add(string.Join("/", Types));
        if (UnitTypes is { Count: > 0 }) filters.Add("type " + string.Join("/", UnitTypes));
        if (UnitCodes is { Count: > 0 }) filters.Add("codes " + string.Join("/", UnitCodes));
        return filters.Count == 0 ? kind.Name() : $"{kind.Name()} ({string.Join("; ", filters)})";
    }
}
