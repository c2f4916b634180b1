using SpatialCarbon.Core.Carbon;
using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Tests.Carbon;

/// <summary>Collects a whole (small) output map in memory so tests can read back every cell.</summary>
internal sealed class ArrayBlockSink(int width, int height) : IRasterBlockSink
{
    public float[] Values { get; } = new float[width * height];

    public int Writes { get; private set; }

    public float this[int col, int row] => Values[row * width + col];

    public void Write(RasterWindow window, ReadOnlySpan<float> values)
    {
        lock (Values)
        {
            Writes++;
            for (var r = 0; r < window.Height; r++)
                values.Slice(r * window.Width, window.Width).CopyTo(Values.AsSpan((window.Y + r) * width + window.X, window.Width));
        }
    }
}
