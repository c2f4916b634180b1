using SpatialCarbon.Core.LandCover;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>Class colours for a categorical raster (codes 0–255), e.g. the CLCD land-cover legend.</summary>
public sealed class CategoricalStyle : IRasterStyle
{
    private readonly Rgba[] _colours = new Rgba[256];
    private readonly IReadOnlyList<LandCoverClass> _classes;

    public CategoricalStyle(IReadOnlyList<LandCoverClass> classes)
    {
        _classes = classes;
        foreach (var c in classes) _colours[c.Code] = new Rgba(c.Red, c.Green, c.Blue);
    }

    public static CategoricalStyle Clcd { get; } = new(ClcdScheme.Classes);

    public bool IsCategorical => true;

    public Rgba Colour(double value) => value is >= 0 and < 256 && value == Math.Floor(value) ? _colours[(int)value] : Rgba.Transparent;

    public Legend Legend(string id, string titleZh, string titleEn) =>
        new(id, titleZh, titleEn, "categorical", null, _classes.Select(c => new LegendEntry(c.Code, c.NameZh, c.NameEn, c.Hex)).ToArray());
}
