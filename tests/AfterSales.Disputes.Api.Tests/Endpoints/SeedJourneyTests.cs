using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
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
        var wrongSerial = new RepairApplication("AX3000", "SN-9", "wifi-drops", "Wi-Fi drops", "invoice-1", []);
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
}
