namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// SQLite lets one transaction write at a time. The writers of this process queue here, each let in the moment
/// the one before it finishes, rather than in SQLite's busy handler, which polls with sleeps of 1 to 100 ms:
/// those sleeps cost 64 concurrent writers a tenth of one writer's throughput and put 50 to 100 ms into the
/// slowest answers. Other processes on the same file still meet the busy handler and the store's retries.
/// PostgreSQL writers run concurrently and do not queue.
/// </summary>
internal sealed class WriterQueue : IDisposable
{
    private readonly SemaphoreSlim? _turn;

    private WriterQueue(bool oneAtATime) => _turn = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    public static WriterQueue OneAtATime() => new(oneAtATime: true);

    public static WriterQueue Concurrent() => new(oneAtATime: false);

    public Task EnterAsync(CancellationToken cancellationToken) => _turn?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Leave() => _turn?.Release();

    public void Dispose() => _turn?.Dispose();
}
