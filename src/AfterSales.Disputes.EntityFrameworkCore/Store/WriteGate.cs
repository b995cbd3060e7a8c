namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The gate every write transaction of this process passes before it begins. SQLite lets one transaction write
/// at a time: on SQLite the gate lets one writer through, the next the moment the one before it finishes, rather
/// than leaving them to SQLite's busy handler, which polls with sleeps of 1 to 100 ms:
/// those sleeps cost 64 concurrent writers a tenth of one writer's throughput and put 50 to 100 ms into the
/// slowest answers. Other processes on the same file still meet the busy handler and the store's retries.
/// On PostgreSQL the gate stands open: writers run concurrently.
/// </summary>
internal sealed class WriteGate : IDisposable
{
    private readonly SemaphoreSlim? _turn;

    private WriteGate(bool oneAtATime) => _turn = oneAtATime ? new SemaphoreSlim(1, 1) : null;

    public static WriteGate OneAtATime() => new(oneAtATime: true);

    public static WriteGate Concurrent() => new(oneAtATime: false);

    public Task EnterAsync(CancellationToken cancellationToken) => _turn?.WaitAsync(cancellationToken) ?? Task.CompletedTask;

    public void Leave() => _turn?.Release();

    public void Dispose() => _turn?.Dispose();
}
