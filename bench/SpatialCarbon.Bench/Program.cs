using System.Globalization;
using BenchmarkDotNet.Running;
using SpatialCarbon.Bench;

// `zonal-data DIR [SIZE] [ZONES]` writes the zonal benchmark case (bench/zonal/run.sh); anything else runs BenchmarkDotNet.
if (args is ["zonal-data", var dir, .. var rest])
{
    var size = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 10_000;
    var zones = rest.Length > 1 ? int.Parse(rest[1], CultureInfo.InvariantCulture) : 2_000;
    ZonalBenchmarkData.Generate(dir, size, zones);
    return;
}

// `parcels-data DIR [SIZE] [PARCELS]` writes the many-zones case (bench/zonal/run-parcels.sh).
if (args is ["parcels-data", var parcelDir, .. var parcelRest])
{
    var size = parcelRest.Length > 0 ? int.Parse(parcelRest[0], CultureInfo.InvariantCulture) : 20_000;
    var parcels = parcelRest.Length > 1 ? int.Parse(parcelRest[1], CultureInfo.InvariantCulture) : 1_000_000;
    ParcelBenchmarkData.Generate(parcelDir, size, parcels);
    return;
}

if (args is ["zonal-profile", var profileDir])
{
    ZonalProfile.Run(profileDir);
    return;
}

if (args is ["screen-bench", var workspace, var rules, var pools, .. var more])
{
    ScreenBenchmark.Run(workspace, rules, pools, more.Length > 0 ? int.Parse(more[0], CultureInfo.InvariantCulture) : 10_000, more.Length > 1 ? more[1] : "both");
    return;
}

if (args is ["screen-profile", var profileWorkspace, var profileRules, var profilePools, .. var profileMore])
{
    ScreenProfile.Run(profileWorkspace, profileRules, profilePools, profileMore.Length > 0 ? int.Parse(profileMore[0], CultureInfo.InvariantCulture) : 2000);
    return;
}

if (args is ["storage-zonal", var zonalWorkspace, var zonalRaster])
{
    StorageBenchmark.Zonal(zonalWorkspace, zonalRaster);
    return;
}

if (args is ["storage-queries", var queryWorkspace, var queryCount])
{
    StorageBenchmark.Queries(queryWorkspace, int.Parse(queryCount, CultureInfo.InvariantCulture));
    return;
}

if (args is ["tiles-list", var listPath, var west, var south, var east, var north, .. var zooms])
{
    double D(string v) => double.Parse(v, CultureInfo.InvariantCulture);
    TilesBenchmark.WriteTileList(listPath, [D(west), D(south), D(east), D(north)], [.. zooms.Select(z => int.Parse(z, CultureInfo.InvariantCulture))]);
    return;
}

if (args is ["tiles-mvt", var mvtGpkg, var mvtList])
{
    TilesBenchmark.Ours(mvtGpkg, mvtList);
    return;
}

if (args is ["tiles-mvt-postgis", var pgConnection, var pgTable, var pgSrid, var pgList])
{
    TilesBenchmark.PostGis(pgConnection, pgTable, int.Parse(pgSrid, CultureInfo.InvariantCulture), pgList);
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
