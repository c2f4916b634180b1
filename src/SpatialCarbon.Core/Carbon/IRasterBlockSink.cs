using SpatialCarbon.Core.Raster;

namespace SpatialCarbon.Core.Carbon;

/// <summary>Receives computed Float32 blocks of an output map (density or change). Called from several worker threads
/// with disjoint windows; implementations that cannot take concurrent writes must serialise them.</summary>
public interface IRasterBlockSink
{
    void Write(RasterWindow window, ReadOnlySpan<float> values);
}
