using System.Diagnostics;
using AfterSales.Disputes.Application.Deadlines;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Telemetry;
using AfterSales.Disputes.Application.Webhooks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application;

/// <summary>
/// The hosted worker: fires due deadlines, dispatches the outbox and delivers webhooks, round after round,
/// and waits <see cref="AfterSalesOptions.PollInterval"/> when a round found nothing to do. With a backlog it rests
/// after each round so that it works at most <see cref="AfterSalesOptions.WorkerShare"/> of the time: a storm of due
/// deadlines is drained steadily without starving the requests the host is answering. A failing round is logged
/// and retried; it never stops the host. Every <see cref="AfterSalesOptions.BacklogSampleInterval"/> it counts the
/// deadlines due and the outbox messages pending for <see cref="DisputeTelemetry"/>.
/// </summary>
public sealed partial class AfterSalesWorker : BackgroundService
{
    private readonly DeadlineRunner _deadlines;
    private readonly OutboxDispatcher _outbox;
    private readonly WebhookDeliverer _webhooks;
    private readonly TimeProvider _time;
    private readonly AfterSalesOptions _options;
    private readonly ILogger<AfterSalesWorker> _logger;
    private readonly IServiceScopeFactory _scopes;
    private readonly DisputeTelemetry _telemetry;
    private long _sampledAt;

    /// <summary>Creates the worker.</summary>
    public AfterSalesWorker(DeadlineRunner deadlines, OutboxDispatcher outbox, WebhookDeliverer webhooks, TimeProvider time,
        AfterSalesOptions options, ILogger<AfterSalesWorker> logger, IServiceScopeFactory scopes, DisputeTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(options); // AddAfterSalesDisputes refused options that cannot run
        _deadlines = deadlines;
        _outbox = outbox;
        _webhooks = webhooks;
        _time = time;
        _options = options;
        _logger = logger;
        _scopes = scopes;
        _telemetry = telemetry;
    }

    /// <inheritdoc/>
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var worked = 0;
            var started = Stopwatch.GetTimestamp();
            try
            {
                worked += await _deadlines.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                worked += await _outbox.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                worked += await _webhooks.RunOnceAsync(stoppingToken).ConfigureAwait(false);
                await SampleBacklogAsync(stoppingToken).ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                LogRoundFailed(exception);
            }

            try
            {
                if (worked == 0)
                {
                    await Task.Delay(_options.PollInterval, _time, stoppingToken).ConfigureAwait(false);
                }
                else if (_options.WorkerShare < 1)
                {
                    // Real time, not the engine's clock: this paces CPU and database use, not business time.
                    var busy = Stopwatch.GetElapsedTime(started);
                    await Task.Delay(busy * ((1 - _options.WorkerShare) / _options.WorkerShare), stoppingToken).ConfigureAwait(false);
                }
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Counts the backlog for the metrics, at most once per <see cref="AfterSalesOptions.BacklogSampleInterval"/>.</summary>
    public async Task SampleBacklogAsync(CancellationToken cancellationToken)
    {
        if (_sampledAt != 0 && Stopwatch.GetElapsedTime(_sampledAt) < _options.BacklogSampleInterval)
        {
            return;
        }

        _sampledAt = Stopwatch.GetTimestamp();
        using var scope = _scopes.CreateScope();
        var due = await scope.ServiceProvider.GetRequiredService<IDeadlineQueue>().CountDueAsync(_time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var pending = await scope.ServiceProvider.GetRequiredService<IOutboxStore>().CountPendingAsync(cancellationToken).ConfigureAwait(false);
        _telemetry.Backlog(due, pending);
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "A worker round failed; the next round retries")]
    private partial void LogRoundFailed(Exception exception);
}
