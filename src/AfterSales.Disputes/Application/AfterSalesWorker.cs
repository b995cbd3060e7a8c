using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Webhooks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application;

/// <summary>
/// The hosted worker: fires due deadlines, dispatches the outbox and delivers webhooks, round after round,
/// and waits <see cref="AfterSalesOptions.PollInterval"/> when a round found nothing to do. A failing round
/// is logged and retried; it never stops the host.
/// </summary>
public sealed partial class AfterSalesWorker : BackgroundService
{
    private readonly DeadlineRunner _deadlines;
    private readonly OutboxDispatcher _outbox;
    private readonly WebhookDeliverer _webhooks;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;
    private readonly ILogger<AfterSalesWorker> _logger;

    /// <summary>Creates the worker.</summary>
    public AfterSalesWorker(DeadlineRunner deadlines, OutboxDispatcher outbox, WebhookDeliverer webhooks, TimeProvider time,
        AfterSalesOptions options, ILogger<AfterSalesWorker> logger)
    {
        _deadlines = deadlines;
        _outbox = outbox;
        _webhooks = webhooks;
        _time = time;
        _options = options;
        _logger = logger;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            try
            {
                worked += await _deadlines.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                worked += await _outbox.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                worked += await _webhooks.RunOnceAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(exception);
            }

            if (worked == 0)
            {
                try
                {
                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A worker round failed; the next round retries")]
    private partial void LogRoundFailed(Exception exception);
}
