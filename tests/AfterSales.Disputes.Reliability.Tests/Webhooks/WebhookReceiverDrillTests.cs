using System.Diagnostics;
using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Reliability.Tests.Support;

namespace AfterSales.Disputes.Reliability.Tests.Webhooks;

/// <summary>
/// A store's webhook receiver that is down, then up: the host retries with growing, jittered delays, signs every
/// attempt afresh, and delivers each event exactly once when the receiver answers. A receiver down for good gets
/// its deliveries dead-lettered after the attempt limit, and redelivery sends them once it is back.
/// </summary>
public sealed class WebhookReceiverDrillTests
{
    private const int MaxAttempts = 6;
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxRetry = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task AReceiverDownThenUp_GetsEveryEventOnce_AfterBackedOffFreshlySignedRetries_AndDeadLettersAreRedelivered()
    {
        await using var host = await HostProcess.StartAsync(settings:
        [
            ("AfterSales__RateLimit__PermitsPerMinute", "1000000"),
            ("AfterSales__Engine__PollInterval", "00:00:00.100"),
            ("AfterSales__Engine__WebhookFirstRetry", FirstRetry.ToString()),
            ("AfterSales__Engine__WebhookMaxRetry", MaxRetry.ToString()),
            ("AfterSales__Engine__WebhookMaxAttempts", MaxAttempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ]);
        await using var store = new WebhookReceiver();
        await using var platform = new WebhookReceiver();
        using var seller = await host.ClientAsync(Roles.Seller, World.Flagship);
        using var operations = await host.ClientAsync(Roles.Platform, "platform");
        var storeSubscription = await SubscribeAsync(seller, store.Url);
        var platformSubscription = await SubscribeAsync(operations, platform.Url);

        // Both receivers are down while the case moves: opened, then three answers from the store.
        var firstSent = DateTimeOffset.UtcNow;
        var disputeId = await host.OpenReturnAsync("order-webhooks");
        for (var i = 0; i < 3; i++)
        {
            await host.ActAsync(Roles.Seller, World.Flagship, disputeId, "messages", new MessageText($"Answer {i}"));
        }

        // Down: watch the attempts pile up, and the delay the host set before each next one.
        var schedule = await WatchAttemptsAsync(seller, storeSubscription.Id, until: deliveries => deliveries.Count == 4 && deliveries.All(d => d.Attempts >= 3));
        foreach (var (attempt, delay) in schedule)
        {
            var capped = Math.Min(FirstRetry.TotalSeconds * Math.Pow(2, attempt - 1), MaxRetry.TotalSeconds);
            delay.TotalSeconds.Should().BeInRange((capped / 2) - 0.3, capped + 0.05, $"the delay after attempt {attempt} doubles from {FirstRetry} with jitter");
        }

        // Up, failing its first three requests as it starts, then answering.
        store.Up(failFirst: 3);
        var delivered = await WaitForAsync(seller, storeSubscription.Id, deliveries => deliveries.All(d => d.Status == DeliveryStatus.Delivered));

        delivered.Should().HaveCount(4, "one delivery per event of the store's dispute");
        store.Requests.Where(r => r.Answered == 200).Select(r => r.EventId).Should().BeEquivalentTo(delivered.Select(d => d.EventId), "each event arrived once");
        store.Requests.Should().Contain(r => r.Answered == 503, "the receiver's own failures were retried too");
        foreach (var request in store.Requests)
        {
            request.VerifiesWith(storeSubscription.Secret, request.At, TimeSpan.FromMinutes(5)).Should().BeTrue();
            // The signature's timestamp is in whole seconds: truncation alone puts it up to a second before the arrival.
            request.SignedAt.Should().BeOnOrBefore(request.At).And.BeAfter(request.At - TimeSpan.FromSeconds(1.5), "each attempt is signed when it is sent");
            request.SignedAt.Should().BeAfter(firstSent.AddSeconds(1), "no attempt reuses the signature of the first, refused one");
        }

        foreach (var retries in store.Requests.GroupBy(r => r.EventId).Where(g => g.Count() > 1))
        {
            retries.Zip(retries.Skip(1), (before, after) => after.At - before.At).Should().OnlyContain(gap => gap >= FirstRetry / 2 - TimeSpan.FromMilliseconds(300), "retries are spaced out, not hammered");
        }

        // The platform's receiver stays down past the limit: its deliveries are dead letters.
        var dead = await WaitForAsync(operations, platformSubscription.Id, deliveries => deliveries.Count > 0 && deliveries.All(d => d.Status == DeliveryStatus.DeadLetter), TimeSpan.FromSeconds(60));
        dead.Should().OnlyContain(d => d.Attempts == MaxAttempts);
        dead.Select(d => d.EventId).Should().BeEquivalentTo(delivered.Select(d => d.EventId), "the platform subscribed to every event");
        platform.Requests.Should().BeEmpty();

        // Back up, the platform asks for each dead letter again.
        platform.Up();
        foreach (var delivery in dead)
        {
            using var redeliver = await operations.PostAsync($"/api/v1/webhooks/deliveries/{delivery.Id}/redeliver", null);
            redeliver.StatusCode.Should().Be(HttpStatusCode.Accepted);
        }

        var redelivered = await WaitForAsync(operations, platformSubscription.Id, deliveries => deliveries.All(d => d.Status == DeliveryStatus.Delivered));
        platform.Requests.Select(r => r.EventId).Should().BeEquivalentTo(redelivered.Select(d => d.EventId), "each dead letter was sent once more, and once");
        platform.Requests.Should().OnlyContain(r => r.VerifiesWith(platformSubscription.Secret, r.At, TimeSpan.FromSeconds(2)));
    }

    private static async Task<WebhookSubscription> SubscribeAsync(HttpClient client, Uri url)
    {
        using var response = await client.PostJsonAsync("/api/v1/webhooks/subscriptions", new NewSubscription(url));
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<WebhookSubscription>())!;
    }

    private static async Task<IReadOnlyList<WebhookDelivery>> DeliveriesAsync(HttpClient client, string subscriptionId) =>
        (await (await client.GetAsync($"/api/v1/webhooks/subscriptions/{subscriptionId}/deliveries")).ReadAsync<List<WebhookDelivery>>())!;

    private static async Task<IReadOnlyList<WebhookDelivery>> WaitForAsync(HttpClient client, string subscriptionId, Func<IReadOnlyList<WebhookDelivery>, bool> done, TimeSpan? limit = null)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var deliveries = await DeliveriesAsync(client, subscriptionId);
            if (deliveries.Count > 0 && done(deliveries))
            {
                return deliveries;
            }

            clock.Elapsed.Should().BeLessThan(limit ?? TimeSpan.FromSeconds(30), $"deliveries now: {string.Join(", ", deliveries.Select(d => $"{d.Status}/{d.Attempts}"))}");
            await Task.Delay(100);
        }
    }

    // Polls every 100 ms; each time a delivery's attempt count goes up, notes the delay from then to its next attempt
    // (a little shorter than the delay the host chose, by the time it took to notice).
    private static async Task<List<(int Attempt, TimeSpan Delay)>> WatchAttemptsAsync(HttpClient client, string subscriptionId, Func<IReadOnlyList<WebhookDelivery>, bool> until)
    {
        var seen = new Dictionary<string, int>();
        var schedule = new List<(int, TimeSpan)>();
        await WaitForAsync(client, subscriptionId, deliveries =>
        {
            var now = DateTimeOffset.UtcNow;
            foreach (var delivery in deliveries.Where(d => d.Attempts > seen.GetValueOrDefault(d.Id)))
            {
                if (seen.ContainsKey(delivery.Id)) // seen before this attempt, so noticed within a poll of it
                {
                    schedule.Add((delivery.Attempts, delivery.NextAttemptAt - now));
                }

                seen[delivery.Id] = delivery.Attempts;
            }

            return until(deliveries);
        });
        schedule.Should().Contain(s => s.Item1 >= 2, "attempts were watched as they happened");
        return schedule;
    }
}
