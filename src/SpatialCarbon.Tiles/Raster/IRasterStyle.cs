namespace SpatialCarbon.Tiles.Raster;

/// <summary>How cell values become pixel colours. Categorical styles take the most frequent value under a pixel
/// (mode), continuous ones the mean; NaN is nodata and stays transparent.</summary>
public interface IRasterStyle
{
    bool IsCategorical { get; }

    Rgba Colour(double value);

    Legend Legend(string id, string titleZh, string titleEn);
}
