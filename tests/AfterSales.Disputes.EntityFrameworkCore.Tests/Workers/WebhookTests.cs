using System.Text.Json;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Testing;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

public class WebhookTests
{
    private static async Task<(TestHost Host, WebhookReceiver Receiver, WebhookSubscription Subscription)> StartAsync(string provider, int maxAttempts = 8)
    {
        var host = await TestHost.StartAsync(provider, o => o.WebhookMaxAttempts = maxAttempts);
        var receiver = await WebhookReceiver.StartAsync();
        var subscription = await host.SendAsync(new AddWebhookSubscription(Flagship, receiver.Url));
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        return (host, receiver, subscription);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EventsReachTheStoresEndpoint_SignedWithHmacOverTimestampAndBody_WithStableEventIds(string provider)
    {
        var (host, receiver, subscription) = await StartAsync(provider);
        await using var _ = host;
        await using var __ = receiver;
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));

        await host.RunOutboxAsync();
        (await host.RunWebhooksAsync()).Should().Be(2);

        var received = receiver.Received.ToList();
        received.Select(r => r.EventId).Should().BeEquivalentTo("dispute-1:1", "dispute-1:2");
        received.Should().OnlyContain(r => WebhookSignature.Verify(subscription.Secret, r.Signature, r.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        received.Should().OnlyContain(r => !WebhookSignature.Verify("whsec_wrong", r.Signature, r.Body, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        using var approve = JsonDocument.Parse(received.Single(r => r.EventId == "dispute-1:2").Body);
        approve.RootElement.GetProperty("type").GetString().Should().Be("dispute.approve");
        approve.RootElement.GetProperty("to").GetString().Should().Be("AwaitingReturnShipment");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TheDeliveriesOfABatch_AreSentTogether_SoASlowReceiverHoldsTheWorkerForOneAnswerNotForEach(string provider)
    {
        var (host, receiver, _) = await StartAsync(provider);
        await using var _ = host;
        await using var __ = receiver;
        receiver.Delay = TimeSpan.FromMilliseconds(500);
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        await host.RunOutboxAsync();

        (await host.RunWebhooksAsync()).Should().Be(2, "one round delivers the batch");

        receiver.MostAtOnce.Should().Be(2, "both requests were in flight together");
        receiver.Received.Select(r => r.EventId).Should().BeEquivalentTo("dispute-1:1", "dispute-1:2");
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AReceiverThatFailsFirst_GetsTheEventWhenItRecovers_EachRetryFreshlySigned_AfterBackoff(string provider)
    {
        var (host, receiver, subscription) = await StartAsync(provider);
        await using var _ = host;
        await using var __ = receiver;
        var failures = 2;
        receiver.Answer = () => Interlocked.Decrement(ref failures) >= 0 ? 503 : 200;
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.RunOutboxAsync();

        (await host.RunWebhooksAsync()).Should().Be(0);
        (await host.RunWebhooksAsync()).Should().Be(0, "the retry waits for its backoff");
        var afterFirst = (await host.SendAsync(new ListWebhookDeliveries(subscription.Id))).Single();
        afterFirst.Should().BeEquivalentTo(new { Status = DeliveryStatus.Pending, Attempts = 1, LastStatusCode = 503 });
        (afterFirst.NextAttemptAt - host.Clock.GetUtcNow()).Should().BeCloseTo(TimeSpan.FromSeconds(7.5), TimeSpan.FromSeconds(2.5));

        host.Clock.Advance(TimeSpan.FromSeconds(10));
        (await host.RunWebhooksAsync()).Should().Be(0);
        var afterSecond = (await host.SendAsync(new ListWebhookDeliveries(subscription.Id))).Single();
        (afterSecond.NextAttemptAt - host.Clock.GetUtcNow()).Should().BeCloseTo(TimeSpan.FromSeconds(15), TimeSpan.FromSeconds(5), "the delay doubles");

        host.Clock.Advance(TimeSpan.FromSeconds(20));
        (await host.RunWebhooksAsync()).Should().Be(1);

        var delivery = (await host.SendAsync(new ListWebhookDeliveries(subscription.Id))).Single();
        delivery.Should().BeEquivalentTo(new { Status = DeliveryStatus.Delivered, Attempts = 3, LastStatusCode = 200, DeliveredAt = host.Clock.GetUtcNow() });
        receiver.Received.Select(r => r.Signature).Distinct().Should().HaveCount(3, "every attempt is signed with its own timestamp");
        receiver.Received.Select(r => r.EventId).Distinct().Should().ContainSingle();
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADeliveryThatKeepsFailing_IsDeadLettered_AndCanBeRedelivered(string provider)
    {
        var (host, receiver, subscription) = await StartAsync(provider, maxAttempts: 3);
        await using var _ = host;
        await using var __ = receiver;
        receiver.Answer = () => 500;
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.RunOutboxAsync();

        for (var attempt = 0; attempt < 5; attempt++)
        {
            await host.RunWebhooksAsync();
            host.Clock.Advance(TimeSpan.FromHours(1));
        }

        var dead = (await host.SendAsync(new ListWebhookDeliveries(subscription.Id))).Single();
        dead.Should().BeEquivalentTo(new { Status = DeliveryStatus.DeadLetter, Attempts = 3 });
        receiver.Received.Should().HaveCount(3);

        receiver.Answer = () => 204;
        (await host.SendAsync(new RedeliverWebhook(dead.Id))).Should().BeTrue();
        (await host.RunWebhooksAsync()).Should().Be(1);

        (await host.SendAsync(new GetWebhookDelivery(dead.Id)))!.Status.Should().Be(DeliveryStatus.Delivered);
        (await host.SendAsync(new RedeliverWebhook("no-such-delivery"))).Should().BeFalse();
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task APlatformSubscription_GetsEveryStoresEvents_AndAnotherStoreGetsNone(string provider)
    {
        var (host, receiver, _) = await StartAsync(provider);
        await using var h = host;
        await using var r = receiver;
        await using var platform = await WebhookReceiver.StartAsync();
        await using var otherStore = await WebhookReceiver.StartAsync();
        await host.SendAsync(new AddWebhookSubscription(null, platform.Url));
        await host.SendAsync(new AddWebhookSubscription(Reseller, otherStore.Url));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));

        await host.RunOutboxAsync();
        await host.RunOutboxAsync();
        await host.RunWebhooksAsync();

        receiver.Received.Should().ContainSingle();
        platform.Received.Should().ContainSingle();
        otherStore.Received.Should().BeEmpty();
        (await host.SendAsync(new ListWebhookSubscriptions(null))).Should().ContainSingle();
    }
}
