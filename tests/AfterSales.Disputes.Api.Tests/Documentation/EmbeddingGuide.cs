using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore;
using AfterSales.Disputes.Policies;
using MediatR;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Api.Tests.Documentation;

/// <summary>
/// The README's embedding snippet, compiled here: the text between the region markers is what the README shows
/// (<see cref="ReadmeTests"/> fails when they differ), so the guide cannot drift from the API.
/// </summary>
internal static class EmbeddingGuide
{
    public static async Task<DisputeCommandResult> EmbedAsync(IServiceCollection services, string dataFolder, string disputeId, string storeId)
    {
        var chinaCalendar = new BusinessCalendar("CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"));
        var brandWarranty = new BrandWarranty("Linkwave", "w1", new Dictionary<string, int> { ["CN"] = 24 }, 12, BrandWarranty.StandardExclusions,
            ProofOfPurchaseRequired: true, ServiceCenterId: "sc-shenzhen");

        #region embedding
        services.AddAfterSalesDisputes(o =>
        {
            o.UseSqlite($"Data Source={dataFolder}/aftersales.db");   // or o.UsePostgres(connectionString)
            o.UseRefundGateway<MyPaymentsRefundGateway>();           // your IRefundGateway
            o.Policies
                .AddRegion(JurisdictionPacks.China, chinaCalendar)
                .AddStore(new StorePolicy("store-1", "v1", StoreType.OfficialFlagship))
                .AddWarranty(brandWarranty);
        });
        await using var provider = services.BuildServiceProvider();
        await provider.MigrateAfterSalesDatabaseAsync();             // applies the migrations at start

        var mediator = provider.GetRequiredService<IMediator>();
        var result = await mediator.Send(new TakeDisputeAction(disputeId, Actor.Seller(storeId), DisputeAction.Approve) { ExpectedVersion = 3 });
        #endregion

        return result;
    }

    /// <summary>Stands for the platform's payments service in the snippet.</summary>
    private sealed class MyPaymentsRefundGateway : IRefundGateway
    {
        public Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken) =>
            Task.FromResult(RefundOutcome.Paid("pay-" + refund.RefundId));
    }
}
