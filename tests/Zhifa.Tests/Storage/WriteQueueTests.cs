using Zhifa.Data.Storage;

namespace Zhifa.Tests.Storage;

/// <summary>The in-process write queue of ADR-012: one SQLite writer at a time, in arrival order; PostgreSQL never waits.</summary>
public sealed class WriteQueueTests
{
    [Fact]
    public async Task Sqlite_WritersTakeTurnsInArrivalOrder()
    {
        var queue = new WriteQueue(DatabaseTarget.Sqlite("/tmp/never-opened.db"));
        var order = new List<int>();
        var first = await queue.EnterAsync();
        var waiting = Enumerable.Range(1, 3).Select(async i =>
        {
            using (await queue.EnterAsync())
            {
                lock (order)
                    order.Add(i);
            }
        }).ToList();
        await Task.Delay(50);

        order.ShouldBeEmpty(); // nobody writes while the first holds its turn
        first.Dispose();
        await Task.WhenAll(waiting);
        order.ShouldBe(new[] { 1, 2, 3 });
    }

    [Fact]
    public async Task Postgres_NeverQueues()
    {
        var queue = new WriteQueue(new DatabaseTarget(DatabaseProvider.Postgres, "Host=localhost"));

        using var first = await queue.EnterAsync();
        var second = queue.EnterAsync();

        second.IsCompleted.ShouldBeTrue();
        (await second).Dispose();
    }
}
