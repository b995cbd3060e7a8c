using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Telemetry;
using AfterSales.Disputes.Application.Webhooks;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Testing;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Workers;

/// <summary>The engine's metrics, read as any listener reads them (a MeterListener on the host's meter).</summary>
public class TelemetryTests
{
    /// <summary>
    /// A refund-only request is approved, the gateway fails the first refund, the retry deadline fires half an hour
    /// late, and the store's receiver refuses the webhooks: each shows up in its metric, with the backlog the worker saw.
    /// </summary>
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task Transitions_DeadlineLag_Backlog_WebhookAndRefundFailures_AreMeasured(string provider)
    {
        await using var host = await TestHost.StartAsync(provider, o => o.BacklogSampleInterval = TimeSpan.Zero); // every round samples
        await using var receiver = await WebhookReceiver.StartAsync();
        receiver.Answer = () => 500;
        var measured = Listen(host.Services.GetRequiredService<DisputeTelemetry>().Meter, out var listener);
        using var _ = listener;
        var worker = ActivatorUtilities.CreateInstance<AfterSalesWorker>(host.Services);
        host.Gateway.FailuresBeforeSuccess = 1;
        await host.SendAsync(new AddWebhookSubscription(Flagship, receiver.Url));
        await host.SendAsync(new RegisterOrder(RouterOrder(notShipped: true)));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.RefundOnly, RequestReason.NotShipped, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));

        await worker.SampleBacklogAsync(CancellationToken.None);
        listener.RecordObservableInstruments();
        var depthBefore = measured.Last(m => m.Name == "aftersales.outbox.depth").Value;
        await host.RunOutboxAsync(); // fans the events out, and the refund fails
        await host.RunWebhooksAsync();
        host.Clock.Advance(TimeSpan.FromMinutes(90)); // the retry fell due an hour after the failure
        await worker.SampleBacklogAsync(CancellationToken.None);
        listener.RecordObservableInstruments();
        var dueBefore = measured.Last(m => m.Name == "aftersales.deadlines.due").Value;
        (await host.RunDeadlinesAsync()).Should().Be(1);

        depthBefore.Should().BeGreaterThanOrEqualTo(3, "the opening's and the approval's events and the refund wait in the outbox");
        dueBefore.Should().Be(1, "the refund's retry is due");
        measured.Where(m => m.Name == "aftersales.dispute.transitions").Select(m => (m.Tag("action"), m.Tag("party")))
            .Should().Contain([("Open", "Buyer"), ("Approve", "Seller"), ("RecordRefundFailure", "System"), ("RetryRefund", "System")]);
        measured.Should().ContainSingle(m => m.Name == "aftersales.refund.failures" && m.Tag("kind") == "dispute");
        measured.Should().Contain(m => m.Name == "aftersales.webhook.failures" && m.Tag("outcome") == "retry");
        measured.Single(m => m.Name == "aftersales.deadline.lag").Value.Should().BeApproximately(30 * 60, 1, "claimed half an hour after it fell due");
        measured.Should().ContainSingle(m => m.Name == "aftersales.deadlines.claimed");
    }

    private static ConcurrentQueue<Measured> Listen(Meter meter, out MeterListener listener)
    {
        var measured = new ConcurrentQueue<Measured>();
        listener = new MeterListener
        {
            InstrumentPublished = (instrument, on) =>
            {
                if (ReferenceEquals(instrument.Meter, meter))
                {
                    on.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => measured.Enqueue(new(instrument.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => measured.Enqueue(new(instrument.Name, value, Tags(tags))));
        listener.Start();
        return measured;
    }

    private static Dictionary<string, string?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var all = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var (key, value) in tags)
        {
            all[key] = value?.ToString();
        }

        return all;
    }

    private sealed record Measured(string Name, double Value, Dictionary<string, string?> Tags)
    {
        public string? Tag(string key) => Tags.GetValueOrDefault(key);
    }
}
