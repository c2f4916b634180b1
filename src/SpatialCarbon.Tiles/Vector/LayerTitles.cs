namespace SpatialCarbon.Tiles.Vector;

/// <summary>Chinese and English titles of the workspace's zone layers and rasters, by workspace name.</summary>
public static class LayerTitles
{
    private static readonly Dictionary<string, (string Zh, string En)> Known = new(StringComparer.Ordinal)
    {
        ["red_line"] = ("生态保护红线", "Ecological protection red line"),
        ["eco_space"] = ("生态空间管控区域", "Eco-space control areas"),
        ["control_unit"] = ("环境管控单元", "Environmental control units"),
        ["buffer"] = ("生态安全缓冲区", "Ecological safety buffer zones"),
        ["eco_island"] = ("生态岛试验区", "Eco-island pilot zones"),
        ["damaged_land"] = ("受损土地", "Damaged land"),
        ["admin"] = ("行政区划", "Administrative districts"),
    };

    /// <summary>The titles of a known name, else the name itself in both languages.</summary>
    public static (string Zh, string En) For(string name) => Known.TryGetValue(name, out var t) ? t : (name, name);
}
