using Microsoft.Data.Sqlite;

namespace Zhifa.Data.Storage;

/// <summary>Connection settings every SQLite connection of the platform uses (ADR-001).</summary>
internal static class SqlitePragmas
{
    public static void Apply(SqliteConnection c)
    {
        using var cmd = c.CreateCommand();
        // WAL lets the web server read while an import writes; NORMAL sync is durable across application crashes.
        cmd.CommandText = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA busy_timeout=30000;";
        cmd.ExecuteNonQuery();
    }
}
