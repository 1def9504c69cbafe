using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Zhifa.Domain.Common;

namespace Zhifa.Data.Storage;

public enum DatabaseProvider
{
    Sqlite,
    Postgres,
}

/// <summary>
/// The database a command works on: <c>sqlite:&lt;path&gt;</c> (default <c>sqlite:./data/zhifa.db</c>) or
/// <c>postgres:&lt;Npgsql connection string&gt;</c>, from <c>--db</c> or <c>ZHIFA_DB</c> (cli.md).
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string DefaultTarget = "sqlite:./data/zhifa.db";

    public static DatabaseTarget Parse(string? text, out DomainError? error)
    {
        error = null;
        text = string.IsNullOrWhiteSpace(text) ? DefaultTarget : text.Trim();
        if (text.StartsWith("sqlite:", StringComparison.OrdinalIgnoreCase))
        {
            var path = text["sqlite:".Length..];
            if (path.Length == 0)
            {
                error = new DomainError("db.path_missing", "数据库参数 --db 的 sqlite: 后缺少文件路径,例如 sqlite:./data/zhifa.db");
                return Default;
            }
            return Sqlite(path);
        }
        if (text.StartsWith("postgres:", StringComparison.OrdinalIgnoreCase))
        {
            var cs = text["postgres:".Length..];
            try
            {
                _ = new NpgsqlConnectionStringBuilder(cs);
            }
            catch (ArgumentException ex)
            {
                error = new DomainError("db.bad_connection_string", $"数据库参数 --db 的 PostgreSQL 连接串无效:{ex.Message}");
                return Default;
            }
            return new DatabaseTarget(DatabaseProvider.Postgres, cs);
        }
        error = new DomainError("db.unknown_provider",
            $"数据库参数 --db 无法识别:\"{text}\"。应为 sqlite:<文件路径> 或 postgres:<连接串>");
        return Default;
    }

    public static DatabaseTarget Default => Sqlite("./data/zhifa.db");

    public static DatabaseTarget Sqlite(string path)
    {
        var full = Path.GetFullPath(path);
        var cs = new SqliteConnectionStringBuilder
        {
            DataSource = full,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
            DefaultTimeout = 30,
        }.ToString();
        return new DatabaseTarget(DatabaseProvider.Sqlite, cs);
    }

    public string Describe() => Provider == DatabaseProvider.Sqlite
        ? $"SQLite {new SqliteConnectionStringBuilder(ConnectionString).DataSource}"
        : $"PostgreSQL {new NpgsqlConnectionStringBuilder(ConnectionString).Database}";

    public void Configure(DbContextOptionsBuilder options)
    {
        if (Provider == DatabaseProvider.Sqlite)
            options.UseSqlite(ConnectionString).AddInterceptors(new SqlitePragmaInterceptor());
        else
            options.UseNpgsql(ConnectionString);
    }

    public DbContextOptions<ZhifaDbContext> ContextOptions()
    {
        var b = new DbContextOptionsBuilder<ZhifaDbContext>();
        Configure(b);
        return b.Options;
    }

    public ZhifaDbContext CreateContext() => new(ContextOptions());

    /// <summary>A raw ADO.NET connection, opened, for bulk work and statistics SQL.</summary>
    public async Task<System.Data.Common.DbConnection> OpenConnectionAsync(CancellationToken ct = default)
    {
        System.Data.Common.DbConnection c = Provider == DatabaseProvider.Sqlite
            ? new SqliteConnection(ConnectionString)
            : new NpgsqlConnection(ConnectionString);
        await c.OpenAsync(ct);
        if (c is SqliteConnection s)
            SqlitePragmas.Apply(s);
        return c;
    }
}
