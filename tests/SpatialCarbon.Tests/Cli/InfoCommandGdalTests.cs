using System.CommandLine;
using System.Diagnostics;
using SpatialCarbon.Cli;
using SpatialCarbon.Cli.Commands;
using SpatialCarbon.Gdal;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Cli;

/// <summary>`info` on what only the GDAL bridge reads, and without GDAL.</summary>
public sealed class InfoCommandGdalTests
{
    [RequiresToolFact(NativeTools.LibGdal)]
    public void A_jpeg_geotiff_is_described_through_gdal()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("info-raster");
        var asc = Gdal.GdalCrossCheck.WriteAsciiGrid(dir, "pattern.asc", 90, 60, 400000, 3580000, 30, false);
        var jpeg = Path.Combine(dir, "jpeg.tif");
        NativeTools.Run("gdal_translate", "-q", "-ot", "Byte", "-co", "COMPRESS=JPEG", "-a_srs", "EPSG:4549", asc, jpeg);

        var (code, stdout, stderr) = Run("info", jpeg);
        Assert.Equal((CliRunner.Ok, ""), (code, stderr));
        Assert.Contains("reader: GDAL (GTiff)\n", stdout, StringComparison.Ordinal);
        Assert.Contains("width: 90\nheight: 60\n", stdout, StringComparison.Ordinal);
        Assert.Contains("data_type: Byte\n", stdout, StringComparison.Ordinal);
        Assert.Contains("  epsg: 4549\n  name: CGCS2000 / 3-degree Gauss-Kruger CM 120E\n", stdout, StringComparison.Ordinal);
        Assert.Contains("geotransform: 400000, 30, 0, 3581800, 0, -30\n", stdout, StringComparison.Ordinal);
    }

    [RequiresToolFact(NativeTools.LibGdal)]
    public void A_kml_is_described_with_its_repairs()
    {
        Assert.True(NativeTools.IsAvailable(NativeTools.GdalCli), "the fixture needs gdal-bin (apt-get install gdal-bin)");
        var dir = TestEnvironment.TempDir("info-vector");
        var kml = Path.Combine(dir, "zones.kml");
        NativeTools.Run("ogr2ogr", "-f", "KML", kml, Gdal.GdalCrossCheck.WriteZonesGeoJson(dir));

        var (code, stdout, stderr) = Run("info", kml);
        Assert.Equal((CliRunner.Ok, ""), (code, stderr));
        Assert.Contains("    name: zones\n", stdout, StringComparison.Ordinal);
        Assert.Contains("      epsg: 4326\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    feature_count: 3\n    geometry_types: MultiPolygon, Point, Polygon\n", stdout, StringComparison.Ordinal);
        Assert.Contains("        name: 名称\n        type: String\n", stdout, StringComparison.Ordinal);
        Assert.Contains("    invalid_geometries: 1\n    repaired_geometries: 1\n    empty_geometries: 1\n", stdout, StringComparison.Ordinal);
        Assert.Contains("      feature 4: no geometry, skipped\n", stdout, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_gdal_the_cli_exits_2_with_both_reasons_on_one_line()
    {
        // A separate process, because the library is chosen once per process (SPATIALCARBON_GDAL_LIBRARY).
        var dir = TestEnvironment.TempDir("info-nogdal");
        var kml = Path.Combine(dir, "zones.kml");
        File.WriteAllText(kml, "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document/></kml>");
        var cli = Path.Combine(AppContext.BaseDirectory, "spatialcarbon.dll");
        var psi = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { cli, "info", kml }) psi.ArgumentList.Add(a);
        psi.Environment[GdalLibrary.LibraryVariable] = "libgdal-not-here.so.99";
        using var process = Process.Start(psi)!;
        var stdoutTask = process.StandardOutput.ReadToEndAsync();
        var stderr = await process.StandardError.ReadToEndAsync();
        var stdout = await stdoutTask;
        await process.WaitForExitAsync();

        Assert.Equal(CliRunner.BadInput, process.ExitCode);
        Assert.Equal("", stdout);
        Assert.Equal($"spatialcarbon: {kml}: the managed readers do not read '.kml' files; GDAL could read it but is not installed "
            + "(libgdal-not-here.so.99 cannot be loaded): apt-get install libgdal32\n", stderr.ReplaceLineEndings("\n"));
    }

    private static (int Code, string Stdout, string Stderr) Run(params string[] args)
    {
        var root = new RootCommand { InfoCommand.Create() };
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var code = CliRunner.Run(root, args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }
}
