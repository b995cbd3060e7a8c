using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Policies;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>
/// The built host as a real process on a loopback port, with tokens from its own <c>token</c> command, walking
/// a whole story over HTTP: a return rejected, escalated, evidenced by both, ruled a partial refund, refunded, rated.
/// </summary>
public sealed class RealProcessTests : IAsyncLifetime
{
    private HostProcess _host = null!;

    public async Task InitializeAsync() => _host = await HostProcess.StartAsync();

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task TheHostAsAProcess_ServesAWholeStoryOverHttp()
    {
        var id = await _host.OpenReturnAsync("p-order");

        await _host.ActAsync(Roles.Seller, Flagship, id, "reject", new RejectionReason("no-fault-found"));
        await _host.ActAsync(Roles.Buyer, Ana, id, "escalation", new EscalationRequest("It reboots"));
        var photo = await _host.UploadAsync(Roles.Buyer, Ana, id, [0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9], "reboot.jpg", "image/jpeg");
        var log = await _host.UploadAsync(Roles.Seller, Flagship, id, "%PDF-1.7 bench"u8.ToArray(), "bench.pdf", "application/pdf");
        await _host.ActAsync(Roles.Buyer, Ana, id, "evidence", new EvidenceSubmission("Stills", [photo]));
        await _host.ActAsync(Roles.Seller, Flagship, id, "evidence", new EvidenceSubmission("Bench log", [log]));
        await _host.ActAsync(Roles.Arbitrator, "arb-lee", id, "assignment");
        await _host.ActAsync(Roles.Arbitrator, "arb-lee", id, "ruling", new RulingTerms(RulingOutcome.PartialRefund, Yuan(150), "Intermittent fault", ShippingPayer.Seller));
        await _host.ActAsync(Roles.Buyer, Ana, id, "ruling/accept");
        (await _host.ActAsync(Roles.Seller, Flagship, id, "ruling/accept", new { })).State.Should().Be(DisputeState.Refunding);

        DisputeResponse? closed = null;
        for (var attempt = 0; attempt < 100 && closed?.State != DisputeState.Closed; attempt++)
        {
            await Task.Delay(200);
            closed = await _host.GetAsync(Roles.Buyer, Ana, id);
        }

        closed!.State.Should().Be(DisputeState.Closed, "the host's worker pays the refund through its gateway");
        closed.Refund!.Amount.Should().Be(Yuan(150));
        (await _host.ActAsync(Roles.Buyer, Ana, id, "rating", new RatingInput(5, "Sorted"))).Rating!.Stars.Should().Be(5);
        _host.Output.Should().Contain($"Swagger UI:  {_host.BaseAddress}swagger").And.Contain("-- token --role");
    }
}
