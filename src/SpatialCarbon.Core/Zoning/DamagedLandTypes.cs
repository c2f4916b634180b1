namespace SpatialCarbon.Core.Zoning;

/// <summary>The four damaged-land types the plan names as places for PV and wind.</summary>
public static class DamagedLandTypes
{
    public const string CoalSubsidence = "采煤沉陷区";
    public const string AbandonedMine = "废弃矿山";
    public const string ClosedLandfill = "已封场垃圾填埋场";
    public const string ContaminatedSite = "污染地块";

    public static IReadOnlyList<string> All { get; } = [CoalSubsidence, AbandonedMine, ClosedLandfill, ContaminatedSite];
}
