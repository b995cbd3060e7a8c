using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Orders;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Disputes.EntityFrameworkCore.Store;

/// <content>Registered orders.</content>
internal sealed partial class EfAfterSalesStore
{
    public async Task<OrderRegistration> RegisterAsync(Order order, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(order);
        var row = Mapping.ToRow(order);
        try
        {
            return await InTransactionAsync(async () =>
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

    async Task<Order?> IOrderStore.FindAsync(string orderId, CancellationToken cancellationToken)
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
