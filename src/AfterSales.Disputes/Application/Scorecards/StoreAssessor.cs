using AfterSales.Disputes.Application.Policies;
using MediatR;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace AfterSales.Disputes.Application.Scorecards;

/// <summary>
/// Assesses the stores when a period ends: at start (so a period that ended while no host ran is assessed when one
/// comes back), then each time the clock passes the end of a period, checking every
/// <see cref="AfterSalesOptions.AssessmentCheckInterval"/>. Every host runs it; the store keeps one assessment per
/// store and period, so the hosts that race for a period store it once.
/// </summary>
internal sealed partial class StoreAssessor : BackgroundService
{
    private readonly IServiceScopeFactory _scopes;
    private readonly PolicyCatalog _catalog;
    private readonly AfterSalesOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger<StoreAssessor> _logger;

    public StoreAssessor(IServiceScopeFactory scopes, PolicyCatalog catalog, AfterSalesOptions options, TimeProvider time, ILogger<StoreAssessor> logger)
    {
        _scopes = scopes;
        _catalog = catalog;
        _options = options;
        _time = time;
        _logger = logger;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        DateTimeOffset? nextDue = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            var now = _time.GetUtcNow();
            if (nextDue is not { } due || now >= due)
            {
                try
                {
                    var scope = _scopes.CreateAsyncScope();
                    await using (scope.ConfigureAwait(false))
                    {
                        var stored = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new AssessStores(), stoppingToken).ConfigureAwait(false);
                        if (stored > 0)
                        {
                            LogAssessed(stored);
                        }
                    }

                    nextDue = _catalog.Governance.AssessmentRules.PeriodContaining(now).End;
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogFailed(exception); // tried again at the next check
                }
            }

            try
            {
                await Task.Delay(_options.AssessmentCheckInterval, _time, stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Assessed {Count} stores.")]
    private partial void LogAssessed(int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Assessing the stores failed; it is tried again at the next check.")]
    private partial void LogFailed(Exception exception);
}
