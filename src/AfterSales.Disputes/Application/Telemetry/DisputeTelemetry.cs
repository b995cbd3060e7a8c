using System.Diagnostics;
using System.Diagnostics.Metrics;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Telemetry;

/// <summary>
/// The engine's traces and metrics, named <see cref="Name"/> for OpenTelemetry (<c>AddSource</c>, <c>AddMeter</c>) or
/// any other listener. Spans: each dispute command, each opening, each deadline batch, outbox batch and webhook
/// delivery. Metrics: transitions by action and party, deadlines claimed and how late, deadlines due and outbox
/// messages pending (sampled by the worker), webhook delivery failures, refund failures.
/// </summary>
public sealed class DisputeTelemetry : IDisposable
{
    /// <summary>The name of the activity source and of the meter.</summary>
    public const string Name = "AfterSales.Disputes";

    /// <summary>The engine's spans.</summary>
    public static ActivitySource Source { get; } = new(Name, typeof(DisputeTelemetry).Assembly.GetName().Version?.ToString());

    private readonly bool _ownsMeter;
    private readonly Counter<long> _transitions;
    private readonly Counter<long> _deadlinesClaimed;
    private readonly Histogram<double> _deadlineLag;
    private readonly Counter<long> _webhookFailures;
    private readonly Counter<long> _refundFailures;
    private long _deadlinesDue;
    private long _outboxPending;

    /// <summary>Creates the instruments on a meter from <paramref name="meters"/> (the host's), or on a meter of its own.</summary>
    public DisputeTelemetry(IMeterFactory? meters = null)
    {
        _ownsMeter = meters is null;
        Meter = meters?.Create(Name) ?? new Meter(Name);
        _transitions = Meter.CreateCounter<long>("aftersales.dispute.transitions", "{transition}", "Actions taken on disputes (tags: action, party).");
        _deadlinesClaimed = Meter.CreateCounter<long>("aftersales.deadlines.claimed", "{deadline}", "Deadlines the worker claimed to fire (one whose dispute moved on meanwhile fires nothing).");
        _deadlineLag = Meter.CreateHistogram<double>("aftersales.deadline.lag", "s", "How long after falling due a deadline was claimed.");
        _webhookFailures = Meter.CreateCounter<long>("aftersales.webhook.failures", "{attempt}", "Webhook delivery attempts that failed (tag: outcome, retry or dead-letter).");
        _refundFailures = Meter.CreateCounter<long>("aftersales.refund.failures", "{refund}", "Refunds the gateway refused or failed to answer (tag: kind, dispute or fee).");
        Meter.CreateObservableGauge("aftersales.deadlines.due", () => Volatile.Read(ref _deadlinesDue), "{deadline}", "Deadlines due and not yet fired, as last sampled by the worker.");
        Meter.CreateObservableGauge("aftersales.outbox.depth", () => Volatile.Read(ref _outboxPending), "{message}", "Outbox messages not yet completed, as last sampled by the worker.");
    }

    /// <summary>The meter the instruments are on.</summary>
    public Meter Meter { get; }

    internal void Committed(IEnumerable<DisputeEvent> events)
    {
        foreach (var committed in events)
        {
            _transitions.Add(1, new KeyValuePair<string, object?>("action", committed.Action.ToString()), new KeyValuePair<string, object?>("party", committed.Party.ToString()));
        }
    }

    internal void DeadlineClaimed(TimeSpan lag)
    {
        _deadlinesClaimed.Add(1);
        _deadlineLag.Record(Math.Max(0, lag.TotalSeconds));
    }

    internal void WebhookFailed(bool deadLettered) => _webhookFailures.Add(1, new KeyValuePair<string, object?>("outcome", deadLettered ? "dead-letter" : "retry"));

    internal void RefundFailed(string kind) => _refundFailures.Add(1, new KeyValuePair<string, object?>("kind", kind));

    internal void Backlog(long deadlinesDue, long outboxPending)
    {
        Volatile.Write(ref _deadlinesDue, deadlinesDue);
        Volatile.Write(ref _outboxPending, outboxPending);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        if (_ownsMeter)
        {
            Meter.Dispose();
        }
    }
}
