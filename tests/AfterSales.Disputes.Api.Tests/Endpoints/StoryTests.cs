using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class StoryTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public StoryTests(ApiFactory api) => _api = api;

    /// <summary>
    /// A quality return the seller rejects is escalated; both parties upload evidence; the arbitrator rules a
    /// partial refund, both accept it, the host's worker pays it through the gateway, and the buyer rates.
    /// </summary>
    [Fact]
    public async Task ARejectedReturn_IsEscalated_Evidenced_RuledAPartialRefund_Refunded_AndRated()
    {
        var dispute = await OpenAsync(_api, "o-story");
        await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "reject", new RejectionReason("no-fault-found"));
        await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "escalation", new EscalationRequest("It reboots"));

        var buyerPhoto = await UploadAsync(Roles.Buyer, Ana, dispute.Id, [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4], "reboot.jpg", "image/jpeg");
        var sellerLog = await UploadAsync(Roles.Seller, Flagship, dispute.Id, "%PDF-1.7 bench log"u8.ToArray(), "bench.pdf", "application/pdf");
        await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "evidence", new EvidenceSubmission("Video stills", [buyerPhoto.Id]));
        var afterEvidence = await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "evidence", new EvidenceSubmission("Bench test", [sellerLog.Id]));
        afterEvidence.State.Should().Be(DisputeState.AwaitingRuling, "the window ends early when both parties submitted");

        await ActAsync(_api, Roles.Arbitrator, "arb-lee", dispute.Id, "assignment");
        var ruled = await ActAsync(_api, Roles.Arbitrator, "arb-lee", dispute.Id, "ruling",
            new RulingTerms(RulingOutcome.PartialRefund, Yuan(120), "Intermittent fault", ShippingPayer.Seller, 3, "Rejected a real fault"));
        ruled.State.Should().Be(DisputeState.RulingIssued);
        await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "ruling/accept");
        var executed = await ActAsync(_api, Roles.Seller, Flagship, dispute.Id, "ruling/accept");
        executed.State.Should().Be(DisputeState.Refunding);

        var closed = await WaitForAsync(_api, Ana, dispute.Id, DisputeState.Closed);
        closed.Refund!.Should().BeEquivalentTo(new { Amount = Yuan(120), Status = RefundStatus.Succeeded });
        var rated = await ActAsync(_api, Roles.Buyer, Ana, dispute.Id, "rating", new RatingInput(4, "Fair in the end"));

        rated.Rating!.Stars.Should().Be(4);
        rated.AllowedActions.Should().BeEmpty();
        using var seller = _api.As(Roles.Seller, Flagship);
        var timeline = await seller.GetFromJsonAsync<List<DisputeEvent>>($"/api/v1/disputes/{dispute.Id}/timeline", ApiJson.Options);
        timeline!.Select(e => e.Action).Should().ContainInOrder(
            DisputeAction.Open, DisputeAction.Reject, DisputeAction.Escalate, DisputeAction.SubmitEvidence, DisputeAction.SubmitEvidence,
            DisputeAction.CloseEvidence, DisputeAction.AssignArbitrator, DisputeAction.Rule, DisputeAction.ExecuteRuling, DisputeAction.RecordRefundSuccess, DisputeAction.Rate);
        var scorecard = await seller.GetFromJsonAsync<StoreScorecard>($"/api/v1/stores/{Flagship}/scorecard", ApiJson.Options);
        scorecard!.PenaltyPoints.Should().BeGreaterThanOrEqualTo(3);
    }

    [Fact]
    public async Task HealthSwaggerAndFlows_AreServed()
    {
        using var anonymous = _api.CreateClient();
        using var buyer = _api.As(Roles.Buyer, Ana);

        (await anonymous.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await anonymous.GetAsync("/health/ready")).StatusCode.Should().Be(HttpStatusCode.OK);
        var swagger = await anonymous.GetStringAsync("/swagger/v1/swagger.json");
        swagger.Should().Contain("\"bearer\"").And.Contain("/api/v1/disputes/{disputeId}/ruling");
        (await anonymous.GetAsync("/swagger/index.html")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await buyer.GetStringAsync("/api/v1/flows/repair")).Should().StartWith("---\ntitle: repair v1\n---\nstateDiagram-v2");
        (await buyer.GetStringAsync("/api/v1/flows/return-and-refund?format=dot")).Should().StartWith("digraph \"return-and-refund v1\"");
        (await buyer.GetAsync("/api/v1/flows/nonsense")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task ListsPageWithACursor_AndTheArbitrationQueueShowsEscalatedCasesWithTheirDeadlines()
    {
        for (var i = 0; i < 3; i++)
        {
            await OpenAsync(_api, $"o-list-{i}", buyer: Ben, store: Reseller);
        }

        var escalated = await OpenAsync(_api, "o-queue", buyer: Ben, store: Reseller);
        await ActAsync(_api, Roles.Seller, Reseller, escalated.Id, "reject", new RejectionReason("used"));
        await ActAsync(_api, Roles.Buyer, Ben, escalated.Id, "escalation", new EscalationRequest("Not used"));
        using var buyer = _api.As(Roles.Buyer, Ben);
        using var arbitrator = _api.As(Roles.Arbitrator, "arb-lee");

        var first = await buyer.GetFromJsonAsync<DisputePage>("/api/v1/disputes?limit=2", ApiJson.Options);
        var second = await buyer.GetFromJsonAsync<DisputePage>($"/api/v1/disputes?limit=2&after={first!.NextCursor}", ApiJson.Options);
        var queue = await arbitrator.GetFromJsonAsync<DisputePage>($"/api/v1/arbitration/queue?storeId={Reseller}", ApiJson.Options);

        first.Items.Should().HaveCount(2);
        second!.Items.Should().HaveCount(2);
        first.Items.Concat(second.Items).Select(d => d.Id).Should().OnlyHaveUniqueItems();
        queue!.Items.Should().ContainSingle().Which.Should().BeEquivalentTo(new { escalated.Id, State = DisputeState.CollectingEvidence });
        queue.Items[0].DeadlineDueAt.Should().NotBeNull();
    }

    [Fact]
    public async Task ASellerSubscribesToWebhooks_AndReadsItsDeliveries()
    {
        using var seller = _api.As(Roles.Seller, Flagship);

        var created = await seller.PostAsJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hooks" }, ApiJson.Options);
        var subscription = (await created.ReadAsync<WebhookSubscription>())!;
        var listed = await seller.GetFromJsonAsync<List<WebhookSubscription>>("/api/v1/webhooks/subscriptions", ApiJson.Options);
        var deliveries = await seller.GetAsync($"/api/v1/webhooks/subscriptions/{subscription.Id}/deliveries");
        using var other = _api.As(Roles.Seller, Reseller);
        var foreign = await other.GetAsync($"/api/v1/webhooks/subscriptions/{subscription.Id}/deliveries");

        created.StatusCode.Should().Be(HttpStatusCode.Created);
        subscription.Secret.Should().StartWith("whsec_");
        listed!.Single(s => s.Id == subscription.Id).Secret.Should().Be("(hidden)");
        deliveries.StatusCode.Should().Be(HttpStatusCode.OK);
        foreign.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    private async Task<EvidenceFile> UploadAsync(string role, string party, string disputeId, byte[] content, string name, string type)
    {
        using var client = _api.As(role, party);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var response = await client.PostAsync($"/api/v1/disputes/{disputeId}/evidence-files", new MultipartFormDataContent { { file, "file", name } });
        response.StatusCode.Should().Be(HttpStatusCode.Created);
        return (await response.ReadAsync<EvidenceFile>())!;
    }
}
