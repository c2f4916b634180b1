using SpatialCarbon.Cli;
using SpatialCarbon.Storage;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Storage;

/// <summary><c>workspace copy|info|import</c> through the CLI runner, on both backends.</summary>
[Collection(StorageCollection.Name)]
public sealed class WorkspaceCommandTests(StorageFixture fixture)
{
    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var stdout = new StringWriter();
        var stderr = new StringWriter();
        var code = CliRunner.Run(CommandCatalog.CreateRoot(), args, stdout, stderr);
        return (code, stdout.ToString(), stderr.ToString());
    }

    [Theory]
    [GeoPackageBackend]
    [PostGisBackend]
    public void Copy_then_info_lists_layers_rasters_and_the_copy_run(string backend)
    {
        var folder = fixture.DemoCopy("cli-copy");
        var target = fixture.NewLocator(backend, "cli_copy");
        var (code, output, err) = Run("workspace", "copy", "--from", folder, "--to", target);
        Assert.True(code == 0, err);
        Assert.Contains("copied 7 layers", output, StringComparison.Ordinal);

        (code, output, err) = Run("workspace", "info", target);
        Assert.True(code == 0, err);
        using var demo = WorkspaceStore.Open(folder);
        foreach (var name in demo.LayerNames)
            Assert.Matches($@"│ {name}\s+│\s+{demo.DescribeLayer(name).FeatureCount} │ EPSG:4490", output);
        Assert.Contains("landuse_2020.tif", output, StringComparison.Ordinal);
        Assert.Contains("workspace copy --from", output, StringComparison.Ordinal);
    }

    [Fact]
    public void A_password_in_the_uri_is_refused_with_one_line_and_exit_2()
    {
        var (code, _, err) = Run("workspace", "info", "postgresql://gis:hunter2@127.0.0.1:5432/zoning");
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Single(err.TrimEnd().Split('\n'));
        Assert.DoesNotContain("hunter2", err, StringComparison.Ordinal);
        Assert.Contains("PGPASSWORD", err, StringComparison.Ordinal);
    }

    /// <summary>An official delivery as a shapefile and as a FileGDB (both written by ogr2ogr from the demo's control
    /// units, with the official upper-case field names) is imported with a mapping: the renamed fields hold the
    /// delivery's values, feature for feature.</summary>
    [RequiresToolTheory(NativeTools.GdalCli)]
    [InlineData("ESRI Shapefile", "units.shp")]
    [InlineData("OpenFileGDB", "units.gdb")]
    public void Import_renames_fields_by_the_mapping_into_a_geopackage(string driver, string file) =>
        Import_renames_fields_by_the_mapping(Backend.GeoPackage, driver, file);

    [RequiresToolTheory(NativeTools.GdalCli, NativeTools.PostGis)]
    [InlineData("ESRI Shapefile", "units.shp")]
    [InlineData("OpenFileGDB", "units.gdb")]
    public void Import_renames_fields_by_the_mapping_into_postgis(string driver, string file) =>
        Import_renames_fields_by_the_mapping(Backend.PostGis, driver, file);

    private void Import_renames_fields_by_the_mapping(string backend, string driver, string file)
    {
        var folder = fixture.DemoCopy("cli-import");
        var dir = TestEnvironment.TempDir("cli-import-src");
        var delivery = Path.Combine(dir, file);
        NativeTools.Run("ogr2ogr", "-f", driver, delivery, Path.Combine(folder, "zones.gpkg"), "control_unit", "-nln", "units");
        var mapping = Path.Combine(dir, "mapping.json");
        File.WriteAllText(mapping, """{"fields": {"HJZHGKDYBM": "code", "HJZHGKDYMC": "name", "ZHGKDYFL": "unit_type"}}""");
        var target = fixture.NewLocator(backend, "cli_import");

        var (code, output, err) = Run("workspace", "import", "--workspace", target, "--from", delivery, "--layer", "control_unit_2024", "--mapping", mapping);
        Assert.True(code == 0, err);
        Assert.Contains("imported", output, StringComparison.Ordinal);

        using var store = WorkspaceStore.Open(target);
        var imported = store.ReadLayer("control_unit_2024");
        Assert.Equal(["code", "name", "unit_type"], imported.Fields.Select(f => f.Name));
        var expected = NativeTools.Run("ogrinfo", "-ro", "-q", delivery, "-sql", "SELECT HJZHGKDYBM, HJZHGKDYMC FROM units");
        Assert.Equal(imported.Features.Count, CountOccurrences(expected, "HJZHGKDYBM (String) = "));
        foreach (var f in imported.Features.Take(50))
            Assert.Contains($"HJZHGKDYBM (String) = {f.Attributes["code"]}\n  HJZHGKDYMC (String) = {f.Attributes["name"]}\n", expected, StringComparison.Ordinal);
        var run = store.Runs.Last();
        Assert.StartsWith("workspace import", run.Command, StringComparison.Ordinal);
        Assert.StartsWith("sha256:", run.InputHashes[file], StringComparison.Ordinal);
    }

    [Fact]
    public void A_mapping_naming_a_missing_field_is_bad_input_naming_the_mapping()
    {
        var folder = fixture.DemoCopy("cli-badmap");
        var dir = TestEnvironment.TempDir("cli-badmap");
        var mapping = Path.Combine(dir, "mapping.json");
        File.WriteAllText(mapping, """{"fields": {"NO_SUCH_FIELD": "code"}}""");
        var target = Path.Combine(dir, "w.gpkg");
        var (code, _, err) = Run("workspace", "import", "--workspace", target, "--from", Path.Combine(folder, "zones.gpkg"), "--layer", "x", "--source-layer", "control_unit", "--mapping", mapping);
        Assert.Equal(CliRunner.BadInput, code);
        Assert.Contains("mapping.json: fields.NO_SUCH_FIELD", err, StringComparison.Ordinal);
        Assert.False(File.Exists(target));
    }

    private static int CountOccurrences(string text, string what)
    {
        var count = 0;
        for (var i = text.IndexOf(what, StringComparison.Ordinal); i >= 0; i = text.IndexOf(what, i + 1, StringComparison.Ordinal)) count++;
        return count;
    }
}
