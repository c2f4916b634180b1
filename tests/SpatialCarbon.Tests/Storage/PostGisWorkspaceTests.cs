using Npgsql;
using SpatialCarbon.Storage;
using SpatialCarbon.Storage.PostGis;
using SpatialCarbon.Tests.Support;

namespace SpatialCarbon.Tests.Storage;

/// <summary>What only the PostGIS home promises: migrations recorded once, a GiST index per layer, and a clear error
/// for a server that cannot be reached.</summary>
[Collection(StorageCollection.Name)]
public sealed class PostGisWorkspaceTests(StorageFixture fixture)
{
    [RequiresToolFact(NativeTools.PostGis)]
    public void Migrations_are_applied_once_and_layers_get_a_gist_index()
    {
        var schema = $"mig_{Guid.NewGuid():N}";
        var uri = fixture.Cluster.Uri(schema);
        using (var store = (PostGisWorkspace)WorkspaceStore.Open(uri))
        {
            Assert.Equal(PostGisMigrations.All.Max(m => m.Version), store.SchemaVersion);
            store.WriteLayer(WorkspaceStoreTests.SampleLayer("'; DROP TABLE zones; --"));
        }

        using (var again = WorkspaceStore.Open(uri)) Assert.Single(again.LayerNames);
        using var connection = new NpgsqlConnection(fixture.Cluster.ConnectionString);
        connection.Open();
        using var migrations = new NpgsqlCommand($"SELECT count(*) FROM {SqlIdentifier.Quote(schema, "schema_migrations")}", connection);
        Assert.Equal((long)PostGisMigrations.All.Count, (long)migrations.ExecuteScalar()!);
        using var index = new NpgsqlCommand("SELECT indexdef FROM pg_indexes WHERE schemaname = @s AND tablename = @t", connection);
        index.Parameters.AddWithValue("s", schema);
        index.Parameters.AddWithValue("t", "'; DROP TABLE zones; --");
        var definitions = new List<string>();
        using (var rows = index.ExecuteReader())
            while (rows.Read()) definitions.Add(rows.GetString(0));
        Assert.Contains(definitions, d => d.Contains("USING gist (geom)", StringComparison.Ordinal));
    }

    [Fact]
    public void An_unreachable_server_is_bad_input_naming_the_uri()
    {
        var port = 1; // nothing listens on port 1
        var e = Assert.Throws<Core.InputException>(() => WorkspaceStore.Open($"postgresql://nobody@127.0.0.1:{port}/none"));
        Assert.StartsWith($"postgresql://nobody@127.0.0.1:{port}/none", e.Message, StringComparison.Ordinal);
    }
}
