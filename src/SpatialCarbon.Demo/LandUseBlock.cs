namespace SpatialCarbon.Demo;

/// <summary>A band of full-width grid rows of every demo raster: land use per year, forest type and stand age.
/// Row-major, <see cref="Width"/> × <see cref="Rows"/> bytes each; 0 is nodata.</summary>
public sealed class LandUseBlock
{
    public LandUseBlock(int width, int maxRows, int years)
    {
        Width = width;
        MaxRows = maxRows;
        LandUse = [.. Enumerable.Range(0, years).Select(_ => new byte[width * maxRows])];
        ForestType = new byte[width * maxRows];
        ForestAge = new byte[width * maxRows];
    }

    public int Width { get; }

    public int MaxRows { get; }

    /// <summary>First grid row held.</summary>
    public int Row0 { get; set; }

    /// <summary>Rows held (at most <see cref="MaxRows"/>).</summary>
    public int Rows { get; set; }

    public byte[][] LandUse { get; }

    public byte[] ForestType { get; }

    public byte[] ForestAge { get; }
}
