// A marketplace embedding the engine: SQLite in a temporary file, a simulated clock, and two stories told
// end to end with deadlines firing on simulated time. Each timeline is printed as a table.
using System.Globalization;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Calendars;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

var folder = Directory.CreateTempSubdirectory("embedded-marketplace").FullName;
var clock = new SimulatedClock(new DateTimeOffset(2026, 11, 2, 1, 0, 0, TimeSpan.Zero));
var services = new ServiceCollection().AddLogging();
services.AddAfterSalesDisputes(o =>
{
    o.UseSqlite($"Data Source={Path.Combine(folder, "marketplace.db")}");
    o.UseRefundGateway<PrintingRefundGateway>();
    o.Options.RunWorkers = false; // this program runs the workers' rounds itself, on simulated time
    o.Policies
        .AddRegion(JurisdictionPacks.China, new BusinessCalendar("CN", TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")))
        .AddStore(new StorePolicy("store-flagship", "v1", StoreType.OfficialFlagship))
        .AddWarranty(new BrandWarranty("Linkwave", "w1", new Dictionary<string, int> { ["CN"] = 24 }, 12, BrandWarranty.StandardExclusions,
            ProofOfPurchaseRequired: true, ServiceCenterId: "sc-shenzhen"));
});
services.Replace(ServiceDescriptor.Singleton<TimeProvider>(clock));
await using var provider = services.BuildServiceProvider();
await provider.MigrateAfterSalesDatabaseAsync();

async Task<T> Send<T>(IRequest<T> request)
{
    await using var scope = provider.CreateAsyncScope();
    return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(request);
}

async Task Do(IRequest<DisputeCommandResult> command)
{
    var result = await Send(command);
    if (result.Status != CommandStatus.Succeeded)
    {
        throw new InvalidOperationException($"{command.GetType().Name}: {result.Status} {result.Refusal?.Message}");
    }
}

async Task Later(TimeSpan time)
{
    clock.Advance(time);
    await provider.GetRequiredService<DeadlineRunner>().RunOnceAsync(CancellationToken.None);
    await provider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(CancellationToken.None);
}

Amount Yuan(decimal value) => Amount.FromMajor(value, Currency.CNY);
Order Order(string id) => new(id, "buyer-ana", "store-flagship", "CN", Currency.CNY,
    [new OrderLine("line-1", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, Yuan(399), 1, Yuan(399), "LW3000-77821", "Linkwave")],
    Yuan(10), clock.GetUtcNow().AddDays(-4), clock.GetUtcNow().AddDays(-3), clock.GetUtcNow().AddDays(-1), DateOnly.FromDateTime(clock.GetUtcNow().AddDays(-4).UtcDateTime));

// Story 1: a no-reason return at the flagship store; the store stays silent twice.
await Send(new RegisterOrder(Order("order-1")));
await Do(new OpenDispute("order-1", new OpenDisputeRequest("return-1", "buyer-ana", "line-1", RequestKind.ReturnAndRefund, RequestReason.NoReason,
    "Changed my mind", Yuan(399), Condition: ConditionIssue.OpenedForInspection)));
await Later(TimeSpan.FromDays(5));                 // no answer: approved automatically
await Do(new TakeDisputeAction("return-1", Actor.Buyer("buyer-ana"), DisputeAction.ShipReturn, new ShipmentDetails("SF Express", "SF1400228811")));
await Later(TimeSpan.FromDays(10));                // receipt not confirmed: refunded automatically
await Later(TimeSpan.FromMinutes(1));              // the refund gateway's answer is recorded
Print("No-reason return, store silent twice", (await Send(new GetDispute("return-1")))!);

// Story 2: a warranty repair of the same model. The platform stored the buyer's invoice when she uploaded it, and
// records it here; the request names it by id, and the engine checks it is hers.
await Send(new RegisterOrder(Order("order-2")));
await using (var scope = provider.CreateAsyncScope())
{
    await scope.ServiceProvider.GetRequiredService<IEvidenceStore>().AddAsync(new EvidenceFile("invoice-2", null, Party.Buyer, "buyer-ana",
        "invoice.pdf", "application/pdf", 18_204, "9f2c5e0d7b1a4c3e8f6d2b0a1c9e7f5d3b1a0c8e6f4d2b0a9c7e5f3d1b0a8c6e", clock.GetUtcNow()), CancellationToken.None);
}

await Do(new OpenDispute("order-2", new OpenDisputeRequest("repair-1", "buyer-ana", "line-1", RequestKind.Repair, RequestReason.Defective,
    "Wi-Fi drops", Repair: new RepairApplication("AX3000", "LW3000-77821", "wifi-drops", "Wi-Fi drops every few minutes", "invoice-2", []))));
await Later(TimeSpan.FromHours(3));
await Do(new TakeDisputeAction("repair-1", Actor.Seller("store-flagship"), DisputeAction.Approve));
await Do(new TakeDisputeAction("repair-1", Actor.Buyer("buyer-ana"), DisputeAction.ShipDevice, new ShipmentDetails("SF Express", "SF7000111")));
await Later(TimeSpan.FromDays(2));
await Do(new TakeDisputeAction("repair-1", Actor.ServiceCenter("sc-shenzhen"), DisputeAction.ReceiveDevice));
await Do(new TakeDisputeAction("repair-1", Actor.ServiceCenter("sc-shenzhen"), DisputeAction.Diagnose, new Diagnosis(true, "Faulty Wi-Fi module")));
await Later(TimeSpan.FromDays(1));
await Do(new TakeDisputeAction("repair-1", Actor.ServiceCenter("sc-shenzhen"), DisputeAction.CompleteRepair, new RepairReport(RepairResult.Repaired, "Replaced the Wi-Fi module")));
await Do(new TakeDisputeAction("repair-1", Actor.ServiceCenter("sc-shenzhen"), DisputeAction.ShipDeviceBack, new ShipmentDetails("SF Express", "SF7000999")));
await Later(TimeSpan.FromDays(10));                // the buyer does not confirm: confirmed automatically
Print("Warranty repair", (await Send(new GetDispute("repair-1")))!);

Directory.Delete(folder, recursive: true);
return 0;

static void Print(string title, Dispute dispute)
{
    Console.WriteLine();
    Console.WriteLine($"{title}: {dispute.Id} ({dispute.FlowId} v{dispute.FlowVersion}), now {dispute.State}");
    Console.WriteLine($"{"#",2}  {"when (UTC)",-16}  {"who",-13}  {"action",-20}  {"from",-28}  to");
    foreach (var e in dispute.Timeline)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{e.Sequence,2}  {e.At.UtcDateTime:yyyy-MM-dd HH:mm}  {e.Party,-13}  {e.Action,-20}  {(e.Sequence == 1 ? "-" : e.From.ToString()),-28}  {e.To}"));
    }
}

/// <summary>The platform's clock in this simulation: it moves only when the story says so.</summary>
internal sealed class SimulatedClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan time) => _now += time;
}

/// <summary>The platform's payment side in this simulation: pays at once and says so.</summary>
internal sealed class PrintingRefundGateway : IRefundGateway
{
    public Task<RefundOutcome> RefundAsync(RefundOrder refund, CancellationToken cancellationToken)
    {
        Console.WriteLine($"refund gateway: paid {refund.Amount} for {refund.DisputeId} (refund id {refund.RefundId})");
        return Task.FromResult(RefundOutcome.Paid("pay-" + refund.RefundId));
    }
}
