using System.Text.Json;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Application.Telemetry;
using AfterSales.Disputes.Application.Payments;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application.Outbox;

/// <summary>
/// Dispatches committed outbox messages: dispute events fan out to webhook deliveries; refund requests go
/// to the platform's <see cref="IRefundGateway"/>, whose answer is recorded on the dispute. A message whose
/// dispatch fails stays in the outbox and is tried again later.
/// </summary>
public sealed partial class OutboxDispatcher
{
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;
    private readonly ILogger<OutboxDispatcher> _logger;
    private readonly DisputeTelemetry _telemetry;

    /// <summary>Creates the dispatcher.</summary>
    public OutboxDispatcher(IServiceScopeFactory scopes, TimeProvider time, AfterSalesOptions options, ILogger<OutboxDispatcher> logger, DisputeTelemetry telemetry)
    {
        _scopes = scopes;
        _time = time;
        _options = options;
        _logger = logger;
        _telemetry = telemetry;
    }

    /// <summary>Claims and dispatches one batch; returns how many messages were completed.</summary>
    public async Task<int> RunOnceAsync(CancellationToken cancellationToken)
    {
        using var scope = _scopes.CreateScope();
        var outbox = scope.ServiceProvider.GetRequiredService<IOutboxStore>();
        var claimed = await outbox.ClaimAsync(_time.GetUtcNow(), _options.OutboxBatchSize, _options.ClaimLease, cancellationToken).ConfigureAwait(false);
        var completed = 0;
        using var activity = claimed.Count == 0 ? null : DisputeTelemetry.Source.StartActivity("outbox dispatch");
        activity?.SetTag("aftersales.outbox.claimed", claimed.Count);

        // Events fan out to webhook deliveries together, in one transaction: a busy host writes one per batch, not one per event.
        var events = claimed.Where(c => c.Message.Kind is OutboxKind.DisputeEvent or OutboxKind.StoreEvent).ToList();
        if (events.Count > 0)
        {
            try
            {
                await scope.ServiceProvider.GetRequiredService<IWebhookStore>()
                    .FanOutAsync([.. events.Select(e => e.Message)], _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
                completed += events.Count;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                foreach (var (message, attempts) in events)
                {
                    LogDispatchFailed(exception, message.Id, attempts + 1);
                    await outbox.FailAsync(message.Id, exception.Message, _time.GetUtcNow() + _options.OutboxRetry, cancellationToken).ConfigureAwait(false);
                }
            }
        }

        foreach (var (message, attempts) in claimed.Where(c => c.Message.Kind is not (OutboxKind.DisputeEvent or OutboxKind.StoreEvent)))
        {
            try
            {
                var done = message.Kind switch
                {
                    OutboxKind.ChargeRequested => await ChargeAsync(scope.ServiceProvider, outbox, message, cancellationToken).ConfigureAwait(false),
                    OutboxKind.FeeRefundRequested => await RefundFeeAsync(scope.ServiceProvider, outbox, message, attempts, cancellationToken).ConfigureAwait(false),
                    _ => await RefundAsync(scope.ServiceProvider, outbox, message, cancellationToken).ConfigureAwait(false),
                };
                completed += done ? 1 : 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogDispatchFailed(exception, message.Id, attempts + 1);
                await outbox.FailAsync(message.Id, exception.Message, _time.GetUtcNow() + _options.OutboxRetry, cancellationToken).ConfigureAwait(false);
            }
        }

        return completed;
    }

    private async Task<bool> RefundAsync(IServiceProvider services, IOutboxStore outbox, OutboxMessage message, CancellationToken cancellationToken)
    {
        var refund = JsonSerializer.Deserialize<RefundOrder>(message.Payload, DisputeJson.Options)!;
        var outcome = await services.GetRequiredService<IRefundGateway>().RefundAsync(refund, cancellationToken).ConfigureAwait(false);
        if (outcome.Pending)
        {
            // Being paid: the payment service's callback records the answer, or the refund answer window ends the wait
            // and the retry asks again with the same id.
            await outbox.CompleteAsync(message.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        if (!outcome.Succeeded)
        {
            _telemetry.RefundFailed("dispute");
        }

        return await RecordAsync(services, outbox, message, PaymentAnswers.Record(refund.DisputeId, PaymentKind.Refund, outcome.Succeeded, outcome.Reference,
            outcome.Failure), cancellationToken).ConfigureAwait(false);
    }

    // Without a payment gateway every charge fails visibly: the device then comes back unrepaired after the last attempt.
    private async Task<bool> ChargeAsync(IServiceProvider services, IOutboxStore outbox, OutboxMessage message, CancellationToken cancellationToken)
    {
        var charge = JsonSerializer.Deserialize<ChargeOrder>(message.Payload, DisputeJson.Options)!;
        var outcome = services.GetService<IPaymentGateway>() is { } gateway
            ? await gateway.ChargeAsync(charge, cancellationToken).ConfigureAwait(false)
            : ChargeOutcome.Failed("No payment gateway is configured for this host.");
        if (outcome.Pending)
        {
            // Being taken: the callback records the answer, or the charge answer window ends the wait.
            await outbox.CompleteAsync(message.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return true;
        }

        return await RecordAsync(services, outbox, message, PaymentAnswers.Record(charge.DisputeId, PaymentKind.Charge, outcome.Succeeded, outcome.Reference,
            outcome.Failure), cancellationToken).ConfigureAwait(false);
    }

    // The fee of a failed repair goes back through the refund gateway, with an idempotent id; a failure is retried by
    // the outbox until it is paid, and only then recorded on the dispute.
    private async Task<bool> RefundFeeAsync(IServiceProvider services, IOutboxStore outbox, OutboxMessage message, int attempts, CancellationToken cancellationToken)
    {
        var refund = JsonSerializer.Deserialize<RefundOrder>(message.Payload, DisputeJson.Options)! with { Attempt = attempts + 1, Purpose = RefundPurpose.RepairFee };
        var outcome = await services.GetRequiredService<IRefundGateway>().RefundAsync(refund, cancellationToken).ConfigureAwait(false);
        if (!outcome.Succeeded)
        {
            // Failed, or still being paid: asked again later with the same id, until the answer is that it is paid.
            if (!outcome.Pending)
            {
                _telemetry.RefundFailed("fee");
            }

            await outbox.FailAsync(message.Id, outcome.Failure ?? "The payment service is still paying the fee back.", _time.GetUtcNow() + _options.OutboxRetry, cancellationToken).ConfigureAwait(false);
            return false;
        }

        return await RecordAsync(services, outbox, message, PaymentAnswers.Record(refund.DisputeId, PaymentKind.RepairFeeRefund, succeeded: true,
            outcome.Reference, failure: null), cancellationToken).ConfigureAwait(false);
    }

    private async Task<bool> RecordAsync(IServiceProvider services, IOutboxStore outbox, OutboxMessage message, TakeDisputeAction answer, CancellationToken cancellationToken)
    {
        var recorded = await services.GetRequiredService<IMediator>().Send(answer, cancellationToken).ConfigureAwait(false);
        if (recorded.Status == CommandStatus.Conflict)
        {
            // Someone acted on the dispute at the same moment: record the gateway's answer on the next round.
            // The gateway is idempotent by its refund or charge id, so asking again moves no money twice.
            await outbox.FailAsync(message.Id, "The dispute changed while the gateway's answer was recorded.", _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
            return false;
        }

        // Refused means the dispute already moved past this attempt (a redelivered message): nothing to record.
        await outbox.CompleteAsync(message.Id, _time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {MessageId} failed (attempt {Attempt}); it will be retried")]
    private partial void LogDispatchFailed(Exception exception, string messageId, int attempt);
}
