namespace Zhifa.Data.Storage;

/// <summary>
/// Queues this process's write transactions on SQLite, which admits one writer at a time (ADR-012). Without it, a burst
/// of writers waits inside SQLite's busy handler: each holds a thread-pool thread asleep and retries on a timer (sleeps
/// of up to 100 ms, in no order), so under 50 concurrent clients the pool runs out of threads and a writer can be
/// overtaken again and again. Here a writer waits without a thread, in arrival order, and starts its transaction when
/// the one before has finished. The database's own lock stays the guard: a writer of another process, or one that does
/// not pass here, is still waited for with <c>busy_timeout</c>. On PostgreSQL, which locks rows, nothing is queued.
/// </summary>
public sealed class WriteQueue(DatabaseTarget target)
{
    private readonly SemaphoreSlim turn = new(1, 1);

    /// <summary>Waits for this writer's turn (at once on PostgreSQL); dispose the result after commit or rollback.</summary>
    public async ValueTask<Turn> EnterAsync(CancellationToken ct = default)
    {
        if (target.Provider != DatabaseProvider.Sqlite)
            return default;
        await turn.WaitAsync(ct);
        return new Turn(turn);
    }

    /// <summary>A writer's turn; the default value is no turn (nothing to give back).</summary>
    public readonly struct Turn(SemaphoreSlim? turn) : IDisposable
    {
        public void Dispose() => turn?.Release();
    }
}
