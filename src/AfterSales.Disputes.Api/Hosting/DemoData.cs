using System.Security.Cryptography;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using MediatR;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// The demo marketplace seeded in Development: a brand's flagship store and an authorised reseller, the
/// brand's warranty (see <see cref="DemoMarketplace"/>), four orders and disputes in several states —
/// waiting for the seller, escalated with evidence, a return on its way back to the reseller, and a repair waiting
/// for the device.
/// Seeding twice changes nothing.
/// </summary>
internal static class DemoData
{
    public const string Ana = "buyer-ana";
    public const string Ben = "buyer-ben";
    public const string Arbitrator = "arb-lee";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var mediator = scope.ServiceProvider.GetRequiredService<IMediator>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        if (await mediator.Send(new RegisterOrder(Router("ord-1001", Ana, DemoMarketplace.Flagship, now.AddDays(-2))), cancellationToken) != OrderRegistration.Registered)
        {
            return; // already seeded
        }

        await mediator.Send(new RegisterOrder(Router("ord-1002", Ana, DemoMarketplace.Flagship, now.AddDays(-3))), cancellationToken);
        await mediator.Send(new RegisterOrder(Router("ord-1003", Ben, DemoMarketplace.Reseller, now.AddDays(-4))), cancellationToken);
        await mediator.Send(new RegisterOrder(Router("ord-1004", Ben, DemoMarketplace.Flagship, now.AddMonths(-8))), cancellationToken);

        // Waiting for the flagship store: a no-reason return.
        await Open(mediator, "dsp_demo_return", "ord-1001", Ana, RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), cancellationToken);

        // Escalated: a quality claim the flagship store rejected; the buyer has submitted evidence.
        await Open(mediator, "dsp_demo_escalated", "ord-1002", Ana, RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_escalated", Actor.Seller(DemoMarketplace.Flagship), DisputeAction.Reject, new RejectionReason("no-fault-found", "Works on our bench")), cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_escalated", Actor.Buyer(Ana), DisputeAction.Escalate, new EscalationRequest("It reboots every hour")), cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_escalated", Actor.Buyer(Ana), DisputeAction.SubmitEvidence, new EvidenceSubmission("Three reboots in one afternoon", [])), cancellationToken);

        // On its way back: a defective router the reseller approved for return and Ben shipped; the reseller's receipt
        // report starts the refund (the development gateway pays it at once). A refund seeded here would be paid, and the
        // case closed, before the host is ready.
        await Open(mediator, "dsp_demo_refund", "ord-1003", Ben, RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399), cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_refund", Actor.Seller(DemoMarketplace.Reseller), DisputeAction.Approve), cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_refund", Actor.Buyer(Ben), DisputeAction.ShipReturn, new ShipmentDetails("SF Express", "SF1003")), cancellationToken);

        // A warranty repair waiting for the device, with the invoice Ben uploaded before applying.
        var invoice = await UploadInvoiceAsync(scope.ServiceProvider, Ben, now, cancellationToken);
        await mediator.Send(new OpenDispute("ord-1004", new OpenDisputeRequest("dsp_demo_repair", Ben, "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops every few minutes", Repair: new RepairApplication("AX3000", "LW3000-77821", "wifi-drops", "Wi-Fi drops every few minutes", invoice, []))),
            cancellationToken);
        await mediator.Send(new TakeDisputeAction("dsp_demo_repair", Actor.Seller(DemoMarketplace.Flagship), DisputeAction.Approve), cancellationToken);
    }

    // A one-page PDF stored as the buyer's upload would be: its bytes under its id, recorded with its hash.
    private static async Task<string> UploadInvoiceAsync(IServiceProvider services, string buyer, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string id = "ev_demo_invoice_ord1004";
        var content = "%PDF-1.4\n% Linkwave store invoice for order ord-1004: AX3000 router, 399.00 CNY\n%%EOF\n"u8.ToArray();
        using (var bytes = new MemoryStream(content))
        {
            await services.GetRequiredService<IEvidenceContent>().SaveAsync(id, bytes, cancellationToken);
        }

        await services.GetRequiredService<IEvidenceStore>().AddAsync(new EvidenceFile(id, null, Party.Buyer, buyer, "invoice-ord-1004.pdf", "application/pdf",
            content.Length, Convert.ToHexStringLower(SHA256.HashData(content)), now), cancellationToken);
        return id;
    }

    private static Task Open(IMediator mediator, string id, string orderId, string buyer, RequestKind kind, RequestReason reason, Amount refund, CancellationToken cancellationToken) =>
        mediator.Send(new OpenDispute(orderId, new OpenDisputeRequest(id, buyer, "line-1", kind, reason, $"Demo: {reason}", refund, IncludedLineIds: [])), cancellationToken);

    private static Amount Yuan(decimal value) => Amount.FromMajor(value, Currency.CNY);

    private static Order Router(string orderId, string buyer, string store, DateTimeOffset delivered) => new(
        orderId, buyer, store, "CN", Currency.CNY,
        [
            new OrderLine("line-1", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, Yuan(399), 1, Yuan(399),
                SerialNumber: "LW3000-77821", Brand: "Linkwave"),
            new OrderLine("line-2", "LW-CAT6", "Network cable", ItemCategory.None, Yuan(20), 2, Yuan(40)),
        ],
        ShippingPaid: Yuan(10),
        PlacedAt: delivered.AddDays(-3),
        ShippedAt: delivered.AddDays(-2),
        DeliveredAt: delivered,
        InvoiceDate: DateOnly.FromDateTime(delivered.AddDays(-3).UtcDateTime));
}
