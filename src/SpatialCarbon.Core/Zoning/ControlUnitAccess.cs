namespace SpatialCarbon.Core.Zoning;

/// <summary>The environmental access list of a control unit in its four official dimensions (free text in official
/// data): 空间布局约束 (KJBJYS), 污染物排放管控 (PWWPFGK), 环境风险防控 (HJFXFK), 资源开发效率要求 (ZYKFXLYQ).</summary>
public sealed record ControlUnitAccess(string? SpatialLayout, string? PollutantDischarge, string? EnvironmentalRisk, string? ResourceEfficiency)
{
    /// <summary>The dimension names in the order the official lists give them.</summary>
    public static IReadOnlyList<string> DimensionNames { get; } = ["空间布局约束", "污染物排放管控", "环境风险防控", "资源开发效率要求"];

    /// <summary>The official field names of the four dimensions, in the same order.</summary>
    public static IReadOnlyList<string> FieldNames { get; } = ["KJBJYS", "PWWPFGK", "HJFXFK", "ZYKFXLYQ"];

    /// <summary>Text of the dimension named in Chinese (see <see cref="DimensionNames"/>), or null.</summary>
    public string? Text(string dimension) => dimension switch
    {
        "空间布局约束" => SpatialLayout,
        "污染物排放管控" => PollutantDischarge,
        "环境风险防控" => EnvironmentalRisk,
        "资源开发效率要求" => ResourceEfficiency,
        _ => null,
    };
}
