using Zhifa.Data.Storage;

namespace Zhifa.Tests.Infrastructure;

/// <summary>Fresh, migrated databases of either provider for one test.</summary>
public static class TestDatabases
{
    public static async Task<DatabaseTarget> SqliteAsync(TempDirectory dir, bool migrate = true)
    {
        var target = DatabaseTarget.Sqlite(dir.File("zhifa.db"));
        if (migrate)
            await new SchemaMigrator(target).MigrateAsync();
        return target;
    }

    public static async Task<DatabaseTarget> PostgresAsync(PostgresServer server, bool migrate = true)
    {
        var target = new DatabaseTarget(DatabaseProvider.Postgres, await server.CreateDatabaseAsync());
        if (migrate)
            await new SchemaMigrator(target).MigrateAsync();
        return target;
    }

    /// <summary>The --db text for a target, for the CLI.</summary>
    public static string CliText(DatabaseTarget t) => t.Provider == DatabaseProvider.Sqlite
        ? "sqlite:" + new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(t.ConnectionString).DataSource
        : "postgres:" + t.ConnectionString;
}
