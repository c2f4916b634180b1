namespace SpatialCarbon.Core.Carbon;

/// <summary>Two land-use rasters on different grids, with alignment not asked for: the CLI and the API add how to ask.</summary>
public sealed class GridMismatchException(string path, string problem) : InputException(path, null, problem);
