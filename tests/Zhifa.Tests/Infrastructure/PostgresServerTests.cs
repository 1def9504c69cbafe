using Npgsql;

namespace Zhifa.Tests.Infrastructure;

[Collection(PostgresCollection.Name)]
public sealed class PostgresServerTests(PostgresServer server)
{
    [Fact]
    public async Task Serves_PostgreSQL_15_and_creates_distinct_databases()
    {
        await using (var connection = new NpgsqlConnection(server.ConnectionString("postgres")))
        {
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("select version()", connection);
            var version = (string?)await command.ExecuteScalarAsync();
            version.ShouldNotBeNull().ShouldContain("PostgreSQL 15");
        }

        var first = await server.CreateDatabaseAsync();
        var second = await server.CreateDatabaseAsync();
        first.ShouldNotBe(second);

        var firstName = await CurrentDatabaseAsync(first);
        var secondName = await CurrentDatabaseAsync(second);
        firstName.ShouldNotBe(secondName);
        first.ShouldContain(firstName);
        second.ShouldContain(secondName);
    }

    private static async Task<string> CurrentDatabaseAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("select current_database()", connection);
        return (string)(await command.ExecuteScalarAsync())!;
    }
}
