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

    [Fact]
    public void Availability_agrees_with_the_installed_library()
    {
        var installed = File.Exists("/usr/lib/x86_64-linux-gnu/libgdal.so.32") || File.Exists("/usr/lib/aarch64-linux-gnu/libgdal.so.32");
        Assert.Equal(installed, GdalLibrary.IsAvailable);
        if (!installed) Assert.Throws<GdalUnavailableException>(() => new GdalRasterSource("x.tif"));
    }
}
