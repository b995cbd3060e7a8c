using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// How every store writes: one transaction per write, behind the process's <see cref="WriteGate"/>, run again
/// whole when the database was busy (a busy SQLite file, a PostgreSQL serialization failure or deadlock), so
/// callers never see those errors. Shared by the stores of one scope, which share its context.
/// </summary>
internal sealed class StoreTransactions
{
    private const int MaxAttempts = 40;

    private readonly AfterSalesDbContext _db;
    private readonly WriteGate _gate;

    public StoreTransactions(AfterSalesDbContext db, WriteGate gate)
    {
        _db = db;
        _gate = gate;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, retrying it whole when the database is busy.</summary>
    public async Task<T> RunAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            _db.ChangeTracker.Clear();

            // The whole transaction is retried on failure, so SaveChanges needs no savepoint of its own.
            _db.Database.AutoSavepointsEnabled = false;
            await KeepConnectionOpenAsync(cancellationToken).ConfigureAwait(false);
            await _gate.EnterAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await using var transaction = await _db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
                var result = await work().ConfigureAwait(false);
                await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
                return result;
            }
            catch (Exception exception) when (_db.IsTransient(exception) && attempt < MaxAttempts)
            {
                // Tried again below, once this writer has passed back through the gate.
            }
            finally
            {
                _gate.Leave();
                _db.ChangeTracker.Clear();
            }

            await Task.Delay(RetryDelay(attempt), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <inheritdoc cref="RunAsync{T}"/>
    public Task RunAsync(Func<Task> work, CancellationToken cancellationToken) =>
        RunAsync(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Opens the connection for the rest of the scope: a command loads a dispute and then saves it, and every
    /// open of a pooled SQLite connection costs its pragmas and EF's SQL functions, registered again each time.
    /// The context closes it when the scope ends.
    /// </summary>
    public async Task KeepConnectionOpenAsync(CancellationToken cancellationToken)
    {
        if (_db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await _db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(200, 2 << Math.Min(attempt, 7)) * (0.5 + (Random.Shared.NextDouble() / 2)));
}
