using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
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
        using var http = new HttpClient { BaseAddress = _host.BaseAddress };
        var tokens = new Dictionary<string, string>
        {
            [Roles.Platform] = await _host.TokenAsync(Roles.Platform, "platform"),
            [Roles.Buyer] = await _host.TokenAsync(Roles.Buyer, Ana),
            [Roles.Seller] = await _host.TokenAsync(Roles.Seller, Flagship),
            [Roles.Arbitrator] = await _host.TokenAsync(Roles.Arbitrator, "arb-lee"),
        };

        async Task<HttpResponseMessage> Send(string role, HttpMethod method, string url, HttpContent? content = null, string? disputeId = null)
        {
            using var request = new HttpRequestMessage(method, url) { Content = content };
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", tokens[role]);
            if (disputeId is not null)
            {
                using var current = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/disputes/{disputeId}");
                current.Headers.Authorization = request.Headers.Authorization;
                request.Headers.TryAddWithoutValidation("If-Match", (await http.SendAsync(current)).Headers.ETag!.Tag);
            }

            request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
            return await http.SendAsync(request);
        }

        async Task<DisputeResponse> Act(string role, string disputeId, string action, object body)
        {
            var response = await Send(role, HttpMethod.Post, $"/api/v1/disputes/{disputeId}/{action}", JsonContent.Create(body, body.GetType(), options: ApiJson.Options), disputeId);
            response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            return (await response.ReadAsync<DisputeResponse>())!;
        }

        async Task<string> Upload(string role, string disputeId, byte[] content, string name, string type)
        {
            var file = new ByteArrayContent(content);
            file.Headers.ContentType = new MediaTypeHeaderValue(type);
            var response = await Send(role, HttpMethod.Post, $"/api/v1/disputes/{disputeId}/evidence-files", new MultipartFormDataContent { { file, "file", name } });
            response.StatusCode.Should().Be(HttpStatusCode.Created);
            return (await response.ReadAsync<EvidenceFile>())!.Id;
        }

        (await Send(Roles.Platform, HttpMethod.Post, "/api/v1/orders", JsonContent.Create(Router("p-order"), options: ApiJson.Options))).StatusCode.Should().Be(HttpStatusCode.Created);
        var opened = await Send(Roles.Buyer, HttpMethod.Post, "/api/v1/disputes", JsonContent.Create(
            new OpenDisputeBody("p-order", "line-1", RequestKind.ReturnAndRefund, RequestReason.Defective, "Reboots", Yuan(399)), options: ApiJson.Options));
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var id = (await opened.ReadAsync<DisputeResponse>())!.Id;

        await Act(Roles.Seller, id, "reject", new RejectionReason("no-fault-found"));
        await Act(Roles.Buyer, id, "escalation", new EscalationRequest("It reboots"));
        var photo = await Upload(Roles.Buyer, id, [0xFF, 0xD8, 0xFF, 0xE0, 9, 9, 9], "reboot.jpg", "image/jpeg");
        var log = await Upload(Roles.Seller, id, "%PDF-1.7 bench"u8.ToArray(), "bench.pdf", "application/pdf");
        await Act(Roles.Buyer, id, "evidence", new EvidenceSubmission("Stills", [photo]));
        await Act(Roles.Seller, id, "evidence", new EvidenceSubmission("Bench log", [log]));
        await Act(Roles.Arbitrator, id, "assignment", new { });
        await Act(Roles.Arbitrator, id, "ruling", new RulingTerms(RulingOutcome.PartialRefund, Yuan(150), "Intermittent fault", ShippingPayer.Seller));
        await Act(Roles.Buyer, id, "ruling/accept", new { });
        (await Act(Roles.Seller, id, "ruling/accept", new { })).State.Should().Be(DisputeState.Refunding);

        DisputeResponse? closed = null;
        for (var attempt = 0; attempt < 100 && closed?.State != DisputeState.Closed; attempt++)
        {
            await Task.Delay(200);
            closed = await (await Send(Roles.Buyer, HttpMethod.Get, $"/api/v1/disputes/{id}")).ReadAsync<DisputeResponse>();
        }

        closed!.State.Should().Be(DisputeState.Closed, "the host's worker pays the refund through its gateway");
        closed.Refund!.Amount.Should().Be(Yuan(150));
        (await Act(Roles.Buyer, id, "rating", new RatingInput(5, "Sorted"))).Rating!.Stars.Should().Be(5);
        _host.Output.Should().Contain($"Swagger UI:  {_host.BaseAddress}swagger").And.Contain("-- token --role");
    }
}
