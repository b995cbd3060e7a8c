using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Rows;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>
/// The EF Core implementation of every store port. Writes run in one transaction each; a transaction that
/// meets a busy SQLite database (or a PostgreSQL serialization failure) is rolled back and run again here,
/// so callers never see those errors.
/// </summary>
internal sealed partial class EfAfterSalesStore : IDisputeStore, IOrderStore, IDeadlineQueue, IOutboxStore, IWebhookStore, IScorecardReader
{
    private const int MaxAttempts = 40;

    private readonly AfterSalesDbContext _db;
    private readonly TimelineCache _timelines;
    private readonly WriteGate _gate;

    // The summary row of each dispute this scope loaded, as stored at the version it was loaded at: a save
    // sets only the columns that changed without replaying the timeline to find the row before.
    private readonly Dictionary<Dispute, (int Version, DisputeRow Row)> _loaded = new(ReferenceEqualityComparer.Instance);

    public EfAfterSalesStore(AfterSalesDbContext db, TimelineCache timelines, WriteGate gate)
    {
        _db = db;
        _timelines = timelines;
        _gate = gate;
    }

    /// <summary>Runs <paramref name="work"/> in a transaction, retrying it whole when the database is busy.</summary>
    private async Task<T> InTransactionAsync<T>(Func<Task<T>> work, CancellationToken cancellationToken)
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

    private Task InTransactionAsync(Func<Task> work, CancellationToken cancellationToken) =>
        InTransactionAsync(async () =>
        {
            await work().ConfigureAwait(false);
            return true;
        }, cancellationToken);

    /// <summary>
    /// Opens the connection for the rest of the scope: a command loads a dispute and then saves it, and every
    /// open of a pooled SQLite connection costs its pragmas and EF's SQL functions, registered again each time.
    /// The context closes it when the scope ends.
    /// </summary>
    private async Task KeepConnectionOpenAsync(CancellationToken cancellationToken)
    {
        if (_db.Database.GetDbConnection().State != System.Data.ConnectionState.Open)
        {
            await _db.Database.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
    }

    private static TimeSpan RetryDelay(int attempt) =>
        TimeSpan.FromMilliseconds(Math.Min(200, 2 << Math.Min(attempt, 7)) * (0.5 + (Random.Shared.NextDouble() / 2)));
}
