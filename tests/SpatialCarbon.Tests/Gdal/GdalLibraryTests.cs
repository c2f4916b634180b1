using SpatialCarbon.Gdal;

namespace SpatialCarbon.Tests.Gdal;

public sealed class GdalLibraryTests
{
    [Fact]
    public void A_missing_library_gives_the_install_hint_in_one_line()
    {
        var e = Assert.Throws<GdalUnavailableException>(() => GdalLibrary.Load("zones.kml", "libgdal-not-here.so.99"));
        Assert.Equal("zones.kml: GDAL is not installed (libgdal-not-here.so.99 cannot be loaded): apt-get install libgdal32", e.Message);
        Assert.Equal("zones.kml", e.Path);
        Assert.IsAssignableFrom<SpatialCarbon.Core.InputException>(e);
    }
}
