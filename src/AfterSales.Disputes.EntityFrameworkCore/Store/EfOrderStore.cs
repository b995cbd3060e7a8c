using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Orders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <summary>Registered orders: registering the same order again is answered, a different one under its id refused.</summary>
internal sealed class EfOrderStore : IOrderStore
{
    private readonly AfterSalesDbContext _db;
    private readonly StoreTransactions _transactions;

    public EfOrderStore(AfterSalesDbContext db, StoreTransactions transactions)
    {
        _db = db;
        _transactions = transactions;
    }

    public async Task<OrderRegistration> RegisterAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var row = Mapping.ToRow(order);
        try
        {
            return await _transactions.RunAsync(async () =>
            {
                if (await CompareWithRegisteredAsync(row, cancellationToken).ConfigureAwait(false) is { } known)
                {
                    return known;
                }

                _db.Orders.Add(row);
                await _db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
                return OrderRegistration.Registered;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException exception) when (_db.IsUniqueViolation(exception))
        {
            // Registered concurrently by another request: compare with what won.
            _db.ChangeTracker.Clear();
            return await CompareWithRegisteredAsync(row, cancellationToken).ConfigureAwait(false) ?? OrderRegistration.ConflictsWithRegistered;
        }
    }

    public async Task<Order?> FindAsync(string orderId, CancellationToken cancellationToken)
    {
        var row = await _db.Orders.AsNoTracking().Include(o => o.Lines).FirstOrDefaultAsync(o => o.OrderId == orderId, cancellationToken).ConfigureAwait(false);
        return row is null ? null : Mapping.ToOrder(row);
    }

    private async Task<OrderRegistration?> CompareWithRegisteredAsync(Rows.OrderRow row, CancellationToken cancellationToken)
    {
        var registered = await _db.Orders.AsNoTracking().Where(o => o.OrderId == row.OrderId).Select(o => o.Fingerprint)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        return registered is null ? null
            : registered == row.Fingerprint ? OrderRegistration.AlreadyRegistered
            : OrderRegistration.ConflictsWithRegistered;
    }
}
