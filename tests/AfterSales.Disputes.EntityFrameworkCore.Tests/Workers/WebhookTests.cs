using System.Text.Json;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Testing;
using Microsoft.Extensions.DependencyInjection;
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
        received.Should().OnlyContain(r => r.VerifiesWith(subscription.Secret, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
        received.Should().OnlyContain(r => !r.VerifiesWith(WebhookSignature.NewSecret(), host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)));
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

    /// <summary>A Standard Webhooks library (the StandardWebhooks package, not this engine's code) verifies a delivery.</summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADelivery_VerifiesWithAStandardWebhooksLibrary(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, o => o.WebhookSigningClock = TimeProvider.System); // the library checks the age on the real clock
        await using var receiver = await WebhookReceiver.StartAsync();
        var subscription = await host.SendAsync(new AddWebhookSubscription(Flagship, receiver.Url));
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.RunOutboxAsync();
        (await host.RunWebhooksAsync()).Should().Be(1);

        var delivery = receiver.Received.Single();
        var headers = new Microsoft.AspNetCore.Http.HeaderDictionary
        {
            ["webhook-id"] = delivery.EventId, ["webhook-timestamp"] = delivery.Timestamp, ["webhook-signature"] = delivery.Signature,
        };
        FluentActions.Invoking(() => new StandardWebhooks.StandardWebhook(subscription.Secret).Verify(delivery.Body, headers)).Should().NotThrow();
        FluentActions.Invoking(() => new StandardWebhooks.StandardWebhook(WebhookSignature.NewSecret()).Verify(delivery.Body, headers))
            .Should().Throw<StandardWebhooks.Diagnostics.WebhookVerificationException>();
    }

    /// <summary>
    /// While a secret is rotated, deliveries carry a signature by each secret, so the receiver keeps verifying with the
    /// old one until it switches; once the overlap has passed, only the new secret signs.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ARotatedSecret_KeepsSigningBesideTheNewOne_UntilTheOverlapEnds(string provider)
    {
        var (host, receiver, subscription) = await StartAsync(provider);
        await using var _ = host;
        await using var __ = receiver;
        var rotated = (await host.SendAsync(new RotateWebhookSecret(subscription.Id)))!;
        rotated.Secret.Should().NotBe(subscription.Secret).And.StartWith("whsec_");
        rotated.PreviousSecret.Should().Be(subscription.Secret);
        rotated.PreviousSecretExpiresAt.Should().Be(host.Clock.GetUtcNow().AddHours(24));

        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.RunOutboxAsync();
        await host.RunWebhooksAsync();
        var during = receiver.Received.Single();
        during.Signature!.Split(' ').Should().HaveCount(2);
        during.VerifiesWith(subscription.Secret, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).Should().BeTrue("the old secret still signs");
        during.VerifiesWith(rotated.Secret, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).Should().BeTrue();

        host.Clock.Advance(TimeSpan.FromHours(25));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        await host.RunOutboxAsync();
        await host.RunWebhooksAsync();
        var after = receiver.Received.Last();
        after.Signature!.Split(' ').Should().ContainSingle();
        after.VerifiesWith(rotated.Secret, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).Should().BeTrue();
        after.VerifiesWith(subscription.Secret, host.Clock.GetUtcNow(), TimeSpan.FromMinutes(5)).Should().BeFalse("the overlap is over");
        (await host.SendAsync(new RotateWebhookSecret("wh_none"))).Should().BeNull();
    }

    /// <summary>
    /// Outside development a loopback receiver is refused at subscription, and a subscription stored before the rule (or
    /// whose name later resolves there) gets nothing: the delivery's connection is refused and the attempt says why.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task WithoutLoopbackAllowed_ALocalReceiverIsRefused_AtSubscriptionAndAtEveryDelivery(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, o => o.WebhookLoopbackAllowed = false);
        await using var receiver = await WebhookReceiver.StartAsync();
        var refused = await FluentActions.Awaiting(() => host.SendAsync(new AddWebhookSubscription(Flagship, receiver.Url)))
            .Should().ThrowAsync<RequestValidationException>();
        refused.Which.Errors.Should().ContainSingle(e => e.Field == "url");

        var overHttps = new UriBuilder(receiver.Url) { Scheme = "https" }.Uri;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var store = scope.ServiceProvider.GetRequiredService<IWebhookStore>();
            await store.AddSubscriptionAsync(new WebhookSubscription("wh_plain", Flagship, receiver.Url, WebhookSignature.NewSecret(), host.Clock.GetUtcNow()), CancellationToken.None);
            await store.AddSubscriptionAsync(new WebhookSubscription("wh_tls", Flagship, overHttps, WebhookSignature.NewSecret(), host.Clock.GetUtcNow()), CancellationToken.None);
        }

        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.RunOutboxAsync();

        (await host.RunWebhooksAsync()).Should().Be(0);
        receiver.Received.Should().BeEmpty();
        (await host.SendAsync(new ListWebhookDeliveries("wh_plain"))).Single().LastError.Should().Be("The webhook URL is not https.");
        (await host.SendAsync(new ListWebhookDeliveries("wh_tls"))).Single().LastError.Should().Contain("resolves to no address webhooks may reach");
    }
}
