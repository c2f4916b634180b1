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
    ScreenBenchmark.Run(workspace, rules, pools, more.Length > 0 ? int.Parse(more[0], CultureInfo.InvariantCulture) : 10_000);
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

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
