using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>The steps the seed journeys rely on, over HTTP: what the Tmall flagship buyer and the TP-Link customer do.</summary>
public class SeedJourneyTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public SeedJourneyTests(ApiFactory api) => _api = api;

    [Fact]
    public async Task AFlagshipStore_ExchangesWithoutAReason_TheBuyerPayingReturnShipping()
    {
        var opened = await OpenAsync(_api, "o-nr-exchange", kind: RequestKind.Exchange, reason: RequestReason.NoReason);
        opened.Eligibility.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        opened.Eligibility.Windows.Should().ContainSingle(w => w.Name.StartsWith("no-reason exchange", StringComparison.Ordinal));

        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-NR-1"));
        var received = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "receipt", new ConditionReport(ConditionIssue.None, []));
        received.State.Should().Be(DisputeState.AwaitingReplacementShipment);
        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "replacement-shipment", new ShipmentDetails("SF Express", "SF-NR-2"));
        var closed = await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "replacement/confirm");

        closed.Closure.Should().Be(ClosureReason.Exchanged);
        closed.Refund.Should().BeNull();
    }

    /// <summary>
    /// Ana bought the black router at the Tmall-style flagship store and wants the white one instead, without a
    /// reason (七天无理由换货). The store exchanges it; she pays her own return postage, the white one is sent, and the
    /// 20 yuan it costs less comes back to her.
    /// </summary>
    [Fact]
    public async Task AFlagshipNoReasonExchangeToAnotherColour_SendsTheWhiteOne_AndRefundsTheDifference()
    {
        var white = new ProductVariant("LW-AX3000-W", "white", Yuan(379));
        await RegisterAsync(_api, Router("o-white"));
        using var ana = _api.As(Roles.Buyer, Ana);
        var opened = await OpenAsync(ana, new OpenDisputeBody("o-white", "line-1", RequestKind.Exchange, RequestReason.NoReason,
            "I would rather have the white one", Variant: white));
        opened.ExchangeVariant.Should().Be(white);
        opened.PriceDifference.Should().Be(Yuan(-20));
        opened.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);

        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-BLACK", Postage: Yuan(12)));
        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "receipt", new ConditionReport(ConditionIssue.OpenedForInspection, []));
        var sent = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "replacement-shipment", new ShipmentDetails("SF Express", "SF-WHITE"));
        sent.Shipments.Single(s => s.Purpose == ShipmentPurpose.Replacement).Variant.Should().Be(white);
        var confirmed = await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "replacement/confirm");
        confirmed.State.Should().Be(DisputeState.Refunding);
        var closed = await WaitForAsync(_api, Ana, opened.Id, DisputeState.Closed);

        closed.Refund!.Should().BeEquivalentTo(new { Amount = Yuan(20), Status = RefundStatus.Succeeded, ReturnPostage = (Amount?)null },
            "the buyer pays her own postage for a no-reason exchange");
        using var seller = _api.As(Roles.Seller, Flagship);
        var timeline = await seller.GetFromJsonAsync<List<DisputeEvent>>($"/api/v1/disputes/{opened.Id}/timeline", ApiJson.Options);
        timeline![0].Data.Should().BeOfType<DisputeOpened>().Which.Request.Variant.Should().Be(white);
        timeline.Select(e => e.Action).Should().ContainInOrder(DisputeAction.ShipReplacement, DisputeAction.ConfirmReplacement, DisputeAction.RecordRefundSuccess);
    }

    [Fact]
    public async Task AnExchangeForADearerVariant_ChargesTheDifference_BeforeTheReplacementShips()
    {
        var pro = new ProductVariant("LW-AX6000", "AX6000", Yuan(599));
        await RegisterAsync(_api, Router("o-dearer"));
        using var ana = _api.As(Roles.Buyer, Ana);
        var opened = await OpenAsync(ana, new OpenDisputeBody("o-dearer", "line-1", RequestKind.Exchange, RequestReason.NoReason,
            "The pro one, I pay the difference", Variant: pro));
        opened.PriceDifference.Should().Be(Yuan(200));

        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-AX3000"));
        var received = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "receipt", new ConditionReport(ConditionIssue.None, []));
        received.State.Should().Be(DisputeState.ChargingBuyer);
        var charged = await WaitForAsync(_api, Ana, opened.Id, DisputeState.AwaitingReplacementShipment);

        charged.Charges.Should().ContainSingle().Which.Should().BeEquivalentTo(new { Amount = Yuan(200), Status = ChargeStatus.Succeeded });
        charged.ExchangeVariant.Should().Be(pro);
    }

    [Fact]
    public async Task AStoreWithoutNoReasonExchanges_RefusesOne_With422_AndOpensNothing()
    {
        await RegisterAsync(_api, Router("o-nr-reseller", Ben, Reseller));
        using var buyer = _api.As(Roles.Buyer, Ben);

        var response = await buyer.PostJsonAsync("/api/v1/disputes",
            new OpenDisputeBody("o-nr-reseller", "line-1", RequestKind.Exchange, RequestReason.NoReason, "Changed my mind"));

        response.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        problem.GetProperty("detail").GetString().Should().Contain($"Store {Reseller} takes goods back without a reason for a refund, not for an exchange");
        (await buyer.GetStringAsync("/api/v1/disputes")).Should().NotContain("o-nr-reseller");
    }

    [Fact]
    public async Task ARepairWithAnotherSerialNumber_IsRefusedByTheFlagship_AndFlaggedForTheReseller()
    {
        var wrongSerial = new RepairApplication("AX3000", "SN-9", "wifi-drops", "Wi-Fi drops", null, []);
        await RegisterAsync(_api, Router("o-serial-refused"));
        using var ana = _api.As(Roles.Buyer, Ana);

        var preview = await ana.GetFromJsonAsync<EligibilityDecision>(
            "/api/v1/orders/o-serial-refused/eligibility?lineId=line-1&kind=Repair&reason=Defective&proofOfPurchase=true&serialNumber=SN-9", ApiJson.Options);
        var refused = await ana.PostJsonAsync("/api/v1/disputes",
            new OpenDisputeBody("o-serial-refused", "line-1", RequestKind.Repair, RequestReason.Defective, "Wi-Fi drops", Repair: wrongSerial));
        var flagged = await OpenAsync(_api, "o-serial-flagged", Ben, Reseller, RequestKind.Repair, repair: wrongSerial);
        var sellerView = await GetAsync(_api, Roles.Seller, Reseller, flagged.Id);

        preview!.Failures.Should().ContainSingle().Which.Rule.Should().Be("serial-number");
        refused.StatusCode.Should().Be(HttpStatusCode.UnprocessableEntity);
        (await refused.Content.ReadAsStringAsync()).Should().Contain("Serial number SN-9 is not the one recorded for line line-1");
        sellerView.Eligibility.Flags.Should().ContainSingle().Which.Rule.Should().Be("serial-number");
    }

    /// <summary>
    /// Ana bought three mice (a free mouse pad with each) and a keyboard. She sends back two mice and the keyboard
    /// in one request; the seller receives one mouse, one pad and the keyboard; she accepts the refund of what came
    /// back, and the third mouse stays free for a request of its own.
    /// </summary>
    [Fact]
    public async Task ATwoLinePartialReturnWithAGift_IsRefundedForWhatCameBack_AndHoldsOnlyItsUnits()
    {
        await RegisterAsync(_api, Peripherals("o-two-lines"));
        using var ana = _api.As(Roles.Buyer, Ana);
        var opened = await OpenAsync(ana, new OpenDisputeBody("o-two-lines", "line-mouse", RequestKind.ReturnAndRefund,
            RequestReason.Defective, "Two mice double-click, the keyboard misses keys", Yuan(400), IncludedLineIds: ["line-pad"], Quantity: 2,
            OtherLines: [new RequestedLine("line-keyboard", 1)]));
        opened.Lines.Should().Equal(new DisputedLine("line-mouse", 2, Yuan(200), UnitPrice: Yuan(100)),
            new DisputedLine("line-keyboard", 1, Yuan(200), UnitPrice: Yuan(200)), new DisputedLine("line-pad", 2, Yuan(0), "line-mouse", Yuan(0)));
        opened.RefundableMaximum.Should().Be(Yuan(400));

        var twoMore = await ana.PostJsonAsync("/api/v1/disputes", new OpenDisputeBody("o-two-lines", "line-mouse", RequestKind.ReturnAndRefund,
            RequestReason.Defective, "And the others", Yuan(100), IncludedLineIds: ["line-pad"], Quantity: 2));
        twoMore.StatusCode.Should().Be(HttpStatusCode.Conflict);
        (await twoMore.Content.ReadAsStringAsync()).Should().Contain("Only 1 of the units of line line-mouse are free");

        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-2L"));
        var received = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "receipt", new ConditionReport(ConditionIssue.None, [],
            Received: [new RequestedLine("line-mouse", 1), new RequestedLine("line-keyboard", 1), new RequestedLine("line-pad", 1)]));
        received.State.Should().Be(DisputeState.ItemProblemReported);
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "problem-report/accept");
        var closed = await WaitForAsync(_api, Ana, opened.Id, DisputeState.Closed);

        closed.Refund!.Amount.Should().Be(Yuan(300));
        closed.Refund.Lines.Should().Equal(new RefundLine("line-mouse", 1, Yuan(100)), new RefundLine("line-keyboard", 1, Yuan(200)),
            new RefundLine("line-pad", 1, Yuan(0)));
        var third = await OpenAsync(ana, new OpenDisputeBody("o-two-lines", "line-mouse", RequestKind.ReturnAndRefund,
            RequestReason.Defective, "The third one too", Yuan(100), IncludedLineIds: ["line-pad"], Quantity: 1));
        third.Lines[0].Should().Be(new DisputedLine("line-mouse", 1, Yuan(100), UnitPrice: Yuan(100)));
    }

    [Fact]
    public async Task AQuantityTheLineDoesNotHave_Is400_AndOpensNothing()
    {
        await RegisterAsync(_api, Peripherals("o-too-many"));
        using var ana = _api.As(Roles.Buyer, Ana);

        var response = await ana.PostJsonAsync("/api/v1/disputes", new OpenDisputeBody("o-too-many", "line-mouse", RequestKind.ReturnAndRefund,
            RequestReason.Defective, "Four mice?", Yuan(100), IncludedLineIds: ["line-pad"], Quantity: 4));

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("Line line-mouse has 3 unit(s): ask about 1 to 3.");
        (await ana.GetStringAsync("/api/v1/disputes")).Should().NotContain("o-too-many");
    }

    /// <summary>
    /// A TP-Link-style router bought with on-site service stops keeping its Wi-Fi up eight months on. Ben uploads his
    /// invoice and applies for a repair; the store approves; the service center proposes a morning, Ben asks for
    /// an evening, takes the next slot, and the technician repairs it at his home; Ben confirms it works.
    /// </summary>
    [Fact]
    public async Task ARouterWithOnSiteService_IsRepairedAtTheBuyersHome_AfterTheSlotIsAgreed()
    {
        await RegisterAsync(_api, Router("o-onsite", Ben, deliveredDaysAgo: 240, onSite: true));
        using var ben = _api.As(Roles.Buyer, Ben);
        var invoice = await UploadAttachmentAsync(ben, "%PDF-1.7 router invoice"u8.ToArray(), "invoice.pdf", "application/pdf");
        var opened = await OpenAsync(ben, new OpenDisputeBody("o-onsite", "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops every evening", Repair: new RepairApplication("AX3000", "SN-1", "wifi-drops", "Wi-Fi drops every evening", invoice.Id, [])));
        opened.OnSiteService.Should().BeTrue();

        var approved = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        approved.State.Should().Be(DisputeState.AwaitingVisitProposal);
        var morning = DateTimeOffset.UtcNow.Date.AddDays(2).AddHours(1);
        await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id, "visits", new VisitSlot(morning, morning.AddHours(3), "Technician Wang"));
        await ActAsync(_api, Roles.Buyer, Ben, opened.Id, "visit/other-slot", new OtherSlotRequest("I work days; any evening"));
        var evening = morning.AddHours(10);
        var proposed = await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id, "visits", new VisitSlot(evening, evening.AddHours(2)));
        proposed.AllowedActions.Should().Equal([DisputeAction.SendMessage], "the service center waits for the buyer's answer");
        (await GetAsync(_api, Roles.Buyer, Ben, opened.Id)).AllowedActions.Should().Contain([DisputeAction.AcceptVisit, DisputeAction.RequestOtherSlot]);
        var scheduled = await ActAsync(_api, Roles.Buyer, Ben, opened.Id, "visit/accept");
        scheduled.State.Should().Be(DisputeState.VisitScheduled);
        scheduled.Deadline!.DueAt.Should().Be(evening.AddHours(2).AddDays(1));
        var repaired = await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id, "visit/report",
            new VisitReport("Replaced the failing power adapter; Wi-Fi stable for 30 minutes", VisitOutcome.RepairedOnSite));
        repaired.State.Should().Be(DisputeState.AwaitingRepairConfirmation);
        var confirmed = await ActAsync(_api, Roles.Buyer, Ben, opened.Id, "repair/confirm");

        confirmed.State.Should().Be(DisputeState.RepairCompleted);
        confirmed.Repair!.Visits.Select(v => v.Status).Should().Equal(VisitStatus.OtherSlotAsked, VisitStatus.Visited);
        confirmed.Repair.Repairs.Should().ContainSingle().Which.Result.Should().Be(RepairResult.Repaired);
        using var seller = _api.As(Roles.Seller, Flagship);
        var timeline = await seller.GetFromJsonAsync<List<DisputeEvent>>($"/api/v1/disputes/{opened.Id}/timeline", ApiJson.Options);
        timeline!.Select(e => e.Action).Should().Equal(DisputeAction.Open, DisputeAction.Approve, DisputeAction.ProposeVisit, DisputeAction.RequestOtherSlot,
            DisputeAction.ProposeVisit, DisputeAction.AcceptVisit, DisputeAction.ReportVisit, DisputeAction.ConfirmRepair);
    }

    /// <summary>
    /// Water got into Ben's router: the warranty does not cover it, the service center quotes 180 yuan, Ben accepts,
    /// and the fee is charged through the platform's payment service (the development one here) before the repair.
    /// </summary>
    [Fact]
    public async Task AnAcceptedRepairFee_IsChargedThroughThePaymentService_BeforeTheRepair()
    {
        await RegisterAsync(_api, Router("o-fee", Ben, deliveredDaysAgo: 60));
        using var ben = _api.As(Roles.Buyer, Ben);
        var opened = await OpenAsync(ben, new OpenDisputeBody("o-fee", "line-1", RequestKind.Repair, RequestReason.Defective,
            "It stopped after a spill", FaultCause: FaultCause.LiquidDamage, Repair: new RepairApplication("AX3000", "SN-1", "no-power", "No power", null, [])));
        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ben, opened.Id, "device-shipment", new ShipmentDetails("SF Express", "SF-FEE"));
        await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id, "device/receive");
        await ActAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id, "diagnosis", new Diagnosis(false, "Corroded power board", Yuan(180), FaultCause.LiquidDamage));

        var accepted = await ActAsync(_api, Roles.Buyer, Ben, opened.Id, "quote/accept");
        accepted.State.Should().Be(DisputeState.ChargingBuyer);
        var repairing = await WaitForAsync(_api, Ben, opened.Id, DisputeState.Repairing);

        repairing.Charges.Should().ContainSingle().Which.Should().BeEquivalentTo(new
        {
            ChargeId = $"{opened.Id}-charge-1", Amount = Yuan(180), Status = ChargeStatus.Succeeded, PaymentReference = $"dev-{opened.Id}-charge-1",
        });
    }

    [Fact]
    public async Task AVisitSlotInThePast_Is400_AndTheCaseStaysAsItWas()
    {
        await RegisterAsync(_api, Router("o-onsite-past", Ben, deliveredDaysAgo: 240, onSite: true));
        using var ben = _api.As(Roles.Buyer, Ben);
        var opened = await OpenAsync(ben, new OpenDisputeBody("o-onsite-past", "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops", Repair: new RepairApplication("AX3000", "SN-1", "wifi-drops", "Wi-Fi drops", null, [])));
        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        using var center = _api.As(Roles.ServiceCenter, ServiceCenter);
        var before = await GetAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id);

        var response = await center.PostJsonAsync($"/api/v1/disputes/{opened.Id}/visits",
            new VisitSlot(DateTimeOffset.UtcNow.AddHours(-2), DateTimeOffset.UtcNow.AddHours(1)), $"\"{before.Version}\"");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await response.Content.ReadAsStringAsync()).Should().Contain("A visit slot starts at least an hour after it is proposed.");
        (await GetAsync(_api, Roles.ServiceCenter, ServiceCenter, opened.Id)).Version.Should().Be(before.Version);
    }

    [Fact]
    public async Task ANoReasonReturnSentWithTheStoresPrepaidLabel_HasTheLabelDeductedFromTheRefund()
    {
        var opened = await OpenAsync(_api, "o-label", reason: RequestReason.NoReason);
        await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "approve");
        await ActAsync(_api, Roles.Buyer, Ana, opened.Id, "return-shipment", new ShipmentDetails("SF Express", "SF-LABEL", Postage: Yuan(10), PrepaidLabel: true));
        var refunding = await ActAsync(_api, Roles.Seller, Flagship, opened.Id, "receipt", new ConditionReport(ConditionIssue.None, []));

        refunding.ReturnShippingPayer.Should().Be(ShippingPayer.Buyer);
        refunding.Refund!.Amount.Should().Be(Yuan(389));
        refunding.Refund.ReturnPostage.Should().Be(Yuan(-10));
        refunding.Refund.ItemPart.Should().Be(Yuan(399));
    }

    /// <summary>
    /// Before applying for a repair, Ana uploads her invoice; the application names it, the engine checks it is hers,
    /// and the opening event keeps its SHA-256. Ben's upload is not hers to name.
    /// </summary>
    [Fact]
    public async Task AnInvoiceUploadedBeforeTheRepairRequest_IsCheckedAndHashedIntoTheOpening()
    {
        await RegisterAsync(_api, Router("o-attach"));
        using var ana = _api.As(Roles.Buyer, Ana);
        using var ben = _api.As(Roles.Buyer, Ben);
        var invoice = await UploadAttachmentAsync(ana, "%PDF-1.7 Linkwave invoice"u8.ToArray(), "invoice.pdf", "application/pdf");
        var bens = await UploadAttachmentAsync(ben, [0xFF, 0xD8, 0xFF, 0xE0, 9, 9], "router.jpg", "image/jpeg");

        (await ana.GetAsync($"/api/v1/attachments/{invoice.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await ben.GetAsync($"/api/v1/attachments/{invoice.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        var refused = await ana.PostJsonAsync("/api/v1/disputes", new OpenDisputeBody("o-attach", "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops", Repair: new RepairApplication("AX3000", "SN-1", "wifi-drops", "Wi-Fi drops", invoice.Id, [bens.Id])));
        refused.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).Should().Contain($"File {bens.Id} is not one of your uploads");

        var opened = await OpenAsync(ana, new OpenDisputeBody("o-attach", "line-1", RequestKind.Repair, RequestReason.Defective,
            "Wi-Fi drops", Repair: new RepairApplication("AX3000", "SN-1", "wifi-drops", "Wi-Fi drops", invoice.Id, [])));
        using var seller = _api.As(Roles.Seller, Flagship);
        var timeline = await seller.GetFromJsonAsync<List<DisputeEvent>>($"/api/v1/disputes/{opened.Id}/timeline", ApiJson.Options);
        var files = await seller.GetFromJsonAsync<List<EvidenceFile>>($"/api/v1/disputes/{opened.Id}/evidence-files", ApiJson.Options);

        opened.Repair!.WarrantyCovered.Should().BeTrue();
        timeline![0].Data!.Files.Should().ContainSingle().Which.Should().Be(new AttachedFile(invoice.Id, invoice.Sha256, "application/pdf"));
        files!.Should().ContainSingle().Which.DisputeId.Should().Be(opened.Id);
        (await seller.GetAsync($"/api/v1/disputes/{opened.Id}/evidence-files/{invoice.Id}")).StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Fact]
    public async Task AnUploadNoRequestNamed_IsRemovedAfterItsLifetime()
    {
        using var ben = _api.As(Roles.Buyer, Ben);
        var unused = await UploadAttachmentAsync(ben, [0xFF, 0xD8, 0xFF, 0xE0, 7, 7], "spare.jpg", "image/jpeg");
        var options = _api.Services.GetRequiredService<ApiOptions>();
        var lifetime = options.Uploads.UnusedAttachmentLifetime;
        options.Uploads.UnusedAttachmentLifetime = TimeSpan.Zero;
        try
        {
            await Task.Delay(10);
            (await _api.Services.GetRequiredService<UnusedAttachmentSweeper>().SweepAsync(CancellationToken.None)).Should().BeGreaterThanOrEqualTo(1);
        }
        finally
        {
            options.Uploads.UnusedAttachmentLifetime = lifetime;
        }

        (await ben.GetAsync($"/api/v1/attachments/{unused.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
        await using var scope = _api.Services.CreateAsyncScope();
        (await scope.ServiceProvider.GetRequiredService<IEvidenceContent>().OpenAsync(unused.Id, CancellationToken.None)).Should().BeNull("its bytes went with it");
    }

    [Fact]
    public async Task OnlyBuyers_UploadBeforeARequest()
    {
        using var seller = _api.As(Roles.Seller, Flagship);

        var response = await seller.PostAsync("/api/v1/attachments", File([0xFF, 0xD8, 0xFF, 0xE0, 1], "x.jpg", "image/jpeg"));

        response.StatusCode.Should().Be(HttpStatusCode.Forbidden);
    }

    private static async Task<EvidenceFile> UploadAttachmentAsync(HttpClient client, byte[] content, string name, string type)
    {
        var response = await client.PostAsync("/api/v1/attachments", File(content, name, type));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        var file = (await response.ReadAsync<EvidenceFile>())!;
        file.DisputeId.Should().BeNull();
        response.Headers.Location!.ToString().Should().Be($"/api/v1/attachments/{file.Id}");
        return file;
    }

    private static MultipartFormDataContent File(byte[] content, string name, string type)
    {
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        return new MultipartFormDataContent { { file, "file", name } };
    }

}
