using Dapper;
using Zhifa.Data.Storage;
using Zhifa.Documents;
using Zhifa.Tests.Infrastructure;

namespace Zhifa.Tests.PenaltyCases;

/// <summary>The persistent document-number series: concurrent requests never share a number, on either engine.</summary>
public abstract class DocumentNumberStoreTests
{
    protected abstract Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir);

    [Fact]
    public async Task NextAsync_CalledConcurrently_HandsOutEachNumberOncePerAgencyYearAndKind()
    {
        using var dir = TestPaths.NewTempDirectory();
        var target = await NewDatabaseAsync(dir);
        long agency;
        await using (var c = await target.OpenConnectionAsync())
            agency = await c.ExecuteScalarAsync<long>(
                "INSERT INTO agencies (code, name, category, region_code) VALUES ('AGA', '天津市河东区市场监督管理局', 'Bureau', '120102') RETURNING id");
        var sequence = new DatabaseDocumentNumberSequence(target);

        var numbers = await Task.WhenAll(Enumerable.Range(0, 24).Select(_ => sequence.NextAsync(agency, 2024, DocumentKind.PenaltyDecision, default)));
        var otherKind = await sequence.NextAsync(agency, 2024, DocumentKind.PenaltyNotice, default);
        var nextYear = await sequence.NextAsync(agency, 2025, DocumentKind.PenaltyDecision, default);

        numbers.Order().ShouldBe(Enumerable.Range(1, 24));
        otherKind.ShouldBe(1);
        nextYear.ShouldBe(1);
        PenaltyTestBed.ReleaseConnections(target);
    }

    [Theory]
    [InlineData("天津市河东区市场监督管理局", "120102", "津东市监")]
    [InlineData("天津市河西区城市管理委员会", "120103", "津西城管")]
    [InlineData("贵州省凯里市综合行政执法局", "522601", "黔凯综执")]
    [InlineData("河东区生态环境局", "120102", "津东环")]
    public void DerivedPrefix_FromNameAndRegion_IsProvinceDistrictAndDepartment(string name, string region, string prefix)
    {
        DocumentPrefixes.Derive(name, region).ShouldBe(prefix);
    }
}

public sealed class SqliteDocumentNumberStoreTests : DocumentNumberStoreTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.SqliteAsync(dir);
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDocumentNumberStoreTests(PostgresServer server) : DocumentNumberStoreTests
{
    protected override Task<DatabaseTarget> NewDatabaseAsync(TempDirectory dir) => TestDatabases.PostgresAsync(server);
}
