namespace SpatialCarbon.Core.LandCover;

/// <summary>One land-cover class of a categorical scheme: code, names in Chinese and English, display colour.</summary>
public sealed record LandCoverClass(byte Code, string NameZh, string NameEn, byte Red, byte Green, byte Blue)
{
    public string Hex => $"#{Red:X2}{Green:X2}{Blue:X2}";
}
