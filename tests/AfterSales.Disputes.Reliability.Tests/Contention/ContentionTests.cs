using System.Collections.Concurrent;
using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Reliability.Tests.Contention;

/// <summary>
/// Many parties acting on one dispute at the same moment, over HTTP against the host as a process: optimistic
/// concurrency must let exactly one action through per version and turn the rest away, and what is stored must be
/// what the accepted actions, applied one after another, would give.
/// </summary>
public sealed class ContentionTests
{
    private const int Actors = 50;

    [Fact]
    public async Task FiftyPartiesActingAtOnce_GetOneSuccessPerVersion_TheRestAre409Or412_AndTheCaseEqualsTheSuccessesInOrder()
    {
        // Fifty parties retrying would meet the per-caller rate limit first; this drill is about the versions.
        await using var host = await HostProcess.StartAsync(settings: ("AfterSales__RateLimit__PermitsPerMinute", "1000000"));
        var disputeId = await host.OpenReturnAsync("order-contention");
        using var seller = await host.ClientAsync(Roles.Seller, World.Flagship);
        using var buyer = await host.ClientAsync(Roles.Buyer, World.Ana);
        var start = new SemaphoreSlim(0, Actors);
        var turnedAway = new ConcurrentBag<HttpStatusCode>();

        // Each party sends one message, all starting together from the same version; a party turned away reads
        // the dispute's new version and tries again until its message is in.
        var accepted = Enumerable.Range(0, Actors).Select(async i =>
        {
            var client = i % 2 == 0 ? seller : buyer;
            var text = $"message {i:00}";
            var etag = (await client.GetAsync($"/api/v1/disputes/{disputeId}")).Headers.ETag!.Tag;
            await start.WaitAsync();
            for (var attempt = 0; attempt < 500; attempt++)
            {
                using var request = HostProcess.ActionRequest(disputeId, "messages", new MessageText(text), etag);
                using var response = await client.SendAsync(request);
                if (response.StatusCode == HttpStatusCode.OK)
                {
                    return (Text: text, Version: (await response.ReadAsync<DisputeResponse>())!.Version);
                }

                turnedAway.Add(response.StatusCode);
                etag = (await client.GetAsync($"/api/v1/disputes/{disputeId}")).Headers.ETag!.Tag;
            }

            throw new InvalidOperationException($"{text} was turned away 500 times.");
        }).ToList();
        start.Release(Actors);
        var successes = (await Task.WhenAll(accepted)).OrderBy(s => s.Version).ToList();

        successes.Select(s => s.Version).Should().Equal(Enumerable.Range(2, Actors), "each version was given to exactly one action");
        turnedAway.Should().NotBeEmpty("the parties did collide").And.OnlyContain(status => status == HttpStatusCode.PreconditionFailed || status == HttpStatusCode.Conflict);
        var stored = await host.GetAsync(Roles.Buyer, World.Ana, disputeId);
        stored.Version.Should().Be(1 + Actors);
        stored.Messages.Select(m => m.Text).Should().Equal(successes.Select(s => s.Text), "the case is the accepted actions applied in the order of their versions");
        stored.State.Should().Be(DisputeState.AwaitingSellerResponse);
    }
}
