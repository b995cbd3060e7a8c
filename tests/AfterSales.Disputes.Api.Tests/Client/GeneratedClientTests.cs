using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Client;

namespace AfterSales.Disputes.Api.Tests.Client;

/// <summary>
/// The C# client generated from the committed OpenAPI document (samples/AfterSales.Disputes.Client) drives a
/// whole story as an integrator would write it: only the client's models and methods, no hand-written HTTP.
/// </summary>
public sealed class GeneratedClientTests(ApiFactory api) : IClassFixture<ApiFactory>
{
    private const string Buyer = World.Ana;
    private const string Store = World.Flagship;

    /// <summary>
    /// The platform registers an order; the buyer asks to return a faulty router; the seller rejects; the buyer
    /// escalates with a photo, the seller answers with a bench log; the arbitrator rules a partial refund; both
    /// accept, the refund is paid, the buyer rates; the timeline reads back with each event's details as its kind.
    /// </summary>
    [Fact]
    public async Task AGeneratedClient_TakesACaseFromOrderToRating()
    {
        var platform = Client(Roles.Platform, "platform");
        var buyer = Client(Roles.Buyer, Buyer);
        var seller = Client(Roles.Seller, Store);
        var arbitrator = Client(Roles.Arbitrator, "arb-kim");

        await platform.Orders_RegisterAsync(null, Router("o-client"));
        var opened = await buyer.Disputes_OpenAsync(Guid.NewGuid().ToString(), new OpenDisputeBody
        {
            OrderId = "o-client", LineId = "line-1", Kind = RequestKind.ReturnAndRefund, Reason = RequestReason.Defective,
            Description = "Reboots every hour", RequestedRefund = new Amount { MinorUnits = 39900, Currency = "CNY" },
        });
        opened.State.Should().Be(DisputeState.AwaitingSellerResponse);

        var rejected = await seller.Dispute_RejectAsync(opened.Id, opened.ETag(), null, new RejectionReason { ReasonCode = "no-fault-found" });
        var escalated = await buyer.Dispute_EscalationAsync(opened.Id, rejected.ETag(), null, new EscalationRequest { Reason = "It still reboots" });
        escalated.State.Should().Be(DisputeState.CollectingEvidence);

        var photo = await buyer.Evidence_UploadAsync(opened.Id, null, File([0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "reboot.jpg", "image/jpeg"));
        var log = await seller.Evidence_UploadAsync(opened.Id, null, File("%PDF-1.7 bench log"u8.ToArray(), "bench.pdf", "application/pdf"));
        var evidenced = await buyer.Dispute_EvidenceAsync(opened.Id, escalated.ETag(), null, new EvidenceSubmission { Statement = "Video stills", EvidenceIds = [photo.Id] });
        evidenced = await seller.Dispute_EvidenceAsync(opened.Id, evidenced.ETag(), null, new EvidenceSubmission { Statement = "Bench test", EvidenceIds = [log.Id] });
        evidenced.State.Should().Be(DisputeState.AwaitingRuling);

        var assigned = await arbitrator.Dispute_AssignmentAsync(opened.Id, evidenced.ETag(), null);
        // Only the outcome, the amount and the rationale: who pays the return postage is left to its default (the seller).
        var ruled = await arbitrator.Dispute_RulingAsync(opened.Id, assigned.ETag(), null, new RulingTerms
        {
            Outcome = RulingOutcome.PartialRefund, Refund = new Amount { MinorUnits = 12000, Currency = "CNY" }, Rationale = "Intermittent fault on video",
        });
        ruled.State.Should().Be(DisputeState.RulingIssued);

        var stale = await FluentActions.Awaiting(() => buyer.Dispute_RulingAcceptAsync(opened.Id, assigned.ETag(), null))
            .Should().ThrowAsync<ApiException<ProblemDetails>>();
        stale.Which.StatusCode.Should().Be(412);
        stale.Which.Result.CurrentVersion.Should().Be(ruled.Version);

        var accepted = await buyer.Dispute_RulingAcceptAsync(opened.Id, ruled.ETag(), null);
        (await seller.Dispute_RulingAcceptAsync(opened.Id, accepted.ETag(), null)).State.Should().Be(DisputeState.Refunding);
        var closed = await UntilAsync(buyer, opened.Id, DisputeState.Closed);
        closed.Refund.Status.Should().Be(RefundStatus.Succeeded);
        closed.Refund.Amount.MinorUnits.Should().Be(12000);
        var rated = await buyer.Dispute_RatingAsync(opened.Id, closed.ETag(), null, new RatingInput { Stars = 4, Comment = "Fair in the end" });
        rated.AllowedActions.Should().BeEmpty();

        var refused = await FluentActions.Awaiting(() => seller.Dispute_ApproveAsync(opened.Id, rated.ETag(), null))
            .Should().ThrowAsync<ApiException<ProblemDetails>>();
        refused.Which.StatusCode.Should().Be(409);
        refused.Which.Result.Code.Should().Be(ProblemDetailsCode.NotAllowed);

        var timeline = await seller.Disputes_TimelineAsync(opened.Id);
        timeline.Select(e => e.Action).Should().ContainInOrder(
            DisputeAction.Open, DisputeAction.Reject, DisputeAction.Escalate, DisputeAction.SubmitEvidence, DisputeAction.SubmitEvidence,
            DisputeAction.AssignArbitrator, DisputeAction.Rule, DisputeAction.RecordRefundSuccess, DisputeAction.Rate);
        timeline.First().Data.Should().BeOfType<DisputeOpenedEvent>().Which.Request.Description.Should().Be("Reboots every hour");
        timeline.Single(e => e.Action == DisputeAction.Rule).Data.Should().BeOfType<RulingTermsEvent>()
            .Which.ReturnShippingPayer.Should().Be(ShippingPayer.Seller, "a member the client left at its default is the host's default");
        timeline.Single(e => e.Action == DisputeAction.AssignArbitrator).Data.Should().BeNull("an action without details has no data");
    }

    private AfterSalesApiClient Client(string role, string party)
    {
        var http = api.CreateClient();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", api.Token(role, party));
        return new AfterSalesApiClient(http);
    }

    private static FileParameter File(byte[] content, string name, string type) => new(new MemoryStream(content), name, type);

    private static async Task<DisputeResponse> UntilAsync(AfterSalesApiClient client, string disputeId, DisputeState state)
    {
        for (var attempt = 0; ; attempt++)
        {
            var dispute = await client.Disputes_GetAsync(disputeId);
            if (dispute.State == state || attempt >= 150)
            {
                dispute.State.Should().Be(state, "the host's worker pays refunds within seconds");
                return dispute;
            }

            await Task.Delay(100);
        }
    }

    private static Order Router(string orderId)
    {
        var delivered = DateTimeOffset.UtcNow.AddDays(-2);
        return new Order
        {
            OrderId = orderId, BuyerId = Buyer, StoreId = Store, Region = "CN", Currency = "CNY",
            Lines =
            [
                new OrderLine
                {
                    LineId = "line-1", Sku = "LW-AX3000", Title = "Linkwave AX3000 router", Categories = "Electronics", Quantity = 1,
                    UnitPrice = new Amount { MinorUnits = 39900, Currency = "CNY" }, Paid = new Amount { MinorUnits = 39900, Currency = "CNY" },
                    SerialNumber = "SN-1", Brand = "Linkwave",
                },
            ],
            ShippingPaid = new Amount { MinorUnits = 1000, Currency = "CNY" },
            PlacedAt = delivered.AddDays(-3), ShippedAt = delivered.AddDays(-2), DeliveredAt = delivered,
            InvoiceDate = DateOnly.FromDateTime(delivered.AddDays(-3).UtcDateTime),
        };
    }
}
