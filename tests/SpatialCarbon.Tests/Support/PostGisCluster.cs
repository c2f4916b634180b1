using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace SpatialCarbon.Tests.Support;

/// <summary>A throwaway PostgreSQL cluster with PostGIS for one test run: initdb in a temporary folder, a free port on
/// 127.0.0.1, the socket inside the cluster folder, trust authentication, fsync off. As root, initdb and pg_ctl run as
/// the postgres user (they refuse root). Disposing stops the server and deletes the folder.</summary>
public sealed class PostGisCluster : IDisposable
{
    private readonly string _bin;
    private readonly string _folder;
    private readonly string _data;
    private bool _running;

    private PostGisCluster(string bin)
    {
        _bin = bin;
        _folder = TestEnvironment.TempDir("postgis");
        _data = Path.Combine(_folder, "data");
    }

    public int Port { get; private set; }

    /// <summary>postgresql://postgres@127.0.0.1:PORT/postgres with the given schema.</summary>
    public string Uri(string schema) => $"postgresql://postgres@127.0.0.1:{Port}/postgres?schema={System.Uri.EscapeDataString(schema)}";

    /// <summary>The same database as a GDAL connection string (for ogrinfo).</summary>
    public string GdalConnection(string schema) => $"PG:host=127.0.0.1 port={Port} dbname=postgres user=postgres schemas={schema}";

    public string ConnectionString => $"Host=127.0.0.1;Port={Port};Database=postgres;Username=postgres;Pooling=false";

    /// <summary>The bin folder of the newest installed PostgreSQL whose share folder has the PostGIS extension.</summary>
    public static string? FindBinaries()
    {
        const string root = "/usr/lib/postgresql";
        if (!Directory.Exists(root)) return null;
        foreach (var version in Directory.GetDirectories(root).OrderByDescending(d => int.TryParse(Path.GetFileName(d), out var v) ? v : 0))
        {
            var bin = Path.Combine(version, "bin");
            var control = $"/usr/share/postgresql/{Path.GetFileName(version)}/extension/postgis.control";
            if (File.Exists(Path.Combine(bin, "initdb")) && File.Exists(Path.Combine(bin, "pg_ctl")) && File.Exists(control)) return bin;
        }

        return null;
    }

    /// <summary>Starts a cluster and creates the PostGIS extension in its postgres database.</summary>
    /// <exception cref="InvalidOperationException">PostgreSQL or PostGIS is missing, or the server does not start.</exception>
    public static PostGisCluster Start()
    {
        var bin = FindBinaries() ?? throw new InvalidOperationException("PostgreSQL with PostGIS is not installed (apt-get install postgresql-15-postgis-3)");
        var cluster = new PostGisCluster(bin);
        try
        {
            cluster.InitAndStart();
            return cluster;
        }
        catch
        {
            cluster.Dispose();
            throw;
        }
    }

    private static bool IsRoot => Environment.UserName == "root";

    private void InitAndStart()
    {
        if (IsRoot) Run("chown", "postgres:postgres", _folder);
        RunAsPostgres(Path.Combine(_bin, "initdb"), "-D", _data, "-U", "postgres", "-A", "trust", "-E", "UTF8", "--locale=C", "--no-sync");
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            try
            {
                RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-l", Path.Combine(_folder, "server.log"), "-w", "-t", "60",
                    "-o", $"-c listen_addresses=127.0.0.1 -p {Port} -k {_folder} -c fsync=off -c synchronous_commit=off -c full_page_writes=off", "start");
                _running = true;
                break;
            }
            catch (InvalidOperationException) when (attempt < 2)
            {
                // Another process took the port between the probe and the start; try another.
            }
        }

        using var connection = new NpgsqlConnection(ConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand("CREATE EXTENSION postgis", connection);
        command.ExecuteNonQuery();
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private static void RunAsPostgres(string program, params string[] args)
    {
        if (IsRoot) Run("runuser", ["-u", "postgres", "--", program, .. args]);
        else Run(program, args);
    }

    private static void Run(string program, params string[] args)
    {
        var psi = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = "/" };
        foreach (var a in args) psi.ArgumentList.Add(a);
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"cannot start {program}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEnd();
        p.WaitForExit();
        if (p.ExitCode != 0) throw new InvalidOperationException($"{program} {string.Join(' ', args)} exited {p.ExitCode}: {stderr} {stdout.Result}");
    }

    public void Dispose()
    {
        if (_running)
        {
            try
            {
                RunAsPostgres(Path.Combine(_bin, "pg_ctl"), "-D", _data, "-m", "immediate", "-w", "stop");
            }
            catch (InvalidOperationException)
            {
                // Already gone; the folder is removed below either way.
            }

            _running = false;
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}
