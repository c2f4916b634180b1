namespace SpatialCarbon.Core.Zoning;

/// <summary>The kinds of zone a workspace holds, one vector layer each (DESIGN.md's domain model).</summary>
public enum ZoneKind
{
    /// <summary>生态保护红线.</summary>
    RedLine,

    /// <summary>生态空间管控区域, typed (饮用水水源保护区, 清水通道维护区, ...).</summary>
    EcoSpace,

    /// <summary>环境管控单元 with type 1/2/3 and the four access-list dimensions.</summary>
    ControlUnit,

    /// <summary>生态安全缓冲区, typed.</summary>
    Buffer,

    /// <summary>生态岛试验区 with a tier.</summary>
    EcoIsland,

    /// <summary>Province, city and county boundaries.</summary>
    Admin,

    /// <summary>Damaged land (采煤沉陷区, 废弃矿山, 已封场垃圾填埋场, 污染地块): where the plan puts PV and wind.</summary>
    DamagedLand,
}

/// <summary>The layer names of <see cref="ZoneKind"/> as workspaces and rules files spell them.</summary>
public static class ZoneKinds
{
    public static IReadOnlyList<ZoneKind> All { get; } = Enum.GetValues<ZoneKind>();

    /// <summary>Layers whose nearest feature is reported: the protected ones and damaged land, not the tessellations
    /// (control units and admin cover everything, so every footprint is inside one).</summary>
    public static IReadOnlyList<ZoneKind> Sensitive { get; } =
        [ZoneKind.RedLine, ZoneKind.EcoSpace, ZoneKind.Buffer, ZoneKind.EcoIsland, ZoneKind.DamagedLand];

    /// <summary>"red_line", "eco_space", "control_unit", "buffer", "eco_island", "admin", "damaged_land".</summary>
    public static string Name(this ZoneKind kind) => kind switch
    {
        ZoneKind.RedLine => "red_line",
        ZoneKind.EcoSpace => "eco_space",
        ZoneKind.ControlUnit => "control_unit",
        ZoneKind.Buffer => "buffer",
        ZoneKind.EcoIsland => "eco_island",
        ZoneKind.Admin => "admin",
        _ => "damaged_land",
    };

    /// <summary>Chinese name for reports.</summary>
    public static string NameZh(this ZoneKind kind) => kind switch
    {
        ZoneKind.RedLine => "生态保护红线",
        ZoneKind.EcoSpace => "生态空间管控区域",
        ZoneKind.ControlUnit => "环境管控单元",
        ZoneKind.Buffer => "生态安全缓冲区",
        ZoneKind.EcoIsland => "生态岛试验区",
        ZoneKind.Admin => "行政区",
        _ => "受损土地",
    };

    /// <summary>English name for reports.</summary>
    public static string NameEn(this ZoneKind kind) => kind switch
    {
        ZoneKind.RedLine => "ecological red line",
        ZoneKind.EcoSpace => "eco-space control area",
        ZoneKind.ControlUnit => "environmental control unit",
        ZoneKind.Buffer => "ecological safety buffer",
        ZoneKind.EcoIsland => "eco-island pilot",
        ZoneKind.Admin => "administrative area",
        _ => "damaged land",
    };

    /// <summary>The kind named <paramref name="name"/>, or null.</summary>
    public static ZoneKind? Parse(string? name) => All.Cast<ZoneKind?>().FirstOrDefault(k => k!.Value.Name() == name);
}
