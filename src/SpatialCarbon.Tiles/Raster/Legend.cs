namespace SpatialCarbon.Tiles.Raster;

/// <summary>One legend line: a class (value = code) or a ramp stop (value in the legend's unit).</summary>
public sealed record LegendEntry(double Value, string LabelZh, string LabelEn, string Color);

/// <summary>How to read a raster source's colours: "categorical" entries are classes, "continuous" entries are
/// ramp stops between which colours are interpolated.</summary>
public sealed record Legend(string Id, string TitleZh, string TitleEn, string Kind, string? Unit, IReadOnlyList<LegendEntry> Entries);
