using System.CommandLine;
using SpatialCarbon.Core;
using SpatialCarbon.Storage;

namespace SpatialCarbon.Cli;

/// <summary>The <c>--workspace</c> option of the commands that read zones by layer name (zonal, carbon), and the
/// rule that zones come either from a file or from a workspace layer.</summary>
internal static class WorkspaceOptions
{
    public static Option<string?> Workspace(string what) => new("--workspace")
    {
        Description = $"{what}: a folder holding zones.gpkg, a GeoPackage, or postgresql://user@host:port/db[?schema=S] (password from PGPASSWORD or pgpass)",
    };

    /// <summary>The workspace to read the zone layer from, opened for reading; null when the zones are the file
    /// <paramref name="zones"/> (or there are none).</summary>
    /// <exception cref="InputException">Both a file and a workspace, or a workspace without a layer name.</exception>
    public static IWorkspaceStore? OpenZoneSource(string? zones, string? workspace, string? layer, string zonesOption, string layerOption, bool zonesRequired = true)
    {
        if (zones is not null && workspace is not null)
            throw new InputException(zonesOption, null, $"give either {zonesOption} (a file) or --workspace with {layerOption}, not both");
        if (workspace is null)
        {
            if (zones is null && zonesRequired) throw new InputException(zonesOption, null, $"give {zonesOption} (a file) or --workspace with {layerOption}");
            return null;
        }

        if (layer is null) throw new InputException(layerOption, null, $"--workspace needs {layerOption}: the name of the zone layer");
        return WorkspaceStore.OpenForReading(workspace);
    }
}
