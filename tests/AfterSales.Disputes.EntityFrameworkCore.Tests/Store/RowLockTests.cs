using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

/// <summary>
/// On PostgreSQL the stores' claims are plain LINQ tagged for a lock, and the provider adds the locking clause:
/// a row another host's transaction holds is passed over, not claimed twice and not waited for.
/// </summary>
public class RowLockTests
{
    [SkippableFact]
    public async Task AClaimOnPostgres_PassesOverTheRowsAnotherTransactionHolds()
    {
        await using var host = await TestHost.StartAsync("postgres");
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        host.Clock.Advance(TimeSpan.FromDays(6));
        var now = host.Clock.GetUtcNow();

        await using var otherHost = new NpgsqlConnection(((PostgresTestDatabase)host.Database).ConnectionString);
        await otherHost.OpenAsync();
        await using (var holding = await otherHost.BeginTransactionAsync())
        {
            await using (var hold = new NpgsqlCommand("SELECT * FROM \"Deadlines\" FOR UPDATE", otherHost, holding))
            {
                await hold.ExecuteNonQueryAsync();
            }

            // Without SKIP LOCKED the claim would read the row and then wait on it to set the lease: it would not return.
            var whileHeld = await ClaimAsync(host, now).WaitAsync(TimeSpan.FromSeconds(20));
            whileHeld.Should().BeEmpty();
            await holding.RollbackAsync();
        }

        (await ClaimAsync(host, now)).Select(d => d.DisputeId).Should().Equal("dispute-1");
    }

    private static async Task<IReadOnlyList<DueDeadline>> ClaimAsync(TestHost host, DateTimeOffset now)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<IDeadlineQueue>().ClaimDueAsync(now, 10, TimeSpan.FromMinutes(1), "worker-a", CancellationToken.None);
    }
}
