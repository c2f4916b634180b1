namespace SpatialCarbon.Reports.Screening;

/// <summary>How a screening report is written: language (zh or en), the 审图号 line (from configuration: the
/// SPATIALCARBON_MAP_APPROVAL environment variable unless given), the map size, and whether to print the PDF.</summary>
public sealed record ReportOptions(string Lang = "zh", string? MapApproval = null, int MapWidth = 960, int MapHeight = 720, bool Pdf = true)
{
    public bool English => Lang == "en";

    /// <summary>The 审图号 line: the configured one, or a line saying the map is synthetic and has none.</summary>
    public string ApprovalLine => MapApproval ?? Environment.GetEnvironmentVariable("SPATIALCARBON_MAP_APPROVAL")
        ?? (English ? "Map approval number (审图号): none — synthetic demo data, not for publication" : "审图号：无（合成示例数据，不得公开出版）");
}
