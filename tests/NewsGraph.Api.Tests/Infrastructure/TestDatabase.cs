using Npgsql;
using NewsGraph.Api.Data;

namespace NewsGraph.Api.Tests.Infrastructure;

/// <summary>
/// Which provider the application tests run on: SQLite (a file per application) unless
/// <c>NEWSGRAPH_TEST_PROVIDER=PostgreSQL</c>; then each application gets a database of its own on the
/// server <c>NEWSGRAPH_TEST_POSTGRES</c> names (<c>.ci/services.sh start</c> prints both), made from
/// its folder's name, so two applications on one folder share it. Tests of what only SQLite has
/// carry <c>[Trait("Provider", "Sqlite")]</c> and are left out of the PostgreSQL run.
/// </summary>
public static class TestDatabase
{
    public static DatabaseProvider Provider { get; } =
        Enum.TryParse<DatabaseProvider>(Environment.GetEnvironmentVariable("NEWSGRAPH_TEST_PROVIDER"), ignoreCase: true, out var provider)
            ? provider
            : DatabaseProvider.Sqlite;

    public static bool IsPostgres => Provider == DatabaseProvider.PostgreSQL;

    private static string Server => Environment.GetEnvironmentVariable("NEWSGRAPH_TEST_POSTGRES")
        ?? throw new InvalidOperationException("NEWSGRAPH_TEST_PROVIDER is PostgreSQL: set NEWSGRAPH_TEST_POSTGRES to a server's connection string (.ci/services.sh start prints it).");

    /// <summary>The connection string of the database for <paramref name="folder"/>, creating it on PostgreSQL.</summary>
    public static string ConnectionStringFor(string folder)
    {
        if (!IsPostgres)
            return $"Data Source={Path.Combine(folder, "news.db")}";
        var name = NameFor(folder);
        using (var connection = new NpgsqlConnection(Server))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
            {
                using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                create.ExecuteNonQuery();
            }
        }
        return new NpgsqlConnectionStringBuilder(Server) { Database = name }.ConnectionString;
    }

    /// <summary>Drops the database of <paramref name="folder"/> (PostgreSQL; a SQLite file goes with its folder).</summary>
    public static void Drop(string folder)
    {
        if (!IsPostgres)
            return;
        NpgsqlConnection.ClearAllPools();
        using var connection = new NpgsqlConnection(Server);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{NameFor(folder)}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    /// <summary>
    /// The token key applications on <paramref name="folder"/> share: PostgreSQL deployments must
    /// configure one (<c>Auth:SigningKey</c>), so the tests do.
    /// </summary>
    public static string SigningKeyFor(string folder)
    {
        var file = Path.Combine(folder, "configured-signing.key");
        if (!File.Exists(file))
            File.WriteAllText(file, Convert.ToBase64String(System.Security.Cryptography.RandomNumberGenerator.GetBytes(48)));
        return File.ReadAllText(file);
    }

    private static string NameFor(string folder)
        => "newsgraph_test_" + new string([.. Path.GetFileName(Path.TrimEndingDirectorySeparator(folder)).ToLowerInvariant().Where(char.IsAsciiLetterOrDigit)]);
}
