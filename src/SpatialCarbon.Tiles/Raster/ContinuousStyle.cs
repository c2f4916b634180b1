using System.Globalization;

namespace SpatialCarbon.Tiles.Raster;

/// <summary>A colour ramp over a value range: sequential (e.g. carbon density) or diverging around zero (change,
/// where zero is left transparent so the map underneath shows through unchanged land).</summary>
public sealed class ContinuousStyle(double min, double max, IReadOnlyList<Rgba> stops, string unit, bool clearAtZero = false) : IRasterStyle
{
    /// <summary>Yellow to dark green (ColorBrewer YlGn).</summary>
    public static IReadOnlyList<Rgba> YellowGreen { get; } = new[] { "#ffffcc", "#c2e699", "#78c679", "#31a354", "#006837" }.Select(Rgba.Parse).ToArray();

    /// <summary>Red (loss) through near-white to green (gain) (ColorBrewer RdYlGn ends).</summary>
    public static IReadOnlyList<Rgba> RedGreen { get; } = new[] { "#a50026", "#f46d43", "#f7f7f7", "#66bd63", "#006837" }.Select(Rgba.Parse).ToArray();

    public double Min => min;

    public double Max => max;

    public bool IsCategorical => false;

    public Rgba Colour(double value)
    {
        if (double.IsNaN(value)) return Rgba.Transparent;
        if (clearAtZero && Math.Abs(value) < 1e-9) return Rgba.Transparent;
        var t = max > min ? Math.Clamp((value - min) / (max - min), 0, 1) : 0.5;
        var pos = t * (stops.Count - 1);
        var i = Math.Min((int)pos, stops.Count - 2);
        return Rgba.Lerp(stops[i], stops[i + 1], pos - i);
    }

    public Legend Legend(string id, string titleZh, string titleEn)
    {
        var entries = Enumerable.Range(0, stops.Count).Select(i =>
        {
            var v = min + (max - min) * i / (stops.Count - 1);
            var label = v.ToString("0.#", CultureInfo.InvariantCulture);
            return new LegendEntry(v, label, label, stops[i].Hex);
        }).ToArray();
        return new Legend(id, titleZh, titleEn, "continuous", unit, entries);
    }
}
